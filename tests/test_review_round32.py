"""Review round 32 (issue #18): misses left on review_fresh25, fixed by rule.

- a minor (14–17 on the act date) punished while the file says the penalty was not lightened
  (治安管理处罚法第十二条 / 行政处罚法第三十条) must be corrected; a file silent on it is a check;
- a 事业单位 (…服务中心) whose cited 罚则 gives the power to a department is not authorised
  (第十九条), however its name echoes that department (粮食和物资储备);
- an office a law lets decide only small fines (出境入境管理法第七十条: 出入境管理机构 警告或者
  五千元以下罚款) exceeds its power above that amount;
- an inspection recorded only by a later 复查 has no record of what it found (第五十五条第二款);
- a construction fine's base (合同价款) other than the contract's own figure (第四十条);
- a 罚则 that fines only after 逾期不改正 or 情节严重 (药品管理法第一百二十六条) needs the order
  first when no 情节严重 is found; the party's own 已整改 is no order;
- 环境保护法第六十三条: discharge by 暗管 / bypassing treatment facilities is transferred to the
  police for detention; a file that rules the conduct out (经核无暗管) is not;
- fines keyed to items in brackets (有前款第（二）、（四）项行为之一的) read the item's own range.
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh25 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings, variant_flags

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import fine_clauses

PUBLIC_ORDER_12 = "《中华人民共和国治安管理处罚法》第十二条"
PENALTY_LAW_19 = "《中华人民共和国行政处罚法》第十九条"
EXIT_ENTRY_70 = "《中华人民共和国出境入境管理法》第七十条"
ARTICLE_55 = "《中华人民共和国行政处罚法》第五十五条"
ARTICLE_40 = "《中华人民共和国行政处罚法》第四十条"
DRUG_126 = "《中华人民共和国药品管理法》第一百二十六条"
ENVIRONMENT_63 = "《中华人民共和国环境保护法》第六十三条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def _brawl(circumstance: str) -> dict:
    data = set_file_data("review_fresh25", "rf25d_04_*.yaml")
    data["facts"]["circumstances"] = ["结伙斗殴", circumstance]
    return data


def test_minor_said_not_lightened_must_be_corrected(ctx: ReviewContext) -> None:
    data = _brawl("对未成年人与成年人同样处以拘留，未予从轻或者减轻")
    assert cites_article(variant_findings(data, ctx), "discretion", PUBLIC_ORDER_12)


def test_minor_lightened_is_not_flagged(ctx: ReviewContext) -> None:
    data = _brawl("对区嘉乐依法从轻处罚")
    flags = variant_flags(data, ctx)
    assert not any(f.rule.startswith(PUBLIC_ORDER_12) for f in flags)


def test_minor_file_silent_on_lightening_is_a_check(ctx: ReviewContext) -> None:
    data = _brawl("三人作用相当")
    assert not cites_article(variant_findings(data, ctx), "discretion", PUBLIC_ORDER_12)
    checks = [f for f in variant_flags(data, ctx) if f.rule.startswith(PUBLIC_ORDER_12)]
    assert checks and checks[0].severity.value == "check"


def _grain(agency: str) -> dict:
    data = set_file_data("review_fresh25", "rf25d_10_*.yaml")
    data["agency"]["name"] = agency
    return data


def test_service_centre_is_not_authorised_by_a_department_rule(ctx: ReviewContext) -> None:
    found = variant_findings(_grain("开平市粮食和物资储备服务中心"), ctx)
    assert cites_article(found, "subject", PENALTY_LAW_19)


def _hiring(fine: int) -> dict:
    data = set_file_data("review_fresh25", "rf25d_06_*.yaml")
    data["penalty"]["amount"] = fine
    data["facts"]["amounts"] = {"罚款": fine}
    return data


def test_exit_entry_office_above_its_ceiling(ctx: ReviewContext) -> None:
    assert cites_article(variant_findings(_hiring(10000), ctx), "authority", EXIT_ENTRY_70)


def test_exit_entry_office_within_its_ceiling(ctx: ReviewContext) -> None:
    assert not cites_article(variant_findings(_hiring(5000), ctx), "authority", EXIT_ENTRY_70)


def test_only_a_recheck_record_leaves_the_inspection_unrecorded(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh25", "rf25a_07_*.yaml")
    assert cites_article(variant_findings(data, ctx), "evidence", ARTICLE_55)
    data["evidence"].append(
        {"type": "现场笔录", "name": "现场检查笔录", "source": "执法人员", "date": "2025-03-04"}
    )
    assert not cites_article(variant_findings(data, ctx), "evidence", ARTICLE_55)


@pytest.mark.parametrize(("decided", "flagged"), [(5200000, True), (6480000, False)])
def test_contract_price_against_the_contract(
    decided: int, flagged: bool, ctx: ReviewContext
) -> None:
    data = set_file_data("review_fresh25", "rf25c_06_*.yaml")
    data["facts"]["amounts"]["工程合同价款"] = decided
    assert cites_article(variant_findings(data, ctx), "facts", ARTICLE_40) is flagged


def _cold_chain(statement: str, circumstances: list[str]) -> dict:
    data = set_file_data("review_fresh25", "rf25b_07_*.yaml")
    for event in data["events"]:
        if event["type"] == "陈述申辩":
            event["note"] = statement
    data["facts"]["circumstances"] = circumstances
    return data


def test_fine_needing_an_order_first(ctx: ReviewContext) -> None:
    data = _cold_chain("当事人称当日已整改", ["检查当日改正"])
    assert cites_article(variant_findings(data, ctx), "law", DRUG_126)


def test_serious_case_may_be_fined_at_once(ctx: ReviewContext) -> None:
    data = _cold_chain("当事人称当日已整改", ["情节严重"])
    assert not cites_article(variant_findings(data, ctx), "law", DRUG_126)


def _bypass(circumstance: str) -> dict:
    data = set_file_data("review_fresh25", "rf25a_11_*.yaml")
    data["facts"]["circumstances"] = [circumstance]
    return data


def test_evading_supervision_is_transferred_for_detention(ctx: ReviewContext) -> None:
    data = _bypass("经旁路直排未经处理的废气")
    assert cites_article(variant_findings(data, ctx), "transfer", ENVIRONMENT_63)


def test_conduct_ruled_out_is_not_transferred(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh25", "rf25a_09_*.yaml")
    assert not cites_article(variant_findings(data, ctx), "transfer", ENVIRONMENT_63)


def test_bracketed_items_key_their_fines() -> None:
    text = (
        "有前款第（一）、（三）项行为之一的，处三万元以上二十万元以下的罚款；"
        "有前款第（二）、（四）项行为之一的，处二万元以上十万元以下的罚款。"
    )
    clauses = fine_clauses(text)
    assert [sorted(c.items) for c in clauses] == [[1, 3], [2, 4]]
    assert clauses[1].fine.max_yuan == pytest.approx(100000)
