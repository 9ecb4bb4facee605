"""CAIL2018 criminal cases: GB18030-encoded newline-delimited JSON, one judgment per line.

Each line holds ``fact`` and ``meta`` (relevant_articles = 刑法 article numbers,
accusation, term_of_imprisonment, punish_of_money, criminals). The articles become
written citations 《刑法》第X条 that the importer resolves against the corpus.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.cases.model import Case, CaseKind, CitedArticle, Penalty
from corpus.errors import ErrorKind, ZhifaError
from corpus.numerals import to_chinese
from corpus.text_normalizer import normalize_text

CAIL_ENCODING = "gb18030"
CRIMINAL_LAW = "刑法"
CRIMINAL_DOMAIN = "刑事"


class CailFormatError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_case_document"):
    """A line that is not a CAIL record; the message is Chinese."""


def looks_like_cail(path: Path) -> bool:
    """A .json/.jsonl file whose first line is a JSON object with ``fact`` and ``meta``."""
    if path.suffix.lower() not in {".json", ".jsonl"}:
        return False
    with path.open("rb") as handle:
        first = handle.readline()
    try:
        record = json.loads(first.decode(CAIL_ENCODING))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(record, dict) and "fact" in record and "meta" in record


def iter_cail_cases(path: Path, limit: int | None = None) -> Iterator[Case]:
    """The cases of a CAIL file, in file order (``limit``: only the first ones)."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if limit is not None and number > limit:
                return
            line = raw.decode(CAIL_ENCODING).strip()
            if line:
                yield cail_case(_parse_line(line, path, number), f"{path.name}#{number}")


def load_cail_cases(path: Path, limit: int | None = None) -> list[Case]:
    return list(iter_cail_cases(path, limit))


def _parse_line(line: str, path: Path, number: int) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CailFormatError(f"{path.name} 第{number}行不是有效的 JSON：{exc.msg}") from exc
    if not isinstance(record, dict) or "fact" not in record or "meta" not in record:
        raise CailFormatError(f"{path.name} 第{number}行缺少 fact 或 meta 字段")
    return record


def cail_case(record: dict[str, Any], source: str) -> Case:
    """One CAIL record as a Case (criminal, 刑法 articles cited, sentence as penalty)."""
    meta = record["meta"]
    charges = [str(a) for a in meta.get("accusation", [])]
    return Case(
        kind=CaseKind.CRIMINAL,
        title=f"{'、'.join(charge_label(c) for c in charges) or '刑事'}案",
        parties=[str(name) for name in meta.get("criminals", [])],
        facts=normalize_text(str(record["fact"])),
        cited=[
            CitedArticle(written=f"《{CRIMINAL_LAW}》第{to_chinese(int(n))}条")
            for n in meta.get("relevant_articles", [])
        ],
        penalty=_sentence(meta),
        charges=charges,
        domain=CRIMINAL_DOMAIN,
        source=source,
    ).with_id()


def charge_label(accusation: str) -> str:
    """CAIL writes alternatives in brackets: [生产、销售][有毒、有害]食品 → 生产、销售有毒、有害食品."""
    return accusation.replace("[", "").replace("]", "")


def _sentence(meta: dict[str, Any]) -> Penalty:
    term = meta.get("term_of_imprisonment") or {}
    months = int(term.get("imprisonment") or 0)
    fine = float(meta.get("punish_of_money") or 0)
    death, life = bool(term.get("death_penalty")), bool(term.get("life_imprisonment"))
    types = [
        name
        for name, present in (
            ("死刑", death),
            ("无期徒刑", life),
            ("有期徒刑", months > 0),
            ("罚金", fine > 0),
        )
        if present
    ]
    return Penalty(
        types=types,
        fine_yuan=fine or None,
        term_months=months or None,
        life_imprisonment=life,
        death_penalty=death,
    )
