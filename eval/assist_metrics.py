"""Metrics for 办案辅助 pairs: pair accuracy@k, duty/penalty Hit@k, role errors.

Haystack-evaluator style: each metric is a small component whose ``run`` returns the
mean ``score`` and the ``individual_scores`` per situation. Citations are compared
as units (law, article, suffix, paragraph, item): leniently, a shown unit hits a gold
unit of the same article when one contains the other (第八十三条 ⊇ 第八十三条第（一）项);
strictly, only the identical unit hits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    """A cited unit; ``paragraph``/``item`` None when cited at a coarser level."""

    law: str
    article: int
    suffix: int = 0
    paragraph: int | None = None
    item: int | None = None

    def path(self) -> tuple[int | None, ...]:
        return tuple(p for p in (self.paragraph, self.item) if p is not None)


def unit_hits(shown: Unit, gold: Unit, strict: bool = False) -> bool:
    """Strict: same unit. Lenient: same article and one unit contains the other."""
    if (shown.law, shown.article, shown.suffix) != (gold.law, gold.article, gold.suffix):
        return False
    if strict:
        return shown.path() == gold.path()
    a, b = shown.path(), gold.path()
    n = min(len(a), len(b))
    return a[:n] == b[:n]


@dataclass(frozen=True)
class GoldPair:
    """One acceptable answer: any of ``violated`` with any of ``penalty``."""

    violated: tuple[Unit, ...]
    penalty: tuple[Unit, ...]


@dataclass(frozen=True)
class ShownPair:
    violated: Unit
    penalty: Unit


def _any_hit(shown: Unit, golds: Sequence[Unit], strict: bool) -> bool:
    return any(unit_hits(shown, g, strict) for g in golds)


def _distinct(units: Sequence[Unit], k: int) -> list[Unit]:
    return list(dict.fromkeys(units))[:k]


@dataclass(frozen=True)
class PairAccuracy:
    """Share of situations where a top-``k`` pair has a gold duty AND its gold penalty."""

    k: int = 3
    strict: bool = False

    def score_one(self, shown: Sequence[ShownPair], gold: Sequence[GoldPair]) -> float:
        return float(
            any(
                _any_hit(p.violated, g.violated, self.strict)
                and _any_hit(p.penalty, g.penalty, self.strict)
                for p in shown[: self.k]
                for g in gold
            )
        )

    def run(self, shown: Sequence[Sequence[ShownPair]], gold: Sequence[Sequence[GoldPair]]) -> dict:
        return _mean([self.score_one(s, g) for s, g in zip(shown, gold, strict=True)])


@dataclass(frozen=True)
class RoleHit:
    """Hit@k of one role: a gold duty (or penalty) among the first ``k`` distinct shown ones."""

    role: str  # "violated" | "penalty"
    k: int = 3
    strict: bool = False

    def score_one(self, shown: Sequence[ShownPair], gold: Sequence[GoldPair]) -> float:
        units = _distinct([getattr(p, self.role) for p in shown], self.k)
        golds = [u for g in gold for u in getattr(g, self.role)]
        return float(any(_any_hit(u, golds, self.strict) for u in units))

    def run(self, shown: Sequence[Sequence[ShownPair]], gold: Sequence[Sequence[GoldPair]]) -> dict:
        return _mean([self.score_one(s, g) for s, g in zip(shown, gold, strict=True)])


@dataclass(frozen=True)
class RoleErrors:
    """Citations shown in the wrong role: a gold penalty as 违法依据, or a gold duty as 处罚依据
    (a unit the gold names in both roles is in neither wrong role).

    ``score`` is the share of situations with at least one; ``errors`` the total count.
    """

    k: int = 3

    def count_one(self, shown: Sequence[ShownPair], gold: Sequence[GoldPair]) -> int:
        duties = [u for g in gold for u in g.violated]
        penalties = [u for g in gold for u in g.penalty]
        top = shown[: self.k]
        wrong = {p.violated for p in top if _wrong_role(p.violated, penalties, duties)}
        wrong |= {p.penalty for p in top if _wrong_role(p.penalty, duties, penalties)}
        return len(wrong)

    def run(self, shown: Sequence[Sequence[ShownPair]], gold: Sequence[Sequence[GoldPair]]) -> dict:
        counts = [self.count_one(s, g) for s, g in zip(shown, gold, strict=True)]
        result = _mean([float(c > 0) for c in counts])
        result["errors"] = sum(counts)
        return result


def _wrong_role(shown: Unit, other_role: Sequence[Unit], own_role: Sequence[Unit]) -> bool:
    """A gold unit of the other role, unless the gold gives it this role too: an article
    stating both the act and its penalty (治安管理处罚法第五十七条) is right on both sides."""
    return _any_hit(shown, other_role, False) and not _any_hit(shown, own_role, False)


def _mean(scores: list[float]) -> dict:
    return {
        "score": sum(scores) / len(scores) if scores else 0.0,
        "individual_scores": scores,
    }
