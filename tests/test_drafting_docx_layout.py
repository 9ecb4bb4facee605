"""The DOCX page is what agencies print: A4, GB/T 9704 margins, official fonts, page numbers."""

from __future__ import annotations

import zipfile
from io import BytesIO

from docx import Document
from docx.oxml.ns import qn

from assistant.drafting.docx_writer import FONT_FALLBACKS, docx_bytes

SAMPLE = "# 行政处罚决定书\n^ 江环罚〔2023〕15号\n## 一、违法事实\n当事人未依法取得排污许可证。\n> 江门市生态环境局\n"


def _document() -> Document:
    return Document(BytesIO(docx_bytes(SAMPLE, "决定书")))


def test_page_is_a4_with_gbt9704_margins() -> None:
    section = _document().sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    type_area = (section.page_width - section.left_margin - section.right_margin) / 36000
    assert round(type_area) == 156  # 版心宽 156 mm


def test_fonts_are_official_with_noto_fallbacks_named() -> None:
    paragraphs = _document().paragraphs
    east_asia = [p.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) for p in paragraphs]
    assert east_asia == ["方正小标宋简体", "仿宋_GB2312", "黑体", "仿宋_GB2312", "仿宋_GB2312"]
    assert paragraphs[3].runs[0].font.size.pt == 16  # 3号
    with zipfile.ZipFile(BytesIO(docx_bytes(SAMPLE, "决定书"))) as package:
        font_table = package.read("word/fontTable.xml").decode("utf-8")
    for official, fallback in FONT_FALLBACKS.items():
        assert f'<w:font w:name="{official}"><w:altName w:val="{fallback}"/>' in font_table
    assert "Noto Serif CJK SC" in FONT_FALLBACKS.values()


def test_footer_carries_a_page_number_field() -> None:
    footer = _document().sections[0].footer
    xml = footer._element.xml
    assert 'w:instr="PAGE"' in xml
    assert footer.paragraphs[0].text.startswith("— ") and footer.paragraphs[0].text.endswith(" —")
