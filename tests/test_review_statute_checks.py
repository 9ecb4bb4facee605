"""Issue #18 parsers and catalogues: statutory fine clauses, age from ID numbers, criminal
transfer lines keyed on act + threshold, documents by function, facts ↔ evidence, and the
must_fix evaluation. Statute wording is quoted verbatim from the laws in corpus/data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from review_fixtures import EXAMPLE
from review_fixtures import edited_example as _case

from api.settings import Settings
from assistant.case_file import CaseFile, Party, load_case, read_case_data
from assistant.review.checkers.authority import _named_departments, same_penalty_kind
from assistant.review.checkers.documents import decision_matters, states
from assistant.review.checkers.measured_facts import measured_values
from assistant.review.checkers.pending_facts import pending_amounts
from assistant.review.context import ReviewContext
from assistant.review.criminal_thresholds import reached
from assistant.review.document_functions import DocumentFunctions
from assistant.review.engine import review
from assistant.review.party_capacity import age_on, birth_date_from_id, party_age
from assistant.review.statutory_range import fine_clauses, statutory_bounds
from corpus.citation_resolver import ResolvedCitation
from eval.review_eval import article_of, evaluate_folder

CASES_DIR = Path(__file__).parent / "review_cases"

FOOD_124 = (
    "违反本法规定，有下列情形之一，尚不构成犯罪的，由县级以上人民政府食品安全监督管理部门"
    "没收违法所得和违法生产经营的食品、食品添加剂，并可以没收用于违法生产经营的工具、设备、"
    "原料等物品；违法生产经营的食品、食品添加剂货值金额不足一万元的，并处五万元以上十万元以下"
    "罚款；货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款；情节严重的，吊销许可证："
)
PRODUCT_49 = (
    "生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的，责令停止生产、"
    "销售，没收违法生产、销售的产品，并处违法生产、销售产品（包括已售出和未售出的产品，下同）"
    "货值金额等值以上三倍以下的罚款；有违法所得的，并处没收违法所得；情节严重的，吊销营业执照；"
    "构成犯罪的，依法追究刑事责任。"
)
WASTE_112_2 = (
    "有前款第一项、第八项行为之一，处五万元以上二十万元以下的罚款；有前款第二项、第三项、"
    "第四项、第五项、第六项、第九项、第十项、第十一项行为之一，处十万元以上一百万元以下的罚款；"
    "有前款第七项行为，处所需处置费用一倍以上三倍以下的罚款"
)
SAFETY_99 = (
    "生产经营单位有下列行为之一的，责令限期改正，处五万元以下的罚款；逾期未改正的，处五万元以上"
    "二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处一万元以上二万元以下的罚款；"
)


# --- statutory fine clauses -------------------------------------------------------------


def test_tiers_by_goods_value_pick_the_clause_for_the_case() -> None:
    below = statutory_bounds(FOOD_124, {"货值金额": 3000}, None)
    assert (below.low, below.high) == (50000, 100000)
    above = statutory_bounds(FOOD_124, {"货值金额": 20000}, None)
    assert (above.low, above.high) == (200000, 400000)
    unknown = statutory_bounds(FOOD_124, {}, None)
    assert unknown.base == "货值金额" and unknown.low is None


def test_equal_value_multiple_reads_as_one_times() -> None:
    [clause] = fine_clauses(PRODUCT_49)
    assert (clause.fine.base, clause.fine.min_multiple, clause.fine.max_multiple) == (
        "货值金额",
        1.0,
        3.0,
    )
    bounds = statutory_bounds(PRODUCT_49, {"货值金额": 30000}, None)
    assert (bounds.low, bounds.high) == (30000, 90000)


def test_item_sentences_apply_to_their_items_only() -> None:
    item_five = statutory_bounds(WASTE_112_2, {}, 5)
    assert (item_five.low, item_five.high) == (100000, 1000000)
    item_one = statutory_bounds(WASTE_112_2, {}, 1)
    assert (item_one.low, item_one.high) == (50000, 200000)


def test_fines_on_responsible_individuals_are_left_out() -> None:
    [unit, uncorrected] = fine_clauses(SAFETY_99)  # not 一万元以上二万元以下 (主管人员)
    assert (unit.fine.max_yuan, uncorrected.fine.max_yuan) == (50000, 200000)
    assert uncorrected.requires == "逾期未改正"


def test_unreadable_article_has_no_bounds() -> None:
    assert statutory_bounds("违反本法规定的，责令改正。", {}, None) is None


def test_below_minimum_needs_a_reduction_ground(ctx: ReviewContext) -> None:
    low = _case(penalty__amount=50000)
    assert [f.severity.value for f in review(low, ctx).flags if f.point == "discretion"] == [
        "must_fix"
    ]
    grounded = _case(penalty__amount=50000, facts__mitigating_grounds=["主动消除违法行为危害后果"])
    assert not [f for f in review(grounded, ctx).flags if f.point == "discretion"]


# --- capacity ---------------------------------------------------------------------------


def test_birth_date_from_resident_id_numbers() -> None:
    assert birth_date_from_id("440703201005010000") == dt.date(2010, 5, 1)
    assert birth_date_from_id("44070310050101X") is None  # 15 digits only
    assert birth_date_from_id("440703100501010") == dt.date(1910, 5, 1)
    assert birth_date_from_id("91440700MA4XXXXX1K") is None  # a credit code
    assert birth_date_from_id("440703201013400000") is None  # month 13


def test_age_counts_completed_years_on_the_act_date() -> None:
    person = Party(name="甲", kind="个人", birth_date=dt.date(2009, 3, 28))
    assert age_on(person, dt.date(2023, 3, 27)) == 13
    assert age_on(person, dt.date(2023, 3, 28)) == 14
    assert (
        age_on(Party(name="乙公司", kind="单位", id_code="440703201005010000"), dt.date(2023, 1, 1))
        is None
    )


def test_under_fourteen_and_mental_illness_are_flagged_with_their_articles(
    ctx: ReviewContext,
) -> None:
    for name, article in (
        ("n07_law_party_under_14.yaml", "第三十条"),
        ("n08_law_mental_illness.yaml", "第三十一条"),
    ):
        flags = [f for f in review(load_case(CASES_DIR / name), ctx).flags if f.point == "law"]
        assert [f.rule for f in flags] == [f"《中华人民共和国行政处罚法》{article}"]
        assert flags[0].severity.value == "must_fix"


# --- criminal transfer: act and threshold -----------------------------------------------


def _waste(description: str, quantities: dict[str, float]) -> CaseFile:
    return _case(facts__description=description, facts__quantities=quantities, facts__amounts={})


def test_quantity_alone_never_triggers_transfer() -> None:
    lawful = _waste(
        "当事人将危险废物委托持证单位处置，但未填写、运行危险废物转移联单。", {"危险废物（吨）": 10}
    )
    assert reached(lawful) == []


def test_dumping_above_three_tonnes_triggers_in_any_unit() -> None:
    tonnes = _waste("当事人将废矿物油倾倒于厂外荒地。", {"倾倒量（吨）": 8})
    assert [h.threshold.id for h in reached(tonnes)] == ["hazardous-waste"]
    kilograms = _waste("当事人将危险废物倾倒于河道。", {"倾倒量（千克）": 5000})
    assert reached(kilograms)[0].value == pytest.approx(5)
    narrative = _waste("当事人将废矿物油（HW08）倾倒于厂外荒地，共计倾倒4.5吨。", {})
    assert reached(narrative)[0].value == pytest.approx(4.5)
    small = _waste("当事人将危险废物倾倒于厂外荒地，共计倾倒2吨。", {})
    assert reached(small) == []


def test_drunk_driving_needs_the_blood_alcohol_value() -> None:
    drunk = _case(
        facts__description="当事人醉酒驾驶小型轿车，血液酒精含量为126mg/100ml。",
        facts__quantities={},
    )
    assert [h.threshold.id for h in reached(drunk)] == ["drunk-driving"]
    drinking = _case(
        facts__description="当事人饮酒后驾驶小型轿车，血液酒精含量为35mg/100ml。",
        facts__quantities={},
    )
    assert reached(drinking) == []
    unmeasured = _case(facts__description="当事人醉酒驾驶小型轿车。", facts__quantities={})
    assert reached(unmeasured) == []


# --- documents by function --------------------------------------------------------------


def test_police_titles_fulfil_filing_notice_and_delivery(default_settings: Settings) -> None:
    catalogue = DocumentFunctions.load(default_settings)
    police = load_case(CASES_DIR / "n01_clean_police_titles.yaml")
    assert catalogue.missing(police) == []
    no_receipt = load_case(CASES_DIR / "m06_multi_teen_above_max_no_receipt.yaml")
    assert [f.function for f in catalogue.missing(no_receipt)] == ["送达"]


def test_missing_function_is_named_in_the_flag(ctx: ReviewContext) -> None:
    report = review(load_case(CASES_DIR / "d30_doc_notice_missing.yaml"), ctx)
    [flag] = [f for f in report.flags if f.point == "documents"]
    assert "“告知”功能" in flag.reason


def test_an_agency_catalogue_replaces_the_default(
    default_settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "functions.yaml"
    path.write_text(
        "functions:\n  - {function: 立案, label: 立案, trigger: 立案, "
        "rule: 《中华人民共和国行政处罚法》第五十四条第二款, titles: [备案单]}\n",
        encoding="utf-8",
    )
    settings = default_settings.model_copy(update={"review_documents_path": path})
    catalogue = DocumentFunctions.load(settings)
    assert [f.function for f in catalogue.missing(load_case(EXAMPLE))] == ["立案"]


# --- facts ↔ evidence -------------------------------------------------------------------


def test_measured_values_from_structured_and_written_results() -> None:
    case = _case(facts__description="经监测，化学需氧量85mg/L，标准限值100mg/L。")
    assert [(v, lim) for _, v, lim in measured_values(case)] == [(85.0, 100.0)]


def test_pending_amounts_are_read_from_the_file() -> None:
    case = _case(facts__description="货值金额约3万元，部分销售记录尚在核实。")
    assert set(pending_amounts(case)) == {"货值金额"}
    assert pending_amounts(_case(facts__unverified=["违法所得"])) == {
        "违法所得": "facts.unverified：违法所得"
    }


# --- rules and evaluation ---------------------------------------------------------------


def test_every_flag_rule_resolves_on_the_act_date(ctx: ReviewContext) -> None:
    """Substantive rules on the act date; procedural ones may be the version in force when
    the step was taken (the decision date), as d14's 2020 act reviewed under the 2021 law."""
    for path in sorted(CASES_DIR.glob("*.yaml")):
        case = load_case(path)
        decided = case.first("决定").date if case.first("决定") else case.act_date
        for flag in review(case, ctx).flags:
            for rule in [flag.rule, *flag.also_cites]:
                if not ctx.resolver.parse(rule):
                    continue  # a discretion-standard row (JM-/GD-), not a citation
                resolved = [
                    all(isinstance(r, ResolvedCitation) for r in ctx.resolve(rule, day))
                    for day in (case.act_date, decided)
                ]
                assert resolved[0] or (flag.point == "procedure" and resolved[1]), (
                    path.name,
                    rule,
                )


def test_article_of_drops_paragraph_and_item() -> None:
    assert article_of("《中华人民共和国行政处罚法》第五十九条第一款第（三）项") == (
        "《中华人民共和国行政处罚法》第五十九条"
    )
    assert article_of("《中华人民共和国刑法》第一百三十三条之一") == (
        "《中华人民共和国刑法》第一百三十三条之一"
    )


def test_eval_reports_must_fix_figures(ctx: ReviewContext) -> None:
    result = evaluate_folder(CASES_DIR, ctx).as_json()
    assert result["must_fix"]["precision"] >= 0.95 and result["must_fix"]["recall"] >= 0.95
    assert result["clean_files_with_must_fix"] == 0


def test_unrated_expectations_are_neither_right_nor_wrong(
    ctx: ReviewContext, tmp_path: Path
) -> None:
    source = (CASES_DIR / "d24_disc_above_statutory_max.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(source.replace("  severity: must_fix\n", ""), "utf-8")
    result = evaluate_folder(tmp_path, ctx).as_json()
    assert result["must_fix"] == {"precision": 1.0, "recall": 1.0, "tp": 0, "fp": 0, "fn": 0}
    assert result["overall"]["tp"] == 1


ILLEGAL_GAINS = (
    "违反本法规定，擅自从事经营活动的，没收违法所得，并处违法所得一倍以上五倍以下的罚款；"
    "没有违法所得或者违法所得不足一万元的，处五万元以下的罚款。"
)


def test_a_base_that_may_lawfully_be_absent_is_not_required() -> None:
    assert statutory_bounds(ILLEGAL_GAINS, {}, None) is None
    none = statutory_bounds(ILLEGAL_GAINS, {"违法所得": 0}, None)
    assert (none.low, none.high) == (None, 50000)
    some = statutory_bounds(ILLEGAL_GAINS, {"违法所得": 20000}, None)
    assert (some.low, some.high) == (20000, 100000)


def test_age_stated_in_the_narrative_counts_for_a_single_person() -> None:
    person = {"name": "李某某", "kind": "个人", "id_code": None}
    for text, age in (
        ("当事人李某某（2010年5月1日出生）驾驶自行车逆行。", 12),
        ("当事人李某某年仅13周岁，驾驶自行车逆行。", 13),
        ("当事人李某某未满十四周岁，驾驶自行车逆行。", 13),
    ):
        case = _case(parties=[person], facts__description=text)
        assert party_age(case, case.parties[0]) == age, text


def test_measured_pairs_in_quantities() -> None:
    case = _case(
        facts__quantities={"化学需氧量浓度（mg/L）": 85, "化学需氧量排放限值（mg/L）": 100}
    )
    assert [(v, lim) for _, v, lim in measured_values(case)] == [(85, 100)]


def test_a_law_missing_from_the_corpus_is_checked_not_condemned(ctx: ReviewContext) -> None:
    case = _case(citations__penalty_basis=["《中华人民共和国不存在的法》第十条"])
    [flag] = [f for f in review(case, ctx).flags if "不在本地法规库" in f.reason]
    assert flag.point == "law" and flag.severity.value == "check"


def test_a_measure_the_cited_article_does_not_provide_is_flagged(ctx: ReviewContext) -> None:
    case = load_case(CASES_DIR / "n16_law_measure_not_in_article.yaml")
    [flag] = [f for f in review(case, ctx).flags if "未规定该处罚种类" in f.reason]
    assert flag.rule == "《中华人民共和国道路交通安全法》第八十九条"
    provided = _case(penalty__types=["罚款", "责令停产整治"])  # 第八十三条: 停产整治
    assert not [f for f in review(provided, ctx).flags if "未规定该处罚种类" in f.reason]


def test_a_single_limit_written_apart_pairs_with_the_values() -> None:
    apart = _case(
        facts__description="经监测，化学需氧量浓度为85mg/L。该厂执行的排放标准限值为100mg/L。"
    )
    assert [(v, lim) for _, v, lim in measured_values(apart)] == [(85.0, 100.0)]
    two = _case(
        facts__description="经监测，化学需氧量85mg/L、氨氮3mg/L；化学需氧量限值100mg/L，氨氮限值8mg/L。"
    )
    assert measured_values(two) == []  # two limits: no pairing is guessed


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("当事人姓名、地址", 0),
        ("违法事实和证据", 1),
        ("处罚种类和依据", 2),
        ("罚款缴纳方式和期限", 3),
        ("救济途径和期限", 4),
        ("机关名称及决定日期", 5),
    ],
)
def test_decision_matters_written_in_short_paraphrase_count(
    ctx: ReviewContext, line: str, item: int
) -> None:
    matters = [matter for _, matter in decision_matters(ctx, load_case(EXAMPLE))]
    assert len(matters) == 6  # 《行政处罚法》第五十九条第一款 in the corpus
    assert [i for i, m in enumerate(matters) if states(line, m)] == [item]


ADVERTISING_55 = (
    "由市场监督管理部门责令停止发布广告，责令广告主在相应范围内消除影响，处广告费用三倍以上五倍以下"
    "的罚款，广告费用无法计算或者明显偏低的，处二十万元以上一百万元以下的罚款；两年内有三次以上违法"
    "行为或者有其他严重情节的，处广告费用五倍以上十倍以下的罚款，广告费用无法计算或者明显偏低的，处一百"
    "万元以上二百万元以下的罚款"
)
DRINK_91 = (
    "饮酒后驾驶机动车的，处暂扣六个月机动车驾驶证，并处一千元以上二千元以下罚款。因饮酒后驾驶机动车被"
    "处罚，再次饮酒后驾驶机动车的，处十日以下拘留，并处一千元以上三千元以下罚款，吊销机动车驾驶证。"
)


def test_heavier_clauses_need_their_circumstance_established() -> None:
    plain = statutory_bounds(SAFETY_99, {}, None)
    assert (plain.low, plain.high) == (None, 50000)  # 逾期未改正 not established
    late = statutory_bounds(SAFETY_99, {}, None, frozenset({"逾期未改正"}))
    assert (late.low, late.high) == (None, 200000)
    assert statutory_bounds(DRINK_91, {}, None).high == 2000  # (a made-up 3000 for 再次)
    assert statutory_bounds(DRINK_91, {}, None, frozenset({"再次违法"})).high == 3000


def test_a_multiple_of_an_absent_base_leaves_the_article_unjudged() -> None:
    assert statutory_bounds(ADVERTISING_55, {}, None) is None  # the base may be uncomputable


def test_the_act_must_be_written_in_one_sentence() -> None:
    apart = _waste(
        "当事人将电镀污泥（危险废物）10吨委托持证单位处置，未运行转移联单。生产废水经处理后排入市政管网。",
        {"危险废物（吨）": 10},
    )
    assert reached(apart) == []


@pytest.mark.parametrize(
    ("place", "severity"),
    [
        ("佛山市顺德区北滘镇工业园", "must_fix"),
        ("台山市台城街道某工业区", None),  # a county-level city inside 江门市
        ("棠下镇工业大道8号", "check"),  # no area at the agency's level: cannot tell
    ],
)
def test_territory_by_the_areas_the_place_names(
    ctx: ReviewContext, place: str, severity: str | None
) -> None:
    flags = [f for f in review(_case(violation__place=place), ctx).flags if f.point == "authority"]
    assert [f.severity.value for f in flags] == ([severity] if severity else [])


def test_designated_jurisdiction_clears_territory(ctx: ReviewContext) -> None:
    case = load_case(CASES_DIR / "n14_clean_designated_jurisdiction.yaml")
    assert not [f for f in review(case, ctx).flags if f.point == "authority"]


def test_a_party_without_kind_but_with_a_resident_id_is_a_person() -> None:
    unstated = Party.model_validate({"name": "李某某", "id_code": "440703201005010000"})
    assert age_on(unstated, dt.date(2023, 3, 28)) == 12
    company = Party.model_validate(
        {"name": "某公司", "kind": "单位", "id_code": "440703201005010000"}
    )
    assert age_on(company, dt.date(2023, 3, 28)) is None


PLANNING_64 = (
    "未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设的，由县级以上地方人民政府城乡规划"
    "主管部门责令停止建设；尚可采取改正措施消除对规划实施的影响的，限期改正，处建设工程造价百分之五以上"
    "百分之十以下的罚款；无法采取改正措施消除影响的，限期拆除，不能拆除的，没收实物或者违法收入，可以并处"
    "建设工程造价百分之十以下的罚款。"
)
TOURISM_95 = (
    "违反本法规定，未经许可经营旅行社业务的，由旅游主管部门或者市场监督管理部门责令改正，没收违法所得，"
    "并处一万元以上十万元以下罚款；违法所得十万元以上的，并处违法所得一倍以上五倍以下罚款；对有关责任人员，"
    "处二千元以上二万元以下罚款。"
)


def test_multiple_of_a_base_the_article_names() -> None:
    known = statutory_bounds(ADVERTISING_55, {"广告费用": 20000}, None)
    assert (known.low, known.high) == (60000, 100000)  # the fixed fine is for no base only


def test_correctable_and_uncorrectable_clauses_are_alternatives() -> None:
    correctable = statutory_bounds(
        PLANNING_64, {"建设工程造价": 4000000}, None, frozenset({"尚可采取改正措施"})
    )
    assert (correctable.low, correctable.high) == (200000, 400000)
    demolish = statutory_bounds(
        PLANNING_64, {"建设工程造价": 4000000}, None, frozenset({"无法采取改正措施"})
    )
    assert (demolish.low, demolish.high) == (None, 400000)


def test_fine_on_responsible_persons_is_not_the_partys() -> None:
    bounds = statutory_bounds(TOURISM_95, {"违法所得": 4200}, None)
    assert (bounds.low, bounds.high) == (10000, 100000)


def _evidence_rules(case: CaseFile, ctx: ReviewContext) -> list[tuple[str, str]]:
    return [(f.rule, f.severity.value) for f in review(case, ctx).flags if f.point == "evidence"]


def test_an_inspection_needs_its_written_record(ctx: ReviewContext) -> None:
    data = read_case_data(EXAMPLE)
    photos = [e for e in data["evidence"] if e["type"] != "现场笔录"]
    documents = [d for d in data["documents"] if "检查笔录" not in d["type"]]
    unrecorded = _case(evidence=photos, documents=documents)
    assert (ctx.penalty_law("第五十五条第二款"), "must_fix") in _evidence_rules(unrecorded, ctx)
    assert not _evidence_rules(_case(), ctx)  # the example keeps its 现场检查笔录


def test_a_recorded_roadside_stop_is_no_site_inspection(ctx: ReviewContext) -> None:
    data = read_case_data(EXAMPLE)
    events = [
        dict(e, note="路面检查，执法记录仪全程记录") if e.get("note") == "现场检查并采样" else e
        for e in data["events"]
    ]
    evidence = [e for e in data["evidence"] if e["type"] != "现场笔录"]
    documents = [d for d in data["documents"] if "检查笔录" not in d["type"]]
    narrative = "当事人驾驶货车在国道上超载行驶，经交通警察路面检查时发现并拦停。"
    stop = _case(
        events=events, evidence=evidence, documents=documents, facts__description=narrative
    )
    assert not _evidence_rules(stop, ctx)


DRUG_117 = (
    "生产、销售劣药的，没收违法生产、销售的药品和违法所得，并处违法生产、销售的药品货值金额十倍以上"
    "二十倍以下的罚款；违法生产、批发的药品货值金额不足十万元的，按十万元计算，违法零售的药品货值金额"
    "不足一万元的，按一万元计算。"
)


def test_a_base_below_its_floor_counts_as_the_floor() -> None:
    bounds = statutory_bounds(DRUG_117, {"货值金额": 42000}, None)
    assert (bounds.low, bounds.high) == (420000, 2000000)  # 零售 at cost, 批发 at 十万元


def test_confiscated_goods_are_confiscated_property() -> None:
    assert same_penalty_kind("没收违法销售的药品", "没收非法财物")
    assert not same_penalty_kind("没收违法销售的药品", "没收违法所得")
    assert not same_penalty_kind("责令停业", "责令停产整治")


def test_a_department_we_cannot_name_is_not_judged() -> None:
    assert _named_departments(["县级以上地方人民政府卫生行政主管部门或者环境保护行政主管部门"]) == {
        "卫生健康",
        "生态环境",
    }
    assert _named_departments(["城市人民政府市容环境卫生行政主管部门"]) == {"市容环境卫生"}
    assert _named_departments(["县级以上地方人民政府燃气管理部门"]) is None
    assert _named_departments(["旅游主管部门或者市场监督管理部门"]) == {"文化旅游", "市场监督管理"}
