"""是否超越法定权限: a measure the 罚则 lets the department take only with the government's approval.

水污染防治法第八十三条, 排污许可管理条例第三十三条, 环境保护法第六十条…: 情节严重的，报经有批准权的
人民政府批准，责令停业、关闭; 节约能源法第七十一条, 职业病防治法第七十七条: 报请/提请…人民政府按照国务院
规定的权限责令停业整顿或者关闭. The department deciding 停业 or 关闭 without that approval acts
beyond its power. The condition is read from the cited 罚则's words, so every law writing it is
held the same; an approval the file records (人民政府…批准/同意/批复) answers it."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.checkers.penalty_measures import words_for
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.penalty_kinds import same_penalty_kind
from assistant.review.statutory_fine import paragraph_citation, penalty_provisions

_NEEDS_APPROVAL = re.compile(
    r"(?:报(?:经|请)?|提请)[^，。；]{0,12}人民政府(?:批准[，,]?(?:后)?|按照国务院规定的权限)"
    r"(?:由[^，。；]{0,20}?)?(?:责令|予以|依法)?"
    r"(?P<measure>[^。；：:\n]*)"
)
_APPROVED = re.compile(r"人民政府[^。；，]{0,12}(?:批准|同意|批复)|政府批复")
_DENIED = re.compile(r"未|没有|尚未|不|无")
_GOVERNMENT = re.compile(r"人民政府$")

_flag = PointFlags(ReviewPoint.AUTHORITY)


def _approvals(case: CaseFile, ctx: ReviewContext) -> list[tuple[str, re.Match[str]]]:
    """(the 款 of each cited 罚则 writing 报经…人民政府批准 — the article where it has one 款 —
    and that clause)."""
    found = []
    for cited in penalty_provisions(case, ctx):
        record = ctx.record(cited)
        if record is None:
            continue
        for paragraph in record.paragraphs:
            for match in _NEEDS_APPROVAL.finditer(paragraph.text):
                found.append((paragraph_citation(record, paragraph.number), match))
    return found


def approval_rules(case: CaseFile, ctx: ReviewContext, kind: str) -> list[str]:
    """The cited 罚则 that lets the department take ``kind`` only with the government's
    approval (cited beside a powers list that leaves the kind out: whose the measure is)."""
    return [rule for rule, m in _approvals(case, ctx) if _reserved(kind, m.group("measure"))]


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if _GOVERNMENT.search(case.agency.name):
        return []  # the government itself decided
    return _unapproved(case, ctx) or _government_decides(case, ctx)


def _unapproved(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if approval_recorded(case):
        return []
    for rule, match in _approvals(case, ctx):
        kinds = [
            k
            for k in case.penalty.types
            if _reserved(k, match.group("measure")) and _within_powers(case, k)
        ]
        if kinds:
            return [
                _flag(
                    Severity.MUST_FIX,
                    f"{rule}规定“{match.group(0)}”，{case.agency.name}决定"
                    f"{'、'.join(kinds)}，案卷未见有批准权的人民政府批准，超越法定权限",
                    rule,
                    f"penalty.types：{'、'.join(case.penalty.types)}",
                    also_cites=[ctx.penalty_law("第十七条")],
                )
            ]
    return []


# 情节严重的，原作出许可决定的地方人民政府可以吊销其校车使用许可 (校车安全管理条例第五十四条): the
# government that granted the licence revokes it itself; no department may, approval or none
_GOVERNMENT_DECIDES = re.compile(
    r"(?:原作出(?:行政)?许可决定的|原批准的)(?:地方)?人民政府(?:可以|依法)?(?P<measure>[^。；：:\n]*)"
)


def _government_decides(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    for cited in penalty_provisions(case, ctx):
        record = ctx.record(cited)
        for paragraph in record.paragraphs if record is not None else ():
            for match in _GOVERNMENT_DECIDES.finditer(paragraph.text):
                kinds = [k for k in case.penalty.types if _reserved(k, match.group("measure"))]
                if kinds:
                    rule = paragraph_citation(record, paragraph.number)
                    return [
                        _flag(
                            Severity.MUST_FIX,
                            f"{rule}规定“{match.group(0)}”，{case.agency.name}决定"
                            f"{'、'.join(kinds)}，超越法定权限",
                            rule,
                            f"penalty.types：{'、'.join(case.penalty.types)}",
                            also_cites=[ctx.penalty_law("第十七条")],
                        )
                    ]
    return []


# 责令限制生产、停产整治 (环境保护法第六十条) is a measure of its own, the department's, not the
# 停业、关闭 the government approves
_OWN_MEASURE = re.compile(r"停产整治|限制生产|限产")


def _reserved(kind: str, measure: str) -> bool:
    if _OWN_MEASURE.search(kind) and not _OWN_MEASURE.search(measure):
        return False
    words = words_for(kind)
    return words is not None and "罚款" not in words and re.search(words, measure) is not None


def _within_powers(case: CaseFile, kind: str) -> bool:
    """A kind outside the agency's listed powers is that finding (authority._types, which
    cites this 罚则 beside 第十七条), not this."""
    allowed = case.agency.powers.penalty_types
    return not allowed or any(same_penalty_kind(kind, a) for a in allowed)


def approval_recorded(case: CaseFile) -> bool:
    """Some step, document or text records the government's approval (not one denied)."""
    texts = [e.note or "" for e in case.events] + [d.type for d in case.documents]
    texts += [f"{e.name}{e.source or ''}" for e in case.evidence]
    texts += [case.facts.description, *case.facts.circumstances]
    for text in texts:
        for m in _APPROVED.finditer(text):
            clause = re.split(r"[，。；]", text[: m.start()])[-1]
            if not _DENIED.search(clause):
                return True
    return False
