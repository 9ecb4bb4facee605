"""Shared by the review tests: the shipped example case file, edited field by field."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.case_file import CaseFile, read_case_data
from assistant.review.context import ReviewContext
from assistant.review.engine import review
from assistant.review.flag import Flag

EXAMPLE = (
    Path(__file__).resolve().parent.parent / "assistant" / "data" / "review" / "example_case.yaml"
)


def edited_example(**changes: object) -> CaseFile:
    """The example with ``a__b=value`` setting ``data["a"]["b"]`` (``__`` walks into dicts/lists by key)."""
    data = read_case_data(EXAMPLE)
    for dotted, value in changes.items():
        target = data
        *path, last = dotted.split("__")
        for key in path:
            target = target[key]
        target[last] = value
    return CaseFile.model_validate(data)


def must_fix_findings(case: CaseFile, ctx: ReviewContext) -> set[tuple[str, str]]:
    """Every (point, canonical rule) a must_fix flag names, its also_cites included."""
    return {
        (f.point.value, ctx.rule(rule))
        for f in review(case, ctx).flags
        if f.severity.value == "must_fix"
        for rule in [f.rule, *f.also_cites]
    }


def example_data() -> dict:
    """A fresh copy of the example's raw data, for variants that rewrite whole entries."""
    return read_case_data(EXAMPLE)


# --- One case, written by different authors (round 10) ------------------------------------
# Each variant states the same facts through another field or wording; the engine must read
# them alike. The base is the example (江门 water case) claiming a COD exceedance.

COD_CLAIM = "现场检查时正在排放，经监测化学需氧量超标。"
COD_BASIS = "《中华人民共和国水污染防治法》第八十三条第（二）项"


def _cod_case(value: float, place: str) -> CaseFile:
    data = example_data()
    data["facts"]["description"] += COD_CLAIM
    data["citations"]["penalty_basis"] = [COD_BASIS]
    report = data["evidence"][2]
    if place == "measurements":
        report["measurements"] = [
            {"item": "化学需氧量", "value": value, "limit": 100, "unit": "mg/L"}
        ]
    elif place == "evidence_note":
        report["note"] = f"化学需氧量{value:g}mg/L，标准限值100mg/L"
    elif place == "quantities":
        data["facts"]["quantities"] = {"化学需氧量浓度": value, "化学需氧量排放限值": 100}
    elif place == "narrative":
        data["facts"]["description"] += f"监测报告：化学需氧量{value:g}mg/L（标准限值100mg/L）。"
    return CaseFile.model_validate(data)


COD_PLACES = ("measurements", "evidence_note", "quantities", "narrative")


def cod_variants(value: float) -> dict[str, CaseFile]:
    """The measured COD written in each place an author may put it."""
    return {place: _cod_case(value, place) for place in COD_PLACES}


def _without_site_record(data: dict) -> dict:
    data["evidence"] = [
        e for e in data["evidence"] if "笔录" not in e["name"] or "询问" in e["name"]
    ]
    data["documents"] = [d for d in data["documents"] if d["type"] != "现场检查笔录"]
    return data


def site_record_variants() -> dict[str, CaseFile]:
    """The inspection's written record listed under documents only, under evidence only (by
    type or by another agency's title), or not at all."""
    variants = {}
    for name, (doc, ev) in {
        "documents_only": ({"type": "现场检查笔录", "date": "2023-03-28"}, None),
        "evidence_only": (None, {"type": "现场笔录", "name": "现场笔录", "date": "2023-03-28"}),
        "survey_title": (None, {"type": "勘验笔录", "name": "现场勘查记录", "date": "2023-03-28"}),
        "patrol_title": ({"type": "巡查记录", "date": "2023-03-28"}, None),
        "missing": (None, None),
    }.items():
        data = _without_site_record(example_data())
        data["documents"] += [doc] if doc else []
        data["evidence"] += [ev] if ev else []
        variants[name] = CaseFile.model_validate(data)
    return variants


def minor_act_variants() -> dict[str, CaseFile]:
    """A first offence, corrected at once, with no harm: the act called 轻微 in the
    circumstances, in the narrative, shown by 违法所得 0 — and a file that never says so."""
    variants = {}
    for name in ("circumstances", "narrative", "no_gain", "unsaid"):
        data = example_data()
        data["facts"].update(first_offence=True, corrected_in_time=True, harm="无")
        data["facts"]["circumstances"] = ["违法行为轻微"] if name == "circumstances" else []
        if name == "narrative":
            data["facts"]["description"] += "违法行为轻微，当场停止排放。"
        if name == "no_gain":
            data["facts"]["amounts"] = {"违法所得": 0}
        variants[name] = CaseFile.model_validate(data)
    return variants


def township_variants() -> dict[str, CaseFile]:
    """A township body acting in its own name, however the body is titled."""
    names = ("棠下镇人民政府", "环市街道办事处", "蓬江区荷塘镇政府")
    variants = {}
    for name in names:
        data = example_data()
        data["agency"]["name"] = name
        data["agency"]["region"] = "江门市蓬江区"
        variants[name] = CaseFile.model_validate(data)
    return variants


def decision_title_variants(missing: str) -> dict[str, CaseFile]:
    """The 决定书 under several agencies' titles, one matter left out of its contents."""
    titles = ("行政处罚决定书", "环境行政处罚决定书", "处罚决定书")
    variants = {}
    for title in titles:
        data = example_data()
        decision = next(d for d in data["documents"] if d["type"] == "行政处罚决定书")
        decision["type"] = title
        decision["contents"] = [c for c in decision["contents"] if missing not in c]
        variants[title] = CaseFile.model_validate(data)
    return variants


# --- Round 11: a fine below the minimum on a ground the law does not give ---------------


def reduced_fine_case(grounds: list[str]) -> CaseFile:
    """The example (水污染防治法第八十三条: 十万元以上) fined 50000 on ``grounds``."""
    data = example_data()
    data["penalty"]["amount"] = 50000
    data["facts"]["mitigating"] = True
    data["facts"]["mitigating_grounds"] = grounds
    return CaseFile.model_validate(data)


SETS = Path(__file__).resolve().parent.parent / "eval" / "sets"


def set_file_data(set_name: str, pattern: str) -> dict:
    """The raw data of a set's case file (the first matching ``pattern``) without its gold:
    the base a test edits into variants with other names, amounts and wording."""
    data = read_case_data(next((SETS / set_name).glob(pattern)))
    data.pop("expected_flags", None)
    return data


def variant_findings(data: dict, ctx: ReviewContext) -> set[tuple[str, str]]:
    """``must_fix_findings`` of a variant given as raw data."""
    return must_fix_findings(CaseFile.model_validate(data), ctx)


def set_findings(set_name: str, pattern: str, ctx: ReviewContext) -> set[tuple[str, str]]:
    """``must_fix_findings`` of a set's case file as written (its gold left out)."""
    return variant_findings(set_file_data(set_name, pattern), ctx)


def cites_article(found: set[tuple[str, str]], point: str, article: str) -> bool:
    """A must_fix finding of ``point`` cites ``article`` (any 款 or 项 of it)."""
    return any(p == point and rule.startswith(article) for p, rule in found)


def rules_of(found: set[tuple[str, str]], point: str) -> set[str]:
    """The rules the must_fix findings of ``point`` cite (empty: the point found nothing)."""
    return {rule for p, rule in found if p == point}


def variant_flags(data: dict, ctx: ReviewContext) -> list[Flag]:
    """Every flag (any severity) the engine gives a variant given as raw data."""
    return review(CaseFile.model_validate(data), ctx).flags


def with_readings(data: dict, value: float) -> dict:
    """The raw case data with every evidence measurement read as ``value`` (in place)."""
    for item in data["evidence"]:
        for reading in item.get("measurements") or []:
            reading["value"] = value
    return data


def reworded(data: dict, *pairs: tuple[str, str]) -> dict:
    """A variant of raw case data with words replaced everywhere (names, notes, contents)."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    for old, new in pairs:
        text = text.replace(old, new)
    return json.loads(text)


def sent_to_police(set_name: str, pattern: str, ctx: ReviewContext, crime_article: str) -> bool:
    """The set file's transfer finding cites the 刑法 article and 行政处罚法第二十七条第一款."""
    found = rules_of(set_findings(set_name, pattern, ctx), "transfer")
    return crime_article in found and "《中华人民共和国行政处罚法》第二十七条第一款" in found
