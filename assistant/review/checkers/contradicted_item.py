"""法律适用: the cited item's conduct is an absence the file itself denies.

医疗器械监督管理条例第八十一条第一款第（一）项 fines 经营未取得医疗器械注册证的医疗器械; a file whose
product 持有有效医疗器械注册证 and was sold past its date (过期) is another item's act (第八十六条第
（三）项: 经营…过期…的医疗器械). The better item is looked for among the same law's 罚则 items: the one
whose own words the file uses most (each weighed by how few items share it). Without a clear
one the misfit is only a question for the reviewer: bigrams of a product's name (一次性使用
口罩) can point to the wrong item, and no item is named that the file does not clearly tell."""

from __future__ import annotations

import re
from collections import Counter

from assistant.case_file import CaseFile
from assistant.norm_links import is_penalty_norm
from assistant.review.context import ReviewContext
from assistant.review.fitting_item import ITEM_LINE, cjk_bigrams
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions
from corpus.citation_resolver import ResolvedCitation, canonical_citation
from corpus.model import ArticleRecord
from corpus.numerals import parse_number, to_chinese

# 未取得医疗器械注册证 / 未经许可 / 未依法取得…许可证: the item's act is lacking a paper
_LACKS = re.compile(r"未(?:依法)?取得([^，。；的]{0,12}?(?:注册证|许可证|备案凭证|批准文号))")
_HOLDS = r"(?<![未无没不])(?:持有|已取得|取得了|具有|具备)(?:有效的?)?[^，。；]{{0,10}}?{paper}|{paper}[^，。；]{{0,6}}?在有效期内"
# the better item must share some words of its own with the file, and clearly more than the next
_MIN_WEIGHT = 1.0

_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    told = _told(case)
    for cited in penalty_provisions(case, ctx):
        if cited.item is None:
            continue
        lacks = _LACKS.search(cited.text)
        if lacks is None:
            continue
        paper = re.sub(r"^医疗器械|^药品", "", lacks.group(1)) or lacks.group(1)
        held = re.search(_HOLDS.format(paper=re.escape(paper)), told)
        if held is None:
            continue
        better = _better_item(cited, ctx, told)
        rule = better or cited.citation
        where = f"，应当适用{better}" if better else ""
        return [
            _flag(
                Severity.MUST_FIX if better else Severity.CHECK,
                f"{cited.citation}处罚的是“{lacks.group(0)}”的行为，案卷却认定“{held.group(0)}”，"
                f"适用的条款与认定的事实不符{where or '，请核实应当适用的条款'}",
                rule,
                f"citations.penalty_basis：{cited.citation}",
                also_cites=[cited.citation] if better else [],
            )
        ]
    return []


def _told(case: CaseFile) -> str:
    return "。".join([case.title, case.violation.description, case.facts.description])


def _better_item(cited: ResolvedCitation, ctx: ReviewContext, told: str) -> str | None:
    """The item of the law's 罚则 whose words the file uses most, each word weighed by how few
    items share it (经营…医疗器械 is every item's; 过期 is one's), the cited item left out."""
    own = cjk_bigrams(told)
    items = [
        (record, number, cjk_bigrams(line))
        for record in ctx.articles_in(cited.law, cited.version)
        if is_penalty_norm(record)
        for number, line in _items(record)
        if not (
            (record.number, record.suffix) == (cited.article, cited.suffix) and number == cited.item
        )
    ]
    shared = Counter(gram for _, _, grams in items for gram in grams)
    scored = sorted(
        ((sum(1 / shared[g] for g in grams & own), _citation(r, n)) for r, n, grams in items),
        reverse=True,
    )
    if len(scored) < 2 or scored[0][0] < _MIN_WEIGHT or scored[0][0] < 1.5 * scored[1][0]:
        return None
    return scored[0][1]


def _items(record: ArticleRecord) -> list[tuple[int, str]]:
    found = []
    for line in record.text.splitlines():
        item = ITEM_LINE.match(line.strip())
        number = parse_number(item.group(1)) if item else None
        if item and number is not None:
            found.append((int(number), item.group(2)))
    return found


def _citation(record: ArticleRecord, item: int) -> str:
    if len(record.paragraphs) > 1:
        return canonical_citation(record.title, record.label, 1, item)
    return f"{canonical_citation(record.title, record.label, None, None)}第（{to_chinese(item)}）项"
