"""Which article is a penalty norm (处罚依据), and which norm it punishes (违法依据).

A 罚则 article names the rule it sanctions ("违反本法第三十四条规定的，…处…罚款"),
so the links come from the statute text itself, resolved by the citation engine:
no link is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from assistant.norm_units import dice
from corpus.citation_parser import parse_citations
from corpus.model import LIABILITY_HEADING, ArticleRecord
from corpus.store import CorpusStore

SANCTION = re.compile(
    # 可以根据情节轻重，给予警告或者罚款 (国境卫生检疫法 2018 第二十条)
    # 可以处限期出境 (出境入境管理法第八十一条第一款)
    r"(处|并处|可以处|予以|给予)[^。；]{0,40}(罚款|拘留|警告|通报批评|限期出境|驱逐出境)"
    r"|没收(违法所得|非法财物|非法财产|违法)"
    # 由工商行政管理部门没收拍卖所得 (拍卖法第六十三条): a confiscation of what the act brought in
    r"|由[^。；]{0,30}(?:部门|机关)[^。；]{0,8}没收[^。；，]{0,12}(?:所得|收入|物品|产品|工具|设备)"
    # 吊销其对外劳务合作经营资格证书 (对外劳务合作管理条例第四十条), 吊销其校车使用许可 (校车安全
    # 管理条例第五十四条)
    r"|吊销[^。；]{0,16}(许可|执照|证件|证书|驾驶证)"
    r"|责令[^。；]{0,12}(停产|停业|关闭|限制生产)|暂扣[^。；]{0,10}(许可证|执照|证件|驾驶证)"
    # 提请地方人民政府予以关闭 (安全生产法第一百一十三条): closing is the penalty itself
    r"|予以关闭"
    # 按照《药品管理法》和有关法规的规定处罚 (放射性药品管理办法第二十七条) alike
    r"|依法给予处分|(?:依照|按照)[^。；]{0,30}(规定|法律)[^。；]{0,6}处罚"
    # 对供应商依照政府采购法第七十七条第一款的规定追究法律责任 (政府采购法实施条例第七十四条):
    # the act named and sent to the law's 罚则
    r"|依照[^。；]{0,30}第[^。；]{1,12}条[^。；]{0,8}规定追究法律责任"
    # 由…部门依照《中华人民共和国食品安全法》进行处罚 (食盐专营办法第三十条)
    r"|依照《[^》]{2,30}》[^。；，]{0,6}处罚"
    # 国务院知识产权行政部门处理时，认定侵权行为成立的，可以责令…，没收、销毁侵权产品 (集成电路
    # 布图设计保护条例第三十一条): the organ's confiscation of the infringing goods
    r"|(?:部门|机关|机构)处理时[^。；]{0,60}没收"
    # 按照原处罚数额按日连续处罚 (环境保护法第五十九条): a fine repeated each day
    r"|按日连续处罚"
)
_DUTY = re.compile(r"应当|不得|禁止|必须|严禁")
# "从事无照经营的，由…部门…处罚": a conduct and the organ that sanctions it, the form of a
# 罚则 written outside any 法律责任 chapter and without 违反 (无证无照经营查处办法第十三条).
# "假冒专利的，除依法承担民事责任外，由…部门…处": the civil-liability clause may stand
# between the conduct and the organ (专利法第六十八条).
_IMPOSED_BY = re.compile(
    # 对违法从事涉外统计调查活动的单位、个人，由国家统计局… (统计法实施条例第五十四条, in 附则)
    r"的(?:单位|个人|企业)?(?:[、和或及](?:单位|个人))?，(?:除[^。；，]{0,20}外，)?"
    r"(?:由|对[^。；]{0,20}由)[^。；]{0,40}(?:部门|机关|机构|人民政府)"
    # 的单位和个人，市、县人民政府土地管理部门应当没收其非法收入 (城镇国有土地使用权出让和转让暂行
    # 条例第四十六条) / 的，著作权行政管理部门可处… (著作权法实施条例第三十六条): the organ as subject
    r"|的(?:单位|个人|企业)?(?:[、和或及](?:单位|个人))?，[^。；，]{0,30}(?:部门|机关|机构)"
    r"(?:应当|可以|可)?(?:没收|处以?|给予|吊销)"
    # 工商行政管理部门处理时，认定侵权行为成立的，责令立即停止…并处…罚款 (奥林匹克标志保护条例
    # 第十二条第一款): the organ dealing with the act, then its measures
    r"|(?:部门|机关|机构)处理时"
)


def is_penalty_norm(record: ArticleRecord) -> bool:
    """A sanction clause, usually in the 法律责任 chapter."""
    text = record.text
    if not SANCTION.search(text):
        return False
    in_liability = any(LIABILITY_HEADING.search(h) for h in record.headings)
    return in_liability or "违反" in text or bool(_IMPOSED_BY.search(text))


# 由乡、镇人民政府责令停止建设、限期改正；逾期不改正的，可以拆除: a 罚则 that answers the act
# with orders only (城乡规划法第六十五条), no penalty among them.
_ORDERS = re.compile(r"的，由[^。；]{0,30}(?:部门|机关|机构|人民政府)[^。；]{0,6}责令")


def is_order_only_sanction(record: ArticleRecord) -> bool:
    """A 法律责任 article answering a conduct with 责令… orders and no penalty: still the
    罚则 for that act, one that provides no penalty kind (a fine imposed on it lacks a
    basis in it, 第三十八条第一款 — the 罚则's own finding, not "no 罚则 cited")."""
    if is_penalty_norm(record):
        return False
    in_liability = any(LIABILITY_HEADING.search(h) for h in record.headings)
    return in_liability and _ORDERS.search(record.text) is not None


def is_duty_norm(record: ArticleRecord) -> bool:
    """An obligation or prohibition that can be violated."""
    return not is_penalty_norm(record) and bool(_DUTY.search(record.text))


@dataclass(frozen=True)
class ArticleKey:
    law: str
    version: date
    number: int
    suffix: int = 0


def key_of(record: ArticleRecord) -> ArticleKey:
    return ArticleKey(record.law, record.version, record.number, record.suffix)


@dataclass(frozen=True)
class TextLink:
    """A 罚则 item that restates a duty item (违反本法规定，有下列情形之一 …)."""

    penalty: ArticleKey
    duty: ArticleKey
    similarity: float
    penalty_line: str
    duty_line: str


@dataclass
class LawNormGraph:
    """Penalty article → the articles of the same version it says are violated, and back.

    Explicit links come from 违反本法第X条; text links from a 罚则 item that restates
    a duty item almost word for word (character-bigram Dice ≥ the threshold).
    """

    violated_by_penalty: dict[ArticleKey, list[ArticleKey]] = field(default_factory=dict)
    penalties_by_violated: dict[ArticleKey, list[ArticleKey]] = field(default_factory=dict)
    text_links: list[TextLink] = field(default_factory=list)
    records: dict[ArticleKey, ArticleRecord] = field(default_factory=dict)


def _same_law_targets(record: ArticleRecord, existing: set[tuple[int, int]]) -> list[ArticleKey]:
    """Articles of this law that a penalty article cites (本法第X条 / 违反第X条)."""
    targets: list[ArticleKey] = []
    text = record.text
    for ref in parse_citations(text):
        if ref.law is not None or ref.article is None:
            continue  # another law: the cited text is not in this version
        if "违反" not in text[max(0, ref.start - 12) : ref.start]:
            continue  # 除本法第X条规定的情形外 … is not the violated rule
        if (ref.article, ref.suffix) in existing and (ref.article, ref.suffix) != (
            record.number,
            record.suffix,
        ):
            key = ArticleKey(record.law, record.version, ref.article, ref.suffix)
            if key not in targets:
                targets.append(key)
    return targets


_NOISE = re.compile(r"[（）()一二三四五六七八九十、，。；：:\s]")
TEXT_LINK_THRESHOLD = 0.6


def _lines(record: ArticleRecord, duties_only: bool = False) -> list[str]:
    """Items where the article has them, else paragraphs: the units a 罚则 restates.

    For a duty article only paragraphs that state a duty count: a 审批 procedure
    paragraph echoed by a 罚则 is not what the 罚则 punishes.
    """
    lines: list[str] = []
    for paragraph in record.paragraphs:
        if duties_only and not _DUTY.search(paragraph.text):
            continue
        if paragraph.items:
            lines.extend(item.text for item in paragraph.items)
        else:
            lines.append(paragraph.text)
    return lines


def _bigrams(text: str) -> frozenset[str]:
    text = _NOISE.sub("", text)
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _text_links(duties: list[ArticleRecord], penalties: list[ArticleRecord]) -> list[TextLink]:
    penalty_lines = [(p, line, _bigrams(line)) for p in penalties for line in _lines(p)]
    links: list[TextLink] = []
    for duty in duties:
        # one link per (penalty article, duty item): each prohibition item has its own 罚则 item
        best: dict[tuple[ArticleKey, str], TextLink] = {}
        for duty_line in _lines(duty, duties_only=True):
            grams = _bigrams(duty_line)
            for penalty, line, other in penalty_lines:
                score = dice(grams, other)
                key = (key_of(penalty), duty_line)
                if score >= TEXT_LINK_THRESHOLD and (
                    key not in best or score > best[key].similarity
                ):
                    best[key] = TextLink(key[0], key_of(duty), round(score, 2), line, duty_line)
        links.extend(best.values())
    return links


def build_graph(records: Iterable[ArticleRecord]) -> LawNormGraph:
    """Link every penalty article of one law version to the duties it sanctions."""
    graph = LawNormGraph()
    rows = list(records)
    graph.records = {key_of(r): r for r in rows}
    existing = {(r.number, r.suffix) for r in rows}
    for record in rows:
        if not is_penalty_norm(record):
            continue
        targets = _same_law_targets(record, existing)
        graph.violated_by_penalty[key_of(record)] = targets
        for target in targets:
            graph.penalties_by_violated.setdefault(target, []).append(key_of(record))
    penalties = [r for r in rows if is_penalty_norm(r)]
    graph.text_links = _text_links([r for r in rows if is_duty_norm(r)], penalties)
    return graph


class NormGraphs:
    """Per-version graphs, built on first use from the store (a version has ≤ ~1,300 articles)."""

    def __init__(self, store: CorpusStore, cache_size: int = 64) -> None:
        self.store = store
        self._graph = lru_cache(maxsize=cache_size)(self._build)

    def _build(self, law: str, version: date) -> LawNormGraph:
        return build_graph(r for r in self.store.iter_articles([law]) if r.version == version)

    def for_record(self, record: ArticleRecord) -> LawNormGraph:
        return self._graph(record.law, record.version)

    def violated_by(self, record: ArticleRecord) -> list[ArticleRecord]:
        graph = self.for_record(record)
        return [graph.records[k] for k in graph.violated_by_penalty.get(key_of(record), [])]

    def penalties_for(self, record: ArticleRecord) -> list[ArticleRecord]:
        graph = self.for_record(record)
        return [graph.records[k] for k in graph.penalties_by_violated.get(key_of(record), [])]

    def text_links_of(self, record: ArticleRecord) -> list[tuple[ArticleRecord, TextLink]]:
        """(other article, link) for every text link touching ``record``, best first."""
        graph = self.for_record(record)
        key = key_of(record)
        found = [
            (graph.records[link.duty if link.penalty == key else link.penalty], link)
            for link in graph.text_links
            if key in (link.penalty, link.duty)
        ]
        return sorted(found, key=lambda pair: -pair[1].similarity)
