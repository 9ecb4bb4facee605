"""Plain-text statutes (UTF-8 or GB18030, as agencies still publish them)."""

from __future__ import annotations

from pathlib import Path

from corpus.loaders.plain_layout import split_plain_layout
from corpus.loaders.raw_document import LoadError, RawDocument
from corpus.text_normalizer import normalize_text


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LoadError(f"无法识别文本编码（需 UTF-8 或 GB18030）：{path.name}")


def load_text(path: Path) -> RawDocument:
    text = _decode(path.read_bytes(), path)
    lines = [normalize_text(line) for line in text.replace("\r\n", "\n").split("\n")]
    return split_plain_layout(lines, path)
