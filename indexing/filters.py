"""Filters on retrieval units: law, level, region, and "in force on date D".

Applied as a boolean mask over column arrays, so filtering 60k units costs well
under a millisecond per query and both retrievers search only allowed units.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from indexing.recent_scores import RecentScores
from indexing.units import RetrievalUnit

_OPEN_END = "9999-12-31"


@dataclass(frozen=True)
class SearchFilter:
    """Empty sets mean "any"; ``on_date`` keeps only versions in force on that day."""

    laws: frozenset[str] = frozenset()
    levels: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    on_date: date | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.laws or self.levels or self.regions or self.on_date)

    def matches(self, unit: RetrievalUnit) -> bool:
        """The same test as ``UnitTable.mask``, for one unit (used by tests and callers)."""
        return (
            (not self.laws or unit.law in self.laws)
            and (not self.levels or unit.level in self.levels)
            and (not self.regions or unit.region in self.regions)
            and (self.on_date is None or unit.in_force_on(self.on_date))
        )


class UnitTable:
    """Column arrays of the filterable unit fields, aligned with unit positions."""

    def __init__(self, units: Sequence[RetrievalUnit]) -> None:
        self.law = _Codes([u.law for u in units])
        self.level = _Codes([u.level or "" for u in units])
        self.region = _Codes([u.region or "" for u in units])
        self.version = np.array([u.version for u in units], dtype="U10")
        self.effective_to = np.array([u.effective_to or _OPEN_END for u in units], dtype="U10")
        self._recent_masks = RecentScores(capacity=16)

    def mask(self, query_filter: SearchFilter) -> np.ndarray | None:
        """Boolean mask of allowed units (read-only), or None when the filter allows everything.

        Remembered for recent filters: one learned-fusion search asks four times for the
        same one ("in force today"), ~1 ms each on the national corpus."""
        if query_filter.is_empty:
            return None
        return self._recent_masks.get(query_filter, lambda: self._mask(query_filter))

    def within_laws(self, mask: np.ndarray | None, laws: frozenset[str]) -> np.ndarray:
        """``mask`` narrowed to ``laws``: the mask of the same filter with ``laws`` among the
        laws it allows, without comparing every unit's dates again (~1 ms per query)."""
        in_laws = self.law.isin(laws)
        return in_laws if mask is None else mask & in_laws

    def _mask(self, query_filter: SearchFilter) -> np.ndarray:
        mask = np.ones(len(self.law), dtype=bool)
        for values, column in (
            (query_filter.laws, self.law),
            (query_filter.levels, self.level),
            (query_filter.regions, self.region),
        ):
            if values:
                mask &= column.isin(values)
        if query_filter.on_date is not None:
            day = query_filter.on_date.isoformat()
            mask &= (self.version <= day) & (self.effective_to > day)
        return mask


class _Codes:
    """A string column stored as integer codes: ``isin`` on 60k ints is ~50x faster
    than on Python strings, which matters when every law-aware query filters by law."""

    def __init__(self, values: Sequence[str]) -> None:
        self.code = {value: i for i, value in enumerate(dict.fromkeys(values))}
        self.codes = np.array([self.code[value] for value in values], dtype=np.int32)

    def __len__(self) -> int:
        return len(self.codes)

    def isin(self, values: frozenset[str]) -> np.ndarray:
        wanted = [self.code[value] for value in values if value in self.code]
        return np.isin(self.codes, wanted)
