"""Review round 48 (issue #18): a miss left by round 47 and review_fresh36's blind score.

- a narrower act an article fines apart (…；对未经批准…进行围海、填海活动的，并处十倍以上二十倍
  以下的罚款, 海域使用管理法第四十二条) displaces the general fine when the facts tell it, and
  a base described at length (…应缴纳的海域使用金) is the file's amount named by its head noun;
- a county organ under a 罚则 that names the 设区的市 level (律师法第四十八条);
- 吊销 reserved to 原批准、发证的部门 (药品管理法第一百三十九条);
- a 从重 rule's item cited beside its 罚则, and a decision's 证据 on a line of its own, are no defects;
- a finding the special law makes a decision state (药品管理法第一百二十一条: 质量检验结论);
- a crime the police already opened is no missed transfer;
- an unlicensed quarry's sales, also called its 违法所得, reach the 非法采矿 line;
- a fine that needs an unheeded warning (治安管理处罚法第七十五条第一款);
- a measure that needs a number of offences (公路安全保护条例第六十六条: 超过3次);
- a practitioner's 停止执业 is 限制从业, with a hearing;
- a clause addressed to one kind of party (对公证机构 / 对公证员) fines that kind only;
- identity papers beside a confession prove no act (治安管理处罚法第九十三条);
- a guardian at a witness's questioning is not at the minor's;
- a renumbered item judged without the law's own name and the item's mark.
Cases are variants of eval/sets/review_fresh35 and review_fresh36 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import statutory_bounds

F35 = "review_fresh35"
F36 = "review_fresh36"
LAWYERS_48 = "《中华人民共和国律师法》第四十八条"
DRUGS_121 = "《中华人民共和国药品管理法》第一百二十一条"
DRUGS_139 = "《中华人民共和国药品管理法》第一百三十九条"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
PUBLIC_ORDER = "《中华人民共和国治安管理处罚法》"
NOTARY_42_TEXT = (
    "公证机构及其公证员有下列行为之一的，由省、自治区、直辖市或者设区的市人民政府司法行政部门对"
    "公证机构给予警告，并处二万元以上十万元以下罚款，并可以给予一个月以上三个月以下停业整顿的处罚；"
    "对公证员给予警告，并处二千元以上一万元以下罚款，并可以给予三个月以上十二个月以下停止执业的处罚。"
)
SEA_42 = "《中华人民共和国海域使用管理法》第四十二条"
SEA_42_TEXT = (
    "未经批准或者骗取批准，非法占用海域的，责令退还非法占用的海域，恢复海域原状，没收违法所得，"
    "并处非法占用海域期间内该海域面积应缴纳的海域使用金五倍以上十五倍以下的罚款；对未经批准或者"
    "骗取批准，进行围海、填海活动的，并处非法占用海域期间内该海域面积应缴纳的海域使用金十倍以上"
    "二十倍以下的罚款。"
)


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_a_told_reclamation_takes_its_own_multiple() -> None:
    bounds = statutory_bounds(
        SEA_42_TEXT, {"应缴海域使用金": 290250}, None, told="抛石回填，属填海"
    )
    assert bounds is not None
    assert (bounds.low, bounds.high) == pytest.approx((2902500, 5805000))


def test_plain_occupation_keeps_the_general_multiple() -> None:
    bounds = statutory_bounds(SEA_42_TEXT, {"应缴海域使用金": 290250}, None, told="设置网箱养殖")
    assert bounds is not None
    assert (bounds.low, bounds.high) == pytest.approx((1451250, 4353750))


def test_a_reclamation_fined_on_the_general_range_is_below_its_floor(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F35, "rf35a_11_*.yaml"), ctx)
    assert cites_article(found, "discretion", SEA_42)


def test_a_reclamation_fined_ten_times_passes(ctx: ReviewContext) -> None:
    data = set_file_data(F35, "rf35a_11_*.yaml")
    data["penalty"]["amount"] = 2902500
    data["facts"]["amounts"]["罚款"] = 2902500
    data["facts"]["quantities"]["罚款倍数"] = 10
    assert not cites_article(variant_findings(data, ctx), "discretion", SEA_42)


def test_a_county_bureau_punishing_under_a_city_level_article(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F36, "rf36b_11_*.yaml"), ctx)
    assert cites_article(found, "authority", LAWYERS_48)


def test_the_city_bureau_may_punish_the_lawyer(ctx: ReviewContext) -> None:
    data = set_file_data(F36, "rf36b_11_*.yaml")
    data["agency"]["name"] = "江门市司法局"
    data["agency"]["region"] = "江门市"
    assert not cites_article(variant_findings(data, ctx), "authority", LAWYERS_48)


def test_a_practitioners_suspension_needs_a_hearing(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F36, "rf36b_11_*.yaml"), ctx)
    assert cites_article(found, "procedure", PENALTY_LAW + "第六十三条")


def test_a_revocation_reserved_to_the_issuing_department(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F36, "rf36c_10_*.yaml"), ctx)
    assert cites_article(found, "authority", DRUGS_139)
    # the 从重 item beside the 罚则 and the decision's own 证据 line are no defects
    assert not cites_article(found, "law", PENALTY_LAW + "第三十八条")
    assert not cites_article(found, "documents", PENALTY_LAW + "第五十九条")


def _decision(data: dict) -> dict:
    return next(d for d in data["documents"] if d["type"] == "行政处罚决定书")


def test_a_substandard_drug_decision_states_the_test_conclusion(ctx: ReviewContext) -> None:
    data = set_file_data(F36, "rf36c_10_*.yaml")
    assert cites_article(variant_findings(data, ctx), "documents", DRUGS_121)
    _decision(data)["contents"].append("药品检验机构的检验结论：含量不符合规定")
    assert not cites_article(variant_findings(data, ctx), "documents", DRUGS_121)


def test_a_crime_the_police_opened_needs_no_transfer(ctx: ReviewContext) -> None:
    data = set_file_data(F36, "rf36d_01_*.yaml")
    assert not cites_article(variant_findings(data, ctx), "transfer", "《最高人民法院")
    data["facts"]["description"] = data["facts"]["description"].replace(
        "已由公安机关立案侦查", "尚待查明"
    )
    assert cites_article(variant_findings(data, ctx), "transfer", "《最高人民法院")


def test_quarry_sales_also_called_illegal_gains_reach_the_mining_line(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F36, "rf36a_10_*.yaml"), ctx)
    assert cites_article(found, "transfer", "《最高人民法院、最高人民检察院关于办理非法采矿")


def test_a_dog_fine_without_a_prior_warning(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F36, "rf36b_05_*.yaml"), ctx)
    assert cites_article(found, "law", PUBLIC_ORDER + "第七十五条第一款")


@pytest.mark.parametrize(
    "circumstance", ["此前已因犬只吠叫受过公安机关警告，警告后仍不改正", "放任犬只恐吓他人"]
)
def test_a_warning_unheeded_or_a_menacing_dog_allows_the_fine(
    ctx: ReviewContext, circumstance: str
) -> None:
    data = set_file_data(F36, "rf36b_05_*.yaml")
    data["facts"]["circumstances"] = ["犬只已办理养犬登记", circumstance]
    data["facts"]["description"] = "饲养的犬只夜间持续吠叫，干扰他人正常生活。" + circumstance
    assert not cites_article(variant_findings(data, ctx), "law", PUBLIC_ORDER + "第七十五条")


def test_three_overloads_are_not_over_three(ctx: ReviewContext) -> None:
    data = set_file_data(F36, "rf36d_09_*.yaml")
    assert cites_article(variant_findings(data, ctx), "law", "《公路安全保护条例》第六十六条")
    data["facts"]["quantities"]["一年内违法超限运输次数"] = 4
    assert not cites_article(variant_findings(data, ctx), "law", "《公路安全保护条例》第六十六条")


def test_each_addressee_has_its_own_range() -> None:
    unit = statutory_bounds(NOTARY_42_TEXT, {}, None, party_kind="单位")
    person = statutory_bounds(NOTARY_42_TEXT, {}, None, party_kind="个人")
    assert unit is not None and person is not None
    assert (unit.low, unit.high) == pytest.approx((20000, 100000))
    assert (person.low, person.high) == pytest.approx((2000, 10000))


def test_a_notary_office_fined_below_its_floor(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F36, "rf36b_07_*.yaml"), ctx)
    assert cites_article(found, "discretion", "《中华人民共和国公证法》第四十二条")


def test_identity_papers_beside_a_confession_prove_no_act(ctx: ReviewContext) -> None:
    data = set_file_data(F36, "rf36b_09_*.yaml")
    assert cites_article(variant_findings(data, ctx), "evidence", PUBLIC_ORDER + "第九十三条")
    data["evidence"].append(
        {
            "type": "视听资料",
            "name": "前台监控录像",
            "source": "酒店",
            "obtained_by": "调取",
            "date": "2023-06-05",
        }
    )
    assert not cites_article(variant_findings(data, ctx), "evidence", PUBLIC_ORDER + "第九十三条")


def test_a_witness_guardian_is_not_the_minors(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F36, "rf36b_10_*.yaml"), ctx)
    assert cites_article(found, "procedure", PUBLIC_ORDER + "第八十四条第三款")


def test_a_renumbered_internet_cafe_item(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F36, "rf36b_08_*.yaml"), ctx)
    assert cites_article(found, "law", PENALTY_LAW + "第三十七条")
