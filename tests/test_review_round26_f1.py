"""Review round 26, engineer f1 (issue #18): police and immigration files —
a threshold the file writes as not reached (抽头渔利未达5000元) is no measured fact (赌博罪
移送 needs the act and a fact reaching the number); a cited 款 writing its own fine
(出境入境管理法第七十八条第一款) is not read with another 款's range; 超过…百分之二十以上 is a
finding the counted passengers can contradict (行政处罚法第四十条); a police step done by
one 人民警察 and an auxiliary cites 公安机关办理行政案件程序规定第五十二条第一款.
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh22 files."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings, variant_flags

from assistant.review.context import ReviewContext

GAMBLING = "《最高人民法院、最高人民检察院关于办理赌博刑事案件具体应用法律若干问题的解释》第一条"
FACTS = "《中华人民共和国行政处罚法》第四十条"
POLICE_TWO = "《公安机关办理行政案件程序规定》第五十二条第一款"
GENERAL_TWO = "《中华人民共和国行政处罚法》第四十二条第一款"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


# --- 赌博罪 移送: a bound written as not reached is no fact ---------------------------------


def _gambling(description: str, commission: int, persons: int) -> dict:
    data = set_file_data("review_fresh22", "rf22a_09_*.yaml")
    data["facts"]["description"] = description
    data["facts"]["amounts"] = {"抽头渔利": commission, "赌资累计": 12000}
    data["facts"]["quantities"] = {"参赌人数累计": persons}
    return data


@pytest.mark.parametrize(
    "description",
    [
        "李某组织邻居7人打麻将赌博，抽头1800元，抽头渔利不足5000元，参赌人数不到20人，未达追诉标准。",
        "王某在出租屋召集他人赌博，累计抽水3100元，抽水未达到5000元、参赌人员少于20人。",
    ],
)
def test_threshold_written_as_not_reached_is_no_transfer(
    ctx: ReviewContext, description: str
) -> None:
    found = variant_findings(_gambling(description, 3000, 8), ctx)
    assert not any(p == "transfer" for p, _ in found)


def test_commission_reaching_the_number_still_transfers(ctx: ReviewContext) -> None:
    """The act and a fact at the number: the line fires (not silenced by the fix)."""
    description = "赵某组织他人赌博，累计抽头渔利6200元。"
    found = variant_findings(_gambling(description, 6200, 9), ctx)
    assert any(p == "transfer" and r.startswith(GAMBLING) for p, r in found)


# --- 出境入境管理法第七十八条第一款: the cited 款's own fine, not the next 款's ---------------


@pytest.mark.parametrize(("days", "amount"), [(25, 10000), (40, 10000), (15, 7500)])
def test_illegal_stay_fine_not_read_with_guardian_range(
    ctx: ReviewContext, days: int, amount: int
) -> None:
    data = set_file_data("review_fresh22", "rf22a_03_*.yaml")
    data["facts"]["quantities"] = {"非法居留天数": days}
    data["facts"]["amounts"] = {"按日计算罚款": days * 500}
    data["penalty"]["amount"] = amount
    found = variant_findings(data, ctx)
    assert not any(p == "discretion" for p, _ in found)


# --- 第四十条: 超过…百分之二十以上 against the counted passengers ----------------------------


def _bus(limit: int, actual: int, description: str) -> dict:
    data = set_file_data("review_fresh22", "rf22a_04_*.yaml")
    data["evidence"][0]["measurements"] = [
        {"item": "实载人数", "value": actual, "limit": limit, "unit": "人"}
    ]
    data["facts"]["quantities"] = {"核定载客人数": limit, "实载人数": actual}
    data["facts"]["description"] = description
    return data


@pytest.mark.parametrize(
    ("limit", "actual", "description"),
    [
        (33, 38, "林某驾驶大型客车载客超过核定人数百分之二十以上，违反规定。"),
        (45, 52, "经清点，该车超员百分之二十以上。"),
    ],
)
def test_stated_lower_bound_above_the_count_is_contradicted(
    ctx: ReviewContext, limit: int, actual: int, description: str
) -> None:
    assert ("facts", FACTS) in variant_findings(_bus(limit, actual, description), ctx)


@pytest.mark.parametrize(
    ("limit", "actual", "description"),
    [
        (33, 41, "林某驾驶大型客车载客超过核定人数百分之二十以上，违反规定。"),
        (19, 22, "依照超过额定乘员百分之二十以上的规定处罚前，经清点超员3人。"),
    ],
)
def test_lower_bound_the_count_passes_or_law_tier_is_no_finding(
    ctx: ReviewContext, limit: int, actual: int, description: str
) -> None:
    """41/33 is 24.2% (the bound holds); 百分之二十以上的 quotes the law's tier."""
    assert ("facts", FACTS) not in variant_findings(_bus(limit, actual, description), ctx)


# --- 程序规定第五十二条第一款: two 人民警察 on a police file --------------------------------


def _homestay(agency: str) -> dict:
    data = set_file_data("review_fresh22", "rf22a_08_*.yaml")
    data["agency"]["name"] = agency
    return data


@pytest.mark.parametrize("agency", ["开平市公安局赤坎派出所", "恩平市公安局"])
def test_police_step_with_an_auxiliary_cites_police_rule(ctx: ReviewContext, agency: str) -> None:
    flags = [f for f in variant_flags(_homestay(agency), ctx) if f.point.value == "qualification"]
    assert any(f.rule == POLICE_TWO and GENERAL_TWO in f.also_cites for f in flags)


def test_other_agency_keeps_the_general_rule(ctx: ReviewContext) -> None:
    """A market or culture agency is no 公安机关: 行政处罚法第四十二条第一款 alone."""
    flags = [
        f
        for f in variant_flags(_homestay("台山市文化广电旅游体育局"), ctx)
        if f.point.value == "qualification"
    ]
    assert flags and all(f.rule == GENERAL_TWO for f in flags)
