"""A decision that quotes its 罚则 in the words of a superseded version.

依据第六十三条“没有违法所得或者违法所得不足2万元的，处3万元以上10万元以下的罚款”: the words the
decision says it applied. When the version in force on the act date no longer has them and an
earlier one did, the superseded law was applied (行政处罚法第三十七条). The law point names it;
where the fine falls outside the in-force range, the discretion point does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.fitting_item import fitting_item
from assistant.review.statutory_fine import penalty_provisions
from corpus.citation_resolver import CitationError, ResolvedCitation


@dataclass(frozen=True)
class QuotedVersion:
    """The cited 罚则 (act-date version), the earlier version the quote comes from, the quoted
    words, and the in-force provision to apply (its item where the act fits one)."""

    citation: ResolvedCitation
    earlier: ResolvedCitation
    quoted: str
    rule: str


# 依据第六十三条“没有违法所得或者违法所得不足2万元的，处3万元以上10万元以下的罚款”: the
# words of the provision the decision says it applied
_QUOTED = re.compile(r"“([^”]{10,})”")


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text).rstrip("。；;，,")


# 依据《道路运输条例》（2019年修订）第六十三条，: the lead-in naming the provision a quoted
# decision sentence then reproduces
_LEAD_IN = re.compile(
    r"^[^。；;]*?第[^，。；]{1,8}条(?:第[^，。；]{1,6}[款项])*(?:的)?(?:规定)?[，：:]"
)


def _quoted_pieces(quote: str) -> list[str]:
    """The quote and, where it is a decision's sentence (依据…第六十三条，没有违法所得…的罚款；
    鉴于…), each of its clauses without the lead-in: the statute's words it reproduces are
    one of them, the agency's own reasoning around them never is."""
    pieces = [_compact(_LEAD_IN.sub("", p)) for p in re.split(r"[。；;]", quote)]
    return [quote, *(p for p in pieces if len(p) >= 10 and p != quote)]


def quoted_superseded(case: CaseFile, ctx: ReviewContext) -> QuotedVersion | None:
    """The first cited 罚则 the file quotes in an earlier version's words only."""
    told = "。".join([case.facts.description, *case.facts.circumstances])
    quotes = [p for q in _QUOTED.findall(told) for p in _quoted_pieces(_compact(q))]
    for citation in penalty_provisions(case, ctx):
        # the words of the item the act fits: 道路运输条例第六十三条第（三）项 (危险货物)
        # keeps the old sentence a 普通货物 case no longer falls under
        fitting = fitting_item(case, citation)
        current = _compact(fitting[1] if fitting else citation.article_text)
        stale = [q for q in quotes if q not in current]
        if not stale:
            continue
        before = citation.version - timedelta(days=1)
        for earlier in ctx.resolve(citation.citation, before):
            if not isinstance(earlier, ResolvedCitation) or earlier.version >= citation.version:
                continue
            old = _compact(earlier.article_text)
            quoted = next((q for q in stale if q in old), None)
            if quoted is not None:
                rule = f"{citation.citation}第（{fitting[0]}）项" if fitting else citation.citation
                return QuotedVersion(citation, earlier, quoted, rule)
    return None


# 《中华人民共和国固体废物污染环境防治法》（2016年修正）第七十五条: the version a citation names
_LABEL = re.compile(
    r"《([^《》]{2,60})》\s*[（(](\d{4})年?(?:修订|修正|版)?[）)]\s*(第[^，。；、\s]{1,12}条)"
)


@dataclass(frozen=True)
class LabelledVersion:
    """A cited provision written with a version label (（2016年修正）) older than the version
    in force on the act date, which the corpus may not hold: the file applied that older text."""

    citation: ResolvedCitation
    label: str


def labelled_superseded(
    case: CaseFile, ctx: ReviewContext, citation: ResolvedCitation
) -> LabelledVersion | None:
    """The label the file writes on ``citation`` when it names a version promulgated before
    the one in force on the act date (第三十七条: the law in force when the act was done)."""
    for written in (*case.citations.penalty_basis, *case.citations.violated):
        for found in _LABEL.finditer(written):
            name, year, article = found.groups()
            try:
                law = ctx.resolver.law_name(name)
                version = ctx.resolver.version_on(law, case.act_date)
            except CitationError:
                continue
            same = law == citation.law and citation.citation.split("》")[-1].startswith(article)
            if same and int(year) < version.version_date.year:
                return LabelledVersion(citation, f"（{year}年{_kind(found.group(0))}）")
    return None


def _kind(written: str) -> str:
    return "修订" if "修订" in written else "修正" if "修正" in written else "版"
