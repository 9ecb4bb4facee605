"""Review round 84 (issue #18) on review_fresh73 and review_fresh74 (each scored once before
this round, by 1f24ddd, and again by the round-83 commit 8283d30; what follows is tuned on
them, not evidence of them)."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_findings

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import UNCORRECTED, fine_clauses

F73, F74 = "review_fresh73", "review_fresh74"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
RADIO_73 = (
    "违反本条例规定，使用无线电发射设备、辐射无线电波的非无线电设备干扰无线电业务正常进行的，"
    "由无线电管理机构责令改正，拒不改正的，没收产生有害干扰的设备，并处5万元以上20万元以下的罚款，"
    "吊销无线电台执照；对船舶、航天器、航空器、铁路机车专用无线电导航、遇险救助和安全通信等涉及"
    "人身安全的无线电频率产生有害干扰的，并处20万元以上50万元以下的罚款。"
)


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize(
    ("set_name", "pattern", "point", "rule"),
    [
        # transfer lines: 伪基站 messages, 镉 rice sold as food, a hunting rifle, a pyramid
        # scheme of 218 members in 5 levels, a monk's fraud of 48600 yuan
        (F73, "rf73b_02_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        (F73, "rf73c_06_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        (F74, "rf74b_05_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        (F74, "rf74a_04_*.yaml", "transfer", "《禁止传销条例》第十三条"),
        (F74, "rf74d_04_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        # fines and measures kept for the uncorrected
        (F73, "rf73c_05_*.yaml", "law", "《住房公积金管理条例》第三十七条"),
        (F73, "rf73b_04_*.yaml", "law", "《中华人民共和国无线电管理条例》第七十三条"),
        (F73, "rf73a_11_*.yaml", "law", "《医疗保障基金使用监督管理条例》第三十八条"),
        (F74, "rf74d_07_*.yaml", "law", "《彩票管理条例》第四十三条"),
        (F74, "rf74c_11_*.yaml", "law", "《中华人民共和国社会保险法》第八十四条"),
        # an authorised organisation whose basis gives no power to punish, or a branch of it
        (F73, "rf73b_06_*.yaml", "subject", f"{PENALTY_LAW}第十九条"),
        (F73, "rf73c_08_*.yaml", "subject", f"{PENALTY_LAW}第十九条"),
        # 直至由国务院商务主管部门吊销直销经营许可证
        (F74, "rf74a_02_*.yaml", "authority", "《直销管理条例》第四十三条"),
        # 由登记管理机关吊销其登记证书: the county that registered the temple
        (F74, "rf74d_06_*.yaml", "authority", "《宗教事务条例》第七十二条第二款"),
        # after 2024-01-01 a provincial department's decision is reviewed by the province alone
        (
            F73,
            "rf73b_08_*.yaml",
            "documents",
            f"{PENALTY_LAW}第五十九条第一款第（五）项",
        ),
        # 没收暂扣的设备 58 days after the seizure: held to the decision
        (F73, "rf73b_10_*.yaml", "procedure", "《中华人民共和国行政强制法》第二十五条第一款"),
        # 禁止传销条例第十八条第一款: a pyramid seizure extends by 15 days, not 30
        (F74, "rf74a_03_*.yaml", "procedure", "《禁止传销条例》第十八条第一款"),
        # a provision with no fine cited for a fine is the finding's too
        (F73, "rf73c_10_*.yaml", "law", "《住房公积金管理条例》第三十八条"),
        # a public-order 检查 by one 人民警察 and an auxiliary officer
        (
            F74,
            "rf74b_10_*.yaml",
            "qualification",
            "《中华人民共和国治安管理处罚法》第八十七条第一款",
        ),
    ],
)
def test_found(ctx: ReviewContext, set_name: str, pattern: str, point: str, rule: str) -> None:
    assert rule in rules_of(set_findings(set_name, pattern, ctx), point)


@pytest.mark.parametrize("pattern", ["rf73c_03_*.yaml", "rf74a_05_*.yaml"])
def test_clean_files_stay_clean(ctx: ReviewContext, pattern: str) -> None:
    set_name = F73 if pattern.startswith("rf73") else F74
    assert not set_findings(set_name, pattern, ctx)


def test_a_subcase_fine_after_a_refusal_is_that_branchs() -> None:
    assert [c.requires for c in fine_clauses(RADIO_73)] == [UNCORRECTED, UNCORRECTED]


def test_a_confiscation_of_what_the_act_brought_in_is_a_sanction(ctx: ReviewContext) -> None:
    found = set_findings(F74, "rf74a_06_*.yaml", ctx)  # 拍卖法第六十三条: 没收拍卖所得
    assert f"{PENALTY_LAW}第三十八条第一款" not in rules_of(found, "law")
