"""Is the place of the act inside the agency's territory (《行政处罚法》第二十二条)?

Places and regions are compared level by level (prefecture, then county): a level
both name must agree, finer units (街道、镇) are not compared because a place
rarely names them the same way. A place that names no area at all cannot be judged.
"""

from __future__ import annotations

import re
from enum import Enum

# 州 ends a name only when no 市 follows (惠州市 is one prefecture, not 惠州 + 市…).
# 旗 and 盟 are areas (内蒙古), not the 旗舰店 or 加盟店 of a shop's name
_AREA = re.compile(
    r"[\u4e00-\u9fa5]{1,8}?(?:自治州|自治县|地区|市|州(?!市)|盟(?!店|商)|县|区|旗(?!舰|下))"
)
_PREFECTURE_SUFFIXES = ("市", "州", "地区", "盟")
# A province names no level compared here; cut it first so 广东省广州市 reads 广州市.
# 龙甫河省级重要湿地: 省级 is a rank, not a province's name
_PROVINCE = re.compile(r"[\u4e00-\u9fa5]{1,8}?(?:特别行政区|自治区|省)(?!级)")
# Inside a name these mark a finer unit (石湾镇镇区, 台城街道某工业区): no 区/县 at all.
_FINER_UNIT = re.compile(r"镇|街道|村|路|街|号|巷|楼|栋|座")
# A 市/县/区 running straight into 镇、乡、街道、村 names that town, not an area (马市镇, 新市街道).
_TOWN_AFTER = re.compile(r"镇|乡|街道|村|社区")
# An area the place only borders (与阳春市春湾镇交界, 毗邻台山市) is not where it lies.
_BORDER = re.compile(
    r"与[^，。；）)]{1,20}?(?:交界|接壤|毗邻|相邻|相连|邻近)|(?:毗邻|邻近|紧邻|靠近)[^，。；）)]{1,20}"
)
# Zones named 区 that are no county-level area (开发区, 工业区, 园区…).
_ZONE = re.compile(
    r"(?:工业|开发|园|高新|镇|景|名胜|社|小|片|厂|辖|保护|商业|住宅|服务|示范|试验|旅游|度假|保税|功能"
    # 可采区 / 禁采区 of a river, 港区 of a port, 矿区, 库区, 作业区: zones of a resource or a port
    r"|采|港|矿|库|作业|施工"
    # 自然保护区实验区 / 规划重建区: zones of a reserve or a plan
    r"|实验|核心|缓冲|重建|规划"
    # 新兵训练营区 / 军事管理区 / 军事禁区: a military site
    r"|营|管理|禁|训练|校|水域|海域"
    # 烈士陵园烈士墓区 / 候车区 / 停车区: a part of a site
    r"|墓|陵|候车|停车|生活|办公|养殖|种植)区$"
)

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


# 连南瑶族自治县 is written 连南县 as often as in full (乳源、连山 likewise).
_AUTONOMOUS = re.compile(r"^(.{2,}?)(?:[\u4e00-\u9fa5]{1,3}族)+自治(县|州|旗)$")


def _short_name(area: str) -> str:
    """An autonomous area under its short name (place + 县/州/旗), so both forms agree."""
    found = _AUTONOMOUS.match(area)
    return found.group(1) + found.group(2) if found else area


def _county_city(area: str) -> str | None:
    """The county-level city an area names, also behind a landmark or road that runs into
    it (国道G240线台山市 reads 线台山市, which is 台山市 and so inside 江门市, not a prefecture)."""
    return next((city for city in COUNTY_CITIES if area.endswith(city)), None)


class Placement(Enum):
    INSIDE = "inside"
    OUTSIDE = "outside"
    UNKNOWN = "unknown"  # the place names no area to compare


def _levels(text: str) -> dict[str, set[str]]:
    """Areas a text names, by level: prefecture (市/州/地区/盟) and county (区/县/旗,
    county-level cities, which also put their prefecture on record)."""
    levels: dict[str, set[str]] = {"prefecture": set(), "county": set()}
    bare = _BORDER.sub("", _PROVINCE.sub("", text))
    for match in _AREA.finditer(bare):
        area = match.group()
        if _FINER_UNIT.search(area[1:]) or _ZONE.search(area):
            continue
        if _TOWN_AFTER.match(bare, match.end()):
            continue
        if area.endswith("州") and not area.endswith("自治州"):
            area += "市"  # 广州开发区 names 广州市
        area = _short_name(area)
        county_city = _county_city(area)
        if county_city:
            levels["county"].add(county_city)
            levels["prefecture"].add(COUNTY_CITIES[county_city])
        elif area.endswith(_PREFECTURE_SUFFIXES) and not area.endswith("县"):
            levels["prefecture"].add(area)
        else:
            levels["county"].add(area)
    return levels


def _agree(own: set[str], named: set[str]) -> bool:
    """Two sets of areas share one; a place may put a landmark before the area's name
    (西江高要区金利镇 reads 高要区), so a name ending in the other (of 3 characters or more,
    suffix included) is the same area."""
    return any(
        a == b or (min(len(a), len(b)) >= 3 and (a.endswith(b) or b.endswith(a)))
        for a in own
        for b in named
    )


def placement(region: str, place: str) -> tuple[Placement, list[str]]:
    """Where ``place`` lies relative to ``region``, with the areas that disagree.

    The region named only as what the place borders (与鹤山市址山镇交界) does not put
    the place inside it, so the border clause is cut before the region is looked for."""
    region, excluded = _without_excluded(region)
    if excluded and any(area in place for area in excluded):
        return Placement.OUTSIDE, excluded
    if region in _BORDER.sub("", place):
        return Placement.INSIDE, []
    own, named = _levels(region), _levels(place)
    if not named["prefecture"] and not named["county"]:
        if not own["prefecture"] and not own["county"] and _PROVINCE.search(region):
            # a province's organ on a place named by its road or landmark (惠东岸高速公路惠阳段):
            # inside, unless the place names another province
            others = [p for p in _PROVINCE.findall(place) if p not in region]
            return (Placement.OUTSIDE, others) if others else (Placement.INSIDE, [])
        # 西江佛山九江段 names 佛山市 without its 市: the region's own name, no other area
        bare = [a[:-1] for level in own.values() for a in level if len(a) >= 3]
        inside = any(name in place for name in bare)
        return (Placement.INSIDE if inside else Placement.UNKNOWN), []
    for level in ("prefecture", "county"):
        if own[level] and named[level] and not _agree(own[level], named[level]):
            if level == "prefecture" and _named_bare(own[level], place):
                continue  # 江门—广州内河航线: a route from the agency's own city names another
            return Placement.OUTSIDE, sorted(named[level])
    return _town_placement(region, place)


# 广东省（不含深圳市）, 广东省（深圳市除外）: a district drawn as an area less the areas another
# office holds
_EXCLUDED = re.compile(r"[（(](?:(?:不含|不包括|除)([^）)]+?)(?:外)?|([^）)]+?)除外)[）)]")


def _without_excluded(region: str) -> tuple[str, list[str]]:
    """The region without its (不含…) clause, and the areas that clause takes out of it."""
    found = _EXCLUDED.search(region)
    if found is None:
        return region, []
    areas = [a for a in re.split(r"[、，,和及]", found.group(1) or found.group(2)) if a]
    return (region[: found.start()] + region[found.end() :]).strip(), areas


def _named_bare(areas: set[str], place: str) -> bool:
    """The place names one of the areas without its suffix (江门 of 江门市)."""
    return any(len(a) >= 3 and a[:-1] in place for a in areas)


# 蓬江区白沙街道 / 台山市台城街道: a region that ends in its town or 街道 after its county, the unit
# a 街道办事处 or 镇人民政府 holds its 第二十四条 powers for
_OWN_TOWN = re.compile(r"^(.*(?:市|区|县))([^市区县]{1,6}(?:街道|镇))$")
_NAMED_TOWN = re.compile(r"^([\u4e00-\u9fa5]{1,4}?(?:街道|镇))")


def _town_placement(region: str, place: str) -> tuple[Placement, list[str]]:
    """A region that is itself a town or 街道 against a place naming, right after the same
    county, another one: outside. Other finer units are not compared."""
    own = _OWN_TOWN.match(region)
    if own is None:
        return Placement.INSIDE, []
    areas = _AREA.findall(own.group(1))  # 江门市蓬江区 → 蓬江区
    county_at = place.find(areas[-1]) if areas else -1
    if county_at < 0:
        return Placement.INSIDE, []
    county = areas[-1]
    after = _BORDER.sub("", place[county_at + len(county) :])
    named = _NAMED_TOWN.match(after)
    if named is None or after.startswith(own.group(2)):
        return Placement.INSIDE, []
    return Placement.OUTSIDE, [named.group(1)]


def county_level(organ: str) -> bool:
    """The organ is named after a county, a district or a county-level city (台山市司法局,
    江门市蓬江区应急管理局), not after its prefecture alone (江门市司法局)."""
    return bool(_levels(organ)["county"])
