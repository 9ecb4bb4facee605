"""法律适用: a flaw the file itself finds harmless, fined under the article's general 款.

Some 罚则 write their own 款 for a flaw that does no harm (化妆品监督管理条例第六十一条第二款,
食品安全法第一百二十五条第二款: 标签存在瑕疵但不影响质量安全且不会对消费者造成误导的，…责令改正；
拒不改正的，处…罚款). When the file states every one of that 款's limits (不影响质量安全, 不会误导)
and no refusal to correct, a penalty under the article's other 款 applies the wrong 款: the rule is
the harmless-flaw 款, which fines only 拒不改正."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import established_circumstances, penalty_provisions
from assistant.review.statutory_range import UNCORRECTED
from corpus.citation_resolver import ResolvedCitation, canonical_citation

# 存在瑕疵但不影响质量安全且不会对消费者造成误导的，由…责令改正；拒不改正的，处…
_HARMLESS = re.compile(r"瑕疵但(?P<limits>[^，。；]+?)的，[^；。]*责令改正；拒不改正的，处")
_LIMIT_NEGATION = re.compile(r"^(?:不影响|不会|不致|不)")
_NEGATION = "(?:不|未|没有|无)"

# 不属于不影响食品安全且不会误导消费者的瑕疵: the file denies the flaw its limits describe
_DENIED_FLAW = re.compile(r"(?:不属于|并非|不是|不构成|不能认定为)[^。；]{0,40}瑕疵")

_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if case.penalty.amount is None and not case.penalty.confiscation_yuan:
        return []
    if UNCORRECTED in established_circumstances(case):
        return []
    told = "。".join(
        [case.violation.description, case.facts.description, *case.facts.circumstances]
    )
    told = _DENIED_FLAW.sub("", told)
    flags: list[Flag] = []
    for cited in penalty_provisions(case, ctx):
        found = _harmless_paragraph(cited, ctx)
        if found is None or cited.paragraph == found[0]:
            continue
        _, rule, limits = found
        if all(_stated(limit, told) for limit in limits):
            flags.append(_wrong_paragraph(cited, rule, limits))
    return list({f.rule: f for f in flags}.values())


def _harmless_paragraph(
    cited: ResolvedCitation, ctx: ReviewContext
) -> tuple[int, str, list[str]] | None:
    """The cited article's harmless-flaw 款: its number, its citation and its limits
    (不影响质量安全…)."""
    record = ctx.record(cited)
    for paragraph in record.paragraphs if record is not None else ():
        m = _HARMLESS.search(paragraph.text)
        if m:
            rule = canonical_citation(record.title, record.label, paragraph.number, None)
            return paragraph.number, rule, m.group("limits").split("且")
    return None


def _stated(limit: str, told: str) -> bool:
    """The file states the limit: a negation shortly before its last words
    (不影响质量安全 → 不影响产品质量安全; 不会对消费者造成误导 → 不误导消费者)."""
    core = _LIMIT_NEGATION.sub("", limit)[-2:]
    return re.search(f"{_NEGATION}[^，。；]{{0,10}}{re.escape(core)}", told) is not None


def _wrong_paragraph(cited: ResolvedCitation, rule: str, limits: list[str]) -> Flag:
    return _flag(
        Severity.MUST_FIX,
        f"案卷认定的问题属于{rule}规定的瑕疵（{'且'.join(limits)}），该款只责令改正、"
        f"拒不改正的才处罚款；当事人未拒不改正，却适用{cited.citation}处罚，适用法律错误",
        rule,
        f"citations.penalty_basis：{cited.citation}；案卷：{'、'.join(limits)}",
        also_cites=[cited.citation],
    )
