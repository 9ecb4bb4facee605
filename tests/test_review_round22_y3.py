"""Review round 22, class Y3 (issue #18): review_fresh18 misses — a 罚则 clause sending one
class of party elsewhere (对其中的电子商务平台经营者，依照…处罚) leaves the article's own measures
for every other party, so a kind it lacks (责令停业整顿) is 第三十八条第一款's finding.
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh18 files."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext

PENALTY_LAW = "《中华人民共和国行政处罚法》"
NO_BASIS = ("law", f"{PENALTY_LAW}第三十八条第一款")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh18", f"rf18{prefix}_*.yaml")


# --- 第三十八条第一款: a kind the 罚则 lacks, its other-class clause aside -----------------


@pytest.mark.parametrize(
    ("name", "types", "amount"),
    [
        ("李某某（揭阳市某服饰网店经营者）", ["罚款", "责令停产停业"], 5000),
        ("陈某（潮州市某茶叶商行经营者）", ["责令停业整顿"], 0),
        ("黄某（某数码网店经营者）", ["警告", "停业整顿"], 0),
    ],
)
def test_shop_given_closure_the_article_lacks(
    ctx: ReviewContext, name: str, types: list[str], amount: int
) -> None:
    data = _data("c_07")
    data["parties"][0]["name"] = name
    data["penalty"]["types"] = types
    data["penalty"]["amount"] = amount
    assert NO_BASIS in variant_findings(data, ctx)


def test_shop_given_only_a_fine_is_clean(ctx: ReviewContext) -> None:
    data = _data("c_07")
    data["penalty"]["types"] = ["罚款"]
    data["penalty"]["amount"] = 4000
    assert NO_BASIS not in variant_findings(data, ctx)


def test_platform_operator_is_sent_to_the_other_article(ctx: ReviewContext) -> None:
    """A party the file names 电子商务平台经营者 takes 第八十一条's measures: not judged here."""
    data = _data("c_07")
    data["parties"][0]["name"] = "某电子商务平台经营者（汕头某网络科技有限公司）"
    data["parties"][0]["kind"] = "单位"
    assert NO_BASIS not in variant_findings(data, ctx)


# --- 第三十七条: a decision sentence quoting the superseded 罚则 --------------------------

OLD_WORDS = "没有违法所得或者违法所得不足2万元的，处3万元以上10万元以下的罚款"
NEW_WORDS = "没有违法所得或者违法所得不足2万元的，处1万元以上10万元以下的罚款"
SUPERSEDED = ("law", f"{PENALTY_LAW}第三十七条")


def _old_version(sentence: str, amount: int) -> dict:
    data = _data("d_07")
    data["penalty"]["amount"] = amount
    data["facts"]["description"] = (
        "当事人未取得道路运输经营许可，驾驶小型普通客车搭载乘客并收取车费，违法所得300元。"
        f"决定书载明：“{sentence}”"
    )
    return data


@pytest.mark.parametrize(
    ("sentence", "amount"),
    [
        (
            f"依据《中华人民共和国道路运输条例》第六十三条，{OLD_WORDS}；"
            "考虑当事人配合调查，按法定最低额处罚款3万元。",
            30000,
        ),
        (
            f"根据《道路运输条例》（2019年修订）第六十三条规定：{OLD_WORDS}。"
            "当事人系初次违法，决定罚款35000元。",
            35000,
        ),
    ],
)
def test_decision_sentence_quoting_the_old_sanction(
    ctx: ReviewContext, sentence: str, amount: int
) -> None:
    assert SUPERSEDED in variant_findings(_old_version(sentence, amount), ctx)


def test_decision_sentence_quoting_the_sanction_in_force_is_clean(ctx: ReviewContext) -> None:
    sentence = (
        f"依据《中华人民共和国道路运输条例》第六十三条第（二）项，{NEW_WORDS}；"
        "鉴于当事人初次违法，决定罚款1万元。"
    )
    assert SUPERSEDED not in variant_findings(_old_version(sentence, 10000), ctx)


# --- 是否超越法定权限: a measure the law reserves to the issuing organ --------------------

RESERVED = ("authority", "《建设工程质量管理条例》第七十五条第一款")


def _downgrade(issuer: str, types: list[str], agency: str = "江门市住房和城乡建设局") -> dict:
    data = _data("b_10")
    data["agency"]["name"] = agency
    data["penalty"]["types"] = types
    data["facts"]["description"] = (
        f"经查，当事人持有建筑工程施工总承包贰级资质（发证机关为{issuer}），在梁板施工中"
        f"少配受力钢筋。依据《建设工程质量管理条例》第六十四条，决定：{'、'.join(types)}。"
    )
    return data


@pytest.mark.parametrize(
    ("issuer", "types", "agency"),
    [
        ("广东省住房和城乡建设厅", ["罚款", "降低资质等级"], "江门市住房和城乡建设局"),
        ("广东省住房和城乡建设厅", ["罚款", "吊销资质证书"], "佛山市住房和城乡建设局"),
        ("住房和城乡建设部", ["罚款", "责令停业整顿"], "珠海市住房和城乡建设局"),
    ],
)
def test_measure_reserved_to_the_issuer(
    ctx: ReviewContext, issuer: str, types: list[str], agency: str
) -> None:
    assert RESERVED in variant_findings(_downgrade(issuer, types, agency), ctx)


@pytest.mark.parametrize(
    ("issuer", "types"),
    [
        ("江门市住房和城乡建设局", ["罚款", "降低资质等级"]),  # the agency issued it
        ("广东省住房和城乡建设厅", ["罚款"]),  # a fine is any 建设行政主管部门's
    ],
)
def test_issuer_deciding_or_fine_only_is_clean(
    ctx: ReviewContext, issuer: str, types: list[str]
) -> None:
    assert RESERVED not in variant_findings(_downgrade(issuer, types), ctx)
