"""The 罚则 of the cited law that a case's conduct is, when the cited 罚则 is another conduct's.

A decision of 2022 citing 土地管理法第七十六条 for 非法占用土地 numbers its basis as the 2004
text did: in the text in force the article punishes refusing 土地复垦, while 第七十七条 is the
file's own conduct. Read against the file's words, the cited article shares none of them and
another 罚则 of the same version shares many (行政处罚法第三十七条: the law in force applies,
by its own numbers). Only article-level citations are read: a 款 that sets a fine for "前款
规定的行为" shares no conduct word by design.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.case_file import CaseFile
from assistant.norm_links import is_penalty_norm
from assistant.review.context import ReviewContext
from assistant.review.fitting_item import cjk_bigrams, fitting_item
from corpus.citation_resolver import ResolvedCitation
from corpus.model import ArticleRecord

# conduct words (Chinese-character pairs) the other 罚则 alone must share with the file
MIN_OTHER_HITS = 20
# how far the best 罚则 must lead the runner-up to be named as the conduct's
MIN_LEAD = 8


@dataclass(frozen=True)
class ConductFit:
    """How the file's words fit the other 罚则 of the cited version: the best one, its own
    words the file uses (those the cited article lacks), the cited article's own words the
    file uses, and the lead of the best over the runner-up (hits less three times cited)."""

    best: ArticleRecord
    other_hits: int
    cited_hits: int
    lead: int

    @property
    def named(self) -> ArticleRecord | None:
        """The best 罚则 when it stands clear of the runner-up, else None (a long article
        of many items can outscore the short one that is the conduct's)."""
        return self.best if self.lead >= MIN_LEAD else None


def conduct_sanction(
    case: CaseFile, ctx: ReviewContext, penalty: ResolvedCitation
) -> ArticleRecord | None:
    """The other 罚则 of the cited version that the file's conduct is, when the cited article
    is a 罚则 too: its own words appear in the file at least ``MIN_OTHER_HITS`` times, the
    cited article's not once, and it stands clear of the runner-up; None otherwise, and for a
    cited 款 or 项."""
    record = ctx.record(penalty)
    if record is None or penalty.item or penalty.paragraph or not is_penalty_norm(record):
        return None
    fit = _best_fit(case, ctx, penalty, record)
    if fit is None or fit.other_hits < MIN_OTHER_HITS or fit.cited_hits:
        return None
    return fit.named


def conduct_fit(case: CaseFile, ctx: ReviewContext, penalty: ResolvedCitation) -> ConductFit | None:
    """For a cited article that is no 罚则 (a duty, or a number that was a 罚则 in a text not in
    the corpus): ``plain_fit``."""
    record = ctx.record(penalty)
    if record is None or penalty.item or is_penalty_norm(record):
        return None
    return plain_fit(case, ctx, penalty)


def plain_fit(case: CaseFile, ctx: ReviewContext, penalty: ResolvedCitation) -> ConductFit | None:
    """The fit when some other 罚则 of the cited article's version uses the file's words at
    least ``MIN_OTHER_HITS`` times, over three times as often as the cited article's own
    words: read for a citation already found wrong (no 罚则, or not the penalty imposed), to
    say it is likely another text's number."""
    record = ctx.record(penalty)
    if record is None:
        return None
    fit = _best_fit(case, ctx, penalty, record)
    if fit is None or fit.other_hits < MIN_OTHER_HITS or fit.other_hits <= 3 * fit.cited_hits:
        return None
    return fit


def _best_fit(
    case: CaseFile, ctx: ReviewContext, penalty: ResolvedCitation, record: ArticleRecord
) -> ConductFit | None:
    duties = [
        r.text
        for written in case.citations.violated
        for r in ctx.resolved(written, case.act_date)
        if r.law == penalty.law and r.article != penalty.article
    ]
    words = cjk_bigrams(
        "".join([case.title, case.violation.description, case.facts.description, *duties])
    ) - cjk_bigrams(penalty.title)
    cited = cjk_bigrams(record.text)
    # a fine imposed is another 罚则's only where that one fines (not a 处分 article's)
    fined = case.penalty.amount is not None or any("罚款" in t for t in case.penalty.types)
    scored = sorted(
        (
            (len((grams - cited) & words), len((cited - grams) & words), other)
            for other in ctx.articles_in(penalty.law, penalty.version)
            if other.label != record.label
            and is_penalty_norm(other)
            and (not fined or "罚款" in other.text)
            for grams in [cjk_bigrams(other.text)]
        ),
        key=lambda s: s[0] - 3 * s[1],
        reverse=True,
    )
    if not scored:
        return None
    other_hits, cited_hits, best = scored[0]
    runner_up = scored[1][0] - 3 * scored[1][1] if len(scored) > 1 else 0
    return ConductFit(best, other_hits, cited_hits, other_hits - 3 * cited_hits - runner_up)


def old_number_note(
    ctx: ReviewContext, citation: ResolvedCitation, fit: ConductFit
) -> tuple[str, list[str]]:
    """What a finding on a wrongly cited article adds when the conduct plainly is another 罚则's:
    the words (naming that 罚则 when it stands clear) and 第三十七条 with it to cite."""
    also_cites = [ctx.penalty_law("第三十七条")]
    words = ""
    if fit.named is not None:
        words = f"；本案行为是同一文本{fit.named.label}所罚的行为"
        also_cites.append(ctx.rule(f"《{citation.title}》{fit.named.label}"))
    return words + "（所引条号可能沿用了修订前的文本，应适用违法行为发生时施行的文本）", also_cites


def fitted_sanction(
    case: CaseFile, ctx: ReviewContext, cited: ResolvedCitation
) -> ResolvedCitation | None:
    """The act-date 罚则 that plainly punishes the file's conduct, for a cited article that is
    none (著作权法第四十八条 cited by the 2010 numbers, 第五十三条 in force): what the file
    applied, in effect."""
    fit = plain_fit(case, ctx, cited)
    if fit is None or fit.named is None:
        return None
    written = f"《{cited.title}》{fit.named.label}"
    return next(
        (f for f in ctx.resolve(written, case.act_date) if isinstance(f, ResolvedCitation)), None
    )


def renumbered_sanction(case: CaseFile, ctx: ReviewContext, cited: ResolvedCitation) -> str | None:
    """The 罚则 of the act-date text that punishes the file's conduct, with the item it fits
    (互联网上网服务营业场所管理条例第三十三条第（三）项 for a 第三十二条 cited by the 2019 numbers),
    when it stands clear: the number the decision should have cited."""
    found = fitted_sanction(case, ctx, cited)
    if found is None:
        return None
    item = fitting_item(case, found)
    return ctx.rule(f"{found.citation}第（{item[0]}）项" if item else found.citation)
