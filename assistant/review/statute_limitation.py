"""A special law's own 追责时效 (行政处罚法第三十六条第一款 “法律另有规定的除外”).

税收征收管理法第八十六条 sets five years for tax violations, 治安管理处罚法第二十二条 six
months, 劳动保障监察条例第二十条 two years for labour inspection: where a law the decision
applies (or the agency acts under) states its own period, that period replaces the general two
years. The clause is read from the statute text in force on the act date, so
any law written this way is found without a list of laws."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.statutory_fine import paragraph_citation
from corpus.citation_resolver import ResolvedCitation, canonical_citation
from corpus.model import ArticleRecord
from corpus.numerals import parse_number

# 在五年内未被发现的，不再给予行政处罚 / 在六个月内没有被公安机关发现的，不再处罚
# 在2年内未被劳动保障行政部门发现，也未被举报、投诉的，劳动保障行政部门不再查处
_CLAUSE = re.compile(
    r"在(?P<n>[一二三四五六七八九十两\d]+)(?P<unit>年|个月)内(?:未|没有)被[^。；]{0,12}发现"
    r"[^。；]{0,16}?的，[^。；]{0,12}?不再(?:给予行政)?(?:处罚|查处)"
)
_GENERAL_LAW = "行政处罚法"


@dataclass(frozen=True)
class StatuteLimitation:
    """The period a cited law sets, in months, and the article setting it."""

    months: int
    period: str
    rule: str


def statute_limitation(case: CaseFile, ctx: ReviewContext) -> StatuteLimitation | None:
    """The limitation period set by a law the file cites (违法依据 or 处罚依据), in the
    version in force on the act date; None where none of them sets one."""
    cited = {
        (found.law, found.version): found.title
        # the agency's own basis too: 劳动保障监察条例 governs every labour inspection case
        for written in (
            *case.citations.violated,
            *case.citations.penalty_basis,
            *case.agency.powers.basis,
        )
        for found in ctx.resolve(written, case.act_date)
        if isinstance(found, ResolvedCitation) and _GENERAL_LAW not in found.law
    }
    cited |= _parent_laws(case, ctx, cited)
    for law, version in cited:
        for record in ctx.articles_in(law, version):
            match = _CLAUSE.search(record.text)
            if match is None:
                continue
            count = parse_number(match["n"])
            months = count * 12 if match["unit"] == "年" else count
            return StatuteLimitation(
                months=months,
                period=f"{match['n']}{match['unit']}",
                rule=ctx.rule(_clause_citation(record)),
            )
    return None


def _clause_citation(record: ArticleRecord) -> str:
    """The 款 writing the period where the article has several (劳动保障监察条例第二十条
    第一款; 第二款 only says when the period starts), else the article."""
    holding = next((p.number for p in record.paragraphs if _CLAUSE.search(p.text)), None)
    if holding is None:
        return canonical_citation(record.title, record.label, None, None)
    return paragraph_citation(record, holding)


# 根据《中华人民共和国税收征收管理法》，制定本办法 (发票管理办法第一条): the law a regulation is
# made under; its 追责时效 governs violations of the regulation too (违反税收法律、行政法规…).
_MADE_UNDER = re.compile(r"根据《([^》]+)》[^。]{0,30}制定")


def _parent_laws(
    case: CaseFile, ctx: ReviewContext, cited: dict[tuple[str, object], str]
) -> dict[tuple[str, object], str]:
    """The laws the cited regulations say they are made under, in force on the act date."""
    parents: dict[tuple[str, object], str] = {}
    for title in cited.values():
        for first in ctx.resolved(f"《{title}》第一条", case.act_date):
            for name in _MADE_UNDER.findall(first.article_text):
                for law in ctx.resolved(f"《{name}》第一条", case.act_date):
                    if _GENERAL_LAW not in law.law:
                        parents[(law.law, law.version)] = law.title
    return parents
