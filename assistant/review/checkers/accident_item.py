"""适用法律: a 罚则 graded by accident (发生一般事故的，处…；发生较大事故的，处…) cited at an
item other than the grade the file's own deaths, injuries and loss give (条例第三条)."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.accident_level import accident_grade
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions
from corpus.numerals import parse_number, to_chinese

_ITEM_LINE = re.compile(r"^[（(]([一二三四五六七八九十]+)[)）]发生(一般|较大|重大|特别重大)事故的")


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    graded = [(c, _graded_items(c.article_text)) for c in penalty_provisions(case, ctx)]
    graded = [(c, items) for c, items in graded if c.item is not None and c.item in items.values()]
    grade = accident_grade(case) if graded else None
    flags = []
    for citation, items in graded:
        if grade is None or grade.grade not in items:
            continue
        right = items[grade.grade]
        if right == citation.item:
            continue
        wrong = next(g for g, n in items.items() if n == citation.item)
        correct = re.sub(
            r"第[（(][一二三四五六七八九十]+[)）]项$",
            f"第（{to_chinese(right)}）项",
            citation.citation,
        )
        flags.append(
            Flag(
                point=ReviewPoint.LAW,
                severity=Severity.MUST_FIX,
                reason=f"案卷认定{grade.because}，依《生产安全事故报告和调查处理条例》第三条属"
                f"{grade.grade}，处罚却适用{wrong}一项（{citation.citation}），应适用{correct}",
                rule=ctx.rule(correct),
                also_cites=[citation.citation],
                evidence=f"citations.penalty_basis：{citation.citation}；{grade.because}",
            )
        )
    return flags


def _graded_items(article_text: str) -> dict[str, int]:
    """Grade → item number for an article whose items read 发生X事故的."""
    found: dict[str, int] = {}
    for line in article_text.splitlines():
        m = _ITEM_LINE.match(line.strip())
        if m:
            found[m.group(2) + "事故"] = parse_number(m.group(1))
    return found
