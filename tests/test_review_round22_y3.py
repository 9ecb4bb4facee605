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
