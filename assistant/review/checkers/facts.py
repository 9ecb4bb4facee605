"""事实是否清楚: who, where, what, and every amount the penalty is computed from
(《行政处罚法》第四十条: 违法事实不清的，不得给予行政处罚)."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.cases.penalty_text import AMOUNT_NUMBER, amount_yuan
from assistant.discretion.penalty_amounts import resolve_yuan
from assistant.review.checkers.purposed_conduct import misapplied
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.sanction_versions import misnumbered
from assistant.review.statutory_fine import fine_bases, matching_standard, statutory_fine
from assistant.review.statutory_range import StatutoryBounds, fine_clauses, same_base
from corpus.citation_resolver import ResolvedCitation

MIN_NARRATIVE_CHARS = 10


def _flag(severity: Severity, reason: str, ctx: ReviewContext, evidence: str) -> Flag:
    return Flag(
        point=ReviewPoint.FACTS,
        severity=severity,
        reason=reason,
        rule=ctx.penalty_law("第四十条"),
        evidence=evidence,
    )


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    return _who(case, ctx) + _where_what(case, ctx) + _base_amount(case, ctx)


def _who(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not case.parties:
        return [_flag(Severity.MUST_FIX, "当事人不明", ctx, "parties 为空")]
    return [
        _flag(
            Severity.CHECK,
            f"当事人“{party.name}”的身份（统一社会信用代码或身份证号）未查明",
            ctx,
            f"parties[{index}].id_code 为空",
        )
        for index, party in enumerate(case.parties)
        if not party.id_code and not _redacted(party.name)
    ]


def _redacted(name: str) -> bool:
    """梁某某、某公司: a redacted copy drops the identity numbers with the name, so their
    absence says nothing about whether the identity was established."""
    return "某" in name


# A place written in the narrative: an address (…市…区…路8号) or a named site.
_PLACE = re.compile(
    r"[省市县区镇乡村][^，。；]{0,20}(?:路|街|大道|巷|号|村|社区|工业园|开发区|交叉口|路口|码头|市场)"
)


def _where_what(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    flags = []
    narrative = f"{case.violation.description}{case.facts.description}"
    if not case.violation.place and not _PLACE.search(narrative):
        # place: null (or blank) says the place is unknown; a file leaving it out is silent
        stated = "place" in case.violation.model_fields_set
        flags.append(
            _flag(
                Severity.MUST_FIX if stated else Severity.CHECK,
                "违法行为发生地点不明",
                ctx,
                "violation.place 为空"
                if stated
                else "案卷未填写 violation.place，案情叙述也未写明地点",
            )
        )
    # violation.description names the act (a short label is normal); the facts are
    # stated when either it or the established-facts narrative is specific.
    narratives = (
        ("violation.description", case.violation.description),
        ("facts.description", case.facts.description),
    )
    if all(len(text.strip()) < MIN_NARRATIVE_CHARS for _, text in narratives):
        field, text = narratives[1]
        flags.append(
            _flag(
                Severity.MUST_FIX,
                "违法事实陈述过简，未写明违法行为的具体情况",
                ctx,
                f"{field}：“{text}”",
            )
        )
    return flags


def _base_amount(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A fine set as a multiple of 违法所得/货值金额… needs that amount established."""
    if case.penalty.amount is None:
        return []
    missing: tuple[str, str] | None = None
    found = statutory_fine(case, ctx)
    if _base_unread(found) and not _other_party_base_recorded(found[1], case):
        missing = (found[0].base, found[1].citation)
    standard = matching_standard(case, ctx)
    fine = standard.statutory_range if standard is not None else None
    unresolved = fine is not None and resolve_yuan(fine, fine_bases(case)) == (None, None)
    if missing is None and fine is not None and fine.base and unresolved:
        missing = (fine.base, standard.id)
    if missing is None or _named_with_qualifier(missing[0], case.facts.amounts):
        return []
    if found is not None and (
        misapplied(case, ctx, found[1].citation) or misnumbered(case, ctx, found[1])
    ):
        return []  # the base of an article the law point finds wrongly applied is moot
    if _valued_by_its_act(missing[0], case):
        return []
    base, source = missing
    return [
        _flag(
            Severity.MUST_FIX,
            f"罚款以{base}为基数计算（{source}），但案卷未查明{base}",
            ctx,
            f"facts.amounts 无“{base}”（现有：{'、'.join(case.facts.amounts) or '无'}）",
        )
    ]


def _base_unread(found: tuple[StatutoryBounds, ResolvedCitation, str] | None) -> bool:
    """The article's fine is a multiple of a base the file does not give."""
    return (
        found is not None and bool(found[0].base) and found[0].low is None and found[0].high is None
    )


def _other_party_base_recorded(citation: ResolvedCitation, case: CaseFile) -> bool:
    """对勘察、设计单位…处勘察费、设计费1倍以上2倍以下；对施工单位处工程合同价款百分之二以上
    (建设工程质量管理条例第六十一条): the file records the base of another of the article's
    fines, the one written for its party."""
    if citation.item is not None:
        return False  # a cited item pins its own clause (矿产资源法实施细则第四十二条第（六）项)
    clauses = fine_clauses(citation.article_text)
    bases = {c.fine.base for c in clauses if c.fine.base and not c.items}
    return any(same_base(name, base) for base in bases for name in case.facts.amounts)


def _named_with_qualifier(base: str, names: dict[str, float]) -> bool:
    """骗取医保基金金额 states the 骗取金额 a fine is a multiple of: a file naming the amount
    with a qualifier between its verb and its noun (违法经营所得 for 违法所得) has
    established it, so the facts are not unclear on it (第四十条 asks for the fact, not a
    name)."""
    if len(base) < 4:
        return False
    head, tail = base[:2], base[-2:]
    return any(
        name.startswith(head) and name.endswith(tail) and value > 0 for name, value in names.items()
    )


# 违法批发的烟草制品价值 / 违法收购的烟叶价值: a value the 罚则 names by the act done with
# the goods (its verb just before 的)
_ACT_VALUE = re.compile(r"(?:违法|非法)?(?P<verb>[\u4e00-\u9fff]{2})的[\u4e00-\u9fff]{0,8}价值$")
_ACT_AMOUNT_NOUN = r"(?:金额|数额|额|价值|货值|价款)"


def _valued_by_its_act(base: str, case: CaseFile) -> bool:
    """A value the 罚则 names by the act (违法批发的烟草制品价值) is established by the file's
    amount of that act (批发金额62400元, 批发额): what the goods were wholesaled for is their
    value in that act, so the fact the fine is computed on is clear (第四十条)."""
    found = _ACT_VALUE.search(base)
    if found is None:
        return False
    verb = found.group("verb")
    named = re.compile(verb + _ACT_AMOUNT_NOUN)
    if any(named.search(name) and value > 0 for name, value in case.facts.amounts.items()):
        return True
    narrated = re.compile(
        rf"{verb}{_ACT_AMOUNT_NOUN}(?:为|共计?|合计|计|约|达)?[:：]?(?:人民币)?\s*"
        rf"({AMOUNT_NUMBER})(万)?元"
    )
    if any(
        (amount_yuan(m.group(1), m.group(2)) or 0) > 0
        for m in narrated.finditer(case.facts.description)
    ):
        return True
    return _act_paid_per_part(verb, case)


_PAID = re.compile(r"(?:货款|价款|销售款)$")


def _act_paid_per_part(verb: str, case: CaseFile) -> bool:
    """ "向各零售户批发的卷烟条数及金额为：甲店…6850元…" with 甲店货款, 乙店货款… in the
    amounts: the file states what each buyer paid in that act, which together are the
    goods' value in it."""
    paid = [v for name, v in case.facts.amounts.items() if _PAID.search(name) and v > 0]
    stated = re.search(rf"{verb}的[^。；]{{0,12}}(?:金额|价款|货款)", case.facts.description)
    return bool(paid) and stated is not None
