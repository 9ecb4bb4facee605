"""Review round 9 (issue #18): the errors of the eighth independent set, fixed in general
form. Each rule is exercised on statute text or the shipped example edited here."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest
from review_fixtures import EXAMPLE, edited_example

from assistant.case_file import CaseFile, Document, read_case_data
from assistant.review.case_extension import decision_limit
from assistant.review.context import ReviewContext
from assistant.review.engine import review
from assistant.review.statutory_range import statutory_bounds
from corpus.citation_resolver import ResolvedCitation

CASES_DIR = Path(__file__).parent / "review_cases"
ROAD_LAW = "《中华人民共和国道路交通安全法》"
PENALTY_LAW = "《中华人民共和国行政处罚法》"

# 《固体废物污染环境防治法》第一百零二条第二款: fixed ranges for most items, a multiple of
# 所需处置费用 for the seventh only.
SOLID_WASTE_102 = (
    "违反本法规定，有下列行为之一，由生态环境主管部门责令改正，处以罚款，没收违法所得：\n"
    "（一）产生、收集、贮存、运输、利用、处置固体废物的单位未依法及时公开固体废物污染环境防治信息的；\n"
    "（二）生活垃圾处理单位未按照国家有关规定安装使用监测设备的；\n"
    "（七）擅自倾倒、堆放、丢弃、遗撒工业固体废物的；\n"
    "有前款第一项、第八项行为之一，处五万元以上二十万元以下的罚款；有前款第二项、第三项、第四项、"
    "第五项、第六项、第九项、第十项、第十一项行为之一，处十万元以上一百万元以下的罚款；有前款第七项"
    "行为，处所需处置费用一倍以上三倍以下的罚款，所需处置费用不足十万元的，按十万元计算。"
)


def test_an_article_citation_does_not_rest_on_one_items_base_amount() -> None:
    """Citing the article without its item, the fixed ranges bound the fine; the 7th
    item's 所需处置费用 is not a fact the file had to establish."""
    bounds = statutory_bounds(SOLID_WASTE_102, {}, None)
    assert bounds is not None
    assert bounds.base is None
    assert (bounds.low, bounds.high) == (50000, 1000000)


def test_the_item_that_is_a_multiple_still_needs_its_base() -> None:
    bounds = statutory_bounds(SOLID_WASTE_102, {}, 7)
    assert bounds is not None
    assert bounds.base == "所需处置费用"
    assert bounds.low is None and bounds.high is None


# --- 法律适用: a measured fact reaching the graver 款 of the applied article -----------------


def _drink_driving(blood_alcohol: int) -> CaseFile:
    data = copy.deepcopy(read_case_data(CASES_DIR / "n01_clean_police_titles.yaml"))
    data["facts"]["quantities"] = {"血液酒精含量（mg/100ml）": blood_alcohol}
    data["facts"]["description"] = (
        f"当事人饮酒后驾驶小型轿车在道路上行驶，血液酒精含量为{blood_alcohol}mg/100ml。"
    )
    return CaseFile.model_validate(data)


def _flags(case: CaseFile, ctx: ReviewContext) -> set[tuple[str, str, str]]:
    return {(f.point.value, ctx.rule(f.rule), f.severity.value) for f in review(case, ctx).flags}


def test_drunk_driving_fined_as_drinking_applies_the_wrong_paragraph(ctx: ReviewContext) -> None:
    flags = _flags(_drink_driving(96), ctx)
    assert ("law", ROAD_LAW + "第九十一条第二款", "must_fix") in flags


def test_drinking_below_the_drunk_line_under_the_first_paragraph_is_lawful(
    ctx: ReviewContext,
) -> None:
    flags = _flags(_drink_driving(35), ctx)
    assert not any("第九十一条" in rule for _, rule, severity in flags if severity == "must_fix")


def test_drunk_driving_under_the_second_paragraph_needs_no_law_finding(ctx: ReviewContext) -> None:
    data = _drink_driving(96).model_dump()
    data["citations"]["penalty_basis"] = [ROAD_LAW + "第九十一条第二款"]
    flags = _flags(CaseFile.model_validate(data), ctx)
    assert ("law", ROAD_LAW + "第九十一条第二款", "must_fix") not in flags


# --- 第四十条: an inspection record dated after the 责令改正 order is the recheck -------------

SAFETY_BASIS = "《中华人民共和国安全生产法》第九十七条第（三）项"
UNCORRECTED = "当事人员工无安全培训记录，已被责令改正，复查时仍未组织培训，拒不改正。"


def _ordered_then_inspected(inspected_on: str) -> CaseFile:
    evidence = [
        {"type": "书证", "name": "责令改正通知书", "obtained_by": "调取", "date": "2024-03-01"},
        {"type": "现场笔录", "name": "现场笔录", "obtained_by": "现场检查", "date": inspected_on},
    ]
    return edited_example(
        citations__penalty_basis=[SAFETY_BASIS],
        facts__description=UNCORRECTED,
        evidence=evidence,
    )


def test_an_inspection_record_after_the_order_proves_non_correction(ctx: ReviewContext) -> None:
    case = _ordered_then_inspected("2024-03-20")
    if not any(isinstance(r, ResolvedCitation) for r in ctx.resolve(SAFETY_BASIS, case.act_date)):
        pytest.skip("安全生产法 不在默认语料中")
    facts = {ctx.rule(f.rule) for f in review(case, ctx).flags if f.point.value == "facts"}
    assert PENALTY_LAW + "第四十条" not in facts


def test_an_inspection_record_before_the_order_proves_nothing_later(ctx: ReviewContext) -> None:
    case = _ordered_then_inspected("2024-02-20")
    if not any(isinstance(r, ResolvedCitation) for r in ctx.resolve(SAFETY_BASIS, case.act_date)):
        pytest.skip("安全生产法 不在默认语料中")
    facts = {ctx.rule(f.rule) for f in review(case, ctx).flags if f.point.value == "facts"}
    assert PENALTY_LAW + "第四十条" in facts


# --- 第六十条: an extension the file says has no approval extends nothing ---------------------

APPROVAL_CASES = [
    ("承办人在系统中填写“案情复杂需延长30日”，无负责人审批意见", False),
    ("延长说明未见机关负责人批准", False),
    ("案情复杂，经局负责人批准延长办案期限三十日", True),
]


@pytest.mark.parametrize(("note", "approved"), APPROVAL_CASES)
def test_an_extension_without_approval_extends_nothing(note: str, approved: bool) -> None:
    data = read_case_data(EXAMPLE)
    data["events"].insert(4, {"type": "延期", "date": "2023-06-20", "note": note})
    case = CaseFile.model_validate(data)
    limit = decision_limit(case, date(2023, 4, 3))
    assert limit.days == (120 if approved else 90)


# --- 第二十三条/第二十四条: a file saying no handover decision exists is not handed down --------


def test_a_township_whose_file_says_no_handover_exists_exceeds_its_level(
    ctx: ReviewContext,
) -> None:
    data = read_case_data(EXAMPLE)
    data["agency"]["name"] = "江门市蓬江区棠下镇人民政府"
    data["agency"]["region"] = "江门市蓬江区棠下镇"
    data["agency"]["powers"]["basis"] = [PENALTY_LAW + "第二十四条第一款"]
    cited_only = {ctx.rule(f.rule) for f in review(CaseFile.model_validate(data), ctx).flags}
    assert PENALTY_LAW + "第二十三条" not in cited_only
    data["facts"]["description"] += "卷内无省政府将该项处罚权交由乡镇行使的决定。"
    said_none = {ctx.rule(f.rule) for f in review(CaseFile.model_validate(data), ctx).flags}
    assert PENALTY_LAW + "第二十三条" in said_none


# --- 法律适用: a fine the cited article imposes only after an order to correct ----------------

FOOD_126 = "《中华人民共和国食品安全法》第一百二十六条"


def _food_fine(description: str) -> CaseFile:
    return edited_example(
        citations__penalty_basis=[FOOD_126],
        citations__violated=["《中华人民共和国食品安全法》第四十五条"],
        facts__description=description,
    )


def test_a_fine_without_the_prior_order_the_article_requires(ctx: ReviewContext) -> None:
    case = _food_fine("凉菜间2名员工未取得健康证明，当事人此前未因此被责令改正。")
    if not any(isinstance(r, ResolvedCitation) for r in ctx.resolve(FOOD_126, case.act_date)):
        pytest.skip("食品安全法 不在默认语料中")
    assert ("law", FOOD_126, "must_fix") in _flags(case, ctx)
    # complete lists with no order anywhere (标注约定第四节): no order was made (breadth round)
    silent = _food_fine("凉菜间2名员工未取得健康证明。")
    assert ("law", FOOD_126, "must_fix") in _flags(silent, ctx)
    # an order on record, its outcome unstated: a question of fact, not of law
    ordered = silent.model_copy(
        update={"documents": [*silent.documents, Document(type="责令改正通知书")]}
    )
    assert ("law", FOOD_126, "must_fix") not in _flags(ordered, ctx)


# --- 第二十八条第二款: the confiscated sum is the gains when the amounts list income and cost ---


def test_confiscating_income_net_of_costs_must_be_fixed(ctx: ReviewContext) -> None:
    rule = ("law", PENALTY_LAW + "第二十八条第二款", "must_fix")
    net = edited_example(
        facts__amounts={"运费收入": 18000, "成本": 7000},
        penalty__types=["罚款", "没收违法所得"],
        penalty__confiscation_yuan=11000,
    )
    assert rule in _flags(net, ctx)
    whole = edited_example(
        facts__amounts={"运费收入": 18000, "成本": 7000},
        penalty__types=["罚款", "没收违法所得"],
        penalty__confiscation_yuan=18000,
    )
    assert rule not in _flags(whole, ctx)
