"""Review round 17, class S (issue #18): review_fresh13 misses — a law repealed by another
law's own clause (《X》同时废止) applied after that law took effect (第三十七条); a quantity
found beyond the permit while the file's readings are within it (第四十条); a site survey
(勘测丈量) with no record (第五十五条第二款); a factory on 耕地 beyond the 非法占用农用地罪
threshold not transferred (第二十七条第一款). Cases are variants (other names, amounts,
wording) of eval/sets/review_fresh13 files."""

from __future__ import annotations

from datetime import date

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.case_file import parse_case
from assistant.review.checkers import qualification
from assistant.review.context import ReviewContext
from corpus.citation_resolver import CitationError, CitationErrorCode

PENALTY_LAW = "《中华人民共和国行政处罚法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh13", f"rf13{prefix}_*.yaml")


# --- 第三十七条: a law repealed by another law's 同时废止 clause ----------------------


def test_resolver_dates_a_repeal_from_the_repealing_law(ctx: ReviewContext) -> None:
    found = ctx.resolve("《中华人民共和国环境噪声污染防治法》第二十二条", date(2023, 3, 1))
    assert isinstance(found[0], CitationError)
    assert found[0].code is CitationErrorCode.REPEALED
    assert "噪声污染防治法" in found[0].message
    before = ctx.resolve("《环境噪声污染防治法》第二十二条", date(2022, 6, 4))
    assert not isinstance(before[0], CitationError)
    assert not before[0].warnings  # the repeal date is known: no 请核实 warning


def test_other_repealed_law_after_its_successor(ctx: ReviewContext) -> None:
    found = ctx.resolve("《中华人民共和国城市维护建设税暂行条例》第二条", date(2022, 1, 10))
    assert isinstance(found[0], CitationError)


@pytest.mark.parametrize(
    ("act", "flagged"), [("2023-04-02", True), ("2022-07-01", True), ("2022-05-20", False)]
)
def test_decision_on_repealed_noise_law(ctx: ReviewContext, act: str, flagged: bool) -> None:
    data = _data("a_08")
    data["violation"]["date"] = date.fromisoformat(act)
    data["citations"]["violated"] = ["《环境噪声污染防治法》第二十三条"]
    found = variant_findings(data, ctx)
    assert cites_article(found, "law", f"{PENALTY_LAW}第三十七条") is flagged


# --- 第四十条: beyond the permit, but the file's own figures are within it -------------


def _water(used: float, permit: float = 50) -> dict:
    data = _data("c_08")
    data["facts"]["quantities"] = {
        "许可年取水量（万立方米）": permit,
        "2022年度实际取水量（万立方米）": used,
    }
    data["evidence"][3]["measurements"] = [
        {"item": "年度取水量", "value": used, "limit": permit, "unit": "万立方米"}
    ]
    return data


@pytest.mark.parametrize(("used", "flagged"), [(39.5, True), (50, True), (57.3, False)])
def test_permit_exceedance_against_readings(ctx: ReviewContext, used: float, flagged: bool) -> None:
    found = variant_findings(_water(used), ctx)
    assert cites_article(found, "facts", f"{PENALTY_LAW}第四十条") is flagged


def test_permit_exceedance_from_quantities_alone(ctx: ReviewContext) -> None:
    data = _water(31.2, 40)
    data["evidence"][3].pop("measurements")
    data["facts"]["description"] = "当事人2022年度超许可水量取水，违反取水许可规定条件。"
    assert cites_article(variant_findings(data, ctx), "facts", f"{PENALTY_LAW}第四十条")


# --- 第五十五条第二款: a site survey needs its record ------------------------------------


@pytest.mark.parametrize("note", ["现场测量占地面积并拍照", "到实地丈量硬化地面面积"])
def test_unrecorded_survey(ctx: ReviewContext, note: str) -> None:
    data = _data("c_09")
    data["events"][1]["note"] = note
    assert cites_article(variant_findings(data, ctx), "evidence", f"{PENALTY_LAW}第五十五条")


def test_recorded_survey_is_not_flagged(ctx: ReviewContext) -> None:
    data = _data("c_09")
    data["evidence"].append(
        {"type": "现场笔录", "name": "现场勘测笔录", "source": "执法人员", "date": "2023-06-15"}
    )
    data["documents"].append({"type": "现场勘测笔录", "date": "2023-06-15"})
    assert not cites_article(variant_findings(data, ctx), "evidence", f"{PENALTY_LAW}第五十五条")


def test_desk_step_needs_no_certificate_shown(ctx: ReviewContext) -> None:
    case = parse_case(_data("c_09"))
    flags = qualification.check(case, ctx)
    assert not any("2023-06-12" in f.evidence for f in flags)


# --- 第二十七条第一款: 非法占用农用地罪 not transferred ---------------------------------


def _farmland(square_metres: float, land: str = "耕地（旱地，非永久基本农田）") -> dict:
    data = _data("c_12")
    mu = round(square_metres * 0.0015, 1)
    data["violation"]["description"] = (
        f"未经批准，占用村集体{land}{square_metres:g}平方米，建设仓库并硬化地面"
    )
    data["facts"]["description"] = f"经测绘，占地{square_metres:g}平方米（{mu:g}亩），已建成仓库。"
    data["facts"]["quantities"] = {"非法占用耕地面积（平方米）": square_metres}
    data["facts"]["circumstances"] = ["占用耕地"]
    return data


@pytest.mark.parametrize(("area", "flagged"), [(7400, True), (5000, False)])
def test_farmland_beyond_ten_mu(ctx: ReviewContext, area: float, flagged: bool) -> None:
    found = variant_findings(_farmland(area), ctx)
    assert cites_article(found, "transfer", f"{PENALTY_LAW}第二十七条") is flagged


def test_basic_farmland_beyond_five_mu(ctx: ReviewContext) -> None:
    data = _farmland(4000, "永久基本农田")
    assert cites_article(variant_findings(data, ctx), "transfer", f"{PENALTY_LAW}第二十七条")


def test_transferred_farmland_is_not_flagged(ctx: ReviewContext) -> None:
    data = _farmland(9000)
    data["events"].append({"type": "移送", "date": "2023-04-20", "note": "移送公安机关"})
    assert not cites_article(variant_findings(data, ctx), "transfer", f"{PENALTY_LAW}第二十七条")
