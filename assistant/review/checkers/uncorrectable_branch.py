"""适用法律: a 罚则 with two branches on whether the harm can still be corrected (城乡规划法第六十四条:
尚可采取改正措施消除对规划实施的影响的，限期改正，处…罚款；无法采取改正措施消除影响的，限期拆除，
不能拆除的，没收实物或者违法收入), applied by its correctable branch (补办手续、限期改正, no
拆除 nor 没收) in a file that finds the harm cannot be corrected — the branch the facts fit was
not applied."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.statutory_fine import (
    established_circumstances,
    narrative,
    penalty_provisions,
    range_rule,
)
from assistant.review.statutory_range import CORRECTABLE, REQUIREMENTS, UNCORRECTABLE

_PATTERNS = dict(REQUIREMENTS)
# the graver branch's own measures: demolish, or take what cannot be demolished
# (拆除损失较大, 拆除将影响企业经营 weigh a demolition, they decide none)
_GRAVER_MEASURE = re.compile(
    r"拆除(?!损失|成本|费用|难度|代价|将|会|影响|对)|没收实物|没收违法建筑|没收[^，。；]{0,6}建筑物"
)
# the milder branch's measure as a decision writes it
_MILDER_MEASURE = re.compile(r"补办|限期改正|责令改正")


def _found_uncorrectable(case: CaseFile) -> bool:
    """The file finds the harm cannot be corrected: in its narrative, or in the evidence that
    assesses it (规划核实意见：无法采取改正措施消除影响), which the decision may not set aside
    by calling the case correctable."""
    if UNCORRECTABLE in established_circumstances(case):
        return True
    said = _PATTERNS[UNCORRECTABLE]
    return any(said.search(f"{e.name}{e.note or ''}") for e in case.evidence)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not _found_uncorrectable(case):
        return []
    decided = " ".join([*case.penalty.types, narrative(case), *(e.note for e in case.events)])
    if _GRAVER_MEASURE.search(decided) or not _MILDER_MEASURE.search(decided):
        return []
    flags = []
    for citation in penalty_provisions(case, ctx):
        text = citation.article_text
        graver = _PATTERNS[UNCORRECTABLE].search(text)
        if graver is None or not _PATTERNS[CORRECTABLE].search(text):
            continue
        if not _GRAVER_MEASURE.search(text[graver.end() :]):
            continue
        flags.append(
            Flag(
                point=ReviewPoint.LAW,
                severity=Severity.MUST_FIX,
                reason=f"案卷认定无法采取改正措施消除影响，{citation.citation}对此规定限期拆除、"
                "不能拆除的没收实物或者违法收入，决定却按“尚可采取改正措施”的情形责令补办或改正，"
                "适用的情形与事实不符",
                rule=range_rule(citation, in_paragraph=False),
                evidence=f"penalty.types：{'、'.join(case.penalty.types)}",
            )
        )
    return flags
