"""法律适用: an act the law treats as another only after a refused order. 海域使用管理法第四十五条:
海域使用权期满，未办理有关手续仍继续使用海域的，责令限期办理…；拒不办理的，以非法占用海域论处.
A file that fines such an act under the 罚则 of 非法占用海域 (第四十二条) while nothing records
the party refusing the order skipped the article that governs it, and its milder range.

The special article is found in the cited 罚则's own law: it names the cited act in its
"拒不…的，以…论处", and the file tells the act in that article's own words (those the cited
罚则 does not use)."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import clauses, passages
from assistant.review.context import ReviewContext
from assistant.review.fitting_item import cjk_bigrams
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions
from corpus.citation_resolver import ResolvedCitation
from corpus.model import ArticleRecord

# 拒不办理的，以非法占用海域论处 / 有关当事人拒不归还的，以非法占用土地论处
_DEEMED = re.compile(
    r"(?P<before>[^。]*?)拒不(?P<verb>[\u4e00-\u9fff]{2})的，以(?P<act>[^，。；]{2,16})论处"
)
_OWN_WORDS = 4  # words of the special situation the act uses and the cited 罚则 does not
# a clause that says the party did not refuse (不属于拒不办理) is no refusal
_NOT_REFUSED = re.compile(r"不属于|并非|不是|未拒|没有拒")

_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    act = cjk_bigrams(case.violation.description + case.title)
    flags = []
    for citation in penalty_provisions(case, ctx):
        special = _special_article(citation, ctx, act)
        if special is None:
            continue
        record, verb, deemed = special
        if _refused(case, verb):
            continue
        rule = f"《{citation.title}》{record.label}"
        flags.append(
            _flag(
                Severity.MUST_FIX,
                f"违法行为属于{rule}规定的情形，应先责令限期{verb}，拒不{verb}的才以{deemed}论处；"
                f"案卷没有当事人拒不{verb}的记载，却直接适用{citation.citation}",
                rule,
                f"violation.description：{case.violation.description[:60]}；"
                f"citations.penalty_basis：{citation.citation}",
            )
        )
    return flags


def _special_article(
    citation: ResolvedCitation, ctx: ReviewContext, act: set[str]
) -> tuple[ArticleRecord, str, str] | None:
    """The article of the same law that deems its own situation the cited act once an order is
    refused, when the file's act is told in that situation's words."""
    cited = cjk_bigrams(citation.article_text)
    for record in ctx.articles_in(citation.law, citation.version):
        if (record.number, record.suffix) == (citation.article, citation.suffix):
            continue
        # the few articles that deem at all, before the (slow) sentence match
        found = _DEEMED.search(record.text) if "论处" in record.text else None
        if found is None or found.group("act") not in citation.article_text:
            continue
        situation = cjk_bigrams(found.group("before").split("责令")[0])
        if len((situation - cited) & act) >= _OWN_WORDS:
            return record, found.group("verb"), found.group("act")
    return None


def _refused(case: CaseFile, verb: str) -> bool:
    """Some passage records the refusal (拒不办理 / 逾期未办理 / 逾期仍未办理)."""
    refusal = re.compile(rf"拒不{verb}|逾期[^，。；]{{0,4}}未{verb}|期满[^，。；]{{0,8}}仍未{verb}")
    return any(
        refusal.search(c) and not _NOT_REFUSED.search(c)
        for p in passages(case)
        for c in clauses(p.text)
    )
