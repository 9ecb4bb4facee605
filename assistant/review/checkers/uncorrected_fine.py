"""法律适用: a fine under a provision that fines only 拒不改正/逾期未改正 (食品安全法第一百二十六条:
责令改正，给予警告；拒不改正的，处五千元以上五万元以下罚款) while the file itself says no
order to correct came first — the fine has no legal basis yet.

A file that states the absence of a prior order is flagged; so is one whose complete lists
(events, documents, evidence — 标注约定第四节) and narrative show no order to correct and no
非改正 at all, since then no order was made. A file that mentions any order or 逾期未改正 is
left to the facts checker (第四十条), which asks for proof of non-correction."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.statutory_fine import (
    established_circumstances,
    paragraph_text,
    penalty_provisions,
    range_rule,
)
from assistant.review.statutory_range import SERIOUS, UNCORRECTED, fine_clauses

# 此前未因此被责令改正 / 未经责令改正 / 没有下达责令改正通知
_NO_PRIOR_ORDER = re.compile(
    r"(?:未|没有|并未|从未|未曾)[^，。；]{0,6}(?:被|经|下达|作出|发出)?[^，。；]{0,4}"
    r"责令(?:限期)?(?:改正|整改)"
)

# Any trace of an order to correct or of its outcome: 责令（限期）改正、整改通知、逾期、复查
# (the party's own 已整改 is no order).
_ANY_ORDER = re.compile(
    r"责令|指令|整改通知|整改意见|限期整改|要求整改|改正通知|限期改正|逾期|复查"
)


def _no_order_on_file(case: CaseFile) -> bool:
    """Nothing in the file's complete lists or narrative records an order to correct."""
    texts = [case.violation.description, case.facts.description, *case.facts.circumstances]
    texts += [e.note for e in case.events]
    texts += [f"{e.name}{e.note}" for e in case.evidence]
    texts += [f"{d.type}{''.join(d.contents)}" for d in case.documents]
    if any(_ANY_ORDER.search(t) for t in texts):
        return False
    return UNCORRECTED not in established_circumstances(case)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if case.penalty.amount is None:
        return []
    told = [case.violation.description, case.facts.description, *case.facts.circumstances]
    said = next((t for t in told if _NO_PRIOR_ORDER.search(t)), None)
    if said is None and not _no_order_on_file(case):
        return []
    shown = _NO_PRIOR_ORDER.search(said).group(0) if said else "案卷无责令改正的文书或记载"
    flags = []
    # 逾期不改正的，处…；情节严重的，处… (药品管理法第一百二十六条): without 情节严重 on
    # record, only the 逾期不改正 clause could apply, and it needs the order first.
    serious = SERIOUS in established_circumstances(case)
    allowed = {UNCORRECTED} if serious else {UNCORRECTED, SERIOUS}
    for citation in penalty_provisions(case, ctx):
        # an item (第八十三条第（一）项) reads its 款's lead-in, where the fine is written
        clauses = fine_clauses(
            paragraph_text(citation, ctx, case) if citation.paragraph else citation.article_text
        )
        if not clauses or any(c.requires not in allowed for c in clauses):
            continue
        if not any(c.requires == UNCORRECTED for c in clauses):
            continue
        flags.append(
            Flag(
                point=ReviewPoint.LAW,
                severity=Severity.MUST_FIX,
                reason=f"{citation.citation}只对经责令改正而拒不改正（逾期未改正）的处以罚款，"
                "案卷未见此前责令改正，直接罚款适用法律错误",
                # the 拒不改正 condition sits in the 款's lead-in, not in the cited 项
                rule=range_rule(citation, in_paragraph=True),
                also_cites=[citation.citation] if citation.item is not None else [],
                evidence=f"“{shown}”；罚款{case.penalty.amount:g}元",
            )
        )
    return flags
