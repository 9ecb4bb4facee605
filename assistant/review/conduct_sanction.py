"""The 罚则 of the cited law that a case's conduct is, when the cited 罚则 is another conduct's.

A decision of 2022 citing 土地管理法第七十六条 for 非法占用土地 numbers its basis as the 2004
text did: in the text in force the article punishes refusing 土地复垦, while 第七十七条 is the
file's own conduct. Read against the file's words, the cited article shares none of them and
another 罚则 of the same version shares many (行政处罚法第三十七条: the law in force applies,
by its own numbers). Only article-level citations are read: a 款 that sets a fine for "前款
规定的行为" shares no conduct word by design.
"""

from __future__ import annotations

from assistant.case_file import CaseFile
from assistant.norm_links import is_penalty_norm
from assistant.review.context import ReviewContext
from assistant.review.fitting_item import cjk_bigrams
from corpus.citation_resolver import ResolvedCitation
from corpus.model import ArticleRecord

# conduct words (Chinese-character pairs) the other 罚则 alone must share with the file
MIN_OTHER_HITS = 20


def conduct_sanction(
    case: CaseFile, ctx: ReviewContext, penalty: ResolvedCitation
) -> ArticleRecord | None:
    """The other 罚则 of the cited version that best fits the file's words: returned when
    its own words (those the cited article lacks) appear in the file at least
    ``MIN_OTHER_HITS`` times and the cited article's own words (those it lacks) not once;
    None otherwise, and for a cited 款 or 项."""
    record = ctx.record(penalty)
    if record is None or penalty.item or penalty.paragraph or not is_penalty_norm(record):
        return None
    duties = [
        r.text
        for written in case.citations.violated
        for r in ctx.resolve(written, case.act_date)
        if isinstance(r, ResolvedCitation) and r.law == penalty.law
    ]
    words = cjk_bigrams(
        "".join([case.title, case.violation.description, case.facts.description, *duties])
    ) - cjk_bigrams(penalty.title)
    cited = cjk_bigrams(record.text)
    scored = [
        (len((grams - cited) & words), len((cited - grams) & words), other)
        for other in ctx.articles_in(penalty.law, penalty.version)
        if other.label != record.label and is_penalty_norm(other)
        for grams in [cjk_bigrams(other.text)]
    ]
    other_hits, cited_hits, best = max(scored, key=lambda s: s[0] - 3 * s[1], default=(0, 0, None))
    return best if other_hits >= MIN_OTHER_HITS and cited_hits == 0 else None
