"""适用法律: a measure the 罚则 gives only after a refusal (安全生产法第一百零二条: 拒不执行的，
责令停产停业整顿) imposed where the file establishes none — the measure has no basis yet
(《行政处罚法》第三十八条第一款). Fines under such clauses are uncorrected_fine's."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.case_file import CaseFile
from assistant.review.checkers.uncorrected_fine import other_ground_told
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.statutory_fine import (
    established_circumstances,
    penalty_provisions,
    range_rule,
)
from assistant.review.statutory_range import UNCORRECTED
from corpus.citation_resolver import ResolvedCitation

# Severe measures a 罚则 often reserves for a refusal; files and 罚则 name them alike.
_MEASURES = (
    re.compile(r"停产停业|停业整顿|停产整顿|停产整治"),
    re.compile(r"关闭"),
    # 噪声污染防治法第七十七条: 拒不改正的，可以责令暂停施工
    re.compile(r"暂停施工"),
    # 矿产资源法第四十条: 拒不退回本矿区范围内开采，造成矿产资源破坏的，吊销采矿许可证
    re.compile(r"吊销"),
    # 内河交通安全管理条例第六十四条: 责令停止航行或者作业；拒不停止的，暂扣船舶、浮动设施
    re.compile(r"暂扣"),
)
# The clause's condition: 拒不执行的 / 逾期未改正的 / 拒不改正的
_REFUSAL = re.compile(
    r"拒不(?:执行|改正|整改|消除|退回|停止|拆除|恢复)|逾期(?:未|不|仍未|仍不)(?:改正|整改|消除|执行)"
)


@dataclass(frozen=True)
class Unconditioned:
    """A measure the file imposes under a 罚则 that gives it only after a refusal."""

    kind: str
    condition: str
    citation: ResolvedCitation

    @property
    def rule(self) -> str:
        return range_rule(self.citation, in_paragraph=False)


def unconditioned_measures(case: CaseFile, ctx: ReviewContext) -> list[Unconditioned]:
    """Each such measure once (the first 罚则 that conditions it), none when the file
    establishes 逾期未改正. The discretion point reads it too: the fine above the lighter
    tier of that 罚则 is the same defect."""
    if UNCORRECTED in established_circumstances(case):
        return []
    found = []
    for words in _MEASURES:
        kind = next((k for k in case.penalty.types if words.search(k)), None)
        if kind is None:
            continue
        for citation in penalty_provisions(case, ctx):
            condition = _only_after_refusal(citation.article_text, words)
            if condition is not None and not other_ground_told(citation.article_text, case):
                # 拒不改正或者造成严重后果的，责令停业整顿 (未成年人保护法第一百二十二条): the
                # file may establish the consequence instead
                found.append(Unconditioned(kind, condition, citation))
                break
    return found


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    return [
        Flag(
            point=ReviewPoint.LAW,
            severity=Severity.MUST_FIX,
            reason=f"{m.citation.citation}只对“{m.condition}”的才{m.kind}，案卷未认定当事人"
            f"拒不执行或者逾期未改正，{m.kind}没有法律依据",
            rule=m.rule,
            evidence=f"penalty.types：{'、'.join(case.penalty.types)}",
        )
        for m in unconditioned_measures(case, ctx)
    ]


def _only_after_refusal(text: str, words: re.Pattern[str]) -> str | None:
    """The refusal every sentence giving the measure is conditioned on, or None when the
    measure is also given without one (情节严重的，责令停产停业 is another condition)."""
    conditions = []
    for sentence in re.split(r"[；。\n]", text):
        found = words.search(sentence)
        if found is None:
            continue
        refusal = _REFUSAL.search(sentence[: found.start()])
        if refusal is None:
            return None
        conditions.append(refusal.group(0))
    return conditions[0] if conditions else None
