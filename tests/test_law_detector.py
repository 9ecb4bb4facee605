"""Law detection in questions, the law-level prior, and law-aware retrieval."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from indexing.filters import SearchFilter
from indexing.hybrid_index import HybridIndex
from indexing.law_aware import LawAwareConfig, LawAwareRetriever
from indexing.law_detector import LawDetector
from indexing.law_prior import LawLevelIndex, char_bigrams, law_documents
from indexing.units import build_units
from tests.indexing_fixtures import make_record, sample_records

LAWS = [
    ("妇女权益保障法", "中华人民共和国妇女权益保障法"),
    ("证券法", "中华人民共和国证券法"),
    ("证券投资基金法", "中华人民共和国证券投资基金法"),
    ("保险法", "中华人民共和国保险法"),
    ("社会保险法", "中华人民共和国社会保险法"),
    ("公司法", "中华人民共和国公司法"),
    ("刑法", "中华人民共和国刑法"),
    ("环境保护法", "中华人民共和国环境保护法"),
    ("道路交通安全法", "中华人民共和国道路交通安全法"),
]


@pytest.fixture(scope="module")
def detector() -> LawDetector:
    return LawDetector.from_laws(LAWS)


@pytest.mark.parametrize(
    ("question", "laws"),
    [
        ("根据妇女权益保障法，用人单位能否辞退怀孕女职工？", ("妇女权益保障法",)),
        ("《证券法》对内幕交易怎么规定？", ("证券法",)),
        ("依照《中华人民共和国证券法》第八十条", ("证券法",)),
        ("按照中华人民共和国保险法的规定", ("保险法",)),
        ("环保法规定的按日连续处罚", ("环境保护法",)),
        ("道交法第九十一条", ("道路交通安全法",)),
        ("根据刑法，盗窃数额较大的", ("刑法",)),
        ("违反证券投资基金法和社会保险法", ("证券投资基金法", "社会保险法")),
    ],
)
def test_detects_named_laws(detector, question, laws):
    assert detector.laws(question) == laws


@pytest.mark.parametrize(
    "question",
    [
        "公司法定代表人拒不到场怎么办？",  # 公司法 glued to 定代表人
        "刑法上怎么看",  # a 2-character name needs a cue such as 根据 or 《》
        "某保险公司拒绝理赔",  # implied, not named
        "根据哪条法律规定，消费者可以退货？",
    ],
)
def test_does_not_invent_a_named_law(detector, question):
    assert detector.laws(question) == ()


def test_unknown_law_in_brackets_is_not_detected(detector):
    assert detector.laws("《不存在的管理法》第三条") == ()


def test_aliases_only_for_indexed_laws():
    only_traffic = LawDetector.from_laws([("道路交通安全法", "中华人民共和国道路交通安全法")])
    assert only_traffic.laws("环保法和道交法") == ("道路交通安全法",)


def test_mentions_carry_position_and_brackets(detector):
    mentions = detector.mentions("依据《证券法》及保险法")
    assert [(m.law, m.bracketed) for m in mentions] == [("证券法", True), ("保险法", False)]
    assert mentions[0].start == 2


def test_char_bigrams_skip_punctuation():
    assert char_bigrams("保险公司，再保险") == ["保险", "险公", "公司", "再保", "保险"]


def _units():
    return list(build_units(sample_records(), 600))


def test_law_documents_hold_names_and_chapter_titles():
    documents = law_documents(_units())
    assert "行政处罚法" in documents["行政处罚法"]
    assert "听证程序" in documents["行政处罚法"]
    assert "第五章" not in documents["行政处罚法"]


def test_law_level_index_ranks_the_law_whose_titles_match():
    index = LawLevelIndex.from_units(_units())
    assert index.ranking("听证程序怎么走", 3)[0] == "行政处罚法"
    assert index.ranking("统计", 3)[0] == "统计法"
    assert index.ranking("甲乙丙丁", 3) == []


@pytest.fixture(scope="module")
def index() -> HybridIndex:
    extra = [
        make_record(
            "食品安全法",
            "中华人民共和国食品安全法",
            date(2021, 4, 29),
            None,
            "法律",
            110,
            ("第九章 监督管理",),
            ("县级以上人民政府食品安全监督管理部门履行食品安全监督管理职责，有权进行现场检查。",),
        )
    ]
    return HybridIndex.build([*sample_records(), *extra], embedder=None)


def test_named_law_is_searched_first(index):
    aware = LawAwareRetriever(index)
    plain = index.retrieve("监督管理 现场检查 统计", 5, mode="bm25")
    hits = aware.retrieve("根据统计法，监督管理 现场检查 统计", 5, mode="bm25")
    assert hits[0].law == "统计法"
    assert {h.law for h in plain} <= {h.law for h in hits} | {"统计法"}


def test_named_law_outside_the_filter_is_ignored(index):
    aware = LawAwareRetriever(index)
    only_food = SearchFilter(laws=frozenset({"食品安全法"}))
    hits = aware.retrieve("根据统计法，现场检查", 5, only_food, mode="bm25")
    assert {h.law for h in hits} == {"食品安全法"}


def test_zero_weights_give_the_flat_ranking(index):
    off = LawAwareConfig.off()
    aware = LawAwareRetriever(index, off)
    query = "违法行为二年内未被发现 行政处罚"
    flat = [h.article_id for h in index.retrieve(query, 5, mode="bm25")]
    assert [h.article_id for h in aware.retrieve(query, 5, mode="bm25")] == flat
    assert aware.route(query, []).prior == ()


def test_prior_routes_to_top_laws(index):
    aware = LawAwareRetriever(index, LawAwareConfig(top_laws=1))
    routing = aware.route("听证程序", index.retrieve("听证程序", 10, mode="bm25"))
    assert routing.named == () and routing.prior == ("行政处罚法",)


def test_config_rejects_negative_values():
    with pytest.raises(ValueError):
        LawAwareConfig(within_weight=-1)


def test_consequence_questions_prefer_penalty_articles(index):
    from indexing.question_intent import asks_for_consequences, is_penalty_heading

    assert asks_for_consequences("会受到什么处罚？") and asks_for_consequences("要承担什么法律责任")
    assert not asks_for_consequences("登记应当提交哪些材料")
    assert is_penalty_heading(("第七章 法律责任",)) and not is_penalty_heading(("第二章 登记",))


def test_bigram_ranking_matches_across_word_cuts(index):
    aware = LawAwareRetriever(index)
    hits = aware.bigram_hits("饮酒后驾驶机动车", SearchFilter(), 3)
    assert hits[0].law == "道路交通安全法" and hits[0].number == 91
    assert hits[0].scores["bm25"] > 0  # the word-BM25 score shown beside it is real
    assert aware.bigram_hits("甲乙丙丁", SearchFilter(), 3) == []


def test_bigram_matrix_is_cached_on_disk_and_reloaded(tmp_path):
    from indexing.law_prior import BigramBM25

    texts = ["饮酒后驾驶机动车的，处暂扣六个月机动车驾驶证", "统计资料 编造虚假统计数据"]
    built = BigramBM25.cached(texts, tmp_path)
    files = list(tmp_path.glob("bigram-bm25-*.npz"))
    assert len(files) == 1
    loaded = BigramBM25.cached(texts, tmp_path)
    np.testing.assert_allclose(loaded.scores("饮酒驾驶"), built.scores("饮酒驾驶"))
    assert loaded.scores("饮酒驾驶")[0] > 0 == loaded.scores("饮酒驾驶")[1]
    BigramBM25.cached([*texts, "新条文"], tmp_path)  # another corpus, another file
    assert len(list(tmp_path.glob("bigram-bm25-*.npz"))) == 2
