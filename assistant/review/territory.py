"""Is the place of the act inside the agency's territory (《行政处罚法》第二十二条)?

Places and regions are compared level by level (prefecture, then county): a level
both name must agree, finer units (街道、镇) are not compared because a place
rarely names them the same way. A place that names no area at all cannot be judged.
"""

from __future__ import annotations

import re
from enum import Enum

_AREA = re.compile(r"[\u4e00-\u9fa5]{1,8}?(?:自治州|自治县|地区|市|州|盟|县|区|旗)")
_PREFECTURE_SUFFIXES = ("市", "州", "地区", "盟")

# Guangdong's county-level cities and the prefecture they lie in: 台山市 is inside 江门市.
COUNTY_CITIES = {
    "乐昌市": "韶关市",
    "南雄市": "韶关市",
    "兴宁市": "梅州市",
    "陆丰市": "汕尾市",
    "台山市": "江门市",
    "开平市": "江门市",
    "鹤山市": "江门市",
    "恩平市": "江门市",
    "阳春市": "阳江市",
    "廉江市": "湛江市",
    "雷州市": "湛江市",
    "吴川市": "湛江市",
    "高州市": "茂名市",
    "化州市": "茂名市",
    "信宜市": "茂名市",
    "四会市": "肇庆市",
    "英德市": "清远市",
    "连州市": "清远市",
    "普宁市": "揭阳市",
    "罗定市": "云浮市",
}


class Placement(Enum):
    INSIDE = "inside"
    OUTSIDE = "outside"
    UNKNOWN = "unknown"  # the place names no area to compare


def _levels(text: str) -> dict[str, set[str]]:
    """Areas a text names, by level: prefecture (市/州/地区/盟) and county (区/县/旗,
    county-level cities, which also put their prefecture on record)."""
    levels: dict[str, set[str]] = {"prefecture": set(), "county": set()}
    for area in _AREA.findall(text):
        if area in COUNTY_CITIES:
            levels["county"].add(area)
            levels["prefecture"].add(COUNTY_CITIES[area])
        elif area.endswith(_PREFECTURE_SUFFIXES) and "自治县" not in area:
            levels["prefecture"].add(area)
        else:
            levels["county"].add(area)
    return levels


def placement(region: str, place: str) -> tuple[Placement, list[str]]:
    """Where ``place`` lies relative to ``region``, with the areas that disagree."""
    if region in place:
        return Placement.INSIDE, []
    own, named = _levels(region), _levels(place)
    if not named["prefecture"] and not named["county"]:
        return Placement.UNKNOWN, []
    for level in ("prefecture", "county"):
        if own[level] and named[level] and not own[level] & named[level]:
            return Placement.OUTSIDE, sorted(named[level])
    return Placement.INSIDE, []
