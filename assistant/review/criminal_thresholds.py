"""Administrative → criminal transfer catalogue (移送标准): the criminal act and the
threshold it must reach, each line with its source.

A line fires only when the file describes the act (``act``: every pattern found in the
narrative, none of ``not_act``) *and* a measured fact reaches the threshold: a quantity
alone never triggers (a lawful disposal without a transfer manifest is no dumping),
and the act alone never suffices. ``quote`` is the exact wording of ``source``; a test
checks it against the 刑法/道路交通安全法 in the corpus or the 两高 interpretation in the
shared law library. The review flags a file that reaches a line without a 移送 step
(《行政处罚法》第二十七条第一款: 涉嫌犯罪的，应当及时移送).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.review.case_file import CaseFile

ENV_2023 = "最高人民法院、最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释"
SAFETY_2015 = "最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释"
FAKE_2001 = (
    "最高人民法院、最高人民检察院关于办理生产、销售伪劣商品刑事案件具体应用法律若干问题的解释"
)
FOOD_2021 = "最高人民法院、最高人民检察院关于办理危害食品安全刑事案件适用法律若干问题的解释"

_FAKE = re.compile(r"伪劣|掺杂|掺假|以假充真|以次充好|不合格产品冒充|冒充合格")
_DUMPING = re.compile(
    r"倾倒|偷排|直排|非法排放|排入|排放至|排放到|丢弃|抛弃|弃置|随意堆放|填埋|掩埋|非法处置|擅自处置"
    r"|擅自焚烧|(?:交|交由|交给|委托|提供给?)[^，。；]{0,15}(?:无|没有|未取得)[^，。；]{0,10}"
    r"(?:资质|许可证|经营许可)|无危险废物经营许可证"
)
_HAZARDOUS = re.compile(r"危险废物|危废|废矿物油|废机油|废有机溶剂|废酸|废碱|HW\d{2}")
_DRIVING = re.compile(r"驾驶")
_ALCOHOL = re.compile(r"醉酒|醉驾|饮酒|酒后|酒驾")
_MASS = r"(?:吨|t|千克|公斤|kg)"


@dataclass(frozen=True)
class CriminalThreshold:
    """A criminal act and the measured fact at or above which it is suspected a crime."""

    id: str
    crime: str
    article: str  # the 刑法 article, resolvable in the corpus
    act: tuple[re.Pattern[str], ...]  # every one must be in the file's narrative
    measures: re.Pattern[str]  # names of facts.amounts / facts.quantities / measurements
    minimum: float
    unit: str
    source: str  # where the number (or the act) is written
    source_file: str | None  # file under shared/data/laws/司法解释, None = ``source`` in corpus
    quote: str
    not_act: re.Pattern[str] | None = None
    narrative: re.Pattern[str] | None = None  # reads the value from the text: (number)(unit)
    note: str = ""
    scale: dict[str, float] = field(default_factory=dict)  # unit in a name → factor to ``unit``


_KG = {"千克": 0.001, "公斤": 0.001, "kg": 0.001, "KG": 0.001}
_WAN = {"万元": 10_000}

THRESHOLDS: tuple[CriminalThreshold, ...] = (
    CriminalThreshold(
        "fake-products-sales",
        "生产、销售伪劣产品罪",
        "《中华人民共和国刑法》第一百四十条",
        (_FAKE,),
        re.compile(r"销售金额"),
        50000,
        "元",
        "《中华人民共和国刑法》第一百四十条",
        None,
        "销售金额五万元以上",
        scale=_WAN,
    ),
    CriminalThreshold(
        "fake-products-goods-value",
        "生产、销售伪劣产品罪（未遂）",
        "《中华人民共和国刑法》第一百四十条",
        (_FAKE,),
        re.compile(r"货值金额"),
        150000,
        "元",
        f"《{FAKE_2001}》第二条第二款",
        f"{FAKE_2001}(2001-04-09).md",
        "伪劣产品尚未销售，货值金额达到刑法第一百四十条规定的销售金额3倍以上的",
        scale=_WAN,
    ),
    CriminalThreshold(
        "expired-food-sales",
        "生产、销售伪劣产品罪",
        "《中华人民共和国刑法》第一百四十条",
        (re.compile(r"超过保质期|超保质期|过期|回收食品|更改生产日期|篡改生产日期"),),
        re.compile(r"销售金额"),
        50000,
        "元",
        f"《{FOOD_2021}》第十五条第二款（数额依《中华人民共和国刑法》第一百四十条）",
        f"{FOOD_2021}(2021-12-30).md",
        "以更改生产日期、保质期、改换包装等方式销售超过保质期的食品、回收食品，适用前款的规定定罪处罚",
        scale=_WAN,
    ),
    CriminalThreshold(
        "hazardous-waste",
        "污染环境罪",
        "《中华人民共和国刑法》第三百三十八条",
        (_HAZARDOUS, _DUMPING),
        re.compile(
            r"^(?!.*(?:费|金额|元|损失)).*(?:危险废物|危废|倾倒|排放|处置|丢弃|填埋|废矿物油|废机油|废酸|废碱)"
        ),
        3,
        "吨",
        f"《{ENV_2023}》第一条第（二）项",
        f"{ENV_2023}(2023-08-08).md",
        "非法排放、倾倒、处置危险废物三吨以上的",
        narrative=re.compile(
            rf"(?:倾倒|排放|处置|丢弃|填埋|掩埋|堆放|交由|交给)[^。；]{{0,20}}?"
            rf"(?:约|共计|共|合计|计)?([0-9]+(?:\.[0-9]+)?)\s*({_MASS})"
        ),
        scale=_KG,
    ),
    CriminalThreshold(
        "heavy-metals",
        "污染环境罪",
        "《中华人民共和国刑法》第三百三十八条",
        (re.compile(r"铅|汞|镉|铬|砷|铊|锑"), re.compile(r"排放|倾倒|处置|排入")),
        re.compile(r"超标倍数"),
        3,
        "倍",
        f"《{ENV_2023}》第一条第（三）项",
        f"{ENV_2023}(2023-08-08).md",
        "排放、倾倒、处置含铅、汞、镉、铬、砷、铊、锑的污染物，超过国家或者地方污染物排放标准三倍以上的",
    ),
    CriminalThreshold(
        "pollution-loss",
        "污染环境罪",
        "《中华人民共和国刑法》第三百三十八条",
        (re.compile(r"排放|倾倒|处置|污染"),),
        re.compile(r"违法所得|公私财产损失"),
        300000,
        "元",
        f"《{ENV_2023}》第一条第（九）项",
        f"{ENV_2023}(2023-08-08).md",
        "违法所得或者致使公私财产损失三十万元以上的",
        scale=_WAN,
    ),
    CriminalThreshold(
        "drunk-driving",
        "危险驾驶罪",
        "《中华人民共和国刑法》第一百三十三条之一",
        (_DRIVING, _ALCOHOL),
        re.compile(r"血液酒精|血醇|酒精含量|乙醇含量|酒精浓度|乙醇浓度"),
        80,
        "mg/100ml",
        "《中华人民共和国道路交通安全法》第九十一条第二款",
        None,
        "醉酒驾驶机动车的，由公安机关交通管理部门约束至酒醒，吊销机动车驾驶证，依法追究刑事责任",
        narrative=re.compile(
            r"(?:血液?|呼气)(?:中的?)?(?:酒精|乙醇)(?:含量|浓度)?(?:检测|检验|鉴定)?(?:结果)?(?:为|是|：|:)?\s*"
            r"([0-9]+(?:\.[0-9]+)?)\s*(mg|毫克)"
        ),
        note="醉酒的血液酒精含量标准 80mg/100mL 见国家标准 GB 19522—2010（不在法规语料中）",
    ),
    CriminalThreshold(
        "safety-deaths",
        "重大责任事故罪",
        "《中华人民共和国刑法》第一百三十四条第一款",
        (re.compile(r"生产|作业|事故"),),
        re.compile(r"死亡人数"),
        1,
        "人",
        f"《{SAFETY_2015}》第六条第一款第（一）项",
        f"{SAFETY_2015}(2015-12-14).md",
        "造成死亡一人以上，或者重伤三人以上的",
    ),
    CriminalThreshold(
        "safety-injuries",
        "重大责任事故罪",
        "《中华人民共和国刑法》第一百三十四条第一款",
        (re.compile(r"生产|作业|事故"),),
        re.compile(r"重伤人数"),
        3,
        "人",
        f"《{SAFETY_2015}》第六条第一款第（一）项",
        f"{SAFETY_2015}(2015-12-14).md",
        "造成死亡一人以上，或者重伤三人以上的",
    ),
    CriminalThreshold(
        "safety-loss",
        "重大责任事故罪",
        "《中华人民共和国刑法》第一百三十四条第一款",
        (re.compile(r"生产|作业|事故"),),
        re.compile(r"直接经济损失"),
        1000000,
        "元",
        f"《{SAFETY_2015}》第六条第一款第（二）项",
        f"{SAFETY_2015}(2015-12-14).md",
        "造成直接经济损失一百万元以上的",
        scale=_WAN,
    ),
)


@dataclass(frozen=True)
class ThresholdHit:
    threshold: CriminalThreshold
    measure: str
    value: float


def case_text(case: CaseFile) -> str:
    return "".join([case.violation.description, case.facts.description, *case.facts.circumstances])


def _scaled(threshold: CriminalThreshold, name: str, value: float) -> float:
    factor = next((f for unit, f in threshold.scale.items() if unit in name), 1.0)
    return value * factor


def _measured(case: CaseFile, threshold: CriminalThreshold) -> list[tuple[str, float]]:
    """Values the file states for this line: facts, evidence measurements, the narrative."""
    named = [*case.facts.amounts.items(), *case.facts.quantities.items()]
    named += [(f"{m.item}（{m.unit}）", m.value) for e in case.evidence for m in e.measurements]
    values = [
        (name, _scaled(threshold, name, value))
        for name, value in named
        if threshold.measures.search(name)
    ]
    if threshold.narrative is not None:
        written = case_text(case) + "".join(f"{e.name}{e.note}。" for e in case.evidence)
        for found in threshold.narrative.finditer(written):
            name = f"案情叙述“{found.group(0)}”"
            values.append((name, _scaled(threshold, found.group(2), float(found.group(1)))))
    return values


def reached(case: CaseFile) -> list[ThresholdHit]:
    """Every line whose act the file describes and whose number a stated fact reaches."""
    text = case_text(case)
    hits = []
    for threshold in THRESHOLDS:
        if not all(p.search(text) for p in threshold.act):
            continue
        if threshold.not_act is not None and threshold.not_act.search(text):
            continue
        reaching = [(n, v) for n, v in _measured(case, threshold) if v >= threshold.minimum]
        if reaching:
            name, value = max(reaching, key=lambda pair: pair[1])
            hits.append(ThresholdHit(threshold, name, value))
    return hits
