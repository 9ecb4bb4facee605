"""法律适用: the 款 of a 罚则 the act fits. 环境影响评价法第三十一条 punishes 未依法报批报告书、
报告表…擅自开工建设 in its 第一款 (1%–5% of the investment) and 未依法备案登记表 in its 第三款
(五万元以下): a file whose act is told in the 第一款's own words while it cites the 第三款
applied the wrong paragraph, and with it the wrong range.

Each pair of the cited 款 and another sanction 款 of the article is compared on the words
that only one of them has: the act (violation.description, the title) must use none of the
cited 款's own words and several of the other's. A 款 that refers to the other (有前款行为，
情节严重的…) grades the same act and is never the alternative."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.fitting_item import article_paragraphs, cjk_bigrams
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions
from corpus.numerals import to_chinese

_SANCTION = re.compile(r"罚款|警告|吊销|没收|责令停|拘留|处[^，。；]{0,12}元")
_REFERS = re.compile(r"前款|前两款|本条第[一二三四五六七八九十]+款|依照[^，。；]{0,6}款")
_OWN_WORDS = 4  # bigrams of the other 款 the act uses, none of the cited one's
# 违反本条例第三十二条、第三十三条规定的 (无人驾驶航空器飞行管理暂行条例第五十一条第一款): a 款 whose
# act is written in other articles has no words of its own to compare
_BY_REFERENCE = re.compile(r"违反本(?:条例|法|办法|规定|细则)第[一二三四五六七八九十百零]+条")

_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    act = cjk_bigrams(case.violation.description + case.title)
    flags = []
    for citation in penalty_provisions(case, ctx):
        if citation.paragraph is None:
            continue
        paragraphs = _paragraphs(citation.article_text)
        if len(paragraphs) < citation.paragraph:
            continue
        cited = paragraphs[citation.paragraph - 1]
        best = _better_paragraph(cited, paragraphs, citation.paragraph, act)
        if best is None:
            continue
        number, words = best
        rule = f"《{citation.title}》第{to_chinese(citation.article)}条第{to_chinese(number)}款"
        flags.append(
            _flag(
                Severity.MUST_FIX,
                f"违法行为（“{case.violation.description[:40]}”）属于{rule}规定的情形，"
                f"处罚却适用{citation.citation}，适用的款与认定的违法行为不符",
                rule,
                f"violation.description 与{rule}共有“{'、'.join(sorted(words)[:6])}”等用语；"
                f"citations.penalty_basis：{citation.citation}",
            )
        )
    return flags


def _better_paragraph(
    cited: str, paragraphs: list[str], number: int, act: set[str]
) -> tuple[int, set[str]] | None:
    if not _SANCTION.search(cited) or _BY_REFERENCE.search(cited):
        return None
    found = []
    for other_number, other in enumerate(paragraphs, start=1):
        if other_number == number or not _SANCTION.search(other):
            continue
        if _REFERS.search(cited) or _REFERS.search(other):
            continue
        mine, theirs = cjk_bigrams(cited), cjk_bigrams(other)
        if (mine - theirs) & act:
            return None  # the act uses the cited 款's own words
        shared = (theirs - mine) & act
        if len(shared) >= _OWN_WORDS:
            found.append((len(shared), other_number, shared))
    if not found:
        return None
    found.sort(reverse=True)
    if len(found) > 1 and found[0][0] == found[1][0]:
        return None
    return found[0][1], found[0][2]


def _paragraphs(article_text: str) -> list[str]:
    """The article's 款, each with its items."""
    return ["".join(lines) for lines in article_paragraphs(article_text)]
