"""法律适用: facts that reach the line the cited law itself writes a graver paragraph for
(道路交通安全法第九十一条第二款 醉酒驾驶: 血液酒精含量 ≥ 80mg/100ml) while the file applies
the milder paragraph of the same article (第一款 饮酒后驾驶) — the wrong 款 is applied.

The line and its number come from the transfer catalogue (its ``source`` is that graver
paragraph); only a ``source`` in the same law and article as a cited 处罚依据 counts, so a
司法解释 or 刑法 source never makes a law finding here.

A graver paragraph listing its cases (治安管理处罚法第四十三条第二款: 殴打…六十周岁以上的人) is
also reached when the file states one of them in the item's own words, not denied."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import clauses
from assistant.review.context import ReviewContext
from assistant.review.criminal_thresholds import ThresholdHit, reached
from assistant.review.fitting_item import ITEM_LINE, article_paragraphs
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions
from corpus.citation_resolver import ResolvedCitation
from corpus.numerals import to_chinese

_LISTED = "有下列情形之一的"
_PART = re.compile(r"、|或者|和")
_DENIED = re.compile(r"[非未不无没]|并非|排除")
_MIN_PART = 5  # 六十周岁以上的人, 伤害残疾人: shorter parts (多次殴打) are no one case


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
    flags += _stated_graver_items(case, cited)
    return list({f.rule: f for f in flags}.values())


def _stated_graver_items(case: CaseFile, cited: list[ResolvedCitation]) -> list[Flag]:
    """第一款 applied while the file writes a case a later 款 lists (有下列情形之一的…)."""
    narrative = [
        c
        for text in (case.violation.description, case.facts.description, *case.facts.circumstances)
        for c in clauses(text)
    ]
    flags = []
    for citation in cited:
        if citation.paragraph is None or citation.item is not None:
            continue
        for number, item, words in _graver_items(citation):
            stated = next((w for w in words if _stated(w, narrative)), None)
            also_cited = any(
                (c.law, c.article, c.paragraph) == (citation.law, citation.article, number)
                for c in cited
            )
            if stated is None or also_cited:
                continue
            rule = (
                f"《{citation.title}》第{to_chinese(citation.article)}条"
                f"第{to_chinese(number)}款第（{item}）项"
            )
            flags.append(
                Flag(
                    point=ReviewPoint.LAW,
                    severity=Severity.MUST_FIX,
                    reason=f"案情写明“{stated}”，属于{rule}规定的情形，处罚却适用"
                    f"{citation.citation}，适用法律错误",
                    rule=rule,
                    evidence=f"citations.penalty_basis：{citation.citation}",
                )
            )
    return flags


def _graver_items(citation: ResolvedCitation) -> list[tuple[int, str, list[str]]]:
    """(款, 项, the item's own words) of each 款 after the cited one that lists its cases."""
    paragraphs = article_paragraphs(citation.article_text)
    applied = paragraphs[citation.paragraph - 1][0] if len(paragraphs) >= citation.paragraph else ""
    found = []
    for number, (head, *items) in enumerate(paragraphs, start=1):
        if number <= citation.paragraph or not head.startswith(_LISTED):
            continue
        for line in items:
            item = ITEM_LINE.match(line)
            body = item.group(2).rstrip("；;。").removesuffix("的")
            words = [w for w in _PART.split(body) if len(w) >= _MIN_PART and w not in applied]
            found.append((number, item.group(1), words))
    return found


def _stated(words: str, narrative: list[str]) -> bool:
    return any(
        (at := clause.find(words)) >= 0 and not _DENIED.search(clause[:at]) for clause in narrative
    )


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
