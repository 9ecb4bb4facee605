"""Paragraphs and items of an article: the granularity a duty or a 罚则 item is cited at.

A pair names the 款/项 the facts break (第三十四条第（十）项), not only the article,
so both sides are chosen among an article's units by how well they match the facts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from corpus.model import ArticleRecord

_NOISE = re.compile(r"[\s，。、；：,.;:（）()《》“”\"'0-9一二三四五六七八九十百]")
MUTUAL_MIN_GRAMS = 6
MUTUAL_BACKWARD = 0.9
DUTY_WORDS = re.compile(r"应当|不得|禁止|必须|严禁|未经|未取得|未依法|擅自")


@dataclass(frozen=True)
class NormUnit:
    """One citable unit of an article: the whole article, a 款, or a 项 (with its lead-in)."""

    record: ArticleRecord
    paragraph: int | None
    item: int | None
    text: str
    lead: str = ""

    @property
    def key(self) -> tuple[str, int | None, int | None]:
        return (self.record.unit_id, self.paragraph, self.item)

    @property
    def full_text(self) -> str:
        """The item with its paragraph's lead-in: 违反本法规定，有下列行为之一的 … （一）…."""
        return f"{self.lead}{self.text}" if self.lead else self.text


def bigrams(text: str) -> frozenset[str]:
    clean = _NOISE.sub("", text)
    return frozenset(clean[i : i + 2] for i in range(len(clean) - 1))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two bigram sets (symmetric; 0 when either is empty)."""
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def containment(query: frozenset[str], text: str) -> float:
    """Share of the query's bigrams the text contains (0..1)."""
    return len(query & bigrams(text)) / len(query) if query else 0.0


def article_units(record: ArticleRecord) -> list[NormUnit]:
    """Items where a paragraph has them, else paragraphs; the article itself when it has one."""
    paragraphs = record.paragraphs
    if len(paragraphs) == 1 and not paragraphs[0].items:
        return [NormUnit(record, None, None, record.text)]
    units: list[NormUnit] = []
    for paragraph in paragraphs:
        if paragraph.items:
            lead = paragraph.text.split("\n", 1)[0]
            units.extend(
                NormUnit(record, paragraph.number, item.number, item.text, lead)
                for item in paragraph.items
            )
        else:
            units.append(NormUnit(record, paragraph.number, None, paragraph.text))
    return units


def duty_units(record: ArticleRecord) -> list[NormUnit]:
    """Units that state an obligation or a prohibition (items inherit their lead's duty)."""
    units = article_units(record)
    found = [u for u in units if DUTY_WORDS.search(u.full_text)]
    return found or units


def best_unit(units: list[NormUnit], query: frozenset[str]) -> tuple[NormUnit, float]:
    """The unit the facts match best (first on ties: the statute's own order)."""
    scored = [(containment(query, u.full_text), -i, u) for i, u in enumerate(units)]
    match, _, unit = max(scored, key=lambda s: (s[0], s[1]))
    return unit, match


@dataclass
class LawLexicon:
    """Bigram IDF over one law version's articles, and its duty units with their bigrams.

    Within the 道路交通安全法 every article says 机动车; what tells its articles apart
    (饮酒, 安全带, 逃逸) weighs more, both when the facts are matched to a unit and
    when a 罚则 item is matched to the duty it sanctions.
    """

    idf: dict[str, float]
    duties: list[tuple[NormUnit, frozenset[str], frozenset[str]]]  # unit, with lead, own
    penalties: list[tuple[NormUnit, frozenset[str]]]
    default_idf: float

    @classmethod
    def build(cls, records: list[ArticleRecord], is_duty, is_penalty, behaviour) -> LawLexicon:
        df: dict[str, int] = {}
        for record in records:
            for gram in bigrams(record.text):
                df[gram] = df.get(gram, 0) + 1
        n = max(len(records), 1)
        idf = {g: math.log(1 + n / d) for g, d in df.items()}
        duties = [
            (unit, bigrams(unit.full_text), bigrams(unit.text))
            for record in records
            if is_duty(record)
            for unit in duty_units(record)
        ]
        penalties = [
            (unit, bigrams(behaviour(unit)))
            for record in records
            if is_penalty(record)
            for unit in article_units(record)
        ]
        return cls(idf, duties, penalties, math.log(1 + n))

    def weight(self, grams: frozenset[str]) -> float:
        return sum(self.idf.get(g, self.default_idf) for g in grams)

    def weighted_containment(self, wanted: frozenset[str], text_grams: frozenset[str]) -> float:
        """IDF-weighted share of ``wanted`` bigrams found in the text (0..1)."""
        total = self.weight(wanted)
        return self.weight(wanted & text_grams) / total if total else 0.0

    def mutual(
        self, behaviour: frozenset[str], duty: frozenset[str], own: frozenset[str] | None = None
    ) -> float:
        """How far a 罚则's conduct and a duty unit say the same: either contains the other.

        A short prohibition item (无标签的预包装食品) lies inside the longer conduct its
        罚则 item describes, so containment is taken both ways (short units excepted).
        """
        forward = self.weighted_containment(behaviour, duty)
        own = duty if own is None else own
        if len(own) < MUTUAL_MIN_GRAMS:
            return forward
        return max(forward, MUTUAL_BACKWARD * self.weighted_containment(own, behaviour))
