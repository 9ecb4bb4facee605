"""程序是否合法 — how a hearing was held (《行政处罚法》第六十三条第二款、第六十四条第（三）项、
第（四）项、第六十五条).

The party bears no cost of the hearing; it is public unless secrets are involved. It is chaired by someone the agency names who did not investigate the case, and
the decision follows the hearing, made on its record. The investigators themselves take
part (they present the case, 第（七）项), so the officers listed on the hearing step say
nothing about who chaired; only the file's words do (由承办人李明主持, 主持人：李明).
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile, Event
from assistant.review.case_text import clauses, mentions, passages
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity

_INVESTIGATOR_CHAIR = re.compile(
    r"(?:本案|案件)?(?:调查人员|调查人|承办人员?|办案人员?|主办人员?)[^，。；]{0,8}主持"
)
# 非本案调查人员主持, 办案人员以外的…主持, 调查人员陈述后由…主持: someone else chairs.
_NOT_INVESTIGATOR = re.compile(r"非|以外|之外|不是|并非|未参与")
_FEE = re.compile(r"(?:收取|缴纳|交纳|承担|预交)[^，。；]{0,6}听证[^，。；]{0,2}费")
_NO_FEE = re.compile(r"(?:不|未|没有|并未|无需)(?:收取|承担|缴纳|交纳|预交|需)|免收|免费")
# 涉及患者病历部分不公开质证: one part of a public hearing closed, not the hearing
_CLOSED = re.compile(r"不公开(?:举行|进行)?(?!质证|出示|宣读)|未公开(?:举行|进行)")
# 病历、个人信息 are personal privacy (个人信息保护法: 医疗健康 sensitive information)
_SECRET = re.compile(r"国家秘密|商业秘密|个人隐私|病历|个人信息|健康信息")
_NAMED_CHAIR = re.compile(
    r"主持人[：:为是]?\s*([^\s，。；、（(]{2,4})|由([^\s，。；、（(]{2,4})主持"
)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    hearing, decision = case.first("听证"), case.first("决定")
    if hearing is None:
        return []
    flags = [*_chair(case, ctx, hearing), *_fee(case, ctx), *_closed(case, ctx, hearing)]
    if decision is not None and decision.date < hearing.date:
        flags.append(
            _flag(
                "听证尚未举行即作出处罚决定，决定未根据听证笔录作出",
                ctx.penalty_law("第六十五条"),
                f"决定 {decision.date}；听证 {hearing.date}",
            )
        )
    return flags


def _chair(case: CaseFile, ctx: ReviewContext, hearing: Event) -> list[Flag]:
    investigators = {n for e in case.events_of("调查取证") for n in e.officers}
    for clause in clauses(hearing.note):
        found = _INVESTIGATOR_CHAIR.search(clause)
        if found and not _other_chair(clause, found):
            return [_chair_flag(ctx, hearing, clause)]
        for named in _NAMED_CHAIR.finditer(clause):
            name = named.group(1) or named.group(2)
            if any(n and (n == name or n in name) for n in investigators):
                return [_chair_flag(ctx, hearing, f"{clause}（{name}是本案调查人员）")]
    return []


def _fee(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第六十三条第二款: 当事人不承担行政机关组织听证的费用."""
    for p in passages(case):
        if mentions(p, _FEE, _NO_FEE):
            return [
                _flag(
                    "向当事人收取听证费用，当事人不承担行政机关组织听证的费用",
                    ctx.penalty_law("第六十三条第二款"),
                    f"{p.where}：{p.text}",
                )
            ]
    return []


def _closed(case: CaseFile, ctx: ReviewContext, hearing: Event) -> list[Flag]:
    """第六十四条第（三）项: public unless it concerns state, trade or personal secrets. A case
    about patients' or donors' health (器官移植, 艾滋病) concerns personal privacy by its matter:
    the reason unstated is for the reviewer to ask, not a defect shown."""
    closed = next((c for c in clauses(hearing.note) if _CLOSED.search(c)), None)
    if closed is None or _SECRET.search(hearing.note):
        return []
    flag = _flag(
        "听证不公开举行，且未载明涉及国家秘密、商业秘密或者个人隐私",
        ctx.penalty_law("第六十四条第（三）项"),
        f"听证（{hearing.date}）：{hearing.note}",
    )
    matter = f"{case.title}{case.violation.description}{case.facts.description}"
    if _PRIVATE_MATTER.search(matter):
        return [flag.model_copy(update={"severity": Severity.CHECK})]
    return [flag]


# 患者、捐献者、感染者的健康信息 (个人信息保护法第二十八条: sensitive personal information)
_PRIVATE_MATTER = re.compile(r"器官|患者|病人|病历|艾滋病|感染者|病原携带者|未成年人|精神障碍")


def _other_chair(clause: str, found: re.Match[str]) -> bool:
    """The words deny the investigator chaired, or name another chair (…后由王某主持)."""
    before = clause[max(0, found.start() - 3) : found.start()]
    return bool(_NOT_INVESTIGATOR.search(before + found.group(0))) or "由" in found.group(0)


def _chair_flag(ctx: ReviewContext, hearing: Event, said: str) -> Flag:
    return _flag(
        "听证由本案调查人员主持，应由行政机关指定的非本案调查人员主持",
        ctx.penalty_law("第六十四条第（四）项"),
        f"听证（{hearing.date}）：{said}",
    )


def _flag(reason: str, rule: str, evidence: str) -> Flag:
    return Flag(
        point=ReviewPoint.PROCEDURE,
        severity=Severity.MUST_FIX,
        reason=reason,
        rule=rule,
        evidence=evidence,
    )
