"""Every 罚则 item of the statutes, searchable by the act it restates.

A 罚则 item restates the act it punishes in the statute's own words (未取得食品生产经营
许可从事食品生产经营活动的; 旅馆业的工作人员对住宿的旅客不按规定登记…的), so the
situation is matched against each item directly, at character-bigram level so an
officer's plain words still meet the statute's. The best items name the law to search
(whatever the routing table says) and the 罚则 to pair, whose duty the statute names
(违反本法第X条) or the item restates. Built once from the corpus; nothing is tuned to
a question set beyond the depth and weight reported with the figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np

from assistant.norm_links import is_penalty_norm
from assistant.norm_units import NormUnit, article_units
from corpus.model import SELF_STATED_HEADING, ArticleRecord
from indexing.law_prior import BigramBM25

MATCHED_LEVELS = ("法律", "行政法规")
_BEHAVIOUR_END = re.compile(r"的[，,]|[，,]由|[，,]处|[，,]责令|[，,]对")


@dataclass(frozen=True)
class PenaltyMatch:
    """A 罚则 unit and how well the situation restates its act (1.0 for the best)."""

    unit: NormUnit
    strength: float


def stated_act(unit: NormUnit) -> str:
    """The act a 罚则 unit describes: the item with its lead-in's condition, or the
    paragraph up to 的，/由/处 (the sanction that follows says nothing of the act)."""
    if unit.item is not None:
        end = _BEHAVIOUR_END.search(unit.lead)
        condition = unit.lead[: end.start()] if end else ""
        return f"{condition} {unit.text}"
    end = _BEHAVIOUR_END.search(unit.text)
    return unit.text[: end.start()] if end else unit.text


def states_own_act(record: ArticleRecord) -> bool:
    """治安管理处罚法-style articles: the act and its penalty in one article, no duty elsewhere."""
    return any(SELF_STATED_HEADING.search(h) for h in record.headings)


class PenaltyItemIndex:
    """Bigram BM25 over the stated act of every 罚则 unit of the statutes and regulations."""

    def __init__(self, units: list[NormUnit]) -> None:
        self.units = units
        self._bm25 = BigramBM25([stated_act(u) for u in units])
        self._start = np.array([u.record.version.toordinal() for u in units])
        self._end = np.array(
            [u.record.effective_to.toordinal() if u.record.effective_to else 10**7 for u in units]
        )
        self._law_ids: dict[str, int] = {}
        self._law = np.array(
            [self._law_ids.setdefault(u.record.law, len(self._law_ids)) for u in units]
        )

    @classmethod
    def from_records(cls, records: Iterable[ArticleRecord]) -> PenaltyItemIndex:
        units = [
            unit
            for record in records
            if record.level in MATCHED_LEVELS and is_penalty_norm(record)
            for unit in article_units(record)
        ]
        return cls(units)

    def scores(self, situation: str, on: date) -> np.ndarray:
        """BM25 of every unit's stated act against the situation; 0 where not in force on ``on``."""
        day = on.toordinal()
        keep = (self._start <= day) & (day < self._end)
        return np.where(keep, self._bm25.scores(situation), 0.0)

    def search(
        self, situation: str, on: date, depth: int, laws: Iterable[str]
    ) -> list[PenaltyMatch]:
        """The ``depth`` units of ``laws`` in force on ``on`` whose act the situation restates
        best. Across the whole corpus an officer's plain words meet stray items of unrelated
        laws; within the laws the situation is routed to, the item restating the act stands out.
        """
        wanted = [self._law_ids[law] for law in laws if law in self._law_ids]
        if not wanted:
            return []
        scores = np.where(np.isin(self._law, wanted), self.scores(situation, on), 0.0)
        order = np.argsort(-scores, kind="stable")[:depth]
        best = float(scores[order[0]]) if len(order) else 0.0
        if best <= 0:
            return []
        return [
            PenaltyMatch(self.units[i], round(float(scores[i]) / best, 4))
            for i in order
            if scores[i] > 0
        ]
