"""适用法律: a fine the 罚则 gives only for named items of the duty article, imposed for another item.

产品质量法第五十四条: 产品标识不符合本法第二十七条规定的，责令改正；有包装的产品标识不符合本法第二十七条
第（四）项、第（五）项规定，情节严重的，…并处…罚款. A label lacking the maker's name and address
(第二十七条第一款第（二）项) is ordered corrected and no more: the fine sentence names the items it
is for, and the file's own 违法依据 is another (《行政处罚法》第三十八条第一款: no basis)."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions, range_rule, violated_provisions
from corpus.numerals import parse_number

# 不符合本法第二十七条第（四）项、第（五）项规定，情节严重的，…处…罚款
_FINED_ITEMS = re.compile(
    r"(?:违反|不符合)本(?:法|条例)第([一二三四五六七八九十百零]+)条"
    r"((?:第[（(][一二三四五六七八九十]+[)）]项[、和或及]?)+)[^；。]*?处[^；。]*?罚款"
)
_ITEM = re.compile(r"第[（(]([一二三四五六七八九十]+)[)）]项")

_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if case.penalty.amount is None:
        return []
    violated = [v for v in violated_provisions(case, ctx) if v.item is not None]
    for cited in penalty_provisions(case, ctx):
        for found in _FINED_ITEMS.finditer(cited.article_text):
            article = parse_number(found.group(1))
            items = {parse_number(i) for i in _ITEM.findall(found.group(2))}
            other = [
                v
                for v in violated
                if v.law == cited.law and v.article == article and v.item not in items
            ]
            if not other or len(other) < len(
                [v for v in violated if v.law == cited.law and v.article == article]
            ):
                continue
            return [
                _flag(
                    Severity.MUST_FIX,
                    f"{cited.citation}只对违反第{found.group(1)}条{found.group(2)}的处以罚款，"
                    f"案卷违反的是{other[0].citation}，对此只能责令改正，罚款没有法律依据",
                    range_rule(cited, in_paragraph=False),
                    f"citations.violated：{other[0].citation}；罚款{case.penalty.amount:.10g}元",
                )
            ]
    return []
