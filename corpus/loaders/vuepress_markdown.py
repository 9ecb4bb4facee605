"""Government rules published as VuePress Markdown (front matter, ``<p>`` per article).

The Guangdong three-systems rules and the environment ministry rules in
../shared/data/rules use this layout; their HTML is flattened to text blocks.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from corpus.loaders.raw_document import LoadError, RawDocument
from corpus.text_normalizer import normalize_text

_FRONT = re.compile(r"^---\n(.*?)\n---\n", re.S)
_CONTAINER = re.compile(r"^:::.*?^:::\s*$", re.S | re.M)
_REVISION_INFO = re.compile(r"^::: tip 修订信息\s*$(.*?)^:::\s*$", re.S | re.M)
_TAG = re.compile(r"<[^>]+>")
_ATTR = re.compile(r"\{[^{}]*\}\s*$")


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep and not line.startswith(" ") and value.strip():
            fields[key.strip()] = value.strip().strip("'\"")
    return fields, text[match.end() :]


def _body_lines(body: str) -> list[str]:
    body = _CONTAINER.sub("", body)
    body = re.sub(r"<br\s*/?>", "\n", body)
    body = re.sub(r"</p>", "\n", body)
    lines: list[str] = []
    for raw in body.split("\n"):
        line = html.unescape(_TAG.sub("", raw))
        line = _ATTR.sub("", line.lstrip("#").strip())
        line = normalize_text(line)
        if line and not line.startswith(("---", ":::", "@tab", "[[toc]]", "- 第", "[", "<http")):
            lines.append(line)
    return lines


def parse_vuepress_markdown(text: str, path: Path) -> RawDocument:
    """Front matter gives title and date; the body is flattened into blocks."""
    fields, body = _front_matter(text.replace("\r\n", "\n"))
    title = fields.get("title")
    if not title:
        raise LoadError(f"前置元数据缺少 title：{path.name}")
    history = [f"{fields['date']} 公布"] if "date" in fields else []
    if info := _REVISION_INFO.search(body):
        history += [
            normalize_text(html.unescape(line))
            for line in info.group(1).split("\n")
            if line.strip()
        ]
    return RawDocument(
        path=path,
        titles=[normalize_text(title)],
        history=history,
        blocks=_body_lines(body),
        front_matter=fields,
    )


def load_vuepress_markdown(path: Path) -> RawDocument:
    return parse_vuepress_markdown(path.read_text(encoding="utf-8"), path)
