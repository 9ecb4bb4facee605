"""从旧兼从轻: a 罚则 amended between the act and the decision, and lighter now, applies new.

行政处罚法第三十七条 applies the law in force on the act date, "但是，作出行政处罚决定时，
法律、法规、规章已被修改或者废止，且新的规定处罚较轻或者不认为是违法的，适用新的规定".
A decision that fines above the new maximum applied the heavier old law. Only the fine is
compared, and only where both versions read as fine ranges for this case, so that an
article renumbered by the amendment (a different provision under the same number) or a
range the text does not yield never makes a finding.
"""

from __future__ import annotations

from datetime import date

from assistant.case_file import CaseFile
from assistant.discretion.text_match import mutual_similarity
from assistant.norm_links import SANCTION
from assistant.review.context import ReviewContext
from assistant.review.fitting_item import fitting_item
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.penalty_kinds import imposes_penalty
from assistant.review.sanction_versions import later_sanction, moved_sanction
from assistant.review.statutory_fine import (
    established_circumstances,
    fine_bases,
    fined_kind,
    is_general_law,
    narrative,
    paragraph_text,
    penalty_provisions,
)
from assistant.review.statutory_range import (
    LIGHTER,
    StatutoryBounds,
    statutory_bounds,
    unmet_requirement,
)
from corpus.citation_resolver import ResolvedCitation, canonical_citation
from corpus.numerals import article_label, parse_number

# The same provision amended keeps most of its words (bigram Dice); a renumbered article
# does not.
_SAME_PROVISION = 0.46


def lighter_new_law(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A must_fix `law` finding per 罚则 whose version in force on the decision date caps
    the fine below the one imposed, where the act-date version allowed it."""
    decided = case.first("决定")
    fine = case.penalty.amount
    if decided is None or not fine or decided.date <= case.act_date or not imposes_penalty(case):
        return []
    flags = []
    for old in penalty_provisions(case, ctx):
        deleted = _deleted_paragraph(case, old, ctx, decided.date)
        if deleted is not None:
            flags.append(_deleted_flag(ctx, old, deleted))
            continue
        new = _amended(case, old, ctx, decided.date)
        if new is None:
            continue
        old_bounds, new_bounds = _bounds(old, case, ctx), _bounds(new, case, ctx)
        if old_bounds is None or new_bounds is None:
            continue
        needed = _unmet(new, case, ctx)
        if needed is not None and _unmet(old, case, ctx) is None:
            found = (
                "认定本案情节较轻"
                if LIGHTER in established_circumstances(case)
                else f"未认定{needed}"
            )
            lighter = f"仅对{needed}的处以罚款，案卷{found}，新规定处罚较轻"
            flags.append(_flag(ctx, old, new, lighter, fine))
            continue
        if _lighter(old_bounds, new_bounds) and new_bounds.high < fine:
            lighter = f"处罚较轻（{new_bounds.wording}，最高{new_bounds.high:.10g}元）"
            flags.append(_flag(ctx, old, new, lighter, fine))
    return flags


# the rest of an article that lost one 款 reads as before (0.8): a rewritten or renumbered
# article under the same number does not
_SAME_REST = 0.8


def _deleted_paragraph(
    case: CaseFile, old: ResolvedCitation, ctx: ReviewContext, decided: date
) -> date | None:
    """The day a later version took effect that keeps the cited article but drops the cited
    款 (国内水路运输管理条例2023年修订删去第三十四条第二款: 未随船携带船舶营运证件), its words
    in no 款 of that version: the new law no longer punishes the act."""
    if old.paragraph is None or is_general_law(old):
        return None
    words = paragraph_text(old, ctx, case)
    article = canonical_citation(old.title, article_label(old.article, old.suffix), None, None)
    later = [r for r in ctx.resolved(article, decided) if r.version > old.version]
    record, kept = ctx.record(old), ctx.record(later[0]) if later else None
    if not words or record is None or kept is None:
        return None
    # the same article less the 款: its other 款 unchanged, one 款 fewer (an article renumbered
    # or rewritten by the revision is another provision under the number)
    rest = "".join(p.text for p in record.paragraphs if p.number != old.paragraph)
    fewer = len(kept.paragraphs) < len(record.paragraphs)
    if not fewer or mutual_similarity(rest, kept.text) < _SAME_REST:
        return None
    version = later[0].version
    # the duty may stay (船舶应当随船携带船舶营运证件) while its fine is gone: only a 款 that
    # sanctions counts
    paragraphs = [
        p.text
        for r in ctx.articles_in(old.law, version)
        for p in r.paragraphs
        if SANCTION.search(p.text)
    ]
    if any(mutual_similarity(words, text) >= _SAME_PROVISION for text in paragraphs):
        return None
    return version


def _deleted_flag(ctx: ReviewContext, old: ResolvedCitation, since: date) -> Flag:
    return Flag(
        point=ReviewPoint.LAW,
        severity=Severity.MUST_FIX,
        reason=(
            f"{old.citation}在违法行为发生后被删去，{since}起施行的新规定不再对该行为处罚，"
            "作出决定时应当适用新的规定，决定仍依被删去的规定处罚"
        ),
        rule=ctx.penalty_law("第三十七条"),
        also_cites=[old.citation],
        evidence=f"citations.penalty_basis：{old.citation}（{old.version}起施行的版本）",
    )


def _amended(
    case: CaseFile, old: ResolvedCitation, ctx: ReviewContext, decided: date
) -> ResolvedCitation | None:
    """The version in force on the decision date, when a later one than the act date's
    and still the same 罚则 (most of its words kept), or the later article it moved to."""
    if is_general_law(old):
        return None
    new = later_sanction(case, ctx, old)
    if new is not None and mutual_similarity(old.article_text, new.article_text) >= _SAME_PROVISION:
        return new
    return moved_sanction(ctx, old, decided)


def _bounds(
    citation: ResolvedCitation, case: CaseFile, ctx: ReviewContext
) -> StatutoryBounds | None:
    """The fine this version sets for the case: the item the act fits, else the article."""
    fitting = fitting_item(case, citation)
    bounds = _read_bounds(fitting[1] if fitting else citation.article_text, citation.item, case)
    if bounds is None and fitting is not None:
        # the items name conducts only; the range sits in the lead-in of their 款
        item = parse_number(fitting[0])
        bounds = _read_bounds(_listing(citation, ctx, item), item, case)
    return bounds if bounds is not None and bounds.high is not None else None


def _listing(citation: ResolvedCitation, ctx: ReviewContext, item: int) -> str:
    """The 款 that lists the item (its lead-in and items): a later 款 fines other conduct."""
    record = ctx.record(citation)
    paragraphs = record.paragraphs if record is not None else ()
    found = (p.text for p in paragraphs if any(i.number == item for i in p.items))
    return next(found, citation.article_text)


def _read_bounds(text: str, item: int | None, case: CaseFile) -> StatutoryBounds | None:
    return statutory_bounds(
        text,
        fine_bases(case),
        item,
        established_circumstances(case),
        case.facts.quantities,
        narrative(case),  # 第三款 split in two (机动车维修 given its own 款): the 款 the facts tell
        fined_kind(case),
    )


def _unmet(citation: ResolvedCitation, case: CaseFile, ctx: ReviewContext) -> str | None:
    """The circumstance (情节严重) every fine of this version asks, where the file does not
    find it (or finds the case 情节较轻): that version fines it not at all."""
    established = established_circumstances(case)
    fitting = fitting_item(case, citation)
    text = fitting[1] if fitting else citation.article_text
    return unmet_requirement(
        text, fine_bases(case), citation.item, established, narrative(case), fined_kind(case)
    )


def _lighter(old: StatutoryBounds, new: StatutoryBounds) -> bool:
    lower_floor = new.low is None or old.low is None or new.low <= old.low
    return new.high < old.high and lower_floor


def _flag(
    ctx: ReviewContext, old: ResolvedCitation, new: ResolvedCitation, lighter: str, fine: float
) -> Flag:
    """第三十七条: ``lighter`` says how the new 罚则 punishes less (its range, or no fine)."""
    return Flag(
        point=ReviewPoint.LAW,
        severity=Severity.MUST_FIX,
        reason=(
            f"{old.citation}在违法行为发生后修改，{new.version}起施行的新规定"
            + ("" if new.article == old.article else f"（{new.citation}）")
            + f"{lighter}，作出决定时应当适用新的规定，"
            f"决定仍按{old.version}起施行的旧规定罚款{fine:.10g}元"
        ),
        rule=ctx.penalty_law("第三十七条"),
        evidence=f"penalty.amount：{fine:.10g}；新条文：{new.article_text[:80]}",
    )
