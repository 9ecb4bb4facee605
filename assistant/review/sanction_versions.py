"""The same 罚则 number in another version of its law than the one in force on the act date.

A decision citing a number that is a 罚则 only in an earlier version applied the superseded
law; one that is a 罚则 only in a later version applied a law not yet in force (both
行政处罚法第三十七条); a later version of the same 罚则 may be the lighter new law that
第三十七条但书 applies instead.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from assistant.case_file import CaseFile
from assistant.norm_links import is_penalty_norm
from assistant.norm_units import dice
from assistant.review.conduct_sanction import conduct_sanction
from assistant.review.context import ReviewContext
from assistant.review.fitting_item import item_body
from corpus.citation_resolver import ResolvedCitation
from corpus.model import ArticleRecord
from corpus.numerals import to_chinese


def superseded_sanction(ctx: ReviewContext, citation: ResolvedCitation) -> ResolvedCitation | None:
    """The version before the one in force, when the number was a 罚则 there."""
    return _sanction_on(ctx, citation, citation.version - timedelta(days=1), later=False)


def later_sanction(
    case: CaseFile, ctx: ReviewContext, citation: ResolvedCitation
) -> ResolvedCitation | None:
    """A version that took effect after the act and is in force on the decision date,
    when the number is a 罚则 there."""
    decided = case.first("决定")
    if decided is None or decided.date <= citation.version:
        return None
    return _sanction_on(ctx, citation, decided.date, later=True)


def _sanction_on(
    ctx: ReviewContext, citation: ResolvedCitation, on: date, later: bool
) -> ResolvedCitation | None:
    for found in ctx.resolve(citation.citation, on):
        if not isinstance(found, ResolvedCitation) or found.version == citation.version:
            continue
        if (found.version > citation.version) is later:
            record = ctx.record(found)
            if record is not None and is_penalty_norm(record):
                return found
    return None


def later_pairing(
    case: CaseFile,
    ctx: ReviewContext,
    penalty: ResolvedCitation,
    duty: ResolvedCitation,
    linked: Callable[[ReviewContext, ResolvedCitation], set[str]],
) -> ResolvedCitation | None:
    """The later 罚则 when the cited 违法依据 and 处罚依据 pair up only as numbered in a version
    that took effect after the act (野保法2023年版第五十二条罚第二十八条, while in the 2018
    text the two numbers are an import rule and a breeding list): the decision applied a
    law not yet in force on the act date (行政处罚法第三十七条)."""
    decided = case.first("决定")
    if decided is None or decided.date <= penalty.version:
        return None
    later_penalty = _later(ctx, penalty, decided.date)
    later_duty = _later(ctx, duty, decided.date)
    if later_penalty is None or later_duty is None:
        return None
    record = ctx.record(later_penalty)
    if record is None or not is_penalty_norm(record):
        return None
    duty_article = "#".join(later_duty.unit_id.split("#")[:2]).split(".")[0]
    return later_penalty if duty_article in linked(ctx, later_penalty) else None


def _later(ctx: ReviewContext, citation: ResolvedCitation, on: date) -> ResolvedCitation | None:
    for found in ctx.resolve(citation.citation, on):
        if isinstance(found, ResolvedCitation) and found.version > citation.version:
            return found
    return None


def _grams(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def renumbered_item(
    case: CaseFile, ctx: ReviewContext, penalty: ResolvedCitation
) -> ResolvedCitation | None:
    """The later version's item (or article) when the cited number names the act only as renumbered by an
    amendment in force on the decision date (互联网上网服务营业场所管理条例2022年修订新增第三十二条，
    原第三十二条顺延为第三十三条): in the act-date text the number is another conduct, in the
    later text it is the file's own conduct (行政处罚法第三十七条: the number of the law in force
    on the act date)."""
    decided = case.first("决定")
    if decided is None or decided.date <= penalty.version:
        return None
    later = _later(ctx, penalty, decided.date)
    return later if later is not None and _names_own_conduct(case, ctx, penalty, later) else None


def superseded_item(
    case: CaseFile, ctx: ReviewContext, penalty: ResolvedCitation
) -> ResolvedCitation | None:
    """The earlier version's item (or article) when the cited number names the act only as
    numbered before an amendment in force on the act date (the same 条例: a decision of 2023
    citing 第三十二条第（三）项 of the 2019 text, now 第三十三条): the superseded law applied."""
    earlier = next(
        (
            r
            for r in ctx.resolve(penalty.citation, penalty.version - timedelta(days=1))
            if isinstance(r, ResolvedCitation) and r.version < penalty.version
        ),
        None,
    )
    if earlier is None:
        return None
    return earlier if _names_own_conduct(case, ctx, penalty, earlier) else None


def misnumbered(case: CaseFile, ctx: ReviewContext, penalty: ResolvedCitation) -> bool:
    """The cited number names the act only in another version, or its act-date text is
    another conduct's 罚则 while another article is the file's (the law point's 第三十七条
    finding): its range and conditions say nothing of this decision."""
    return (
        renumbered_item(case, ctx, penalty)
        or superseded_item(case, ctx, penalty)
        or conduct_sanction(case, ctx, penalty)
    ) is not None


def _names_own_conduct(
    case: CaseFile, ctx: ReviewContext, penalty: ResolvedCitation, other: ResolvedCitation
) -> bool:
    """Whether the other version's text under the cited number is the file's conduct and the
    act-date text is not: both read against the file's words and its 违法依据; the other must
    share several of them and the act-date one next to none."""
    if other.text == penalty.text:
        return False
    own = [case.title, case.violation.description, case.facts.description]
    # an item is read with the duty it sanctions; a moved article's duty moved with it
    for written in case.citations.violated if penalty.item is not None else []:
        own += [
            r.text for r in ctx.resolve(written, case.act_date) if isinstance(r, ResolvedCitation)
        ]
    # the law's own name (互联网上网服务营业场所 in every internet café file), the words most
    # of its articles use (统计调查) and the item's （一） mark tell nothing of the conduct
    words = (
        _grams("".join(own))
        - _grams(penalty.title)
        - ctx.common_words(penalty.law, penalty.version)
    )
    # bigrams the two texts share (the law's common words) tell nothing
    act_grams, other_grams = _grams(item_body(penalty.text)), _grams(item_body(other.text))
    if penalty.item is None and dice(act_grams, other_grams) > _SAME_ARTICLE:
        return False  # the article amended in place: its number still names the conduct
    act_hits = len((act_grams - other_grams) & words)
    other_hits = len((other_grams - act_grams) & words)
    return other_hits >= 6 and act_hits * 3 <= other_hits


def act_date_counterpart(
    case: CaseFile, ctx: ReviewContext, penalty: ResolvedCitation
) -> ResolvedCitation | None:
    """The act-date article a renumbered citation stands for (发票管理办法2023年版第三十五条 is
    the 2019 text's 第三十七条): the lawful range is that article's, not the one the act-date
    text happens to carry under the cited number."""
    if penalty.item is not None:
        return None
    later = renumbered_item(case, ctx, penalty)
    return None if later is None else _counterpart(case, ctx, penalty, later)


def later_sanction_counterpart(
    case: CaseFile, ctx: ReviewContext, penalty: ResolvedCitation
) -> ResolvedCitation | None:
    """The act-date 罚则 for a number that is one only in a version not yet in force on the
    act date (统计法2024年版第四十四条 is the 2009 text's 第四十一条): whose power the decision
    used is that article's question, not the unrelated act-date text under the number."""
    record = ctx.record(penalty)
    if penalty.item is not None or record is None or is_penalty_norm(record):
        return None
    later = later_sanction(case, ctx, penalty)
    return None if later is None else _counterpart(case, ctx, penalty, later)


def _counterpart(
    case: CaseFile, ctx: ReviewContext, penalty: ResolvedCitation, later: ResolvedCitation
) -> ResolvedCitation | None:
    wanted = _grams(later.article_text)
    same_version = ctx.articles_in(penalty.law, penalty.version)
    best = max(same_version, key=lambda r: dice(_grams(r.text), wanted), default=None)
    if best is not None and dice(_grams(best.text), wanted) >= _MOVED_ARTICLE:
        paragraph = f"第{to_chinese(penalty.paragraph)}款" if penalty.paragraph else ""
        found = ctx.resolved(f"《{penalty.title}》{best.label}{paragraph}", case.act_date)
        return found[0] if found else None
    return _paragraph_counterpart(case, ctx, penalty, later, same_version)


def _paragraph_counterpart(
    case: CaseFile,
    ctx: ReviewContext,
    penalty: ResolvedCitation,
    later: ResolvedCitation,
    same_version: tuple[ArticleRecord, ...],
) -> ResolvedCitation | None:
    """A cited 款 whose article was rewritten around it (野生动物保护法2023年版第五十二条第一款
    is the 2018 text's 第四十八条第一款, the article's other 款 changed): the 款 matched alone."""
    if later.paragraph is None:
        return None
    wanted = _grams(later.text)
    scored = [
        (dice(_grams(p.text), wanted), record, p.number)
        for record in same_version
        for p in record.paragraphs
    ]
    score, record, number = max(scored, key=lambda s: s[0], default=(0.0, None, 0))
    if record is None or score < _MOVED_PARAGRAPH:
        return None
    found = ctx.resolved(
        f"《{penalty.title}》{record.label}第{to_chinese(number)}款", case.act_date
    )
    return found[0] if found else None


def moved_sanction(
    ctx: ReviewContext, penalty: ResolvedCitation, on: date
) -> ResolvedCitation | None:
    """The article of the version in force on a later date that carries the cited 罚则 under
    another number (道路运输条例2022年版第六十九条第（三）项 is the 2023 text's 第六十八条第一款
    第（二）项): the cited item's words whole in one 罚则, or the cited article's words mostly."""
    later = [
        r
        for r in ctx.resolver.store.iter_articles([penalty.law])
        if penalty.version < r.version <= on
    ]
    if not later:
        return None
    newest = max(r.version for r in later)
    current = [r for r in later if r.version == newest and is_penalty_norm(r)]
    if penalty.item is not None:
        words = item_body(penalty.text)
        found = [r for r in current if len(words) >= 8 and words in r.text]
        if not found and len(words) >= 8:
            # 不具有公开募捐资格的组织或者个人擅自开展公开募捐的 (慈善法2023年第一百一十三条):
            # the item reworded by a word or two when it became an article of its own
            found = [r for r in current if _contained(words, r.text) >= _MOVED_ITEM]
    else:
        wanted = _grams(penalty.article_text)
        found = [r for r in current if dice(_grams(r.text), wanted) >= _MOVED_ARTICLE]
    if len(found) != 1:
        return None
    resolved = ctx.resolved(f"《{penalty.title}》{found[0].label}", on)
    return resolved[0] if resolved else None


# Share of a cited item's bigrams a later 罚则 must hold to carry that item reworded.
_MOVED_ITEM = 0.9


def _contained(words: str, text: str) -> float:
    wanted = _grams(words)
    return len(wanted & _grams(text)) / len(wanted)


# Bigram overlap (Dice) above which an article of the act-date text is the provision a
# later version moved to another number.
_MOVED_ARTICLE = 0.75
# A 款 is shorter than an article: its words must agree more closely to be the same 款 moved.
_MOVED_PARAGRAPH = 0.85

# Bigram overlap (Dice) above which two versions of one numbered article are the same
# provision reworded, not another provision moved under the number.
_SAME_ARTICLE = 0.52
