"""Administrative → criminal transfer thresholds (移送标准), each quoted from its source.

Only thresholds whose wording can be quoted from the 刑法 in the corpus or from a
两高 interpretation in the shared law library are listed; ``quote`` is the exact
text, and a test checks it against the source. The review flags a file whose facts
reach a threshold (《行政处罚法》第二十七条第一款: 涉嫌犯罪的，应当及时移送).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.case_file import CaseFile

ENV_2023 = "最高人民法院、最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释"
SAFETY_2015 = "最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释"
FAKE_2001 = (
    "最高人民法院、最高人民检察院关于办理生产、销售伪劣商品刑事案件具体应用法律若干问题的解释"
)


@dataclass(frozen=True)
class CriminalThreshold:
    """A fact (amount or quantity) at or above which the conduct is suspected to be a crime."""

    id: str
    crime: str
    article: str  # the 刑法 article, resolvable in the corpus
    measures: tuple[str, ...]  # keys of facts.amounts / facts.quantities (substring match)
    minimum: float
    unit: str
    scope: re.Pattern[str]  # the conduct the threshold is about, in the file's text
    source: str  # where the number is written
    source_file: str | None  # file under shared/data/laws/司法解释, None = the 刑法 itself
    quote: str


THRESHOLDS: tuple[CriminalThreshold, ...] = (
    CriminalThreshold(
        "fake-products-sales",
        "生产、销售伪劣产品罪",
        "《中华人民共和国刑法》第一百四十条",
        ("销售金额",),
        50000,
        "元",
        re.compile(r"伪劣|掺杂|掺假|以假充真|以次充好|不合格产品冒充|冒充合格"),
        "《中华人民共和国刑法》第一百四十条",
        None,
        "销售金额五万元以上",
    ),
    CriminalThreshold(
        "fake-products-goods-value",
        "生产、销售伪劣产品罪（未遂）",
        "《中华人民共和国刑法》第一百四十条",
        ("货值金额",),
        150000,
        "元",
        re.compile(r"伪劣|掺杂|掺假|以假充真|以次充好|不合格产品冒充|冒充合格"),
        f"《{FAKE_2001}》第二条第二款",
        f"{FAKE_2001}(2001-04-09).md",
        "伪劣产品尚未销售，货值金额达到刑法第一百四十条规定的销售金额3倍以上的",
    ),
    CriminalThreshold(
        "hazardous-waste",
        "污染环境罪",
        "《中华人民共和国刑法》第三百三十八条",
        ("危险废物",),
        3,
        "吨",
        re.compile(r"危险废物"),
        f"《{ENV_2023}》第一条第（二）项",
        f"{ENV_2023}(2023-08-08).md",
        "非法排放、倾倒、处置危险废物三吨以上的",
    ),
    CriminalThreshold(
        "heavy-metals",
        "污染环境罪",
        "《中华人民共和国刑法》第三百三十八条",
        ("超标倍数",),
        3,
        "倍",
        re.compile(r"铅|汞|镉|铬|砷|铊|锑"),
        f"《{ENV_2023}》第一条第（三）项",
        f"{ENV_2023}(2023-08-08).md",
        "排放、倾倒、处置含铅、汞、镉、铬、砷、铊、锑的污染物，超过国家或者地方污染物排放标准三倍以上的",
    ),
    CriminalThreshold(
        "pollution-loss",
        "污染环境罪",
        "《中华人民共和国刑法》第三百三十八条",
        ("违法所得", "公私财产损失"),
        300000,
        "元",
        re.compile(r"排放|倾倒|处置|污染"),
        f"《{ENV_2023}》第一条第（九）项",
        f"{ENV_2023}(2023-08-08).md",
        "违法所得或者致使公私财产损失三十万元以上的",
    ),
    CriminalThreshold(
        "safety-deaths",
        "重大责任事故罪",
        "《中华人民共和国刑法》第一百三十四条第一款",
        ("死亡人数",),
        1,
        "人",
        re.compile(r"生产|作业|事故"),
        f"《{SAFETY_2015}》第六条第一款第（一）项",
        f"{SAFETY_2015}(2015-12-14).md",
        "造成死亡一人以上，或者重伤三人以上的",
    ),
    CriminalThreshold(
        "safety-injuries",
        "重大责任事故罪",
        "《中华人民共和国刑法》第一百三十四条第一款",
        ("重伤人数",),
        3,
        "人",
        re.compile(r"生产|作业|事故"),
        f"《{SAFETY_2015}》第六条第一款第（一）项",
        f"{SAFETY_2015}(2015-12-14).md",
        "造成死亡一人以上，或者重伤三人以上的",
    ),
    CriminalThreshold(
        "safety-loss",
        "重大责任事故罪",
        "《中华人民共和国刑法》第一百三十四条第一款",
        ("直接经济损失",),
        1000000,
        "元",
        re.compile(r"生产|作业|事故"),
        f"《{SAFETY_2015}》第六条第一款第（二）项",
        f"{SAFETY_2015}(2015-12-14).md",
        "造成直接经济损失一百万元以上的",
    ),
)


@dataclass(frozen=True)
class ThresholdHit:
    threshold: CriminalThreshold
    measure: str
    value: float


def case_text(case: CaseFile) -> str:
    return "".join([case.violation.description, case.facts.description, *case.facts.circumstances])


def reached(case: CaseFile) -> list[ThresholdHit]:
    """Every threshold whose conduct the file describes and whose number the facts reach."""
    text = case_text(case)
    measured = {**case.facts.amounts, **case.facts.quantities}
    hits = []
    for threshold in THRESHOLDS:
        if not threshold.scope.search(text):
            continue
        for name, value in measured.items():
            if any(m in name for m in threshold.measures) and value >= threshold.minimum:
                hits.append(ThresholdHit(threshold, name, value))
                break
    return hits
