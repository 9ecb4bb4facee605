"""法律适用: the cited item's conduct is an absence the file itself denies.

医疗器械监督管理条例第八十一条第一款第（一）项 fines 经营未取得医疗器械注册证的医疗器械; a file whose
product 持有有效医疗器械注册证 and was sold past its date (过期) is another item's act (第八十六条第
（三）项: 经营…过期…的医疗器械). The better item is looked for among the 罚则 items the file's own 违法依据
links to in the corpus (duty line ↔ penalty line). Without one the misfit is only a question
for the reviewer: words shared with a product's name (一次性使用口罩) point to the wrong item
when items are ranked by the file's words alone, so no item is named that way."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.fitting_item import ITEM_LINE
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions
from corpus.citation_resolver import ResolvedCitation, canonical_citation
from corpus.model import ArticleRecord
from corpus.numerals import parse_number, to_chinese

# 未取得医疗器械注册证 / 未经许可 / 未依法取得…许可证: the item's act is lacking a paper
# (not another's lack: 向未取得燃气经营许可证的单位…提供燃气 is the supplier's act, 城镇燃气管理条例
# 第四十六条第（四）项, whatever licence the supplier holds)
_LACKS = re.compile(
    r"(?<![向为给与替])未(?:依法)?取得([^，。；的]{0,12}?(?:注册证|许可证|备案凭证|批准文号))"
)
# 持有有效医疗器械注册证 / 注册证在有效期内 (never 家具有限公司未取得…: a name, then a denial)
_HOLDS = (
    r"(?<![未无没不])(?:持有|已取得|取得了|具有(?!限)|具备)(?:有效的?)?[^，。；未无没]{{0,10}}?{paper}"
    r"|{paper}[^，。；]{{0,6}}?在有效期内"
)

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
        better = _better_item(case, cited, ctx)
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


def _better_item(case: CaseFile, cited: ResolvedCitation, ctx: ReviewContext) -> str | None:
    """The 罚则 item the file's own 违法依据 links to (医疗器械监督管理条例第五十五条's 不得经营…过期…
    的医疗器械 → 第八十六条第（三）项), other than the cited one: the act the file says was breached,
    read through the corpus's duty–penalty links."""
    links = []
    for written in case.citations.violated:
        for found in ctx.resolve(written, case.act_date):
            record = ctx.record(found) if isinstance(found, ResolvedCitation) else None
            if record is not None:
                links += ctx.graphs.text_links_of(record)
    for penalty, link in sorted(links, key=lambda pair: -pair[1].similarity):
        item = ITEM_LINE.match(link.penalty_line.strip())
        number = parse_number(item.group(1)) if item else None
        if number is None:
            continue
        same = (penalty.number, penalty.suffix) == (cited.article, cited.suffix)
        if not (same and number == cited.item):
            return _citation(penalty, int(number))
    return None


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
