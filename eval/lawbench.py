"""LawBench 3-2 (provision recommendation): questions with one gold statute article.

The gold is parsed from the free-text answer — ``根据《农民专业合作社法》第五十六条…``,
``根据公司法第149条…``, ``根据民法商法类中的票据法的第一百零八条…`` — as (short law
name, article number); a hit is the same law and the same article number.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from corpus.law_names import short_name
from corpus.numerals import parse_number

_GOLD = re.compile(
    r"([\u4e00-\u9fff]{2,24}?(?:法|条例|办法|规定|决定|解释|细则|法典))》?的?第([〇零一二两三四五六七八九十百千\d]+)条"
)
_LEADING = re.compile(r"^(?:这属于|根据|依据|依照|按照|我国的?)+")
_CATEGORY = re.compile(r"^.*?(?:类中的?|法中的?|中的)(?=[\u4e00-\u9fff]{2})")


@dataclass(frozen=True)
class GoldArticle:
    """The one article a question is about."""

    law: str
    article: int

    @property
    def key(self) -> tuple[str, int]:
        return (self.law, self.article)


@dataclass(frozen=True)
class EvalQuestion:
    """A question, its gold article, and (after an audit) every article accepted for it."""

    question: str
    gold: GoldArticle
    accepted: frozenset[tuple[str, int]] = field(default_factory=frozenset)

    @property
    def relevant(self) -> set[tuple[str, int]]:
        """The keys that count as a hit: the audited ones, else the one gold."""
        return set(self.accepted) or {self.gold.key}


def parse_gold(answer: str) -> GoldArticle | None:
    """The first ``<law>第N条`` of an answer, or None when it names no article."""
    match = _GOLD.search(answer)
    if match is None:
        return None
    name = _LEADING.sub("", match.group(1))
    if not name.startswith("中华人民共和国"):
        name = _CATEGORY.sub("", name)
    return GoldArticle(short_name(name), parse_number(match.group(2)))


def set_name(path: Path) -> str:
    """A set's name in reports and caches: the file's stem, or its folder's name for the
    shipped ``eval/sets/<name>/questions.json`` (three sets share that file name)."""
    path = Path(path)
    return path.parent.name if path.stem == "questions" else path.stem


def load_lawbench(path: Path) -> tuple[list[EvalQuestion], int]:
    """Questions with a parsable gold, and how many were skipped for lack of one."""
    items = json.loads(Path(path).read_text(encoding="utf-8"))
    questions: list[EvalQuestion] = []
    for item in items:
        gold = parse_gold(item["answer"])
        if gold is not None:
            questions.append(EvalQuestion(item["question"], gold))
    return questions, len(items) - len(questions)
