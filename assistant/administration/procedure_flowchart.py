"""The 行政处罚 flow chart published before enforcement (公示办法第八条第（四）项).

Two columns, 简易程序 (《行政处罚法》第五十一条至第五十三条) and 普通程序 (第五十四条起),
with the 听证 branch (第六十三条起) beside the general procedure. Every box cites
the article it rests on, resolved in the corpus on the chart date; the SVG is
hand-written so it needs no fonts at build time and stays selectable text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from corpus.citation_resolver import CitationError, CitationResolver
from corpus.errors import ErrorKind, ZhifaError

LAW = "《中华人民共和国行政处罚法》"
REVISION_2021 = date(2021, 7, 15)  # the chapter V numbering the chart follows
BOX_W, BOX_H, GAP, MARGIN, COLUMN_GAP = 300, 58, 30, 30, 60
HEADER_H = 70


class FlowchartError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_flowchart"):
    """An article of the chart does not resolve; the message is Chinese."""


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    article: str  # 第X条…, appended to LAW


@dataclass(frozen=True)
class PlacedStep:
    step: Step
    citation: str
    x: int
    y: int


SIMPLIFIED: tuple[Step, ...] = (
    Step(
        "s1",
        "违法事实确凿、有法定依据，拟对公民处200元以下、对单位处3000元以下罚款或者警告",
        "第五十一条",
    ),
    Step("s2", "出示执法证件，填写预定格式、编有号码的决定书，当场交付当事人", "第五十二条第一款"),
    Step("s3", "当场作出的决定报所属行政机关备案", "第五十二条第三款"),
    Step("s4", "当事人依法履行（当场收缴或银行缴纳）", "第五十三条"),
)
GENERAL: tuple[Step, ...] = (
    Step("g1", "发现违法行为，符合立案标准的及时立案", "第五十四条第二款"),
    Step("g2", "两名以上执法人员调查取证，出示执法证件，制作笔录", "第五十五条"),
    Step("g3", "调查终结，行政机关负责人审查", "第五十七条第一款"),
    Step("g4", "法定情形须经法制审核", "第五十八条第一款"),
    Step("g5", "告知拟作出的处罚内容及事实、理由、依据和权利", "第四十四条"),
    Step("g6", "当事人陈述、申辩，行政机关复核", "第四十五条第一款"),
    Step("g7", "作出决定；情节复杂或重大违法的负责人集体讨论", "第五十七条第二款"),
    Step("g8", "制作并盖章的行政处罚决定书", "第五十九条"),
    Step("g9", "宣告后当场交付或七日内送达", "第六十一条第一款"),
    Step("g10", "当事人在决定书载明的期限内履行", "第六十六条第一款"),
)
HEARING: tuple[Step, ...] = (
    Step("h1", "拟较大数额罚款、吊销许可证件等：告知听证权利", "第六十三条第一款"),
    Step("h2", "当事人告知后五日内要求听证；听证七日前通知", "第六十四条"),
    Step("h3", "非本案调查人员主持听证，制作听证笔录", "第六十四条"),
    Step("h4", "根据听证笔录作出决定", "第六十五条"),
)


def _citation(step: Step, resolver: CitationResolver, on: date) -> str:
    results = resolver.resolve_text(LAW + step.article, on)
    problems = [r.message for r in results if isinstance(r, CitationError)]
    if any(not isinstance(r, CitationError) and r.version < REVISION_2021 for r in results):
        problems.append(f"流程图按2021年修订的行政处罚法编排，日期不应早于{REVISION_2021}")
    if problems or not results:
        raise FlowchartError(f"流程图“{step.label}”的依据无法核验：{'；'.join(problems)}")
    return "、".join(r.citation for r in results if not isinstance(r, CitationError))


def _place(
    steps: tuple[Step, ...], column: int, top: int, resolver: CitationResolver, on: date
) -> list[PlacedStep]:
    x = MARGIN + column * (BOX_W + COLUMN_GAP)
    return [
        PlacedStep(step, _citation(step, resolver, on), x, top + n * (BOX_H + GAP))
        for n, step in enumerate(steps)
    ]


def _wrap(text: str, width: int = 22) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)] or [""]


def _box(placed: PlacedStep) -> str:
    lines = _wrap(placed.step.label)[:2]
    cx = placed.x + BOX_W // 2
    text = "".join(
        f'<text x="{cx}" y="{placed.y + 17 + 15 * n}" class="label">{escape(line)}</text>'
        for n, line in enumerate(lines)
    )
    return (
        f'<g id="{placed.step.key}" data-citation="{escape(placed.citation)}">'
        f"<title>{escape(placed.step.label)}（{escape(placed.citation)}）</title>"
        f'<rect x="{placed.x}" y="{placed.y}" width="{BOX_W}" height="{BOX_H}" rx="6"/>{text}'
        f'<text x="{cx}" y="{placed.y + BOX_H - 7}" class="cite">{escape(placed.citation)}</text>'
        "</g>"
    )


def _arrow(x1: int, y1: int, x2: int, y2: int, note: str = "") -> str:
    label = f'<text x="{x1 + 6}" y="{y1 - 6}" class="note">{escape(note)}</text>' if note else ""
    return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" marker-end="url(#arrow)"/>{label}'


def _chain(placed: list[PlacedStep]) -> list[str]:
    return [
        _arrow(a.x + BOX_W // 2, a.y + BOX_H, b.x + BOX_W // 2, b.y)
        for a, b in zip(placed, placed[1:], strict=False)
    ]


def _hearing_links(general: list[PlacedStep], hearing: list[PlacedStep]) -> list[str]:
    """陈述申辩 → 听证 (when requested) and 听证 → 决定."""
    statement = next(p for p in general if p.step.key == "g6")
    decision = next(p for p in general if p.step.key == "g7")
    first, last = hearing[0], hearing[-1]
    return [
        _arrow(
            statement.x + BOX_W, statement.y + BOX_H // 2, first.x, first.y + BOX_H // 2, "要求听证"
        ),
        _arrow(last.x, last.y + BOX_H // 2, decision.x + BOX_W, decision.y + BOX_H // 2),
    ]


_STYLE = (
    "<style>text{font-family:'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC',"
    "'Microsoft YaHei',sans-serif;text-anchor:middle}"
    ".label{font-size:13px}.cite{font-size:11px;fill:#1f4e9a}.note{font-size:12px;"
    "text-anchor:start;fill:#a33}.head{font-size:16px;font-weight:bold}"
    ".title{font-size:20px;font-weight:bold}rect{fill:#f7f9fc;stroke:#345}"
    "line{stroke:#345;stroke-width:1.5}</style>"
)
_DEFS = (
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
    'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#345"/></marker></defs>'
)


def penalty_flowchart_svg(resolver: CitationResolver, on: date) -> str:
    """The chart as a standalone SVG document (UTF-8, Chinese labels, article per box)."""
    top = MARGIN + HEADER_H
    simplified = _place(SIMPLIFIED, 0, top, resolver, on)
    general = _place(GENERAL, 1, top, resolver, on)
    hearing_top = next(p.y for p in general if p.step.key == "g6")
    hearing = _place(HEARING, 2, hearing_top, resolver, on)
    width = MARGIN * 2 + 3 * BOX_W + 2 * COLUMN_GAP
    height = max(p.y for p in general + hearing) + BOX_H + MARGIN
    heads = [("简易程序（当场处罚）", 0), ("普通程序", 1), ("听证程序", 2)]
    parts = [
        f'<text x="{width // 2}" y="{MARGIN + 8}" class="title">行政处罚流程图</text>',
        f'<text x="{width // 2}" y="{MARGIN + 30}" class="note" style="text-anchor:middle">'
        f"依据《中华人民共和国行政处罚法》第五章，条文为{on}有效版本</text>",
        *(
            f'<text x="{MARGIN + c * (BOX_W + COLUMN_GAP) + BOX_W // 2}" y="{top - 12}" '
            f'class="head">{name}</text>'
            for name, c in heads
        ),
        *(_box(p) for p in simplified + general + hearing),
        *_chain(simplified),
        *_chain(general),
        *_chain(hearing),
        *_hearing_links(general, hearing),
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="行政处罚流程图">'
        f"{_STYLE}{_DEFS}" + "".join(parts) + "</svg>\n"
    )


def flowchart_citations(resolver: CitationResolver, on: date) -> list[str]:
    """Every article the chart cites (canonical), in chart order."""
    steps = SIMPLIFIED + GENERAL + HEARING
    return list(dict.fromkeys(_citation(s, resolver, on) for s in steps))
