"""Review round 50 (issue #18): review_fresh38's blind score.

- 医疗保障基金使用监督管理条例第四十条第一款第（三）项's 虚构医药服务项目 told as 录入未实际提供的…项目;
- a clause heading a list with 非 (非入户盗窃、扒窃、携带凶器盗窃) denies each act;
- a rule made under a law the agency enforces (按日连续处罚办法 under 环境保护法) is within its laws;
- 按日连续处罚 counts its days from the day after the order was served (办法第十七条);
- the 民政 inside 人民政府 is no 民政部门; 民政 is a department a 罚则 names (殡葬管理条例第二十二条);
- an earlier on-the-spot warning is not the decision's 简易程序;
- what the offender found in a shop is no inspection of it; a patrol that reached the place and
  saw the act is one;
- 均未超过…限值 denies an exceedance;
- 报经有批准权的人民政府批准，责令停业、关闭 (排污许可管理条例第三十三条);
- a 款 fining only persons after its 逾期不改正 condition (地名管理条例第三十七条);
- the agency's duty to commission accredited laboratories (食品安全法第八十七条) beside the lab's;
- the earlier penalties a decision counts against the file's record query;
- 职务侵占罪 (2016 贪污贿赂解释第十一条第一款);
- a breath test disputed on the spot with no blood test (程序规定第三十五条第一款第（一）项).
Cases are variants of eval/sets/review_fresh30 and review_fresh38 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, rules_of, set_file_data, variant_findings, variant_flags

from assistant.review.context import ReviewContext

F30 = "review_fresh30"
F38 = "review_fresh38"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
INSURANCE_40 = "《医疗保障基金使用监督管理条例》第四十条第一款"
THEFT = "《中华人民共和国刑法》第二百六十四条"
DAILY_17 = "《环境保护主管部门实施按日连续处罚办法》第十七条"
PERMITS_33 = "《排污许可管理条例》第三十三条"
PLACE_NAMES_37 = "《地名管理条例》第三十七条"
FOOD_87 = "《中华人民共和国食品安全法》第八十七条"
EMBEZZLEMENT = (
    "《最高人民法院、最高人民检察院关于办理贪污贿赂刑事案件适用法律若干问题的解释》第十一条"
)
BREATH_35 = "《道路交通安全违法行为处理程序规定》第三十五条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def _replace(data: dict, old: str, new: str) -> dict:
    data["facts"]["description"] = data["facts"]["description"].replace(old, new)
    return data


def test_items_entered_but_never_given_are_fictitious(ctx: ReviewContext) -> None:
    data = set_file_data(F30, "rf30b_11_*.yaml")
    assert cites_article(variant_findings(data, ctx), "law", INSURANCE_40)
    for key in ("violation", "facts"):
        data[key]["description"] = data[key]["description"].replace(
            "录入未实际提供的推拿治疗项目", "按高于标准的价格结算推拿治疗项目"
        )
    assert not cites_article(variant_findings(data, ctx), "law", INSURANCE_40)


def test_a_list_headed_by_non_denies_pickpocketing(ctx: ReviewContext) -> None:
    data = set_file_data(F38, "rf38b_06_*.yaml")
    assert not rules_of(variant_findings(data, ctx), "transfer")
    _replace(data, "非入户盗窃、扒窃、携带凶器盗窃", "系在超市扒窃")
    assert cites_article(variant_findings(data, ctx), "transfer", THEFT)


def test_a_rule_made_under_an_enforced_law_is_within_the_agency_laws(
    core_ctx: ReviewContext,
) -> None:
    data = set_file_data(F38, "rf38a_11_*.yaml")
    assert not rules_of(variant_findings(data, core_ctx), "authority")
    data["agency"]["powers"]["laws"] = ["水污染防治法", "大气污染防治法"]
    found = variant_findings(data, core_ctx)
    assert cites_article(found, "authority", PENALTY_LAW + "第十七条")


def test_daily_penalty_days_start_the_day_after_service(core_ctx: ReviewContext) -> None:
    data = set_file_data(F38, "rf38a_11_*.yaml")
    assert cites_article(variant_findings(data, core_ctx), "discretion", DAILY_17)
    _replace(data, "计罚日数自6月8日起至6月21日止按14日计", "计罚日数自6月9日起至6月21日止按13日计")
    assert not cites_article(variant_findings(data, core_ctx), "discretion", DAILY_17)


def test_civil_affairs_is_a_department_and_no_part_of_government(ctx: ReviewContext) -> None:
    assert not rules_of(variant_findings(set_file_data(F38, "rf38b_11_*.yaml"), ctx), "authority")
    flags = variant_flags(set_file_data(F38, "rf38c_06_*.yaml"), ctx)
    named = [f.reason for f in flags if f.point.value == "authority"]
    assert named and all("民政" not in reason for reason in named)


def test_an_earlier_on_the_spot_warning_is_not_the_summary_procedure(
    ctx: ReviewContext,
) -> None:
    found = variant_findings(set_file_data(F38, "rf38c_06_*.yaml"), ctx)
    assert not cites_article(found, "procedure", PENALTY_LAW + "第五十一条")


def test_what_the_offender_found_in_a_shop_is_no_inspection(ctx: ReviewContext) -> None:
    assert not rules_of(variant_findings(set_file_data(F38, "rf38b_04_*.yaml"), ctx), "evidence")


def test_a_patrol_that_saw_the_act_needs_its_record(ctx: ReviewContext) -> None:
    data = set_file_data(F38, "rf38d_09_*.yaml")
    assert cites_article(variant_findings(data, ctx), "evidence", PENALTY_LAW + "第五十五条")
    data["documents"].append({"type": "现场检查笔录", "date": data["events"][0]["date"]})
    assert not cites_article(variant_findings(data, ctx), "evidence", PENALTY_LAW + "第五十五条")


def test_values_said_not_to_exceed_are_no_exceedance(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F38, "rf38a_07_*.yaml"), ctx)
    assert not rules_of(found, "facts")


def test_closure_needs_the_government_approval_the_article_asks(ctx: ReviewContext) -> None:
    data = set_file_data(F38, "rf38a_07_*.yaml")
    assert cites_article(variant_findings(data, ctx), "authority", PERMITS_33)
    data["events"].append(
        {
            "type": "调查取证",
            "date": data["events"][-3]["date"],
            "note": "报经江门市人民政府批准责令停业",
        }
    )
    assert not cites_article(variant_findings(data, ctx), "authority", PERMITS_33)


def test_persons_fined_only_after_an_unheeded_order(ctx: ReviewContext) -> None:
    data = set_file_data(F38, "rf38b_05_*.yaml")
    found = variant_findings(data, ctx)
    assert cites_article(found, "law", PLACE_NAMES_37)
    assert not rules_of(found, "documents")
    data["events"].insert(
        1,
        {
            "type": "调查取证",
            "date": data["events"][0]["date"],
            "note": "送达责令限期改正通知书，限十五日内改正",
        },
    )
    data["facts"]["circumstances"] = ["逾期未改正"]
    assert not cites_article(variant_findings(data, ctx), "law", PLACE_NAMES_37)


def test_a_lapsed_laboratory_breaches_the_agency_duty_too(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F38, "rf38c_08_*.yaml"), ctx)
    assert cites_article(found, "evidence", FOOD_87)


def test_earlier_penalties_counted_beyond_the_record_query(ctx: ReviewContext) -> None:
    data = set_file_data(F38, "rf38b_10_*.yaml")

    def contradicted(reasons: list[str]) -> bool:
        return any("处罚记录" in r for r in reasons)

    facts = [f.reason for f in variant_flags(data, ctx) if f.point.value == "facts"]
    assert contradicted(facts)
    for item in data["evidence"]:
        item["name"] = item["name"].replace("处罚记录1条", "处罚记录3条")
    facts = [f.reason for f in variant_flags(data, ctx) if f.point.value == "facts"]
    assert not contradicted(facts)


def test_embezzlement_by_an_officer_over_sixty_thousand(ctx: ReviewContext) -> None:
    data = set_file_data(F38, "rf38b_07_*.yaml")
    assert cites_article(variant_findings(data, ctx), "transfer", EMBEZZLEMENT)
    data["facts"]["amounts"] = {"被侵占资金": 28600}
    data["facts"]["circumstances"] = [
        c.replace("286000", "28600") for c in data["facts"]["circumstances"]
    ]
    _replace(data, "286000", "28600")
    assert not cites_article(variant_findings(data, ctx), "transfer", EMBEZZLEMENT)


def test_a_breath_test_disputed_on_the_spot_needs_a_blood_test(ctx: ReviewContext) -> None:
    data = set_file_data(F38, "rf38b_09_*.yaml")
    assert cites_article(variant_findings(data, ctx), "evidence", BREATH_35)
    data["evidence"].append(
        {"type": "鉴定意见", "name": "血液酒精含量检验报告", "date": data["events"][0]["date"]}
    )
    assert not cites_article(variant_findings(data, ctx), "evidence", BREATH_35)
