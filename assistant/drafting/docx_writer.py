"""Rendered template text → DOCX (python-docx), in the layout official documents use.

Templates write plain text with four line marks an agency can keep while editing:
``# `` title (centred, bold), ``## `` section heading (bold), ``^ `` centred line
(文号), ``> `` right-aligned line (落款、日期、印章). Every other non-blank line is a
body paragraph with a two-character first-line indent.

The page is what agencies print (GB/T 9704-2012 《党政机关公文格式》): A4, margins
37 mm top, 28 mm left (订口), 26 mm right and 35 mm bottom (a 156 × 225 mm 版心),
3号仿宋 body on a 22-line grid, 黑体 section headings, 2号小标宋 title, and a
"— 1 —" page number in the footer. Chinese official fonts are often missing on
Linux offices, so the font table names a Noto CJK fallback for each.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from typing import Literal

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

LineStyle = Literal["title", "heading", "center", "right", "body"]
_MARKS: tuple[tuple[str, LineStyle], ...] = (
    ("## ", "heading"),
    ("# ", "title"),
    ("^ ", "center"),
    ("> ", "right"),
)
BODY_FONT, HEADING_FONT, TITLE_FONT, PAGE_NUMBER_FONT = (
    "仿宋_GB2312",
    "黑体",
    "方正小标宋简体",
    "宋体",
)
FONT_FALLBACKS = {
    BODY_FONT: "Noto Serif CJK SC",
    HEADING_FONT: "Noto Sans CJK SC",
    TITLE_FONT: "Noto Serif CJK SC",
    PAGE_NUMBER_FONT: "Noto Serif CJK SC",
}
"""Official font → the Noto font (Debian fonts-noto-cjk) named as its ``w:altName``."""
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(37), Mm(35), Mm(28), Mm(26)
LINE_PITCH = Pt(28.95)
"""225 mm 版心 / 22 lines."""


@dataclass(frozen=True)
class Line:
    style: LineStyle
    text: str


def parse_lines(text: str) -> list[Line]:
    """The styled lines of a rendered template (blank lines dropped)."""
    lines: list[Line] = []
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped:
            continue
        style: LineStyle = "body"
        for mark, kind in _MARKS:
            if stripped.startswith(mark):
                style, stripped = kind, stripped[len(mark) :].strip()
                break
        lines.append(Line(style, stripped))
    return lines


def plain_text(text: str) -> str:
    """The rendered text without line marks, one paragraph per line."""
    return "\n".join(line.text for line in parse_lines(text)) + "\n"


def _font(run: object, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _add(document: object, line: Line) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.paragraph_format.line_spacing = LINE_PITCH
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(line.text)
    if line.style == "title":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.line_spacing = Pt(40)
        _font(run, TITLE_FONT, 22)
    elif line.style == "heading":
        _font(run, HEADING_FONT, 16)
    elif line.style == "center":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(run, BODY_FONT, 16)
    elif line.style == "right":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _font(run, BODY_FONT, 16)
    else:
        paragraph.paragraph_format.first_line_indent = Pt(32)
        _font(run, BODY_FONT, 16)


def _a4_page(document: object) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.footer_distance = Mm(28) - Mm(7)
    _page_number_footer(section.footer.paragraphs[0])


def _page_number_footer(paragraph: object) -> None:
    """ "— N —" centred: a PAGE field between two em dashes (4号宋体)."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(paragraph.add_run("— "), PAGE_NUMBER_FONT, 14)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    number = paragraph.add_run("1")
    _font(number, PAGE_NUMBER_FONT, 14)
    field.append(number._element)
    paragraph._p.append(field)
    _font(paragraph.add_run(" —"), PAGE_NUMBER_FONT, 14)


def _name_fallback_fonts(document: object) -> None:
    """Declare each official font in the font table with its Noto ``altName``."""
    table = document.part.part_related_by(RT.FONT_TABLE)
    root = etree.fromstring(table.blob)
    for name, fallback in FONT_FALLBACKS.items():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        alt = OxmlElement("w:altName")
        alt.set(qn("w:val"), fallback)
        charset = OxmlElement("w:charset")
        charset.set(qn("w:val"), "86")  # GB2312
        font.append(alt)
        font.append(charset)
        root.append(font)
    table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def docx_bytes(text: str, title: str) -> bytes:
    """The rendered text as a DOCX document."""
    document = Document()
    document.core_properties.title = title
    _a4_page(document)
    _name_fallback_fonts(document)
    for line in parse_lines(text):
        _add(document, line)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
