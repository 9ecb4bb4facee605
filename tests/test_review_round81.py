"""Review round 81 (issue #18) on review_fresh69 and review_fresh70 (each scored once before
this round, by c4de533; what follows is tuned on them, not evidence of them)."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_file_data, set_findings, variant_findings

from assistant.case_file import CaseFile
from assistant.review.checkers.uncorrected_fine import other_ground_told
from assistant.review.context import ReviewContext

F69, F70 = "review_fresh69", "review_fresh70"
PENALTY_LAW = "《中华人民共和国行政处罚法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        # 责令补种株数 is a multiple of the 滥伐株数 the appraisal counts, no contradiction
        (F69, "rf69a_01_*.yaml"),
        # 罚款及没收违法所得已由惠州市住建局作出: the gains were taken by another decision
        (F69, "rf69d_03_*.yaml"),
        # 获利约2100元: a criminal line's 违法所得 is the profit, not the takings
        (F70, "rf70a_03_*.yaml"),
        # 互联网信息办公室 is the 网信部门, no internal 室
        (F70, "rf70c_02_*.yaml"),
    ],
)
def test_clean_files(ctx: ReviewContext, set_name: str, pattern: str) -> None:
    assert not set_findings(set_name, pattern, ctx)


@pytest.mark.parametrize(
    ("set_name", "pattern", "point", "rule"),
    [
        # a 严重事故隐患 boiler run after its seal was torn: 危险作业罪
        (F69, "rf69b_04_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        # a roof collapse with 1,260,000 yuan direct loss: 工程重大安全事故罪
        (F69, "rf69d_09_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        # 460 lodging records sold by a hotel clerk: half of 五百条 suffices
        (F70, "rf70c_06_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
    ],
)
def test_found(ctx: ReviewContext, set_name: str, pattern: str, point: str, rule: str) -> None:
    assert rule in rules_of(set_findings(set_name, pattern, ctx), point)


@pytest.mark.parametrize(
    ("set_name", "pattern", "point"),
    [
        (F69, "rf69a_04_*.yaml", "facts"),  # 责令补种株数 93 beside 盗伐株数 31
        (F69, "rf69c_11_*.yaml", "law"),  # 统计法实施条例第五十四条 (in 附则) is a 罚则
        (F70, "rf70a_10_*.yaml", "transfer"),  # 获利 under 二万元
        (F70, "rf70b_10_*.yaml", "law"),  # 予以取缔，没收非法财产 is a sanction
        (
            F70,
            "rf70c_09_*.yaml",
            "law",
        ),  # 或者导致危害网络安全等后果: the file finds the consequence
        (F70, "rf70c_05_*.yaml", "subject"),  # 深圳市互联网信息办公室
    ],
)
def test_not_found(ctx: ReviewContext, set_name: str, pattern: str, point: str) -> None:
    assert not rules_of(set_findings(set_name, pattern, ctx), point)


def test_an_office_under_a_bureau_is_still_an_internal_unit(ctx: ReviewContext) -> None:
    data = set_file_data(F70, "rf70c_02_*.yaml")
    data["agency"]["name"] = "广东省公安厅网络安全保卫总队办公室"
    assert rules_of(variant_findings(data, ctx), "subject")


def test_only_a_consequence_found_is_the_other_ground() -> None:
    """拒不改正或者导致…后果的: a consequence the file denies is no ground."""
    text = "拒不改正或者导致危害网络安全等后果的，处一万元以上十万元以下罚款"
    data = set_file_data(F70, "rf70c_09_*.yaml")
    assert other_ground_told(text, CaseFile.model_validate(data))
    data["violation"]["description"] = "网络运营者未制定网络安全事件应急预案"
    data["facts"]["description"] = "当事人未制定网络安全事件应急预案，未造成危害网络安全后果。"
    data["facts"]["circumstances"] = ["未导致危害网络安全后果"]
    assert not other_ground_told(text, CaseFile.model_validate(data))
