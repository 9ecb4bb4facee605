"""证据是否确凿 — a 假药/劣药 decision rests on a drug testing institution's conclusion.

药品管理法第一百二十一条 (2019): 对假药、劣药的处罚决定，应当依法载明药品检验机构的质量检验结论.
A quick screening (快检车、近红外筛查) only points to a sample worth testing; without the
institution's report among the evidence the decision has no conclusion to state. Only a
quality ground needs the test (第九十八条: 成份、含量不符合国家药品标准, 被污染, 变质); a drug
that is 劣药 by its label or date (超过有效期, 更改批号) or 假药 by its indications is shown
without one."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import clauses
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.penalty_kinds import imposes_penalty
from corpus.citation_resolver import ResolvedCitation

RULE = "《中华人民共和国药品管理法》第一百二十一条"
_BAD_DRUG = re.compile(r"(?<![非不未无])(?:假药|劣药)")
# the grounds of 第九十八条 a laboratory decides
_QUALITY_GROUND = re.compile(
    r"含量|成份|成分|污染|变质|不符合[^，。；]{0,8}标准|质量不合格|检验不合格|溶出度|有关物质|微生物"
)
_DENIED = re.compile(r"不属于|不构成|不是|并非|未发现|不认定")
_CONCLUSION = re.compile(r"检验[^，、；]{0,6}(?:报告|结论|意见|结果)|检验报告书")
_INSTITUTION = re.compile(r"药品检验|药检|检验研究院|检验所|检验院|检验中心|检验机构|检测中心")
_SCREENING = re.compile(r"快检|快速检测|快速筛查|筛查|初筛|近红外")


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not imposes_penalty(case) or not _finds_bad_drug(case):
        return []
    if not any(isinstance(r, ResolvedCitation) for r in ctx.resolve(RULE, case.act_date)):
        return []
    if any(_institution_conclusion(f"{e.type}{e.name}{e.source}{e.note}") for e in case.evidence):
        return []
    shown = "、".join(e.name for e in case.evidence) or "无"
    return [
        Flag(
            point=ReviewPoint.EVIDENCE,
            severity=Severity.MUST_FIX,
            reason="认定假药、劣药，但证据中没有药品检验机构的质量检验结论（快检、筛查结果不能代替），"
            "处罚决定无从依法载明检验结论",
            rule=ctx.rule(RULE),
            evidence=f"evidence：{shown}",
        )
    ]


def _finds_bad_drug(case: CaseFile) -> bool:
    told = "。".join([case.violation.description, case.facts.description])
    found = [c for c in clauses(told) if _BAD_DRUG.search(c) and not _DENIED.search(c)]
    return bool(found) and bool(_QUALITY_GROUND.search(told))


def _institution_conclusion(item: str) -> bool:
    return bool(_CONCLUSION.search(item) and _INSTITUTION.search(item)) and not _SCREENING.search(
        item
    )
