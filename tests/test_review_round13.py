"""Review round 13 (issue #18, the fresh9 set): what a blind set found the engine missed —
time bar with a denied 生命健康 clause, recusal the party never asked for, seizures held to the
decision, forced entry, a fine over the 广告法 multiple, metals over the standard, diseased
meat, police teams, townships beyond their handover, superseded numbering, one act fined
twice. Cases are the shipped example (a 江门 water case) edited with other names, amounts and
wording; statute text comes from the default corpus (农产品质量安全法's two versions from ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_fixtures import example_data, must_fix_findings

from api.settings import Settings
from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.criminal_thresholds import reached
from corpus.ingest import ingest_paths
from corpus.store import CorpusStore

PENALTY_LAW = "《中华人民共和国行政处罚法》"
COERCION_LAW = "《中华人民共和国行政强制法》"
PUBLIC_ORDER_LAW = "《中华人民共和国治安管理处罚法》"


@pytest.fixture(scope="module")
def produce_ctx(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> ReviewContext:
    """Both versions of 农产品质量安全法 (not in the default corpus) and 行政处罚法: a small
    store, so the module stays fast without the national corpus."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("zhifa-produce"))
    store = CorpusStore(settings)
    laws = shared_dir / "data" / "laws"
    files = sorted(laws.glob("*/农产品质量安全法(*).md"))
    files += [settings.default_corpus_dir / "laws" / "行政法" / "行政处罚法(2021-01-22).md"]
    report = ingest_paths(store, files)
    assert not report.failures, report.failures
    return ReviewContext.build(settings, store)


def _case(data: dict) -> CaseFile:
    return CaseFile.model_validate(data)


def _has(found: set[tuple[str, str]], point: str, rule_prefix: str) -> bool:
    return any(p == point and r.startswith(rule_prefix) for p, r in found)


def _narrated(text: str, circumstances: list[str] | None = None) -> dict:
    data = example_data()
    data["facts"]["description"] += text
    if circumstances is not None:
        data["facts"]["circumstances"] = circumstances
    return data


# --- 第三十六条: a clause denying 生命健康安全 does not lengthen the bar to five years -------


def _late_discovery(circumstance: str) -> CaseFile:
    data = example_data()
    data["violation"]["date"] = "2020-05-02"
    data["violation"]["end_date"] = "2020-06-30"
    data["facts"]["circumstances"] = [circumstance]
    return _case(data)


def test_a_denied_health_clause_leaves_the_two_year_bar(ctx: ReviewContext) -> None:
    found = must_fix_findings(_late_discovery("本案未涉及公民生命健康安全、金融安全"), ctx)
    assert _has(found, "procedure", PENALTY_LAW + "第三十六条")


def test_a_stated_health_clause_gives_five_years(ctx: ReviewContext) -> None:
    found = must_fix_findings(_late_discovery("违法排放涉及公民生命健康安全且有危害后果"), ctx)
    assert not _has(found, "procedure", PENALTY_LAW + "第三十六条")


# --- 第四十三条第一款: the officer withdraws whether or not the party applies -----------------


def test_a_related_officer_who_stayed_is_flagged_though_the_party_never_applied(
    ctx: ReviewContext,
) -> None:
    text = (
        "执法人员陈华系当事人股东的表兄，全程参与调查，当事人未提出回避申请，该局亦未作回避决定。"
    )
    assert _has(
        must_fix_findings(_case(_narrated(text)), ctx), "qualification", PENALTY_LAW + "第四十三条"
    )


def test_an_officer_without_relation_is_not_flagged(ctx: ReviewContext) -> None:
    text = "执法人员与当事人无利害关系，当事人未申请回避。"
    assert not _has(
        must_fix_findings(_case(_narrated(text)), ctx), "qualification", PENALTY_LAW + "第四十三条"
    )


# --- 行政强制法: a seizure held to the decision, its approval and its papers -----------------


def _seizure(day: str, note: str, text: str) -> dict:
    """The example with a seizure made on ``day`` (an inspection note) and a narrative."""
    data = _narrated(text)
    data["events"].append(
        {
            "type": "调查取证",
            "date": day,
            "officers": ["李明", "陈华"],
            "certificates_shown": True,
            "audio_video": True,
            "note": note,
        }
    )
    data["events"].sort(key=lambda e: str(e["date"]))
    return data


def test_a_seizure_never_extended_and_ended_by_the_decision_is_measured(
    ctx: ReviewContext,
) -> None:
    data = _seizure(
        "2023-04-03", "扣押电镀槽液桶12个", "扣押后未办理延长手续，处罚决定时一并没收。"
    )
    assert _has(must_fix_findings(_case(data), ctx), "procedure", COERCION_LAW + "第二十五条")


def test_a_short_seizure_ended_by_the_decision_is_lawful(ctx: ReviewContext) -> None:
    data = _seizure("2023-05-02", "扣押电镀槽液桶12个", "扣押后未延长，处罚决定时一并没收。")
    assert not _has(must_fix_findings(_case(data), ctx), "procedure", COERCION_LAW + "第二十五条")


def test_a_party_asking_for_the_goods_back_is_no_release(ctx: ReviewContext) -> None:
    data = _seizure("2023-04-03", "扣押槽液桶12个", "扣押期间未作延长决定。")
    data["events"].append(
        {"type": "陈述申辩", "date": "2023-04-20", "note": "当事人申请返还扣押的槽液桶"}
    )
    data["events"].sort(key=lambda e: str(e["date"]))
    assert _has(must_fix_findings(_case(data), ctx), "procedure", COERCION_LAW + "第二十五条")


def test_an_unapproved_seizure_without_papers_is_flagged_twice(ctx: ReviewContext) -> None:
    data = _seizure(
        "2023-03-28",
        "现场扣押槽液桶12个，未经机关负责人批准，也未出具扣押决定书和清单",
        "",
    )
    found = must_fix_findings(_case(data), ctx)
    assert _has(found, "procedure", COERCION_LAW + "第十八条")
    assert _has(found, "documents", COERCION_LAW + "第二十四条第一款")


def test_a_seizure_approved_afterwards_is_lawful(ctx: ReviewContext) -> None:
    data = _seizure(
        "2023-03-28", "当场扣押槽液桶12个，未经事先批准，返回后二小时内补办批准手续", ""
    )
    assert not _has(must_fix_findings(_case(data), ctx), "procedure", COERCION_LAW + "第十八条")


# --- 第四十六条第三款: forced entry --------------------------------------------------------


def test_evidence_taken_after_breaking_in_is_unlawful(ctx: ReviewContext) -> None:
    data = example_data()
    data["evidence"][0]["obtained_by"] = "破门进入车间后检查"
    assert _has(must_fix_findings(_case(data), ctx), "evidence", PENALTY_LAW + "第四十六条")


# --- 刑法第三百三十八条: a metal over the standard three times and more ---------------------


def test_a_heavy_metal_four_times_over_the_standard_is_transferred(ctx: ReviewContext) -> None:
    data = example_data()
    data["facts"]["description"] += "排放口废水检出总镉。"
    data["evidence"][2]["measurements"] = [
        {"item": "总镉", "value": 0.42, "limit": 0.1, "unit": "mg/L"}
    ]
    assert _has(must_fix_findings(_case(data), ctx), "transfer", PENALTY_LAW + "第二十七条")


def test_a_heavy_metal_just_over_the_standard_is_no_crime(ctx: ReviewContext) -> None:
    data = example_data()
    data["facts"]["description"] += "排放口废水检出总镉。"
    data["evidence"][2]["measurements"] = [
        {"item": "总镉", "value": 0.25, "limit": 0.1, "unit": "mg/L"}
    ]
    assert not any(p == "transfer" for p, _ in must_fix_findings(_case(data), ctx))


# --- 广告法第五十五条: the 二十万元 range is only for a base that cannot be had -----------


def _false_ad(fine: int) -> CaseFile:
    data = example_data()
    data["agency"]["name"] = "佛山市南海区市场监督管理局"
    data["agency"]["region"] = "佛山市南海区"
    data["agency"]["powers"] = {
        "basis": ["《中华人民共和国广告法》第六条第二款"],
        "laws": ["广告法"],
        "penalty_types": ["罚款"],
    }
    data["violation"]["place"] = "佛山市南海区桂城街道"
    data["violation"]["description"] = "在门店海报宣称“三天生发”等虚构效果"
    data["citations"] = {
        "violated": ["《中华人民共和国广告法》第二十八条第二款第（四）项"],
        "penalty_basis": ["《中华人民共和国广告法》第五十五条第一款"],
    }
    data["violation"].pop("standard_id", None)
    data["penalty"]["amount"] = fine
    data["facts"]["description"] = (
        "当事人发布虚假广告，广告设计发布费用共计18000元，有合同发票为证。"
    )
    data["facts"]["amounts"] = {"广告费用": 18000}
    data["facts"]["circumstances"] = ["当事人无两年内三次以上违法行为或其他严重情节"]
    return _case(data)


def test_a_fine_over_five_times_a_known_ad_cost_is_over_the_maximum(ctx: ReviewContext) -> None:
    assert _has(
        must_fix_findings(_false_ad(150000), ctx),
        "discretion",
        "《中华人民共和国广告法》第五十五条",
    )


def test_a_fine_within_the_multiple_is_lawful(ctx: ReviewContext) -> None:
    assert not _has(
        must_fix_findings(_false_ad(72000), ctx), "discretion", "《中华人民共和国广告法》第五十五条"
    )


# --- 治安管理处罚法第九十一条: a team inside a 公安分局 is no deciding organ -----------------


def _public_order(agency: str) -> CaseFile:
    data = example_data()
    data["agency"] = {
        "name": agency,
        "kind": "行政机关",
        "region": "佛山市南海区",
        "powers": {
            "basis": [PUBLIC_ORDER_LAW + "第七条第一款"],
            "laws": ["治安管理处罚法"],
            "penalty_types": ["警告", "罚款"],
        },
    }
    data["violation"] = {
        "date": "2024-03-02",
        "place": "佛山市南海区桂城街道某宾馆",
        "description": "宾馆值班员为旅客办理入住未登记身份证件号码",
    }
    data["citations"] = {
        "violated": [PUBLIC_ORDER_LAW + "第五十六条第一款"],
        "penalty_basis": [PUBLIC_ORDER_LAW + "第五十六条第一款"],
    }
    data["penalty"] = {"types": ["罚款"], "amount": 400}
    data["parties"] = [
        {"name": "梁某", "kind": "个人", "id_code": "440605199001011234", "address": "佛山市南海区"}
    ]
    return _case(data)


def test_a_police_brigade_deciding_a_public_order_fine_is_no_subject(ctx: ReviewContext) -> None:
    found = must_fix_findings(_public_order("佛山市公安局南海分局治安管理大队"), ctx)
    assert _has(found, "subject", PUBLIC_ORDER_LAW + "第九十一条")


def test_the_district_police_bureau_may_decide(ctx: ReviewContext) -> None:
    found = must_fix_findings(_public_order("佛山市公安局南海分局"), ctx)
    assert not _has(found, "subject", PUBLIC_ORDER_LAW + "第九十一条")


# --- 道路交通安全法第九十一条: 吊销许可证件 is the kind the article's 吊销驾驶证 is ------------


def _drunk(types: list[str], basis: str) -> CaseFile:
    data = example_data()
    data["agency"] = {
        "name": "佛山市公安局交通警察支队",
        "kind": "行政机关",
        "region": "佛山市",
        "powers": {
            "basis": ["《中华人民共和国道路交通安全法》第五条第一款"],
            "laws": ["道路交通安全法"],
            "penalty_types": ["警告", "罚款", "暂扣许可证件", "吊销许可证件"],
        },
    }
    data["violation"] = {
        "date": "2024-04-06",
        "place": "佛山市禅城区",
        "description": "饮酒后驾驶机动车",
    }
    data["citations"] = {
        "violated": ["《中华人民共和国道路交通安全法》第二十二条第二款"],
        "penalty_basis": [basis],
    }
    data["penalty"] = {"types": types, "amount": 1500 if "罚款" in types else None}
    data["parties"] = [
        {"name": "黎某", "kind": "个人", "id_code": "440604198805051234", "address": "佛山市禅城区"}
    ]
    data["facts"]["description"] = "当事人饮酒后驾驶小型汽车，呼气酒精含量45mg/100ml。"
    return _case(data)


@pytest.mark.parametrize(
    ("types", "basis"),
    [
        (["吊销许可证件"], "《中华人民共和国道路交通安全法》第九十一条第二款"),
        (["暂扣许可证件", "罚款"], "《中华人民共和国道路交通安全法》第九十一条第一款"),
    ],
)
def test_a_licence_kind_matches_the_driving_licence_the_article_takes(
    types: list[str], basis: str, ctx: ReviewContext
) -> None:
    found = must_fix_findings(_drunk(types, basis), ctx)
    assert not any(r.startswith(PENALTY_LAW + "第三十八条") for _, r in found)


# --- 行政处罚法第二十四条: a township beyond the matters handed to it -------------------------


def test_a_township_punishing_outside_its_handed_laws_breaks_the_handover(
    ctx: ReviewContext,
) -> None:
    data = example_data()
    data["agency"]["name"] = "江门市新会区大泽镇人民政府"
    data["agency"]["region"] = "江门市新会区大泽镇"
    data["agency"]["powers"] = {
        "basis": [PENALTY_LAW + "第二十四条第一款"],
        "laws": ["城乡规划法"],
        "penalty_types": ["警告", "罚款"],
    }
    data["violation"]["place"] = "江门市新会区大泽镇工业路"
    found = must_fix_findings(_case(data), ctx)
    assert _has(found, "authority", PENALTY_LAW + "第二十四条")


# --- 第三十七条: the superseded version's numbering --------------------------------------


def _produce(basis: str, act_date: str) -> CaseFile:
    data = example_data()
    data["agency"] = {
        "name": "江门市台山市农业农村局",
        "kind": "行政机关",
        "region": "江门市台山市",
        "powers": {
            "basis": ["《中华人民共和国农产品质量安全法》第三条"],
            "laws": ["农产品质量安全法"],
            "penalty_types": ["罚款", "没收违法所得"],
        },
    }
    data["violation"] = {
        "date": act_date,
        "place": "江门市台山市某合作社",
        "description": "销售农药残留超标的芹菜",
    }
    data["citations"] = {
        "violated": ["《中华人民共和国农产品质量安全法》第三十三条"],
        "penalty_basis": [basis],
    }
    data["penalty"] = {"types": ["罚款"], "amount": 6000}
    data["facts"]["description"] = "当事人销售的芹菜毒死蜱残留超过限量。"
    data["facts"]["amounts"] = {}
    return _case(data)


def test_a_sanction_number_of_the_repealed_version_is_the_wrong_law(
    produce_ctx: ReviewContext,
) -> None:
    case = _produce("《中华人民共和国农产品质量安全法》第五十条", "2023-09-15")
    found = must_fix_findings(case, produce_ctx)
    assert _has(found, "law", PENALTY_LAW + "第三十七条")


def test_a_number_that_was_never_a_sanction_stays_a_missing_basis(
    produce_ctx: ReviewContext,
) -> None:
    case = _produce("《中华人民共和国农产品质量安全法》第三条", "2023-09-15")
    found = must_fix_findings(case, produce_ctx)
    assert not _has(found, "law", PENALTY_LAW + "第三十七条")


# --- 第二十九条: one act fined under two 罚则, added up ------------------------------------


def _two_fines(extra: str) -> CaseFile:
    data = example_data()
    data["citations"]["penalty_basis"].append("《中华人民共和国环境保护法》第五十九条第一款")
    data["penalty"]["amount"] = 180000
    data["facts"]["amounts"] = {"水污染防治法罚款": 150000, "环境保护法罚款": 30000}
    data["facts"]["description"] += extra
    return _case(data)


def test_one_act_fined_under_two_laws_is_fined_twice(ctx: ReviewContext) -> None:
    assert _has(must_fix_findings(_two_fines(""), ctx), "law", PENALTY_LAW + "第二十九条")


def test_two_acts_each_fined_is_no_double_fine(ctx: ReviewContext) -> None:
    found = must_fix_findings(_two_fines("当事人另有拒不执行停产决定的另一违法行为。"), ctx)
    assert not _has(found, "law", PENALTY_LAW + "第二十九条")


# --- 刑法第一百四十三条: diseased meat is 足以造成严重食物中毒事故 by itself ----------------


def _meat(text: str) -> CaseFile:
    data = example_data()
    data["facts"]["description"] = text
    return _case(data)


def test_selling_diseased_meat_reaches_the_food_safety_crime() -> None:
    case = _meat("当事人收购病死羊2只，宰杀后在菜市场摊位出售，货值1300元。")
    assert "diseased-meat" in {h.threshold.id for h in reached(case)}


def test_diseased_animals_sent_for_harmless_disposal_are_no_sale() -> None:
    case = _meat("养殖场病死猪3头已交由无害化处理厂收集处理，未流入市场。")
    assert "diseased-meat" not in {h.threshold.id for h in reached(case)}
