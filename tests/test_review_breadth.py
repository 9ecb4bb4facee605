"""Review breadth round (issue #18): agencies, laws and file styles the engine met least —
per-unit and percent fines, bases named in the file's own words, internal teams, townships,
fines that need a prior order, other agencies' order titles. Cases are edits of
eval/sets/review_breadth files; statute text comes from the national corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_fixtures import must_fix_findings

from assistant.case_file import parse_case, read_case_data
from assistant.review.checkers.subject import _department_team
from assistant.review.context import ReviewContext
from assistant.review.statutory_range import same_base, statutory_bounds

SET = Path(__file__).resolve().parent.parent / "eval" / "sets" / "review_breadth"
PENALTY_LAW = "《中华人民共和国行政处罚法》"

LABOUR_25 = (
    "用人单位违反劳动保障法律、法规或者规章延长劳动者工作时间的，由劳动保障行政部门给予警告，"
    "责令限期改正，并可以按照受侵害的劳动者每人100元以上500元以下的标准计算，处以罚款。"
)
SOIL_55 = "由县级以上地方人民政府水行政主管部门责令停止违法行为，限期清理，按照倾倒数量处每立方米十元以上二十元以下的罚款；"
WORKS_57 = (
    "建设单位未取得施工许可证擅自施工的，责令停止施工，限期改正，处工程合同价款1%以上2%以下的罚款。"
)
TAX_63 = "对纳税人偷税的，由税务机关追缴其不缴或者少缴的税款、滞纳金，并处不缴或者少缴的税款百分之五十以上五倍以下的罚款；"


# --- the 罚则's own range, read without a corpus ----------------------------------------


def test_a_rate_per_person_written_before_the_fine_counts_the_persons() -> None:
    bounds = statutory_bounds(LABOUR_25, {}, None, quantities={"受侵害劳动者人数": 12})
    assert (bounds.low, bounds.high) == (1200, 6000)


def test_a_rate_per_person_needs_a_count_of_people_not_any_key_with_人() -> None:
    assert statutory_bounds(LABOUR_25, {}, None, quantities={"负责人签名页数": 3}) is None


def test_a_rate_per_cubic_metre_is_no_fixed_range_of_yuan() -> None:
    bounds = statutory_bounds(SOIL_55, {}, None, quantities={"倾倒数量（立方米）": 800})
    assert (bounds.low, bounds.high) == (8000, 16000)


def test_a_percent_rate_multiplies_the_base_the_article_names() -> None:
    bounds = statutory_bounds(WORKS_57, {"工程合同价款": 3_200_000}, None)
    assert (bounds.low, bounds.high) == (32000, 64000)


def test_a_base_in_the_files_own_words_is_the_articles_base() -> None:
    assert same_base("少缴税款", "不缴或者少缴的税款")
    assert same_base("被盗伐林木价值（元）", "盗伐林木价值")
    assert not same_base("滥伐林木价值", "盗伐林木价值")
    bounds = statutory_bounds(TAX_63, {"少缴税款": 86000}, None)
    assert (bounds.low, bounds.high) == (43000, 430000)


def test_police_and_fire_teams_are_statutory_subjects_not_internal_units() -> None:
    assert _department_team("东莞市人力资源和社会保障局劳动保障监察支队")
    assert not _department_team("佛山市公安局交通警察支队禅城大队")
    assert not _department_team("江门市蓬江区消防救援大队")


# --- the engine on edited breadth files -------------------------------------------------


def _data(prefix: str) -> dict:
    return read_case_data(next(SET.glob(f"{prefix}_*.yaml")))


@pytest.mark.parametrize("prefix", ["03", "06", "08", "09", "11", "12"])
def test_lawful_breadth_files_get_no_must_fix(prefix: str, national_ctx: ReviewContext) -> None:
    assert must_fix_findings(parse_case(_data(prefix)), national_ctx) == set()


def test_a_fine_over_the_per_cubic_metre_rate_is_flagged(national_ctx: ReviewContext) -> None:
    data = _data("11")
    data["penalty"]["amount"] = 20000  # 800 m³ × 20 = 16000 at most
    found = must_fix_findings(parse_case(data), national_ctx)
    assert ("discretion", "《中华人民共和国水土保持法》第五十五条") in found


def test_a_tax_fine_over_five_times_the_evaded_tax_is_flagged(national_ctx: ReviewContext) -> None:
    data = _data("08")
    data["penalty"]["amount"] = 500000  # 86000 × 5 = 430000 at most
    found = must_fix_findings(parse_case(data), national_ctx)
    assert any(p == "discretion" and "第六十三条" in r for p, r in found)
    assert not any(p == "facts" for p, _ in found)


def test_a_fine_due_only_after_an_overdue_order_needs_the_order(
    national_ctx: ReviewContext,
) -> None:
    data = _data("09")
    data["documents"] = [d for d in data["documents"] if "指令" not in d["type"]]
    data["evidence"] = [e for e in data["evidence"] if "7月8日" not in e["name"]]
    data["facts"] = {"description": "检查发现当事人两台乘客电梯投入使用已三个月未办理使用登记。"}
    data["violation"]["description"] = "两台乘客电梯投入使用后未办理使用登记"
    for event in data["events"]:
        event["note"] = "现场检查" if event["type"] == "调查取证" else ""
    found = must_fix_findings(parse_case(data), national_ctx)
    assert any(p == "law" and "特种设备安全法》第八十三条" in r for p, r in found)


def test_a_township_without_handover_is_one_level_finding(national_ctx: ReviewContext) -> None:
    found = must_fix_findings(parse_case(_data("22")), national_ctx)
    assert ("authority", f"{PENALTY_LAW}第二十三条") in found
    assert ("authority", f"{PENALTY_LAW}第十七条") not in found


def test_an_internal_team_deciding_in_its_own_name(national_ctx: ReviewContext) -> None:
    found = must_fix_findings(parse_case(_data("21")), national_ctx)
    assert ("subject", f"{PENALTY_LAW}第十七条") in found
    data = _data("21")
    data["agency"]["acts_in_name_of"] = "东莞市人力资源和社会保障局"
    assert ("subject", f"{PENALTY_LAW}第十七条") not in must_fix_findings(
        parse_case(data), national_ctx
    )


def test_an_unverified_value_of_the_articles_own_base(national_ctx: ReviewContext) -> None:
    found = must_fix_findings(parse_case(_data("30")), national_ctx)
    assert ("facts", f"{PENALTY_LAW}第四十条") in found
    assert ("facts", f"{PENALTY_LAW}第四十条") not in must_fix_findings(
        parse_case(_data("05")), national_ctx
    )


def test_an_order_titled_as_another_agency_writes_it_needs_its_period(
    national_ctx: ReviewContext,
) -> None:
    found = must_fix_findings(parse_case(_data("29")), national_ctx)
    assert ("documents", f"{PENALTY_LAW}第二十八条第一款") in found
