"""证据是否合法 — census and survey data a penalty may not rest on.

The census and survey regulations keep what they collect from a single respondent out of
enforcement: 全国污染源普查条例第三十五条 (不得作为依照其他法律、行政法规对普查对象实施行政
处罚…的依据), 土地调查条例第二十八条 (土地调查成果…不作为依照其他法律、行政法规对调查对象实施
行政处罚的依据; 土地调查 covers the 变更调查 a 国土变更调查 is), 全国人口普查条例第三十三条,
统计法实施条例第三十条 (除作为统计执法依据外). A file whose finding the narrative rests on such
data (依据/根据…认定), from a penalty under another law, has a finding without lawful evidence;
the survey as a lead (线索) that an inspection then confirmed is no defect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.penalty_kinds import imposes_penalty
from assistant.review.statutory_fine import penalty_provisions


@dataclass(frozen=True)
class SurveyRule:
    words: re.Pattern[str]  # the data as files name it
    rule: str  # the article keeping it out of penalties
    own_law: str  # the law whose own enforcement may use it


SURVEY_RULES = (
    SurveyRule(re.compile(r"污染源普查"), "《全国污染源普查条例》第三十五条", "全国污染源普查条例"),
    SurveyRule(
        re.compile(r"土地调查|国土(?:变更)?调查|土地变更调查|变更调查"),
        "《土地调查条例》第二十八条",
        "土地调查条例",
    ),
    SurveyRule(re.compile(r"人口普查"), "《全国人口普查条例》第三十三条", "全国人口普查条例"),
    SurveyRule(re.compile(r"统计调查"), "《中华人民共和国统计法实施条例》第三十条", "统计法"),
)
# the narrative's finding rests on the data: 依据上述变更调查外业调查记录…认定 / 依据…普查表…认定
_RESTS_ON = re.compile(r"依据|根据|据此|以[^，。；]{0,20}为(?:据|依据)")
_FOUND = re.compile(r"认定|确认|查明")

_flag = PointFlags(ReviewPoint.EVIDENCE)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not imposes_penalty(case):
        return []
    laws = {c.law for c in penalty_provisions(case, ctx)}
    sentences = re.split(r"[。；]", case.facts.description)
    flags = []
    for survey in SURVEY_RULES:
        if any(survey.own_law in law for law in laws):
            continue  # the survey law's own enforcement (统计执法) may use it
        items = [e.name for e in case.evidence if survey.words.search(f"{e.name}{e.source or ''}")]
        resting = next(
            (
                s
                for s in sentences
                if survey.words.search(s) and _RESTS_ON.search(s) and _FOUND.search(s)
            ),
            None,
        )
        if not items or resting is None:
            continue
        flags.append(
            _flag(
                Severity.MUST_FIX,
                f"认定事实所依据的{items[0]}属普查、调查取得的资料，依法不得作为对调查对象实施"
                "行政处罚的依据",
                ctx.rule(survey.rule),
                f"facts.description：“{resting.strip()[:80]}”；evidence：{'、'.join(items)}",
            )
        )
    return flags
