"""Law names as officers write them: full, short, in 《》, or by a common alias.

The short name (without 中华人民共和国) is the key everywhere in zhifa: in unit ids,
JSON output and filters, so ``short_name`` must be the one place that makes it.
"""

from __future__ import annotations

import re

from corpus.text_normalizer import normalize_text

_PREFIXES = ("中华人民共和国", "全国人民代表大会常务委员会关于")
_BRACKETS = re.compile(r"[《》〈〉<>\s]")
_TRAILING_VERSION = re.compile(r"[（(]\d{4}(年|-\d{2}-\d{2})?(修订|修正)?[）)]$")

# Abbreviations used in enforcement practice → short names.
COMMON_ALIASES: dict[str, str] = {
    "环保法": "环境保护法",
    "新环保法": "环境保护法",
    "道交法": "道路交通安全法",
    "道路交通法": "道路交通安全法",
    "食安法": "食品安全法",
    "安全法": "安全生产法",
    "安全生产法": "安全生产法",
    "消法": "消费者权益保护法",
    "消保法": "消费者权益保护法",
    "行诉法": "行政诉讼法",
    "行复法": "行政复议法",
    "处罚法": "行政处罚法",
    "行政强制执行法": "行政强制法",
    "许可法": "行政许可法",
    "大气法": "大气污染防治法",
    "水污法": "水污染防治法",
    "水污染法": "水污染防治法",
    "固废法": "固体废物污染环境防治法",
    "固体废物法": "固体废物污染环境防治法",
    "环评法": "环境影响评价法",
    "土壤法": "土壤污染防治法",
    "噪声法": "噪声污染防治法",
    "产品质量法": "产品质量法",
    "产质法": "产品质量法",
    "政府信息公开条例": "政府信息公开条例",
    "信息公开条例": "政府信息公开条例",
}


def short_name(title: str) -> str:
    """``《中华人民共和国行政处罚法》`` → ``行政处罚法``."""
    name = _BRACKETS.sub("", normalize_text(title))
    for prefix in _PREFIXES[:1]:
        if name.startswith(prefix) and len(name) > len(prefix):
            name = name[len(prefix) :]
    return _TRAILING_VERSION.sub("", name)


def name_variants(title: str) -> set[str]:
    """Every spelling that must resolve to this law: full title and short name."""
    short = short_name(title)
    variants = {short, _BRACKETS.sub("", normalize_text(title))}
    if not short.startswith("中华人民共和国"):
        variants.add("中华人民共和国" + short)
    return variants
