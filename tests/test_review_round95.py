"""Review round 95 (issue #18) on review_fresh82 and review_fresh83 (each scored blind before
rounds 90–94; tuned on them, not evidence of them): 逾期不修复 / 仍未修复 read as not corrected
(a 复查 on which the fine rests needs its record), an inspection named by its outdoor site
(田间检查), a record title that says no record was made (未制作书面询问笔录) is none, and a
re-check before the order's day is no finding where the party corrected in time, and a
quantity found above its limit while the file's own measure of it is within (取水量)."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_findings

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import UNCORRECTED, fine_clauses

PENALTY_LAW = "《中华人民共和国行政处罚法》"
RECORD_RULE = f"{PENALTY_LAW}第五十五条第二款"


def test_not_repaired_is_not_corrected() -> None:
    clauses = fine_clauses("责令限期修复；逾期不修复的，处1万元以下罚款")
    assert [c.requires for c in clauses] == [UNCORRECTED]


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        ("review_fresh82", "rf82d_11_*.yaml"),  # 复查 on which 仍未修复 rests, no record
        ("review_fresh83", "rf83c_10_*.yaml"),  # 田间检查 without a record
        ("review_fresh83", "rf83d_11_*.yaml"),  # 询问…未制作书面询问笔录
    ],
)
def test_unrecorded_steps(national_ctx: ReviewContext, set_name: str, pattern: str) -> None:
    assert RECORD_RULE in rules_of(set_findings(set_name, pattern, national_ctx), "evidence")


def test_corrected_in_time_is_no_early_recheck(national_ctx: ReviewContext) -> None:
    assert not set_findings("review_fresh83", "rf83b_02_*.yaml", national_ctx)


def test_a_quantity_above_a_limit_its_own_measure_stays_within(national_ctx: ReviewContext) -> None:
    # 认定年度取水量34.6万立方米 while 年末读数减年初读数 = 291400 (许可300000)
    found = set_findings("review_fresh82", "rf82d_09_*.yaml", national_ctx)
    assert rules_of(found, "facts") == {f"{PENALTY_LAW}第四十条"}
