"""Review round 14 (issue #18): how real decisions cite their basis and what the blind set
review_fresh10 found — general 行政处罚法 provisions beside the 罚则, 城管综合执法 powers,
townships without a 第二十四条 decision, 款 of a cited 项, 第三十三条第一款 前句, a second fine
for one act told across clauses (第二十九条).
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh10 files."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_fixtures import must_fix_findings

from assistant.case_file import parse_case, read_case_data
from assistant.review.checkers.penalty_measures import unprovided_kinds
from assistant.review.context import ReviewContext

SET = Path(__file__).resolve().parent.parent / "eval" / "sets" / "review_fresh10"
PENALTY_LAW = "《中华人民共和国行政处罚法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return read_case_data(next(SET.glob(f"rf10_{prefix}_*.yaml")))


def _netcafe() -> dict:
    """A net café admitting one minor, fined 3000 yuan, 12 yuan gains confiscated under the
    general law beside the 条例's 罚则, mitigation cited too."""
    data = _data("11")
    data["parties"][0]["name"] = "佛山市南海区星河网吧（经营者李某）"
    data["citations"]["penalty_basis"] = [
        "《互联网上网服务营业场所管理条例》第三十一条第（二）项",
        f"{PENALTY_LAW}第二十八条第二款",
        f"{PENALTY_LAW}第三十二条第（一）项",
    ]
    data["penalty"].update(amount=3000, confiscation_yuan=12)
    data["facts"]["description"] = (
        "经查，当事人经营的星河网吧于2024年8月17日晚接纳未成年人刘某（2009年5月出生）进入"
        "营业场所上网，未核验身份证件，收取上网费人民币拾贰元。当事人首次被查处，"
        "主动退还上网费并加装人脸核验设备。本局决定给予警告，没收违法所得人民币拾贰元，"
        "并处罚款人民币叁仟元。"
    )
    return data


def test_general_law_provisions_beside_the_sanction_are_no_defect(ctx: ReviewContext) -> None:
    assert must_fix_findings(parse_case(_netcafe()), ctx) == set()


def test_confiscating_gains_needs_no_words_in_the_special_sanction_since_2021(
    ctx: ReviewContext,
) -> None:
    case = parse_case(_netcafe())
    assert "没收违法所得" not in unprovided_kinds(case, ctx)


def test_general_law_alone_is_still_no_sanction(ctx: ReviewContext) -> None:
    data = _netcafe()
    data["citations"]["penalty_basis"] = [f"{PENALTY_LAW}第二十八条第二款"]
    assert ("law", f"{PENALTY_LAW}第三十八条第一款") in must_fix_findings(parse_case(data), ctx)


def test_city_comprehensive_enforcement_holds_the_builders_dust_power(
    ctx: ReviewContext,
) -> None:
    data = _data("31")
    data["agency"]["name"] = "佛山市禅城区城市管理和综合执法局"
    data["agency"]["region"] = "佛山市禅城区"
    data["penalty"]["amount"] = 35000
    assert not any(
        rule.endswith("第十七条") for _, rule in must_fix_findings(parse_case(data), ctx)
    )


def test_township_without_handover_is_one_level_finding(ctx: ReviewContext) -> None:
    data = _data("16")
    data["agency"]["name"] = "江门市江海区人民政府外海街道办事处"
    data["penalty"]["amount"] = 12000
    found = must_fix_findings(parse_case(data), ctx)
    assert ("authority", f"{PENALTY_LAW}第二十三条") in found
    assert ("authority", f"{PENALTY_LAW}第十七条") not in found


def test_a_measure_outside_the_sanction_cites_the_paragraph_of_the_item(
    ctx: ReviewContext,
) -> None:
    data = _data("33")
    data["penalty"]["amount"] = 12000
    found = must_fix_findings(parse_case(data), ctx)
    assert ("law", "《中华人民共和国消防法》第六十条第一款") in found


def test_harmless_minor_act_on_a_binding_list_is_a_law_finding(ctx: ReviewContext) -> None:
    data = _data("35")
    found = must_fix_findings(parse_case(data), ctx)
    assert ("law", f"{PENALTY_LAW}第三十三条第一款") in found
    data["facts"]["harm"] = "轻微"  # 首违、后果轻微: the 可以 sentence, discretion
    found = must_fix_findings(parse_case(data), ctx)
    assert ("law", f"{PENALTY_LAW}第三十三条第一款") not in found


def test_an_earlier_decision_fining_the_same_act_across_clauses(ctx: ReviewContext) -> None:
    data = _data("37")
    data["penalty"]["amount"] = 4500
    data["facts"]["description"] = (
        "经查，当事人于2024年3月销售无中文标签的进口巧克力40盒。本局已于2024年4月10日以"
        "第0091号处罚决定，就当事人销售该批巧克力的行为没收违法所得，并处罚款人民币伍仟元。"
        "因另一消费者投诉，本局再次立案，决定对当事人罚款人民币肆仟伍佰元。"
    )
    assert ("law", f"{PENALTY_LAW}第二十九条") in must_fix_findings(parse_case(data), ctx)


def test_an_earlier_act_fined_before_is_no_second_fine(ctx: ReviewContext) -> None:
    data = _data("37")
    data["facts"]["description"] = (
        "经查，当事人2023年曾因销售过期食品被本局处罚款，本次于2024年3月销售无中文标签的"
        "进口巧克力40盒，本局决定对当事人罚款人民币肆仟伍佰元。"
    )
    assert ("law", f"{PENALTY_LAW}第二十九条") not in must_fix_findings(parse_case(data), ctx)
