"""Review round 78 (issue #18) on review_fresh63 and review_fresh64 (each scored once before
this round, by 46022dd; what follows is tuned on them, not evidence of them)."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_file_data, set_findings, variant_findings

from assistant.review.context import ReviewContext

F63, F64 = "review_fresh63", "review_fresh64"
PENALTY_LAW = "《中华人民共和国行政处罚法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        # 食品安全法第一百三十六条: exempt, the unsafe food confiscated — no 第三十三条, no 第三十八条
        (F63, "rf63a_02_*.yaml"),
        # 土地管理法实施条例第五十八条: how the confiscation 第七十七条 orders is handed over
        (F64, "rf64a_01_*.yaml"),
        # 逾期申请人民法院强制执行的告知: the decision's warning, not an application (行政强制法第五十四条)
        (F64, "rf64a_03_*.yaml"),
        # 追缴违法所得 named as the amount: the gains are collected (第二十八条第二款)
        (F64, "rf64c_02_*.yaml"),
        # 终身禁止其从事医疗器械生产经营活动 is 限制从业 (医疗器械监督管理条例第八十一条)
        (F64, "rf64d_09_*.yaml"),
    ],
)
def test_clean_files(ctx: ReviewContext, set_name: str, pattern: str) -> None:
    assert not set_findings(set_name, pattern, ctx)


def test_confiscation_without_the_exemption(ctx: ReviewContext) -> None:
    """The same 136 file fined as well: the exemption no longer covers the decision."""
    data = set_file_data(F63, "rf63a_02_*.yaml")
    data["penalty"]["types"] = [*data["penalty"]["types"], "罚款"]
    data["penalty"]["amount"] = 50000
    assert variant_findings(data, ctx)


@pytest.mark.parametrize(
    ("set_name", "pattern", "point", "rule"),
    [
        (F64, "rf64a_05_*.yaml", "law", "《中华人民共和国土地管理法》第七十七条第一款"),
        (F63, "rf63a_04_*.yaml", "discretion", "《中华人民共和国食品安全法》第一百二十四条第一款"),
        (F64, "rf64c_09_*.yaml", "procedure", "《中华人民共和国治安管理处罚法》第八十四条第三款"),
        (
            F64,
            "rf64c_05_*.yaml",
            "law",
            "《互联网上网服务营业场所管理条例》第三十三条第一款第（三）项",
        ),
        (F63, "rf63c_04_*.yaml", "authority", "《中华人民共和国城乡规划法》第六十四条"),
        (F63, "rf63d_07_*.yaml", "law", "《中华人民共和国城乡规划法》第六十四条"),
        (F63, "rf63a_08_*.yaml", "procedure", "《中华人民共和国食品安全法》第八十八条第一款"),
        (F63, "rf63c_05_*.yaml", "law", "《物业管理条例》第五十八条"),
        (F63, "rf63c_10_*.yaml", "authority", "《建设工程质量管理条例》第七十五条第一款"),
        (F64, "rf64b_10_*.yaml", "evidence", f"{PENALTY_LAW}第五十五条第二款"),
        (F64, "rf64d_11_*.yaml", "facts", f"{PENALTY_LAW}第四十条"),
        (F64, "rf64a_04_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        (F64, "rf64b_11_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        (F64, "rf64d_05_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        (F63, "rf63b_05_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
    ],
)
def test_found(ctx: ReviewContext, set_name: str, pattern: str, point: str, rule: str) -> None:
    assert rule in rules_of(set_findings(set_name, pattern, ctx), point)


@pytest.mark.parametrize(
    ("set_name", "pattern", "point"),
    [
        (F63, "rf63a_04_*.yaml", "law"),  # 2022年8月25日生产的 is no birth date
        (F64, "rf64c_07_*.yaml", "evidence"),  # 现场查看赵丽无明显外伤: no inspection of a place
        (F63, "rf63c_04_*.yaml", "facts"),  # 违法建设部分造价 is the 建设工程造价
    ],
)
def test_not_found(ctx: ReviewContext, set_name: str, pattern: str, point: str) -> None:
    assert not rules_of(set_findings(set_name, pattern, ctx), point)


def test_guardian_at_the_notice_is_not_at_the_questioning(ctx: ReviewContext) -> None:
    found = set_findings(F64, "rf64c_09_*.yaml", ctx)
    assert "《中华人民共和国治安管理处罚法》第八十三条第二款" not in rules_of(found, "procedure")


def test_passengers_heard_on_record(ctx: ReviewContext) -> None:
    data = set_file_data(F64, "rf64b_10_*.yaml")
    data["evidence"].append(
        {
            "type": "证人证言",
            "name": "5名乘客询问笔录",
            "source": "乘客",
            "obtained_by": "询问",
            "date": "2024-04-08",
        }
    )
    assert f"{PENALTY_LAW}第五十五条第二款" not in rules_of(variant_findings(data, ctx), "evidence")


def test_alarm_shutdown_without_real_danger(ctx: ReviewContext) -> None:
    """危险作业罪 needs a real danger: the alarms switched off while the tank farm stood idle
    for repairs, nothing leaking, is no transfer."""
    data = set_file_data(F63, "rf63b_05_*.yaml")
    told = "储罐区停用检修期间，当事人关闭可燃气体检测报警系统，储罐已清空置换，无装卸"
    data["violation"]["description"] = told
    data["facts"]["description"] = told
    data["facts"]["circumstances"] = []
    for event in data["events"]:
        event["note"] = "检查"
    for item in data["evidence"]:
        item["note"] = ""
    assert f"{PENALTY_LAW}第二十七条第一款" not in rules_of(variant_findings(data, ctx), "transfer")


def test_forced_demolition_needs_the_government(ctx: ReviewContext) -> None:
    """城乡规划法第六十八条: 县级以上地方人民政府责成 the demolition; the 城管 bureau's own meeting
    is not that (fresh63 d09), and its 强制拆除决定书 states the remedy (行政强制法第三十七条第二款)."""
    found = set_findings(F63, "rf63d_09_*.yaml", ctx)
    assert "《中华人民共和国城乡规划法》第六十八条" in rules_of(found, "authority")
    assert "《中华人民共和国行政强制法》第三十七条第二款" in rules_of(found, "documents")
    data = set_file_data(F63, "rf63d_09_*.yaml")
    data["documents"].append({"type": "高明区人民政府责成强制拆除决定", "date": "2023-02-08"})
    data["facts"]["description"] = data["facts"]["description"].replace(
        "未报请高明区人民政府作出责成决定", "经高明区人民政府责成"
    )
    data["facts"]["circumstances"] = [
        c for c in data["facts"]["circumstances"] if "人民政府" not in c
    ]
    assert "《中华人民共和国城乡规划法》第六十八条" not in rules_of(
        variant_findings(data, ctx), "authority"
    )


def test_border_crossing_again_within_a_year(ctx: ReviewContext) -> None:
    """偷越国（边）境 again within a year of the penalty for it (2012 解释第五条第（五）项;
    fresh62 d04)."""
    found = set_findings("review_fresh62", "rf62d_04_*.yaml", ctx)
    assert f"{PENALTY_LAW}第二十七条第一款" in rules_of(found, "transfer")
