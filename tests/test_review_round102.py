"""Review round 102 (issue #18) on review_fresh97/98 misses (tuned on them, not evidence of
them): a 罚则 naming no organ is decided by whom its law's (or chapter's) assigning article
names, the 出入境边防检查机关 as a department kind, a duty team inside a 检查站, and kinds of
personal information a file says the act did not touch."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, rules_of, set_findings

from assistant.review.context import ReviewContext


@pytest.mark.parametrize(
    ("set_name", "pattern", "point", "article"),
    [
        # 出境入境管理法第八十条第三款 names no organ; 第七十条: 本章规定的行政处罚…由…公安机关或者
        # 出入境边防检查机关决定 — not a 人力资源和社会保障局
        (
            "review_fresh98",
            "rf98d_04_*.yaml",
            "authority",
            "《中华人民共和国出境入境管理法》第七十条",
        ),
        # 蛇口出入境边防检查站执勤二队 deciding in its own name
        ("review_fresh98", "rf98d_09_*.yaml", "subject", "《中华人民共和国行政处罚法》第十九条"),
    ],
)
def test_findings_of_round_102(
    national_ctx: ReviewContext, set_name: str, pattern: str, point: str, article: str
) -> None:
    assert cites_article(set_findings(set_name, pattern, national_ctx), point, article)


@pytest.mark.parametrize("pattern", ["rf98d_01_*.yaml", "rf98d_03_*.yaml"])
def test_border_inspection_station_keeps_its_power(
    national_ctx: ReviewContext, pattern: str
) -> None:
    found = set_findings("review_fresh98", pattern, national_ctx)
    assert not rules_of(found, "authority")
    assert not rules_of(found, "subject")


@pytest.mark.parametrize("pattern", ["rf97b_01_*.yaml", "rf97b_02_*.yaml"])
def test_information_kinds_the_act_did_not_touch(national_ctx: ReviewContext, pattern: str) -> None:
    # 不含住宿、通信记录、健康生理、交易信息: no 五百条 line (解释第五条第一款第（四）项)
    assert not rules_of(set_findings("review_fresh97", pattern, national_ctx), "transfer")
