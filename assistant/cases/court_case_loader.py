"""Published court cases in Markdown (front matter, ``# title``, ``## 基本案情`` …) → Case.

The shipped collection (人民法院案例, 典型案例) uses varying headings: 基本案情 /
简要案情 / 案情回顾 for the facts, 裁判结果 / 处理结果 / 法院裁判 for the outcome,
and 裁判理由 / 典型意义 / 案例分析 … for the reasoning; all are kept as sections.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from assistant.cases.decision_loader import parse_chinese_date
from assistant.cases.document_text import decode_text
from assistant.cases.model import Case, CaseKind
from corpus.errors import ErrorKind, ZhifaError
from corpus.text_normalizer import normalize_text

FACT_SECTIONS: tuple[str, ...] = ("基本案情", "简要案情", "案情回顾", "案情简介", "案情")
CLAIM_SECTIONS: tuple[str, ...] = ("原告诉讼请求", "申请人请求", "诉讼请求")
OUTCOME_SECTIONS: tuple[str, ...] = ("裁判结果", "处理结果", "法院裁判", "判决结果")
_COURT = re.compile(r"[\u4e00-\u9fff]{2,30}?(?:人民法院|仲裁委员会)")
_COURT_LEAD = re.compile(r"委托|向|由|经|被|在|于|后|的|该")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_CASE_NAME = re.compile(r"(?:诉|与).+(?:案|一案)$")
_PLAINTIFFS = re.compile(r"^(.+?)(?:诉|与)")
_MARKERS = re.compile(r"<!--.*?-->")


class CourtCaseFormatError(
    ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_case_document"
):
    """A Markdown file without a title or facts; Chinese message."""


def iter_court_cases(root: Path) -> Iterator[Case]:
    """Every case file under ``root`` (folder index pages ``_index.md`` are skipped)."""
    for path in sorted(root.rglob("*.md")):
        if path.name.startswith("_") or path.name.lower() == "readme.md":
            continue
        yield load_court_case(path, domain=_domain(path, root))


def _domain(path: Path, root: Path) -> str | None:
    relative = path.relative_to(root).parts
    return relative[0] if len(relative) > 1 else None


def load_court_case(path: Path, domain: str | None = None) -> Case:
    """One court case file; ``domain`` defaults to the folder it sits in."""
    text = decode_text(path.read_bytes(), path)
    return parse_court_case(text, str(path), domain or path.parent.name)


def parse_court_case(text: str, source: str, domain: str | None) -> Case:
    heading, sections = _sections(_strip_front_matter(text))
    case_name = next((name for name in sections if _CASE_NAME.search(name)), None)
    facts = "\n".join(sections[k] for k in (*FACT_SECTIONS, *CLAIM_SECTIONS) if sections.get(k))
    outcome = "\n".join(sections[k] for k in OUTCOME_SECTIONS if sections.get(k))
    if not facts:
        facts = "\n".join(body for name, body in sections.items() if body and name != case_name)
    if not heading or not facts:
        raise CourtCaseFormatError(f"不是案例文件（缺少标题或案情）：{Path(source).name}")
    title = case_name or heading
    if case_name and heading != case_name:
        sections = {"要旨": heading, **sections}
    return Case(
        kind=CaseKind.JUDGMENT,
        title=title,
        agency=court_name(outcome or facts),
        date=_first_date(outcome),
        parties=_parties(case_name) if case_name else [],
        facts=facts,
        decision=outcome,
        domain=domain,
        sections={name: body for name, body in sections.items() if body},
        source=source,
    ).with_id()


def _strip_front_matter(text: str) -> str:
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            return text[end + 4 :]
    return text


def _sections(text: str) -> tuple[str, dict[str, list[str] | str]]:
    """(# title, {## heading: body}) with comment markers removed and lines normalised."""
    title = ""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in _MARKERS.sub("", text).split("\n"):
        line = normalize_text(raw)
        if line.startswith("# "):
            title = title or line[2:].strip()
        elif line.startswith("## "):
            current = sections.setdefault(line[3:].strip(), [])
        elif line and current is not None:
            current.append(line)
    return title, {name: "\n".join(body) for name, body in sections.items()}


def court_name(text: str) -> str | None:
    """The first court named in ``text``, without the words before it (该法院委托…)."""
    match = _COURT.search(text)
    if not match:
        return None
    name = _COURT_LEAD.split(match.group(0))[-1]
    return name if len(name) >= 5 else None


def _first_date(text: str) -> dt.date | None:
    match = _DATE.search(text)
    return parse_chinese_date(*match.groups()) if match else None


def _parties(title: str) -> list[str]:
    """Plaintiffs named in ``X、Y诉Z…案`` (people, not the courts or agencies)."""
    match = _PLAINTIFFS.match(title)
    if not match:
        return []
    names = re.split(r"[、，,]|等人", match.group(1))
    return [name for name in names if 1 < len(name) <= 4]
