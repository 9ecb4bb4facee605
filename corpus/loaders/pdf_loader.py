"""PDF statutes through pdfplumber, re-joining lines that the page layout wrapped.

A PDF has lines, not paragraphs: a line starts a new block when it begins an
article, heading or item, when it is indented past the left margin, or when the
line before it closed a sentence.
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from corpus.loaders.plain_layout import split_plain_layout
from corpus.loaders.raw_document import LoadError, RawDocument
from corpus.structure_parser import ARTICLE_RE, HEADING_RE, ITEM_RE
from corpus.text_normalizer import normalize_text

_PAGE_NUMBER = re.compile(r"^[-—–\s]*\d+[-—–\s]*$|^第\s*\d+\s*页")
_CLOSERS = ("。", "；", "：", ":", ";")


def _indented(x0: float, margin: float, char_width: float) -> bool:
    return x0 > margin + char_width * 1.5


def _uses_indentation(rows: list[tuple[str, float, float]], margin: float) -> bool:
    """Published statutes indent each paragraph; then indentation alone marks a new one."""
    starts = [(x0, w) for text, x0, w in rows if ARTICLE_RE.match(text)]
    indented = sum(_indented(x0, margin, w) for x0, w in starts)
    return bool(starts) and indented >= 0.8 * len(starts)


def _starts_block(
    text: str, x0: float, margin: float, char_width: float, previous: str, by_indent: bool
) -> bool:
    if ARTICLE_RE.match(text) or HEADING_RE.match(text) or ITEM_RE.match(text):
        return True
    if by_indent:
        return _indented(x0, margin, char_width)
    return not previous or previous.endswith(_CLOSERS)


def _page_lines(page: pdfplumber.page.Page) -> list[tuple[str, float, float]]:
    rows = []
    for line in page.extract_text_lines(keep_blank_chars=False):
        text = normalize_text(line["text"])
        if text and not _PAGE_NUMBER.match(text):
            chars = line.get("chars") or []
            width = (line["x1"] - line["x0"]) / max(len(chars), 1)
            rows.append((text, float(line["x0"]), float(width)))
    return rows


def load_pdf(path: Path) -> RawDocument:
    try:
        with pdfplumber.open(str(path)) as pdf:
            rows = [row for page in pdf.pages for row in _page_lines(page)]
    except (PDFSyntaxError, PdfminerException, ValueError, KeyError) as exc:
        raise LoadError(f"无法解析 PDF：{path.name}（{exc.__class__.__name__}）") from exc
    if not rows:
        raise LoadError(f"PDF 中没有可提取的文字（可能是扫描件）：{path.name}")
    margin = min(x0 for _, x0, _ in rows)
    by_indent = _uses_indentation(rows, margin)
    blocks: list[str] = []
    for text, x0, width in rows:
        if blocks and not _starts_block(text, x0, margin, width, blocks[-1], by_indent):
            blocks[-1] += text
        else:
            blocks.append(text)
    return split_plain_layout(blocks, path)
