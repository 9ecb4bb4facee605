"""认定事实: what a decision confiscates must be what the file found. 没收 reaches the goods,
tools and gains of the act the evidence proves; an object on the decision's 没收 list that no
seizure list, record or narrative of the file mentions (没收…电动葫芦1台 while the 查封扣押清单
and the inspection name none) is taken on no established fact (行政处罚法第四十条).

The seized inventory is read from the file's own lists (查封扣押清单, 先行登记保存清单, an
evidence note's 清单：…); the test runs only when the decision's list otherwise overlaps that
inventory, so a list of another kind of object (illegal gains, goods never seized) is not
compared with it."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.discretion.penalty_amounts import chinese_number
from assistant.review.context import ReviewContext
from assistant.review.fitting_item import cjk_bigrams
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity

_RULE = "《中华人民共和国行政处罚法》第四十条"
_MEASURES = (
    "公斤|千克|立方米|平方米|头|台|把|个|件|箱|吨|条|张|瓶|盒|袋|套|辆|艘|部|只|株|棵|份|本|册|"
    "桶|支|根|副|顶|块|包|罐|片|粒|筐|匹|羽|尾|具|枚|卷|双"
)
# 屠宰刀具6把 / 电动葫芦1台: a named object with its count
# (a model's number inside the name: JH-306型转换器180个)
_ITEM = re.compile(
    r"^(?P<name>[\u4e00-\u9fffA-Za-z（）()][\u4e00-\u9fffA-Za-z0-9\-－（）()]{1,15}?)(?<![0-9\-－])"
    rf"(?P<n>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百]+)(?P<unit>{_MEASURES})"
)
# 没收 / 收缴 (治安管理处罚法第十一条: 管制器具、赌具 are 收缴ed)
_CONFISCATION = re.compile(r"(?:没收|收缴)(?!违法所得)(?P<list>[^；。\n]+)")
_LIST_DOCUMENT = re.compile(r"清单")
# 没收物品清单 / 收缴物品清单: the decision's own list, not what the investigation found
_DECIDED_LIST = re.compile(r"没收|收缴|处理|处置")
_LIST_NOTE = re.compile(r"清单[：:](?P<list>[^；。\n]+)")
# 扣押财物清单（JH-306型180个）: the list's content in its title
_LIST_TITLE = re.compile(r"清单[（(](?P<list>[^）)]+)[）)]")
# JH-208型同次抽检结论为合格: an object the file finds conforming is no illegal product
_CONFORMING = re.compile(r"(?<![不])合格")
_NONCONFORMING = re.compile(r"不合格")
_SPLIT = re.compile(r"[、，,]|以及|及|和")

_flag = PointFlags(ReviewPoint.FACTS)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    inventory = _seized(case)
    if not inventory:
        return []
    found = inventory + _narrative(case)
    lists = [_items(text) for text in inventory]
    for line in _decided_lines(case):
        items = _items(line)
        known = [item for item in items if _recorded(item[0], inventory)]
        unknown = [name for name, _, _ in items if not _recorded(name, found)]
        if known and unknown:
            return [_finding(unknown, line)]
        conforming = [
            name
            for name, _, _ in items
            if not _recorded(name, inventory) and _found_conforming(name, found)
        ]
        if known and conforming:
            return [_conforming_finding(conforming, line)]
        beyond = next((b for item in known if (b := _beyond(item, lists))), None)
        if beyond:
            return [_count_finding(beyond, line)]
    return []


def _beyond(item: tuple[str, float, str], lists: list[list[tuple[str, float, str]]]) -> str | None:
    """More of an object confiscated than any one list holds of it in the same measure (the
    file may copy one list into several records: they are not added up)."""
    name, count, unit = item
    pairs = cjk_bigrams(name)
    most = max(
        (
            sum(n for other, n, u in listed if u == unit and pairs & cjk_bigrams(other))
            for listed in lists
        ),
        default=0.0,
    )
    if most and count > most:
        return f"没收（收缴）{name}{count:g}{unit}，清单所载为{most:g}{unit}"
    return None


def _count_finding(detail: str, line: str) -> Flag:
    return _flag(
        Severity.MUST_FIX,
        f"{detail}，没收数量超出案卷查封扣押（登记保存）的数量",
        _RULE,
        f"没收：{line[:80]}",
    )


def _finding(unknown: list[str], line: str) -> Flag:
    objects = "、".join(unknown)
    return _flag(
        Severity.MUST_FIX,
        f"决定没收的{objects}，案卷的查封扣押（登记保存）清单、检查记录和案情叙述均无记载，"
        "没收内容与查明的事实不符",
        _RULE,
        f"没收：{line[:80]}",
    )


def _found_conforming(name: str, texts: list[str]) -> bool:
    """The file finds the object conforming (检验合格) and never nonconforming."""
    said = [c for t in texts for c in re.split(r"[，,]", t) if name in c]
    return any(_CONFORMING.search(c) for c in said) and not any(
        _NONCONFORMING.search(c) for c in said
    )


def _conforming_finding(objects: list[str], line: str) -> Flag:
    return _flag(
        Severity.MUST_FIX,
        f"决定没收的{'、'.join(objects)}，案卷认定其检验合格、未予查封扣押，不是违法生产、销售的产品，"
        "没收内容超出查明的违法事实",
        _RULE,
        f"没收：{line[:80]}",
    )


def _decided_lines(case: CaseFile) -> list[str]:
    """The decision's 没收 lists: its document's contents, else the narrative's."""
    lines = [
        m.group("list")
        for d in case.documents
        if d.type == "行政处罚决定书"
        for content in d.contents
        for m in _CONFISCATION.finditer(content)
    ]
    lines = [line for line in lines if _items(line)]  # 附收缴物品清单: a pointer, no list
    return lines or [m.group("list") for m in _CONFISCATION.finditer(case.facts.description)]


def _items(line: str) -> list[tuple[str, float, str]]:
    """(name, count, measure) of each counted object of a list."""
    items = []
    for part in _SPLIT.split(line):
        found = _ITEM.match(part.strip())
        if found and "元" not in found.group("name"):
            name = re.sub(r"[（(][^）)]*[）)]", "", found.group("name"))
            items.append((name, chinese_number(found.group("n")), found.group("unit")))
    return items


def _seized(case: CaseFile) -> list[str]:
    lists = [
        "、".join(d.contents)
        for d in case.documents
        if _LIST_DOCUMENT.search(d.type) and not _DECIDED_LIST.search(d.type) and d.contents
    ]
    lists += [m.group("list") for e in case.evidence for m in _LIST_NOTE.finditer(e.note or "")]
    lists += [m.group("list") for e in case.evidence for m in _LIST_TITLE.finditer(e.name)]
    return lists


def _narrative(case: CaseFile) -> list[str]:
    """What the file found, the 没收 sentences left out (they repeat the decision)."""
    texts = [case.facts.description, *(e.note or "" for e in case.evidence)]
    texts += [e.note for e in case.events if e.type == "调查取证"]
    texts += [e.name for e in case.evidence]
    return [s for t in texts for s in re.split(r"[。；\n]", t) if s and "没收" not in s]


def _recorded(name: str, texts: list[str]) -> bool:
    """Some text names the object: a shared pair of its characters (生猪 in 生猪产品), or its
    one character where the name is that short."""
    pairs = cjk_bigrams(name)
    if not pairs:
        return any(name in t for t in texts)
    return any(pairs & cjk_bigrams(t) for t in texts)
