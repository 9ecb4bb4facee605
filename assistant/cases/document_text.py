"""Plain lines of a case document (TXT, DOCX, PDF), for heading-based section parsing.

Statute loaders in ``corpus.loaders`` split by article structure, which a 处罚决定书
does not have, so this reads the raw lines with the same libraries and normalisation.
PDF lines wrapped mid-sentence are joined back, so headings start their own line.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pdfplumber
from docx.opc.exceptions import PackageNotFoundError
from pdfminer.pdfparser import PDFSyntaxError

from corpus.errors import ErrorKind, ZhifaError
from corpus.text_normalizer import normalize_text

DOCUMENT_SUFFIXES: frozenset[str] = frozenset({".txt", ".docx", ".pdf"})
_SENTENCE_END = ("。", "；", "：", ":", "！", "？", "号", "）")
_STARTS_LINE = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[①-⑳])"
)


class DocumentReadError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="unreadable_file"):
    """A file that cannot be read as a case document; the message is Chinese."""


def read_lines(path: Path) -> list[str]:
    """Non-empty normalised lines of ``path`` by its suffix."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        raw = _docx_lines(path)
    elif suffix == ".pdf":
        raw = _join_wrapped(_pdf_lines(path))
    elif suffix == ".txt":
        raw = decode_text(path.read_bytes(), path).replace("\r\n", "\n").split("\n")
    else:
        raise DocumentReadError(f"不支持的文件类型：{path.name}（支持 .txt、.docx、.pdf）")
    return [line for line in (normalize_text(r) for r in raw) if line]


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 or GB18030, the two encodings agencies publish text in."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DocumentReadError(f"无法识别文本编码（需 UTF-8 或 GB18030）：{path.name}")


def _docx_lines(path: Path) -> list[str]:
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise DocumentReadError(f"不是有效的 DOCX 文件：{path.name}") from exc
    return [part for p in document.paragraphs for part in p.text.split("\n")]


def _pdf_lines(path: Path) -> list[str]:
    try:
        with pdfplumber.open(str(path)) as pdf:
            lines = [line for page in pdf.pages for line in (page.extract_text() or "").split("\n")]
    except (PDFSyntaxError, ValueError, KeyError) as exc:
        raise DocumentReadError(f"无法解析 PDF：{path.name}") from exc
    if not any(line.strip() for line in lines):
        raise DocumentReadError(f"PDF 中没有可提取的文字（可能是扫描件）：{path.name}")
    return lines


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join a PDF line to the previous one when that one stopped mid-sentence."""
    joined: list[str] = []
    for line in (normalize_text(raw) for raw in lines):
        if not line:
            continue
        continues = joined and not joined[-1].endswith(_SENTENCE_END) and len(joined[-1]) >= 20
        if continues and not _STARTS_LINE.match(line):
            joined[-1] += line
        else:
            joined.append(line)
    return joined
