"""Which enforcement law governs a situation, from the words officers use for its domain.

Across 64,000 articles a plain-words situation ("司机喝了啤酒后继续开车") shares more
words with a blood-products regulation than with the 道路交通安全法. Each enforcement
domain has a law (or two) that holds its duties and 罚则; the situation's domain words
route the search to them first. The table is explicit and small: one row per domain
signal, each naming laws by their corpus short name. Unrouted situations are searched
over the whole corpus as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (domain words, the laws whose duties and 罚则 govern that domain)
ROUTES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        r"驾驶|司机|开车|轿车|货车|客车|汽车|小车|面包车|摩托|机动车|酒精含量|时速|限速|"
        r"交强险|安全带|超载|核定载|倒车|逃逸|闯红灯|号牌|行驶证|驾驶证",
        ("道路交通安全法",),
    ),
    (r"消防|消火栓|灭火|喷水|喷淋|疏散|安全出口|火灾|防火|烟感|加油站|抽烟|吸烟|明火", ("消防法",)),
    (
        r"食品|餐|饭店|饭馆|小吃|米粉|火锅|熟食|卤|后厨|帮厨|厨师|食材|辣条|猪肉|牛肉|"
        r"肉|奶|蔬菜|水果|底料|食用|保质期|健康证",
        ("食品安全法",),
    ),
    (r"药品|药店|药房|诊所|感冒药|消炎药|注射液|处方药|中药|疫苗|进药|卖药|药", ("药品管理法",)),
    (r"医疗器械|助听器|输液器|注射器|血压计|口罩|器械", ("医疗器械监督管理条例",)),
    (r"广告|宣传|代言|公众号|户外|门头|最佳|国家级|最高级|治愈率", ("广告法",)),
    (r"价格|原价|现价|标价|收费|加价|折扣|明码|服务费|涨价", ("价格法",)),
    (
        r"产品|质量|不合格|抽检|合格证|认证|CCC|3C|国家标准|掺|以次充好|淘汰|伪造产地|"
        r"厂名|中文|警示|电热|家电|化肥|文具|胶水|配件|充电器",
        ("产品质量法",),
    ),
    (
        r"安全生产|安全教育|安全培训|培训|工人|从业人员|车间|机床|动火|危险作业|报警装置|"
        r"有毒|隐患|出口|锁|特种作业|液化气|燃气报警|可燃气体",
        ("安全生产法",),
    ),
    (r"旅行社|导游|游客|旅游|跟团|团费|零团费|购物点|小费|景区", ("旅游法",)),
    (r"网吧|上网|网咖", ("互联网上网服务营业场所管理条例",)),
    (r"歌舞厅|KTV|ktv|夜总会|娱乐场所|游艺|酒吧|迪厅", ("娱乐场所管理条例",)),
    (r"废水|污水|排污|排放口|暗管|河涌|雨水沟|水体", ("水污染防治法",)),
    (r"扬尘|围挡|覆盖|洒水|焚烧|黑烟|废气|烟尘|油烟|异味|气味刺鼻|恶臭|锅炉", ("大气污染防治法",)),
    (r"噪声|噪音|打桩|夜间施工|夜里|扰民|高音喇叭", ("噪声污染防治法",)),
    (r"环评|环境影响|报批|开工建设|建设项目", ("环境影响评价法",)),
    (r"固体废物|危险废物|垃圾|废渣|倾倒", ("固体废物污染环境防治法",)),
)
_COMPILED = tuple((re.compile(words), laws) for words, laws in ROUTES)


@dataclass(frozen=True)
class LawRoute:
    """The routed laws with the words that routed each (shown as the reason)."""

    laws: tuple[str, ...]
    signals: dict[str, tuple[str, ...]]


def route_laws(situation: str, known: set[str] | None = None) -> LawRoute:
    """Laws whose domain words the situation uses, most signals first."""
    signals: dict[str, list[str]] = {}
    for pattern, laws in _COMPILED:
        words = tuple(dict.fromkeys(m.group(0) for m in pattern.finditer(situation)))
        if not words:
            continue
        for law in laws:
            if known is None or law in known:
                signals.setdefault(law, []).extend(words)
    ordered = sorted(signals, key=lambda law: -len(set(signals[law])))
    return LawRoute(tuple(ordered), {law: tuple(dict.fromkeys(signals[law])) for law in ordered})
