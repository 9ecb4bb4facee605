"""是否涉嫌犯罪需移送司法机关: facts reaching a quoted criminal threshold, with similar
criminal cases (CAIL) as supporting evidence when the case base is available.

The flag cites the provision that sets the number the facts reach: the 司法解释 line
(两高 interpretation) when the catalogue says it writes the threshold and it is in
force on the act date, else the 刑法 article (named in the reason either way)."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.criminal_thresholds import ThresholdHit, case_text, reached
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.party_capacity import party_age
from assistant.review.public_order import TRANSFER, special_rule
from corpus.citation_resolver import ResolvedCitation

TRANSFER_DUTY = "第二十七条第一款"  # 行政处罚法: 涉嫌犯罪的，应当及时移送
SIMILAR_CASES = 3
# 刑法第十七条: under 16 a person answers only for the grave crimes its 第二款 lists (故意杀人、
# 抢劫、贩卖毒品…), none of which is a line of the catalogue (盗窃、污染环境、非法经营…).
CRIMINAL_AGE = 16


# 江门市公安局新会分局同日以涉嫌重大责任事故罪对车间主任何某某立案侦查 / 已由公安机关立案侦查:
# the crime is already in the police's hands, so no transfer is due from the agency
_POLICE = re.compile(r"公安机关|公安局|公安分局|分局")
_CRIMINAL_CASE = re.compile(r"立案侦查|刑事立案")
_NOT_OPENED = re.compile(r"未|尚未|没有|不予|应当|应|建议|拟")
_OPENING_PAPER = re.compile(r"(?:刑事)?立案决定书")


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if case.events_of("移送") or _below_criminal_age(case):
        return []
    opened = _opened_by_police(case)
    # the police opened a case on a named crime (the thieves' 破坏电力设备案): the party's own
    # act may be another crime (收购 the cable: 掩饰、隐瞒犯罪所得罪), judged apart
    named = _OPENED_CRIME.search(opened) if opened is not None else None
    if opened is not None and named is None:
        return []
    by_article: dict[str, list[ThresholdHit]] = {}
    for hit in reached(case):
        if named is not None and named.group(1).removesuffix("罪") in hit.threshold.crime:
            continue
        by_article.setdefault(hit.threshold.article, []).append(hit)
    flags = []
    for article, hits in by_article.items():
        crime = hits[0].threshold.crime
        facts = "；".join(_reached(h) for h in hits)
        flags.append(
            Flag(
                point=ReviewPoint.TRANSFER,
                severity=Severity.MUST_FIX,
                reason=f"案件事实达到{crime}（{ctx.rule(article)}）的立案追诉标准，涉嫌犯罪，"
                f"应当依照{ctx.penalty_law(TRANSFER_DUTY)}及时移送司法机关",
                rule=(rule := _threshold_rule(case, ctx, hits)),
                evidence=facts + _similar(case, ctx, crime),
                also_cites=_also_cites(case, ctx, hits, rule),
            )
        )
    return flags


def _opened_by_police(case: CaseFile) -> str | None:
    """The clause saying the police opened a criminal case on the facts (or the name of
    their 立案决定书), None when the file says none was opened."""
    texts = [case_text(case), *(e.note or "" for e in case.events)]
    for sentence in re.split(r"[。；;\n]", "。".join(texts)):
        for found in _CRIMINAL_CASE.finditer(sentence):
            clause = re.split(r"[，,]", sentence[: found.start()])[-1]
            if _POLICE.search(clause) and not _NOT_OPENED.search(clause):
                return clause
    return next(
        (
            e.name
            for e in case.evidence
            if _OPENING_PAPER.search(e.name) and _POLICE.search(f"{e.source or ''}{e.name}")
        ),
        None,
    )


# 分局已以破坏电力设备案刑事立案: the case the police opened, by its crime
_OPENED_CRIME = re.compile(r"(?<![可所])以(?:涉嫌)?([\u4e00-\u9fff、]{2,16}?)(?:案|罪)")


def _below_criminal_age(case: CaseFile) -> bool:
    """Every party is a person under 16 on the act date: no catalogue crime can be suspected."""
    ages = [party_age(case, p) for p in case.parties]
    return bool(ages) and all(a is not None and a < CRIMINAL_AGE for a in ages)


def _also_cites(
    case: CaseFile, ctx: ReviewContext, hits: list[ThresholdHit], rule: str
) -> list[str]:
    """The crime's 刑法 article (and the item writing the act), each 司法解释 line whose
    number was reached, in force on the act date, and the duty to transfer itself
    (行政处罚法第二十七条第一款, which the reason names) with the special law's own duty
    where the line carries one in force (药品管理法第一百一十三条第一款: the law that
    governs the field writes the duty more specifically), besides the one ``rule`` cites."""
    cited = [ctx.rule(hits[0].threshold.article)]
    cited += [ctx.rule(h.threshold.act_item) for h in hits if h.threshold.act_item]
    for hit in hits:
        found = ctx.resolve(hit.threshold.source, case.act_date)
        if found and isinstance(found[0], ResolvedCitation):
            cited.append(found[0].citation)
    cited.append(ctx.penalty_law(TRANSFER_DUTY))
    public_order = special_rule(case, ctx, TRANSFER)  # 治安 cases: 治安管理处罚法第九十五条
    cited += [public_order] if public_order else []
    for hit in hits:
        duty = hit.threshold.special_duty
        found = ctx.resolve(duty, case.act_date) if duty else None
        if found and isinstance(found[0], ResolvedCitation):
            cited.append(found[0].citation)
    return [c for c in dict.fromkeys(cited) if c != rule]


def _reached(hit: ThresholdHit) -> str:
    line = f"{hit.threshold.source}“{hit.threshold.quote}”"
    if hit.threshold.act_only:
        return f"{hit.measure}，属于{line}"
    return f"{hit.measure}={hit.value:.10g}{hit.threshold.unit}，达到{line}"


def _threshold_rule(case: CaseFile, ctx: ReviewContext, hits: list[ThresholdHit]) -> str:
    """The 司法解释 line that writes the threshold reached, else the 刑法 article."""
    for hit in hits:
        if hit.threshold.threshold_rule:
            found = ctx.resolve(hit.threshold.source, case.act_date)
            if found and isinstance(found[0], ResolvedCitation):
                return found[0].citation
    return ctx.rule(hits[0].threshold.article)


def _charge(name: str) -> str:
    """CAIL writes charges as ``[生产、销售]伪劣产品``; compare without brackets or 罪."""
    return re.sub(r"[\[\]]", "", name).rstrip("罪")


def _similar(case: CaseFile, ctx: ReviewContext, crime: str) -> str:
    """Similar criminal cases from the case base, as supporting evidence only."""
    search = ctx.similar_cases
    if search is None:
        return ""
    try:
        results = search.search(
            crime + case_text(case), SIMILAR_CASES, kinds=["刑事案例"], mode="bm25"
        )
    except (LookupError, RuntimeError, ValueError):
        return ""
    shown = [
        f"{r.title}（{'、'.join(r.charges) or '罪名未载'}）"
        for r in results
        if any(_charge(c) in crime for c in r.charges)
    ]
    return f"；相似刑事案例：{'；'.join(shown)}" if shown else ""
