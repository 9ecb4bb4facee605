"""DOCX statutes through python-docx: one Word paragraph is one block."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError

from corpus.loaders.plain_layout import split_plain_layout
from corpus.loaders.raw_document import LoadError, RawDocument
from corpus.text_normalizer import normalize_text


def load_docx(path: Path) -> RawDocument:
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise LoadError(f"不是有效的 DOCX 文件：{path.name}（{exc.__class__.__name__}）") from exc
    lines: list[str] = []
    for paragraph in document.paragraphs:
        lines.extend(normalize_text(part) for part in paragraph.text.split("\n"))
    return split_plain_layout(lines, path)
