"""The evidence an officer still has to collect for a violation, each item with its reason.

Four sources, each cited: the statutory evidence types (行政处罚法 on the date of
the act), the elements of the violated provision, the facts the discretion
standard's factors turn on, and what similar cases relied on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from corpus.citation_resolver import CitationError, CitationResolver, ResolvedCitation

STATUTORY_TYPES_CITATION = "《行政处罚法》第四十六条第一款"
_ITEM_PREFIX = re.compile(r"^[（(][一二三四五六七八九十]+[）)]|[；;。，,]$")


class EvidenceSource(StrEnum):
    STATUTE = "statute"  # 法定证据种类
    ELEMENT = "element"  # 违法构成要件
    DISCRETION = "discretion"  # 裁量情节
    SIMILAR_CASE = "similar_case"  # 同类案件
    PENALTY_FACT = "penalty_fact"  # 罚则的处罚幅度所依据的事实


@dataclass(frozen=True)
class EvidenceHint:
    """A fact pattern and the evidence that usually proves it."""

    pattern: re.Pattern[str]
    kind: str
    item: str


# Which evidence proves which kind of fact; the kinds are the statutory types.
HINTS: tuple[EvidenceHint, ...] = tuple(
    EvidenceHint(re.compile(p), k, i)
    for p, k, i in [
        (
            r"许可|批准|审批|备案|登记|注册|资质|证照|执照",
            "书证",
            "许可证、批准或备案文件（或未取得的查询证明）",
        ),
        (
            r"排放|超标|浓度|标准限量|监测|噪声|污染物",
            "鉴定意见",
            "监测报告、检测报告（注明采样时间、点位、方法）",
        ),
        (r"生产|经营|销售|进货|购进|储存|运输", "书证", "进货和销售凭证、台账、合同、发票"),
        (r"食品|原料|添加剂|产品|货物|物品", "物证", "涉案物品及其照片、抽样记录、封存清单"),
        (
            r"违法所得|货值|金额|费用|投资|价款|收入",
            "书证",
            "财务账簿、发票、合同、转账记录（证明金额）",
        ),
        (r"设施|设备|场所|现场|场地", "勘验笔录、现场笔录", "现场检查（勘验）笔录及现场照片、视频"),
        (r"驾驶|车辆|机动车|道路", "视听资料", "执法记录仪视频、道路监控录像"),
        (r"网络|信息|数据|系统|平台|广告", "电子数据", "网页截图、电子数据提取笔录及哈希值"),
        (r"后果|损害|危害|伤亡|事故|损失", "鉴定意见", "损害评估或事故调查报告"),
        (r"拒绝|阻挠|拒不|逾期|未按|未(依法)?改正", "书证", "责令改正通知书及送达回证、复查记录"),
        (r"人员|职工|员工|从业|未经培训|安全生产", "证人证言", "相关人员询问笔录、培训与考核记录"),
    ]
)

# Discretion factors and the facts an officer must prove for them.
FACTOR_HINTS: tuple[EvidenceHint, ...] = tuple(
    EvidenceHint(re.compile(p), k, i)
    for p, k, i in [
        (
            r"首次|初次|再次|两年内|次数|多次|屡",
            "书证",
            "当事人违法记录查询结果（证明是否首次、违法次数）",
        ),
        (r"改正|整改|恢复", "现场笔录", "整改报告、复查笔录及照片（证明是否及时改正）"),
        (
            r"敏感|饮用水|水源|保护区|学校|医院|居民区|区域",
            "书证",
            "区域划定文件、位置图（证明所处区域）",
        ),
        (r"违法所得|货值|金额|费用|投资|万元|元", "书证", "财务凭证（证明裁量所需金额）"),
        (
            r"吨|立方|数量|面积|规模|台|件|公斤|千克",
            "勘验笔录、现场笔录",
            "计量、测量记录（证明数量或规模）",
        ),
        (r"天|日|月|期限|持续|时间", "书证", "证明违法行为起止时间的记录"),
        (r"后果|危害|损害|影响|污染", "鉴定意见", "监测或损害评估报告（证明危害程度）"),
        (
            r"配合|主动|如实|供述|消除",
            "当事人的陈述",
            "询问笔录（记录配合调查、主动消除危害等情节）",
        ),
    ]
)


@dataclass(frozen=True)
class EvidenceItem:
    item: str
    kind: str
    reason: str
    source: str
    origin: EvidenceSource
    present: bool = False

    def as_json(self) -> dict:
        return {**self.__dict__, "origin": self.origin.value}


@dataclass
class EvidenceChecklist:
    statutory_types: list[str]
    items: list[EvidenceItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def missing(self) -> list[EvidenceItem]:
        return [i for i in self.items if not i.present]

    def as_json(self) -> dict:
        return {
            "statutory_types": self.statutory_types,
            "items": [i.as_json() for i in self.items],
            "missing": len(self.missing),
            "warnings": self.warnings,
        }


def _clean(line: str) -> str:
    return _ITEM_PREFIX.sub("", line.strip()).strip()


def statutory_types(resolver: CitationResolver, on: date) -> ResolvedCitation | CitationError:
    """The evidence types as the 行政处罚法 in force on ``on`` lists them."""
    results = resolver.resolve_text(STATUTORY_TYPES_CITATION, on)
    return results[0]


def _element_lines(violated: ResolvedCitation) -> list[str]:
    """The items of the violated article, else its sentences: its elements to prove."""
    lines = [_clean(line) for line in violated.text.splitlines()[1:] if line.strip()]
    if not lines:
        lines = [
            _clean(part) for part in re.split(r"[。；]", violated.text) if len(part.strip()) > 4
        ]
    return lines


def element_items(violated: ResolvedCitation) -> list[EvidenceItem]:
    """One item per element of the violated provision, with the evidence that proves it."""
    items: list[EvidenceItem] = []
    for line in _element_lines(violated):
        hints = [h for h in HINTS if h.pattern.search(line)] or [
            EvidenceHint(re.compile(""), "当事人的陈述", "询问笔录")
        ]
        for hint in hints[:2]:
            items.append(
                EvidenceItem(
                    item=hint.item,
                    kind=hint.kind,
                    reason=f"证明构成要件：{line[:60]}",
                    source=violated.citation,
                    origin=EvidenceSource.ELEMENT,
                )
            )
    return items


def factor_items(factors: list[str], source: str) -> list[EvidenceItem]:
    """Items proving the facts that move a case between discretion tiers."""
    items: list[EvidenceItem] = []
    for factor in factors:
        for hint in [h for h in FACTOR_HINTS if h.pattern.search(factor)][:1]:
            items.append(
                EvidenceItem(
                    item=hint.item,
                    kind=hint.kind,
                    reason=f"裁量情节：{factor[:60]}",
                    source=source,
                    origin=EvidenceSource.DISCRETION,
                )
            )
    return items


def mark_present(items: list[EvidenceItem], collected: list[str]) -> list[EvidenceItem]:
    """Flag items the case file already holds (by evidence kind or by the item's key words)."""
    if not collected:
        return items
    marked = []
    for item in items:
        words = [w for w in re.split(r"[、，（）()及或和]", item.item) if len(w) >= 2]
        present = any(item.kind in c or any(w in c for w in words) for c in collected)
        marked.append(EvidenceItem(**{**item.__dict__, "present": present}))
    return marked


def dedupe(items: list[EvidenceItem]) -> list[EvidenceItem]:
    """Keep the first item of each (item, kind): its reason is the strongest."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for item in items:
        if (item.item, item.kind) not in seen:
            seen.add((item.item, item.kind))
            unique.append(item)
    return unique


# The facts a 罚则's tiers turn on, and the evidence that proves each.
PENALTY_FACT_HINTS: tuple[EvidenceHint, ...] = tuple(
    EvidenceHint(re.compile(p), k, i)
    for p, k, i in [
        (r"货值金额", "书证", "货值金额：进货与销售凭证、库存清点记录、价格认定"),
        (r"违法所得", "书证", "违法所得：销售记录、收款凭证、财务账簿"),
        (r"营业额|销售额|总投资额|费用", "书证", "计罚基数：营业额、投资额或费用的财务凭证"),
        (r"多次|再次|屡次|一年内|二年内|三年内|累计", "书证", "违法次数：当事人违法记录查询结果"),
        (
            r"情节严重|严重后果|造成[^。；]{0,12}(事故|损失|损害|伤亡|后果|污染)",
            "鉴定意见",
            "危害后果：事故调查、损害评估或监测报告",
        ),
        (
            r"拒不改正|逾期不改正|逾期未改正|按日连续",
            "书证",
            "是否改正：责令改正通知书、送达回证、复查笔录",
        ),
    ]
)


def penalty_fact_items(penalty: ResolvedCitation) -> list[EvidenceItem]:
    """The facts that pick the penalty tier (货值, 违法所得, 次数, 后果) as the 罚则 states them."""
    items = []
    for hint in PENALTY_FACT_HINTS:
        found = hint.pattern.search(penalty.article_text)
        if found:
            start = max(0, found.start() - 15)
            items.append(
                EvidenceItem(
                    item=hint.item,
                    kind=hint.kind,
                    reason=f"处罚幅度取决于此：…{penalty.article_text[start : found.end() + 15]}…",
                    source=penalty.citation,
                    origin=EvidenceSource.PENALTY_FACT,
                )
            )
    return items


def pair_evidence(violated: ResolvedCitation, penalty: ResolvedCitation) -> list[EvidenceItem]:
    """Per pair: the elements of the violated unit, then the facts the penalty tiers depend on."""
    return dedupe(element_items(violated) + penalty_fact_items(penalty))
