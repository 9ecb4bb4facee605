"""PDF, DOCX and plain-text statutes parse to the same structure as the Markdown one.

The PDF and DOCX are generated here from the shipped Markdown of 行政处罚法, laid
out as published (centred title, indented paragraphs, wrapped lines).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

from corpus.law_builder import parse_law_file
from corpus.loaders import LoadError
from corpus.loaders.lawref_markdown import load_lawref_markdown
from corpus.model import ParsedLaw
from corpus.settings import DEFAULT_CORPUS_DIR
from corpus.structure_parser import HEADING_RE, ITEM_RE

SOURCE = DEFAULT_CORPUS_DIR / "laws" / "行政法" / "行政处罚法(2021-01-22).md"


def _published_lines() -> tuple[list[str], list[str]]:
    raw = load_lawref_markdown(SOURCE)
    return [*raw.titles, *raw.history], raw.blocks


def _write_pdf(path: Path) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle(
        "body", fontName="STSong-Light", fontSize=11, leading=16, firstLineIndent=22, wordWrap="CJK"
    )
    centre = ParagraphStyle("centre", parent=body, alignment=TA_CENTER, firstLineIndent=0)
    header, blocks = _published_lines()
    story = [Paragraph(line, centre) for line in header]
    for block in blocks:
        story.append(Paragraph(block, centre if HEADING_RE.match(block) else body))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def _write_docx(path: Path) -> None:
    document = docx.Document()
    header, blocks = _published_lines()
    document.add_heading(header[0], level=0)
    for line in header[1:] + blocks:
        document.add_paragraph(line)
    document.save(str(path))


def _write_text(path: Path) -> None:
    header, blocks = _published_lines()
    path.write_text("\n\n".join(header + blocks), encoding="gb18030")


def _shape(law: ParsedLaw) -> list[tuple]:
    return [
        (a.key, a.headings, tuple((p.text, tuple(i.text for i in p.items)) for p in a.paragraphs))
        for a in law.articles
    ]


@pytest.fixture(scope="module")
def markdown_law() -> ParsedLaw:
    return parse_law_file(SOURCE)


@pytest.mark.parametrize(
    ("suffix", "writer"), [(".pdf", _write_pdf), (".docx", _write_docx), (".txt", _write_text)]
)
def test_same_structure_as_markdown(
    tmp_path: Path, markdown_law: ParsedLaw, suffix: str, writer
) -> None:
    path = tmp_path / f"行政处罚法(2021-01-22){suffix}"
    writer(path)
    law = parse_law_file(path)
    assert law.info.title == "中华人民共和国行政处罚法"
    assert len(law.articles) == 86
    assert _shape(law) == _shape(markdown_law)
    assert law.info.version_date == markdown_law.info.version_date


def test_pdf_items_stay_in_their_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "行政处罚法(2021-01-22).pdf"
    _write_pdf(path)
    ninth = parse_law_file(path).articles[8]
    assert len(ninth.paragraphs) == 1
    assert all(ITEM_RE.match(item.text) for item in ninth.paragraphs[0].items)
    assert len(ninth.paragraphs[0].items) == 6


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("空文件.md", b"", "文件为空"),
        ("坏文件.docx", b"not a zip", "不是有效的 DOCX"),
        ("坏文件.pdf", b"%PDF-1.4 broken", "PDF"),
        ("无标题.txt", "第一条 正文。".encode(), "未找到法规标题"),
        ("表格.xlsx", b"PK", "不支持的文件类型"),
    ],
)
def test_bad_files_fail_with_a_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError, match=reason):
        parse_law_file(path)
