"""法律适用: facts that reach the line the cited law itself writes a graver paragraph for
(道路交通安全法第九十一条第二款 醉酒驾驶: 血液酒精含量 ≥ 80mg/100ml) while the file applies
the milder paragraph of the same article (第一款 饮酒后驾驶) — the wrong 款 is applied.

The line and its number come from the transfer catalogue (its ``source`` is that graver
paragraph); only a ``source`` in the same law and article as a cited 处罚依据 counts, so a
司法解释 or 刑法 source never makes a law finding here."""

from __future__ import annotations

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.criminal_thresholds import ThresholdHit, reached
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions
from corpus.citation_resolver import ResolvedCitation


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    cited = penalty_provisions(case, ctx)
    flags: list[Flag] = []
    for hit in reached(case):
        graver = _graver_paragraph(hit, case, ctx)
        if graver is None:
            continue
        same_article = [c for c in cited if (c.law, c.article) == (graver.law, graver.article)]
        if not same_article or any(c.paragraph in (None, graver.paragraph) for c in same_article):
            continue
        flags.append(_flag(hit, graver, same_article[0]))
    return list({f.rule: f for f in flags}.values())


def _graver_paragraph(
    hit: ThresholdHit, case: CaseFile, ctx: ReviewContext
) -> ResolvedCitation | None:
    """The catalogue line's source when it is a 款 of a law in the corpus."""
    if hit.threshold.source_file is not None or hit.threshold.act_only:
        return None
    found = ctx.resolve(hit.threshold.source, case.act_date)
    if not found or not isinstance(found[0], ResolvedCitation) or found[0].paragraph is None:
        return None
    return found[0]


def _flag(hit: ThresholdHit, graver: ResolvedCitation, applied: ResolvedCitation) -> Flag:
    return Flag(
        point=ReviewPoint.LAW,
        severity=Severity.MUST_FIX,
        reason=f"案件事实（{hit.measure}={hit.value:.10g}{hit.threshold.unit}）属于{graver.citation}"
        f"规定的情形，处罚却适用{applied.citation}，适用法律错误",
        rule=graver.citation,
        evidence=f"{graver.citation}：“{hit.threshold.quote}”；citations.penalty_basis："
        f"{applied.citation}",
    )
