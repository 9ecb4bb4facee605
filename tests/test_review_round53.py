"""Review round 53 (issue #18): what review_fresh39/40 still missed, and review_fresh41's
blind score.

- an act the law deems another only after a refused order (海域使用管理法第四十五条: 期满未办理
  手续继续用海，责令限期办理；拒不办理的，以非法占用海域论处) fined under the deemed act's 罚则
  while nothing records the refusal;
- an authorised organisation (自然保护区管理处) applying a 罚则 that gives the power to a
  department (森林法第七十六条: 林业主管部门) acts outside its authorisation (第十九条, subject);
- 按日连续处罚 days counted past the re-inspection that found the discharge going on (to the
  party's own report of correction), though the file cites only 第十九条 of the 办法.
Cases are variants of eval/sets/review_fresh29/35/39 files."""

from __future__ import annotations

from review_fixtures import rules_of, set_file_data, variant_findings

from assistant.review.context import ReviewContext

F29 = "review_fresh29"
F35 = "review_fresh35"
F39 = "review_fresh39"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
SEA_AREA = "《中华人民共和国海域使用管理法》第四十五条"


def test_expired_sea_use_is_not_occupation_before_a_refused_order(
    national_ctx: ReviewContext,
) -> None:
    data = set_file_data(F39, "rf39a_04_*.yaml")
    assert SEA_AREA in rules_of(variant_findings(data, national_ctx), "law")


def test_a_recorded_refusal_lets_the_deemed_act_apply(national_ctx: ReviewContext) -> None:
    data = set_file_data(F39, "rf39a_04_*.yaml")
    data["facts"]["circumstances"] = [
        *data["facts"].get("circumstances", []),
        "经责令限期办理续期手续，当事人逾期仍未办理",
    ]
    assert SEA_AREA not in rules_of(variant_findings(data, national_ctx), "law")


def test_an_authorised_body_outside_its_authorisation_is_no_subject(
    national_ctx: ReviewContext,
) -> None:
    found = variant_findings(set_file_data(F35, "rf35a_07_*.yaml"), national_ctx)
    assert f"{PENALTY_LAW}第十九条" in rules_of(found, "subject")
    assert not rules_of(found, "authority")


def test_the_same_act_by_a_department_is_a_question_of_power(national_ctx: ReviewContext) -> None:
    data = set_file_data(F35, "rf35a_07_*.yaml")
    data["agency"]["kind"] = "行政机关"
    assert any(
        "森林法" in rule for rule in rules_of(variant_findings(data, national_ctx), "authority")
    )


DAILY_COUNT = "《环境保护主管部门实施按日连续处罚办法》第十七条"


def test_days_are_counted_to_the_reinspection_that_found_the_discharge(
    ctx: ReviewContext,
) -> None:
    data = set_file_data(F29, "rf29a_08_*.yaml")
    assert DAILY_COUNT in rules_of(variant_findings(data, ctx), "discretion")


def test_days_counted_to_the_reinspection_are_no_finding(ctx: ReviewContext) -> None:
    data = set_file_data(F29, "rf29a_08_*.yaml")
    facts = data["facts"]
    facts["description"] = facts["description"].replace(
        "至当事人报告整改完成之日（2023年4月6日）止，共36日",
        "至复查发现之日（2023年3月20日）止，共19日",
    )
    data["penalty"]["amount"] = 2850000
    facts["quantities"]["计罚日数"] = 19
    assert DAILY_COUNT not in rules_of(variant_findings(data, ctx), "discretion")
