"""Container loaders: each turns a file into a RawDocument for the structure parser."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from corpus.loaders.docx_loader import load_docx
from corpus.loaders.lawref_markdown import load_lawref_markdown
from corpus.loaders.pdf_loader import load_pdf
from corpus.loaders.raw_document import LoadError, RawDocument
from corpus.loaders.text_loader import load_text
from corpus.loaders.vuepress_markdown import load_vuepress_markdown

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".docx", ".pdf")


def _load_markdown(path: Path) -> RawDocument:
    head = path.read_text(encoding="utf-8", errors="replace")[:400]
    if head.startswith("---") and "\ntitle:" in head:
        return load_vuepress_markdown(path)
    return load_lawref_markdown(path)


_LOADERS: dict[str, Callable[[Path], RawDocument]] = {
    ".md": _load_markdown,
    ".markdown": _load_markdown,
    ".txt": load_text,
    ".docx": load_docx,
    ".pdf": load_pdf,
}


def load_document(path: Path) -> RawDocument:
    """Load any supported statute file; LoadError (Chinese message) otherwise."""
    loader = _LOADERS.get(path.suffix.lower())
    if loader is None:
        raise LoadError(f"不支持的文件类型 {path.suffix or '（无扩展名）'}：{path.name}")
    if path.stat().st_size == 0:
        raise LoadError(f"文件为空：{path.name}")
    try:
        return loader(path)
    except UnicodeDecodeError as exc:
        raise LoadError(f"文件不是 UTF-8 文本：{path.name}") from exc


__all__ = ["SUPPORTED_SUFFIXES", "LoadError", "RawDocument", "load_document"]
