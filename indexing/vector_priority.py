"""Which units get their vectors first: the laws officers ask about most.

The background build embeds in this order, so hybrid retrieval reaches the general
enforcement laws and the seeded agencies' laws (生态环境, 市场监管, 应急管理, 交通,
卫生) within minutes while the long tail of the national corpus follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from indexing.units import RetrievalUnit

DEFAULT_PRIORITY_LAWS: tuple[str, ...] = (
    # general administrative enforcement
    "行政处罚法", "行政强制法", "行政许可法", "行政复议法", "行政诉讼法", "政府信息公开条例",
    "治安管理处罚法",
    # 生态环境
    "环境保护法", "大气污染防治法", "水污染防治法", "固体废物污染环境防治法", "噪声污染防治法",
    "土壤污染防治法", "环境影响评价法", "放射性污染防治法", "海洋环境保护法", "排污许可管理条例",
    "建设项目环境保护管理条例", "环境行政处罚办法",
    # 市场监管
    "产品质量法", "食品安全法", "食品安全法实施条例", "药品管理法", "药品管理法实施条例",
    "疫苗管理法", "医疗器械监督管理条例", "化妆品监督管理条例", "广告法", "消费者权益保护法",
    "反不正当竞争法", "价格法", "计量法", "标准化法", "特种设备安全法", "商标法", "专利法",
    "电子商务法", "市场主体登记管理条例", "无证无照经营查处办法",
    # 应急管理
    "安全生产法", "消防法", "危险化学品安全管理条例", "突发事件应对法", "生产安全事故报告和调查处理条例",
    # 交通
    "道路交通安全法", "道路交通安全法实施条例", "公路法", "道路运输条例", "城市道路管理条例",
    "海上交通安全法", "内河交通安全管理条例",
    # 卫生
    "基本医疗卫生与健康促进法", "传染病防治法", "职业病防治法", "医师法", "母婴保健法",
    "医疗机构管理条例", "公共场所卫生管理条例", "精神卫生法",
    # others officers meet daily
    "统计法", "统计法实施条例", "劳动法", "劳动合同法", "土地管理法", "城乡规划法", "建筑法",
)  # fmt: skip


def priority_order(
    units: Sequence[RetrievalUnit], priority_laws: Sequence[str], today: date
) -> list[int]:
    """Unit positions: priority laws in force, other laws in force, then older versions."""
    rank = {law: i for i, law in enumerate(priority_laws)}
    late = len(rank)

    def key(position: int) -> tuple[int, int, str]:
        unit = units[position]
        current = unit.in_force_on(today)
        listed = unit.law in rank
        tier = 0 if listed and current else 1 if current else 2 if listed else 3
        return tier, rank.get(unit.law, late), unit.law

    return sorted(range(len(units)), key=key)
