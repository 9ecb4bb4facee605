"""Rendered template text → DOCX (python-docx), in the layout official documents use.

Templates write plain text with four line marks an agency can keep while editing:
``# `` title (centred, bold), ``## `` section heading (bold), ``^ `` centred line
(文号), ``> `` right-aligned line (落款、日期、印章). Every other non-blank line is a
body paragraph with a two-character first-line indent.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from typing import Literal

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

LineStyle = Literal["title", "heading", "center", "right", "body"]
_MARKS: tuple[tuple[str, LineStyle], ...] = (
    ("## ", "heading"),
    ("# ", "title"),
    ("^ ", "center"),
    ("> ", "right"),
)
BODY_FONT, TITLE_FONT = "仿宋", "宋体"


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
    run = paragraph.add_run(line.text)
    if line.style == "title":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(run, TITLE_FONT, 22, bold=True)
    elif line.style == "heading":
        _font(run, BODY_FONT, 16, bold=True)
    elif line.style == "center":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(run, BODY_FONT, 16)
    elif line.style == "right":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _font(run, BODY_FONT, 16)
    else:
        paragraph.paragraph_format.first_line_indent = Pt(32)
        _font(run, BODY_FONT, 16)


def docx_bytes(text: str, title: str) -> bytes:
    """The rendered text as a DOCX document."""
    document = Document()
    document.core_properties.title = title
    for line in parse_lines(text):
        _add(document, line)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
