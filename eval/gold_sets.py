"""Gold sets the evaluation report reads, in documented JSON/JSONL formats.

Retrieval: JSONL lines ``{"id"?, "question", "gold": [{"law", "article"}], "date"?}``
(or a JSON list of the same objects, or LawBench 3-2 ``{"question", "answer"}``).
Discretion: JSONL lines ``{"id"?, "violation_id", "facts": {CaseFacts fields},
"expected_tier_level"?, "expected_range_yuan"?: [min, max]}``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from assistant.discretion.conditions import CaseFacts
from corpus.errors import ErrorKind, ZhifaError
from corpus.law_names import short_name
from eval.lawbench import parse_gold


class GoldSetError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_gold_set"):
    """A gold set that cannot be read; Chinese message naming the file and line."""


@dataclass(frozen=True)
class GoldQuestion:
    """One retrieval question and the (law, article) keys that answer it."""

    qid: str
    question: str
    gold: frozenset[tuple[str, int]]
    on_date: date | None = None

    def gold_labels(self) -> list[str]:
        return [f"{law}第{article}条" for law, article in sorted(self.gold)]


class DiscretionCase(BaseModel):
    """Facts of one violation and the tier / fine range the standard prescribes."""

    id: str = ""
    violation_id: str
    facts: CaseFacts = Field(default_factory=CaseFacts)
    expected_tier_level: int | None = None
    expected_range_yuan: tuple[float, float] | None = None


def _records(path: Path) -> list[dict[str, Any]]:
    """JSON list or JSONL objects of ``path``."""
    text = Path(path).read_text(encoding="utf-8")
    if path.suffix.lower() == ".jsonl":
        rows = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise GoldSetError(f"{path} 第 {number} 行不是合法 JSON：{exc.msg}") from exc
        return rows
    data = json.loads(text)
    if not isinstance(data, list):
        raise GoldSetError(f"{path} 应为 JSON 列表")
    return data


def _question(row: dict[str, Any], position: int, path: Path) -> GoldQuestion | None:
    qid = str(row.get("id") or f"q{position:04d}")
    if "gold" in row:
        try:
            gold = frozenset((short_name(g["law"]), int(g["article"])) for g in row["gold"])
        except (KeyError, TypeError, ValueError) as exc:
            raise GoldSetError(f"{path} 第 {position} 题的 gold 应为 [{{law, article}}]") from exc
        day = date.fromisoformat(row["date"]) if row.get("date") else None
        return GoldQuestion(qid, row["question"], gold, day) if gold else None
    parsed = parse_gold(str(row.get("answer", "")))
    return GoldQuestion(qid, row["question"], frozenset({parsed.key})) if parsed else None


def load_retrieval_gold(path: Path) -> tuple[list[GoldQuestion], int]:
    """Questions with a usable gold, and how many rows had none."""
    rows = _records(Path(path))
    questions = [_question(row, i, Path(path)) for i, row in enumerate(rows, start=1)]
    kept = [q for q in questions if q is not None]
    return kept, len(rows) - len(kept)


def load_discretion_gold(path: Path) -> list[DiscretionCase]:
    """Discretion cases; ids default to the line number."""
    cases = []
    for position, row in enumerate(_records(Path(path)), start=1):
        case = DiscretionCase.model_validate(row)
        cases.append(case if case.id else case.model_copy(update={"id": f"d{position:03d}"}))
    return cases
