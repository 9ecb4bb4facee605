"""Review round 3 (issue #18): rules learned from the review_fresh2 blind set, each
stated from the law and exercised on files written differently from that set."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.settings import Settings
from assistant.case_file import CaseFile, read_case_data
from assistant.review.context import ReviewContext
from assistant.review.criminal_thresholds import reached
from corpus.store import CorpusStore

EXAMPLE = (
    Path(__file__).resolve().parent.parent / "assistant" / "data" / "review" / "example_case.yaml"
)


@pytest.fixture(scope="module")
def ctx(default_settings: Settings, default_store: CorpusStore) -> ReviewContext:
    return ReviewContext.build(default_settings, default_store)


def _case(**changes: object) -> CaseFile:
    data = read_case_data(EXAMPLE)
    for dotted, value in changes.items():
        target = data
        *path, last = dotted.split("__")
        for key in path:
            target = target[key]
        target[last] = value
    return CaseFile.model_validate(data)


def _hits(text: str, quantities: dict[str, float]) -> list[str]:
    case = _case(facts__description=text, facts__amounts={}, facts__quantities=quantities)
    return [hit.threshold.id for hit in reached(case)]


def test_a_denied_act_is_no_act() -> None:
    """两高环境污染解释第一条第（二）项 needs 非法排放、倾倒、处置; a file that says it
    found none (a licensed hand-over without the 转移联单) reaches no line."""
    waste = {"危险废物（吨）": 20.0}
    lawful = "危废交由持证单位处置，未发现非法排放、倾倒、处置危险废物行为。"
    assert _hits(lawful, waste) == []
    assert _hits("经查，不存在偷排、倾倒危废的情况。", waste) == []
    assert _hits("当事人将危险废物倾倒于空地。", waste) == ["hazardous-waste"]
    assert _hits("当事人将废矿物油倾倒于河涌，未发现其他违法行为。", waste) == ["hazardous-waste"]
