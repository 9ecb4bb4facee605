"""Five worked examples written from the standards, each citing the row it uses."""

from __future__ import annotations

import pytest

from api.settings import Settings
from assistant.discretion.catalogue import StandardsCatalogue
from assistant.discretion.conditions import CaseFacts
from assistant.discretion.tier_decision import Decision, decide


@pytest.fixture(scope="module")
def catalogue() -> StandardsCatalogue:
    return StandardsCatalogue.load(Settings().standards_dir)


def _decide(catalogue: StandardsCatalogue, violation_id: str, **facts: object) -> Decision:
    violation = catalogue.get(violation_id)
    assert violation is not None
    return decide(violation, CaseFacts(**facts), catalogue.exemptions)


def test_example_1_jiangmen_tier_by_circumstance(catalogue: StandardsCatalogue) -> None:
    """江门表 环境影响评价法 sheet row 10 (1-2 第2档 “有生产、经营污染物排放” → 一万元以上
    二万元以下); no 从重/从轻 → 适中 (规定第八条) = 15,000."""
    d = _decide(catalogue, "JM-1-2", circumstances=["有生产、经营污染物排放"], first_offence=False)
    assert (d.tier_level, d.range_min_yuan, d.range_max_yuan) == (2, 10_000, 20_000)
    assert d.recommended_yuan == 15_000
    assert any("第八条" in f for f in d.deciding_factors)
    assert d.exemption is not None and d.exemption.status == "不适用"


def test_example_2_jiangmen_quantity(catalogue: StandardsCatalogue) -> None:
    """江门表 水污染防治法 sheet rows 79–81 (2-11 第2档 “排放量10吨以上20吨以下” →
    二十万元以上四十万元以下): 15 吨 of oil into water."""
    d = _decide(catalogue, "JM-2-11", quantities={"吨": 15})
    assert (d.tier_level, d.range_min_yuan, d.range_max_yuan) == (2, 200_000, 400_000)
    assert any("排放量10吨以上20吨以下" in f for f in d.deciding_factors)


def test_example_3_jiangmen_heavier_tier_wins(catalogue: StandardsCatalogue) -> None:
    """江门表 水污染防治法 sheet rows 13–16 (2-2): 两年内第2次 is 第2档 but a 较大以上突发环境
    事件 is 第4档 (十五万元以上二十万元以下); 规定第十四条 → the heavier tier."""
    d = _decide(catalogue, "JM-2-2", prior_offences=1, harm="严重")
    assert (d.tier_level, d.range_min_yuan, d.range_max_yuan) == (4, 150_000, 200_000)
    assert any("第十四条" in f for f in d.deciding_factors)
    second = _decide(catalogue, "JM-2-2", prior_offences=1, harm="一般", aggravating=True)
    assert (second.tier_level, second.recommended_yuan) == (2, 100_000)  # 第五条: 档次最高限度


def test_example_4_guangdong_range_rows(catalogue: StandardsCatalogue) -> None:
    """广东表 §1.3 (PDF p.18–19): 限批区或环境敏感区 + 逾期未完成备案手续 → 5万元;
    一般区域 + 限期内完成 → 1万元以下, 一般处罚按最高额50% (裁量权规定第十二条第三项)."""
    d = _decide(catalogue, "GD-1.3", sensitive_area=True, corrected_in_time=False)
    assert (d.range_min_yuan, d.range_max_yuan, d.recommended_yuan) == (50_000, 50_000, 50_000)
    light = _decide(
        catalogue,
        "GD-1.3",
        sensitive_area=False,
        corrected_in_time=True,
        first_offence=True,
        harm="轻微",
    )
    assert (light.range_min_yuan, light.range_max_yuan, light.recommended_yuan) == (
        None,
        10_000,
        5_000,
    )
    assert light.exemption is not None and light.exemption.status == "适用，不予处罚"


def test_example_5_guangdong_weights(catalogue: StandardsCatalogue) -> None:
    """广东表 §1.1 (PDF p.16–17): 起点20% + 报告书类未纳入重点管理5% + 一般区域0% +
    设备安装阶段5% + 4个月3% + 近二年第2次3% + 配合0% = 36%; ×1000万×5% = 180,000
    (裁量权规定第六条 权重累加模式)."""
    d = _decide(
        catalogue,
        "GD-1.1",
        factor_levels={
            "环评文件类别": "报告书类，但未纳入排污许可证重点管理",
            "建设情况": "设备安装阶段",
        },
        sensitive_area=False,
        quantities={"个月": 4},
        prior_offences=1,
        cooperated=True,
        base_amounts={"建设项目总投资额": 10_000_000},
    )
    assert d.tier == "裁量百分值总和 36%"
    assert d.recommended_yuan == 180_000


def test_unknown_factor_takes_lowest_level(catalogue: StandardsCatalogue) -> None:
    """裁量权规定第五条: a factor that cannot be established counts at its lowest level."""
    d = _decide(catalogue, "GD-1.1", base_amounts={"建设项目总投资额": 1_000_000})
    assert d.tier == "裁量百分值总和 20%"
    assert d.recommended_yuan == 10_000
    assert sum("第五条" in f for f in d.deciding_factors) == 6


def test_multiple_of_base_needs_the_base(catalogue: StandardsCatalogue) -> None:
    """江门表 1-4 fines are multiples of 所收费用; without it no yuan range is invented."""
    d = _decide(catalogue, "JM-1-4", circumstances=["环境影响报告书"])
    assert d.range_min_yuan is None and d.warnings
    d = _decide(
        catalogue, "JM-1-4", circumstances=["环境影响报告书"], base_amounts={"所收费用": 100_000}
    )
    assert (d.range_min_yuan, d.range_max_yuan) == (300_000, 400_000)
