"""法律适用: a fine under a 罚则 that fines only after a warning went unheeded.

治安管理处罚法第五十八条、第七十五条第一款: …的，处警告；警告后不改正的，或者放任动物恐吓他人的，
处二百元以上五百元以下罚款. The fine's condition is read from the cited 款 in the corpus; a
file that fines although it tells of no earlier warning (or says there was none) and denies,
or never tells, the condition's alternative (放任动物恐吓他人) applies a fine the 款 does not
yet allow: the 款 gives a warning."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import clauses
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import paragraph_text, penalty_provisions, range_rule

# 警告后不改正的，或者放任动物恐吓他人的，处…罚款
_CONDITION = re.compile(
    r"警告后(?:不|拒不|仍不)改正的(?:，或者(?P<alternative>[^，。；]{2,20})的)?，处[^。；]{0,30}罚款"
)
# 经警告后仍不改正 / 曾被警告 / 此前已给予警告: the warning the fine needs
_WARNED = re.compile(r"(?:经|曾|已|此前)[^，。；]{0,10}警告|警告后(?:仍|继续|拒不|不)")
_DENIAL = re.compile(r"未|没有|从未|无|不存在|并非")

_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not case.penalty.amount:
        return []
    told = "。".join(
        [case.violation.description, case.facts.description, *case.facts.circumstances]
    )
    if _affirmed(_WARNED, told):
        return []
    flags = []
    for cited in penalty_provisions(case, ctx):
        condition = _CONDITION.search(paragraph_text(cited, ctx, case))
        if condition is None:
            continue
        alternative = condition.group("alternative")
        if alternative and _alternative_told(alternative, told):
            continue
        flags.append(_fined_unwarned(cited.citation, range_rule(cited, in_paragraph=True), case))
    return flags


def _affirmed(pattern: re.Pattern[str], told: str) -> bool:
    """The pattern is written in a clause that does not deny it."""
    for clause in clauses(told):
        found = pattern.search(clause)
        if found and not _DENIAL.search(clause[: found.end()]):
            return True
    return False


def _alternative_told(alternative: str, told: str) -> bool:
    """放任动物恐吓他人: the file tells its last words (恐吓他人) in a clause not denying them."""
    return _affirmed(re.compile(re.escape(alternative[-4:-2])), told)


def _fined_unwarned(citation: str, rule: str, case: CaseFile) -> Flag:
    return _flag(
        Severity.MUST_FIX,
        f"{citation}只对警告后不改正的处以罚款，案卷未见此前给予警告而当事人不改正，"
        "依法应处警告，直接罚款适用法律错误",
        rule,
        f"penalty.amount={case.penalty.amount:.10g}；案卷无警告后不改正的记载",
        also_cites=[citation] if citation != rule else [],
    )
