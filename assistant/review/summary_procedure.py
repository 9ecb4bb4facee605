"""简易程序 (当场处罚): the decision made on the spot (《行政处罚法》第五十一条、第五十二条).

Such a decision is one pre-printed form handed over at once: the notice is oral and
written on the form, the signature on it is the delivery, and its contents are the
shorter list of 第五十二条第二款. So a summary file needs no separate notice, delivery
receipt or inspection record; it may be used only for a 警告 or a fine up to 200 yuan
for a person, 3000 yuan for an organisation (第五十一条; the road-traffic and 治安 laws
set the same 200 yuan for a person).
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.penalty_kinds import penalty_kinds

# 当场行政处罚决定书 is the form's own title (第五十二条第一款: 填写预定格式、编有号码的行政处罚决定书)
SUMMARY_WORDS = re.compile(r"简易程序|当场(?:行政)?处罚|当场作出|当场决定")
MAX_PERSON_FINE = 200
MAX_ORGANISATION_FINE = 3000
SUMMARY_TYPES = ("警告", "罚款")
# Documents the on-the-spot form itself stands for.
FORM_COVERS = frozenset({"告知", "送达", "调查取证"})


def is_summary(case: CaseFile) -> bool:
    """The file decides on the spot: its decision form or its decision step says so."""
    steps = case.events_of("决定")
    decided = [e.note + (e.method or "") for e in steps]
    # an earlier on-the-spot warning (当场行政处罚决定书 of the first inspection) is not this
    # decision: only a form of the decision's own day, where the steps date it, is read
    days = {e.date for e in steps}
    forms = [
        d.type
        for d in case.documents
        if "决定" in d.type and (not days or d.date is None or d.date in days)
    ]
    return any(SUMMARY_WORDS.search(text) for text in decided + forms)


def beyond_summary(case: CaseFile, special_ceiling: float | None = None) -> list[str]:
    """What the summary decision imposes that 第五十一条 does not allow on the spot.

    ``special_ceiling`` is a special law's own on-the-spot limit (治安管理处罚法第一百条:
    two hundred yuan whoever is fined), which governs where it applies."""
    kinds = penalty_kinds(case.penalty.types)
    beyond = [t for t in kinds if not any(k in t for k in SUMMARY_TYPES)]
    amount = case.penalty.amount or 0.0
    person = bool(case.parties) and all(p.kind == "个人" for p in case.parties)
    ceiling = MAX_PERSON_FINE if person else MAX_ORGANISATION_FINE
    if special_ceiling is not None:
        ceiling = special_ceiling
    if amount > ceiling:
        who = "公民" if person else "法人或者其他组织"
        beyond.append(f"对{who}罚款{amount:.10g}元（当场处罚限{ceiling}元以下）")
    return beyond
