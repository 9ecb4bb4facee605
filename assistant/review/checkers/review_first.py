"""文书是否规范 — a penalty the law sends to 行政复议 first tells the party so.

行政复议法 (2023年修订) 第二十三条: where a law or 行政法规 requires a party to apply for
行政复议 before suing (第一款第（五）项: 价格违法行为行政处罚规定第二十条 "对…处罚决定不服的，应当先
依法申请行政复议"), the agency tells the party so when it decides (第二款). A decision that
offers 行政诉讼 beside 复议 (也可以…直接向人民法院提起行政诉讼) misstates the remedy. The
requirement is read from the cited 罚则's own law, so no list of such laws is kept here.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions
from corpus.model import ArticleRecord

NOTICE_RULE = "《中华人民共和国行政复议法》第二十三条第二款"
_REVIEW_FIRST = re.compile(r"处罚决定不服的[，,]?(?:应当|必须)先[^。；]{0,6}申请(?:行政)?复议")
# the wording the decision gave (也可以…直接向人民法院提起行政诉讼), not the bare name of the
# matter (第五十九条第一款第（五）项: 申请行政复议、提起行政诉讼的途径和期限), which says nothing of it
_MATTER = re.compile(r"申请行政复议、提起行政诉讼的途径和期限")
_SUIT = re.compile(r"(?:也可以|或者|或|直接)[^。；]{0,20}(?:提起(?:行政)?诉讼|起诉)")
# 对行政复议决定不服的，可以…提起行政诉讼 / 应当先申请行政复议: the remedy told in its order
_IN_ORDER = re.compile(r"先[^。；]{0,8}复议|复议决定不服|复议前置")

_flag = PointFlags(ReviewPoint.DOCUMENTS)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    decided = case.first("决定")
    decision = case.paper("处罚决定书")
    if decided is None or decision is None:
        return []
    rule = ctx.resolved(NOTICE_RULE, decided.date)
    if not rule or "告知" not in rule[0].text:
        return []  # before 2024 the 复议法 set no such duty to tell
    requirement = _requirement(case, ctx)
    told = [line for line in decision.contents if _SUIT.search(_MATTER.sub("", line))]
    if requirement is None or not told or any(_IN_ORDER.search(line) for line in told):
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"《{requirement[0]}》{requirement[1].label}规定对处罚决定不服应当先申请行政复议，"
            f"{decision.type}却告知可以直接提起行政诉讼，救济途径告知错误",
            rule[0].citation,
            f"{decision.type}（{decision.date}）：{'；'.join(told)}",
        )
    ]


def _requirement(case: CaseFile, ctx: ReviewContext) -> tuple[str, ArticleRecord] | None:
    """The article of a cited 罚则's law that sends its penalty decisions to 复议 first."""
    for penalty in penalty_provisions(case, ctx):
        for article in ctx.articles_in(penalty.law, penalty.version):
            if _REVIEW_FIRST.search(article.text):
                return penalty.title, article
    return None
