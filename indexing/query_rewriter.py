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
    "过期": "超过保质期 超过有效期",
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
    # enforcement situations in officers' words (kept general: one behaviour per row)
    "管子": "私设暗管 规避监管的方式排放水污染物",
    "暗管": "私设暗管 规避监管的方式排放水污染物",
    "打桩": "施工作业 噪声",
    "夜里": "夜间",
    "连续施工": "夜间连续施工作业 证明",
    "报批": "未依法报批 审批 环境影响评价文件",
    "罂粟": "非食品原料 添加食品添加剂以外的化学物质和其他可能危害人体健康的物质",
    "健康证": "健康证明 从事接触直接入口食品工作",
    "病死": "病死、毒死或者死因不明的禽、畜、兽、水产动物肉类",
    "标签": "预包装食品 标签 无标签",
    "安全教育": "安全生产教育和培训",
    "档案": "如实记录安全生产教育和培训的时间、内容、参加人员以及考核结果",
    "没有记录": "未如实记录",
    "拔掉": "关闭、破坏 监控、报警、防护、救生设备、设施",
    "关停": "关闭 停用 损坏、挪用或者擅自拆除、停用消防设施、器材",
    "报警装置": "报警设备、设施",
    "动火": "动火 危险作业 安排专门人员进行现场安全管理",
    "喝了": "饮酒后驾驶机动车",
    "喝酒": "饮酒后驾驶机动车",
    "酒精含量": "饮酒后驾驶机动车",
    "时速": "超过规定时速",
    "过磅": "超过核定载质量",
    "开走": "发生交通事故 立即停车 逃逸",
    "没停车": "发生交通事故 未停车 逃逸",
    "交强险": "机动车第三者责任强制保险",
    "安全带": "按规定使用安全带",
    "抽烟": "吸烟、使用明火 具有火灾、爆炸危险的场所",
    "吸烟": "具有火灾、爆炸危险的场所 吸烟、使用明火",
    "消火栓": "埋压、圈占、遮挡消火栓",
    "堆放": "占用、堵塞、封闭疏散通道、安全出口",
    "锁上": "封闭 锁闭 疏散通道、安全出口",
    "上了锁": "封闭 锁闭 疏散通道、安全出口",
    "堵死": "占用、堵塞、封闭疏散通道、安全出口",
    "喷水": "自动喷水灭火系统 消防设施",
    "进了": "购进",
    "资质": "资格 具有药品生产、经营资格",
    "注射液": "药品",
    "感冒药": "药品 销售药品",
    "备案": "未备案 未依照本条例规定备案",
    "最佳": "使用“国家级”、“最高级”、“最佳”等用语",
    "国家级": "使用“国家级”、“最高级”、“最佳”等用语",
    "审查": "未经审查发布广告",
    "香烟": "烟草广告",
    "治愈率": "表示功效、安全性的断言或者保证 说明治愈率或者有效率",
    "原价": "利用虚假的或者使人误解的价格手段，诱骗消费者",
    "另收": "在标价之外加价出售商品或者收取未予标明的费用",
    "掺": "掺杂、掺假，以假充真，以次充好",
    "淘汰": "国家明令淘汰的产品",
    "认证标志": "伪造或者冒用认证标志等质量标志",
    "中文": "中文标明 警示标志或者中文警示说明",
    "警示": "警示标志或者中文警示说明",
    "零团费": "以不合理的低价组织旅游活动 诱骗旅游者 回扣",
    "回扣": "获取回扣等不正当利益",
    "小费": "索取小费",
    "未成年人": "接纳未成年人",
    "身份证": "核对、登记上网消费者的有效身份证件",
    "凌晨": "营业时间 每日凌晨2时至上午8时 不得营业",
}

# "没有…许可证" and the like: the statute says 未取得许可 / 未经许可.
_WITHOUT_PERMIT = re.compile(r"(没有|没办|没|未办|无)[^，。；]{0,10}(许可证|许可|执照|资质|资格)")
WITHOUT_PERMIT_TERMS = "未取得许可证 未经许可"


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
        dict.fromkeys(
            legal for plain, legal in table.items() if plain in core and legal not in core
        )
    )
    if terms is None and _WITHOUT_PERMIT.search(core):
        expansions += (WITHOUT_PERMIT_TERMS,)
    text = " ".join([core, *expansions])
    return RewrittenQuery(original=question, text=text, expansions=expansions)
