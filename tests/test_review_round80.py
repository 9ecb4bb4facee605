"""Review round 80 (issue #18) on review_fresh67 and review_fresh68 (each scored once before
this round, by 5dc9f29; what follows is tuned on them, not evidence of them)."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_file_data, set_findings, variant_findings

from assistant.discretion.conditions import CaseFacts, evaluate
from assistant.review.context import ReviewContext

F67, F68 = "review_fresh67", "review_fresh68"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
SOLID_WASTE = "《中华人民共和国固体废物污染环境防治法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        # 罚款（合同价款35%）is the fine reckoned on the base, not a base the evidence belies
        (F68, "rf68c_01_*.yaml"),
    ],
)
def test_clean_files(ctx: ReviewContext, set_name: str, pattern: str) -> None:
    assert not set_findings(set_name, pattern, ctx)


@pytest.mark.parametrize(
    ("set_name", "pattern", "point", "rule"),
    [
        # a labour inspection's jurisdiction: 用工所在地 (劳动保障监察条例第十三条第一款)
        (F67, "rf67a_05_*.yaml", "authority", "《劳动保障监察条例》第十三条第一款"),
        # the two years sit in 第二十条's first 款
        (F67, "rf67a_07_*.yaml", "procedure", "《劳动保障监察条例》第二十条第一款"),
        # the 复查 that found the children still at work has no record
        (F67, "rf67a_10_*.yaml", "evidence", f"{PENALTY_LAW}第五十五条第二款"),
        # 第一款第（三）项 cited, its fine written in 第二款
        (F67, "rf67b_05_*.yaml", "discretion", f"{SOLID_WASTE}第一百一十二条第二款"),
        # 停业 needs the government's approval (第一百一十二条第一款), outside the powers too
        (F67, "rf67b_07_*.yaml", "authority", f"{SOLID_WASTE}第一百一十二条第一款"),
        # （2016年修正）第七十五条 for an act that ended under the 2020 text
        (F67, "rf67b_10_*.yaml", "law", f"{PENALTY_LAW}第三十七条"),
        # 查封时限：至整改完毕…之日止 is no term; the decision's date is none either
        (
            F67,
            "rf67b_11_*.yaml",
            "documents",
            "《中华人民共和国行政强制法》第二十四条第二款第（二）项",
        ),
        # the tonnage tier rests on an estimate still to be weighed
        (F67, "rf67b_11_*.yaml", "facts", f"{PENALTY_LAW}第四十条"),
        # 经处罚不改的 while the file says this is the first time
        (F67, "rf67c_05_*.yaml", "law", "《中华人民共和国道路交通安全法》第九十二条第四款"),
        # forged seal of a college on diplomas: 伪造事业单位印章罪
        (F67, "rf67d_09_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        # 由其审批机关…吊销办学许可: the licensing organ's measure
        (F67, "rf67d_10_*.yaml", "authority", "《宗教事务条例》第七十条第二款"),
        # two registered marks, 非法经营数额 over 三万元
        (F68, "rf68a_05_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        # a county-level bureau seizing without the 设区的市 head's approval
        (F68, "rf68a_07_*.yaml", "procedure", "《中华人民共和国反不正当竞争法》第十三条第二款"),
        # unlicensed methanol store with a 现实危险 found by the experts: 危险作业罪
        (F68, "rf68b_02_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        # a 三级文物 sold: 倒卖文物罪; the 文物商店 licence is the province's to revoke
        (F68, "rf68d_10_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        (F68, "rf68d_10_*.yaml", "authority", "《中华人民共和国文物保护法》第七十一条第二款"),
    ],
)
def test_found(ctx: ReviewContext, set_name: str, pattern: str, point: str, rule: str) -> None:
    assert rule in rules_of(set_findings(set_name, pattern, ctx), point)


@pytest.mark.parametrize(
    ("set_name", "pattern", "point"),
    [
        (F67, "rf67a_10_*.yaml", "discretion"),  # 第六条第一款 and 第二款 rates add up
        (F67, "rf67b_07_*.yaml", "transfer"),  # 未发生非法处置: the waste went to a licensed unit
        (F67, "rf67c_05_*.yaml", "documents"),  # the vehicle was detained in the driver's case
        (F68, "rf68a_10_*.yaml", "transfer"),  # 不属…相同商标: a similar mark is no crime
    ],
)
def test_not_found(ctx: ReviewContext, set_name: str, pattern: str, point: str) -> None:
    assert not rules_of(set_findings(set_name, pattern, ctx), point)


def test_earlier_penalties_keep_the_condition_met(ctx: ReviewContext) -> None:
    """经处罚不改的 holds where the unit's vehicles were punished before."""
    data = set_file_data(F67, "rf67c_05_*.yaml")
    data["facts"]["description"] = data["facts"]["description"].replace(
        "无因超载或超员受到处罚的记录，本次为首次被查处", "曾因超载被处罚3次，仍不改正"
    )
    data["facts"]["quantities"]["该公司车辆此前超载处罚次数"] = 3
    data["facts"]["circumstances"] = ["驾驶人已另案处罚"]
    data["facts"]["first_offence"] = None
    data["facts"]["prior_offences"] = None
    found = variant_findings(data, ctx)
    assert "《中华人民共和国道路交通安全法》第九十二条第四款" not in rules_of(found, "law")


def test_a_prefecture_bureau_needs_no_higher_approval(ctx: ReviewContext) -> None:
    data = set_file_data(F68, "rf68a_07_*.yaml")
    data["agency"]["name"] = "江门市市场监督管理局"
    data["agency"]["region"] = "江门市"
    assert not rules_of(variant_findings(data, ctx), "procedure")


def test_a_labelled_version_in_force_is_no_finding(ctx: ReviewContext) -> None:
    """（2020年修订）names the version in force on the act date."""
    data = set_file_data(F67, "rf67b_10_*.yaml")
    data["citations"]["penalty_basis"] = [
        f"{SOLID_WASTE}（2020年修订）第一百一十二条第一款第（六）项",
        f"{SOLID_WASTE}（2020年修订）第一百一十二条第二款",
    ]
    assert f"{PENALTY_LAW}第三十七条" not in rules_of(variant_findings(data, ctx), "law")


def test_a_circumstance_of_the_other_polarity_meets_no_condition() -> None:
    """近一年无同类违法行为 is close in characters to 有同类违法行为, opposite in meaning."""
    facts = CaseFacts(circumstances=["裁量表§4.25：涉及量1吨以上3吨以下、近一年无同类违法行为"])
    assert evaluate("有同类违法行为", facts) is not True
    stated = CaseFacts(circumstances=["裁量表§4.25：涉及量1吨以上3吨以下、近一年有同类违法行为"])
    assert evaluate("有同类违法行为", stated) is True
