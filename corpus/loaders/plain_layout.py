"""Title, history and body in a statute with no markup (text, DOCX, PDF).

Layout as published: the title line(s), dated history lines (通过/修正/修订/公布/
施行), optionally a 目录, then headings and articles. The first heading or
article after the history starts the body.
"""

from __future__ import annotations

import re
from pathlib import Path

from corpus.loaders.raw_document import LoadError, RawDocument
from corpus.revision_history import find_dates
from corpus.structure_parser import ARTICLE_RE, HEADING_RE

_HISTORY_WORDS = ("通过", "修正", "修订", "公布", "施行", "发布")
_TOC = re.compile(r"^目\s*录$")


def _is_history(line: str) -> bool:
    stripped = line.strip("（）() ")
    return bool(find_dates(stripped)) and any(w in stripped for w in _HISTORY_WORDS)


def _body_start(lines: list[str]) -> int:
    """Index of the first heading/article that is not part of a 目录."""
    in_toc = False
    for i, line in enumerate(lines):
        if _TOC.match(line):
            in_toc = True
            continue
        if ARTICLE_RE.match(line):
            return i
        if HEADING_RE.match(line) and not in_toc:
            return i
        if (
            in_toc
            and HEADING_RE.match(line)
            and i + 1 < len(lines)
            and ARTICLE_RE.match(lines[i + 1])
        ):
            return i
    return len(lines)


def split_plain_layout(lines: list[str], path: Path) -> RawDocument:
    """Split normalised non-empty lines into titles, history and body blocks."""
    lines = [line for line in lines if line]
    start = _body_start(lines)
    header = lines[:start]
    if not header:
        raise LoadError(f"未找到法规标题（正文前没有标题行）：{path.name}")
    titles = [line for line in header if not _is_history(line) and not _TOC.match(line)]
    history = [line for line in header if _is_history(line)]
    if not titles:
        raise LoadError(f"未找到法规标题：{path.name}")
    toc_free_titles = titles[:1] if HEADING_RE.match(titles[-1]) else titles[:1]
    return RawDocument(path=path, titles=toc_free_titles, history=history, blocks=lines[start:])
