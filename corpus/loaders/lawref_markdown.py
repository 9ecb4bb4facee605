"""The LawRefBook Markdown layout: ``# title``, history, ``<!-- INFO END -->``, body."""

from __future__ import annotations

import re
from pathlib import Path

from corpus.loaders.raw_document import LoadError, RawDocument
from corpus.text_normalizer import normalize_text

INFO_END = "<!-- INFO END -->"
_HEADING_MARK = re.compile(r"^#{1,6}\s*")
_FRONT_MATTER = re.compile(r"^---\n.*?\n---\s*", re.S)


def _split_header(lines: list[str]) -> tuple[list[str], list[str]]:
    if INFO_END in lines:
        cut = lines.index(INFO_END)
        return lines[:cut], lines[cut + 1 :]
    for i, line in enumerate(lines):
        if line.startswith("##") or re.match(r"^第[^条]{1,8}条\s", line):
            return lines[:i], lines[i:]
    return [], lines


def parse_lawref_markdown(text: str, path: Path) -> RawDocument:
    """Split a LawRefBook file into titles, history and body blocks."""
    text = _FRONT_MATTER.sub("", text.replace("\r\n", "\n"), count=1)
    lines = [normalize_text(line) for line in text.split("\n")]
    header, body = _split_header(lines)
    titles = [_HEADING_MARK.sub("", line) for line in header if line.startswith("# ")]
    history = [line for line in header if line and not line.startswith("#")]
    blocks = [_HEADING_MARK.sub("", line) for line in body if line and not line.startswith("<!--")]
    if not titles:
        raise LoadError(f"未找到法规标题（缺少“# 标题”行）：{path.name}")
    return RawDocument(path=path, titles=titles, history=history, blocks=blocks)


def load_lawref_markdown(path: Path) -> RawDocument:
    return parse_lawref_markdown(path.read_text(encoding="utf-8"), path)
