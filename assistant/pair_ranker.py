"""A linear ranker over (duty, 罚则) pair candidates, its weights learned from situation sets.

The hand weights said which law well (retrieval rank, routing strength) but little about
which 条/项 inside it; a pairwise logistic model over the same features plus the in-law
fit ranks can learn how much each signal is worth (``zhifa eval pair-ranker``). Learned
weights are a small JSON file naming the sets they were trained on, so figures on any
other set stay held out. The default is the hand weights: the learned ones lost both ways.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Every feature a candidate carries, in a fixed order (see PairBuilder._features).
PAIR_FEATURES: tuple[str, ...] = (
    "duty_rank",  # retrieval rank of the duty article, 5/(5+r-1); 0 when only linked
    "penalty_rank",  # the same for the 罚则 article
    "duty_match",  # IDF-weighted share of the facts' bigrams in the duty unit
    "penalty_match",  # the same for the 罚则 unit
    "link",  # link strength × link similarity
    "level",  # 法律 1, 行政法规 0.6, 规章 0.3
    "route",  # routing strength of the law (1.0 for the best routed law)
    "restated",  # share of the 罚则 unit's stated act the facts restate (linked pairs)
    "explicit",  # 罚则 says 违反本法第X条
    "enumeration",  # 罚则 item restates the duty item
    "wording",  # duty and 罚则 say the same thing, no stated link
    "facts",  # only the facts bridge the two
    "self_stated",  # 治安-style: act and penalty in one article
    "item_match",  # strength of the 罚则 unit among the matched 罚则 items (best 1.0)
    "duty_fit_rank",  # 1/rank of the duty unit among its law's duty units by fact fit
    "penalty_fit_rank",  # 1/rank of the 罚则 unit among its law's 罚则 units by act fit
    "both_match",  # the weaker side's match: both ends must fit the facts
    "top_route",  # the law is the best routed law
)

# The round-5 hand weights (once PairWeights' defaults) over the same features.
HAND_WEIGHTS: dict[str, float] = {
    "duty_rank": 0.25,
    "penalty_rank": 0.25,
    "duty_match": 2.0,
    "penalty_match": 2.0,
    "link": 0.5,
    "level": 0.5,
    "route": 0.5,
    "restated": 1.0,
}


@dataclass(frozen=True)
class PairRanker:
    """score = Σ weight × feature; unknown feature names are an error, missing ones weigh 0."""

    weights: Mapping[str, float]
    trained_on: tuple[str, ...] = ()
    notes: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = set(self.weights) - set(PAIR_FEATURES)
        if unknown:
            raise ValueError(f"条款对排序权重含未知特征：{'、'.join(sorted(unknown))}")

    @property
    def vector(self) -> tuple[float, ...]:
        return tuple(float(self.weights.get(name, 0.0)) for name in PAIR_FEATURES)

    def weighs(self, *names: str) -> bool:
        """Whether any of the named features has a weight (so must be measured)."""
        return any(self.weights.get(name, 0.0) for name in names)

    def score(self, features: Sequence[float]) -> float:
        return sum(w * f for w, f in zip(self.vector, features, strict=True))

    @classmethod
    def hand(cls) -> PairRanker:
        return cls(HAND_WEIGHTS, ("hand-chosen on assist_fresh4 and assist_fresh3",))

    @classmethod
    def load(cls, path: Path) -> PairRanker:
        """Weights written by ``save`` (``zhifa eval pair-ranker --out``). None ships: the
        learned ranker lost to the hand weights both ways (README, round 6); the hand
        weights when the file is absent."""
        if not path.is_file():
            return cls.hand()
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(dict(data["weights"]), tuple(data.get("trained_on", ())), data.get("notes", {}))

    def save(self, path: Path) -> None:
        """Written atomically: a reader never sees half a file."""
        data = {
            "features": list(PAIR_FEATURES),
            "weights": {
                name: round(w, 6) for name, w in zip(PAIR_FEATURES, self.vector, strict=True)
            },
            "trained_on": list(self.trained_on),
            "notes": self.notes,
        }
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        tmp.replace(path)
