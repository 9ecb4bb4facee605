"""Officers' plain words → the statute's words, before retrieval.

Statutes say 超过保质期 where an officer types 过期, and a question's 怎么处理
matches every article about 处理. The table is small and explicit: each entry
adds the legal wording (the original words stay), so it can only widen recall.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUESTION_NOISE = re.compile(
    r"(请问|怎么处理|如何处理|怎么处罚|如何处罚|怎么罚|罚多少|怎么办|应该怎么|应当如何|"
    r"该如何|如何认定|是否违法|违法吗|算不算|可以吗|有哪些规定|法律依据是什么|依据是什么|[？?！!。])"
)

# plain wording → statutory wording appended to the query
COLLOQUIAL_TERMS: dict[str, str] = {
    "过期": "超过保质期",
    "食材": "食品原料",
    "餐馆": "餐饮服务",
    "饭店": "餐饮服务",
    "后厨": "餐饮服务 食品",
    "发霉": "霉变",
    "变质": "腐败变质",
    "假冒": "假冒伪劣",
    "酒驾": "饮酒后驾驶机动车",
    "醉驾": "醉酒驾驶机动车",
    "无证驾驶": "未取得机动车驾驶证驾驶",
    "超载": "超过核定载质量",
    "超速": "超过规定时速",
    "未批先建": "未依法报批建设项目环境影响评价文件 擅自开工建设",
    "环评": "环境影响评价",
    "超标排放": "超过排放标准排放污染物",
    "超标": "超过排放标准",
    "偷排": "逃避监管的方式排放污染物 暗管",
    "废气": "大气污染物",
    "废水": "水污染物",
    "噪音": "噪声",
    "扰民": "噪声污染",
    "无证经营": "未取得许可从事生产经营",
    "无照经营": "未取得营业执照",
    "虚假宣传": "虚假广告 虚假或者引人误解的宣传",
    "三无产品": "无产品质量检验合格证明 无中文标明的产品名称 生产厂厂名和厂址",
    "乱倒垃圾": "擅自倾倒 丢弃 固体废物",
    "乱扔": "随意倾倒 丢弃",
    "工伤": "生产安全事故",
    "盗走": "盗窃",
    "偷走": "盗窃",
    "偷拿": "盗窃",
    "打伤": "故意伤害 致人轻伤",
    "安全隐患": "事故隐患",
    "不配合检查": "拒绝 阻碍 监督检查",
    "拒绝检查": "拒绝 阻挠 监督检查",
    "统计造假": "提供不真实 统计资料",
    "不公开信息": "不依法履行政府信息公开义务",
}


@dataclass(frozen=True)
class RewrittenQuery:
    original: str
    text: str
    expansions: tuple[str, ...]


def rewrite_query(question: str, terms: dict[str, str] | None = None) -> RewrittenQuery:
    """Drop question phrasing and append the statutory wording of plain terms."""
    table = COLLOQUIAL_TERMS if terms is None else terms
    core = _QUESTION_NOISE.sub(" ", question).strip() or question
    expansions = tuple(
        legal for plain, legal in table.items() if plain in core and legal not in core
    )
    text = " ".join([core, *expansions])
    return RewrittenQuery(original=question, text=text, expansions=expansions)
