"""Provisions: violated vs penalty norms, linked from the statute text, always verified."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.norm_links import NormGraphs, is_duty_norm, is_penalty_norm
from assistant.provisions import ProvisionFinder, ProvisionRole
from corpus.citation_resolver import CitationResolver
from corpus.store import CorpusStore
from indexing.query_rewriter import rewrite_query

DAY = date(2024, 6, 1)


def _article(store: CorpusStore, law: str, number: int, on: date = DAY):
    version = CitationResolver(store).version_on(law, on)
    return store.article(law, version.effective_date, number)


def test_penalty_and_duty_norms_are_told_apart(default_store: CorpusStore) -> None:
    assert is_penalty_norm(_article(default_store, "食品安全法", 124))
    assert is_duty_norm(_article(default_store, "食品安全法", 34))
    assert is_penalty_norm(
        _article(default_store, "环境保护法", 60)
    )  # 责令其采取限制生产、停产整治
    assert not is_penalty_norm(_article(default_store, "行政处罚法", 5))


def test_explicit_violation_link(default_store: CorpusStore) -> None:
    graphs = NormGraphs(default_store)
    penalty = _article(default_store, "食品安全法", 126)
    assert 65 in [d.number for d in graphs.violated_by(penalty)]
    duty = _article(default_store, "食品安全法", 65)
    assert 126 in [p.number for p in graphs.penalties_for(duty)]


def test_exclusion_is_not_a_violation_link(default_store: CorpusStore) -> None:
    # 第一百二十四条: "除前款和本法第一百二十三条、第一百二十五条规定的情形外" is an exclusion.
    graphs = NormGraphs(default_store)
    assert graphs.violated_by(_article(default_store, "食品安全法", 124)) == []


def test_text_links_find_the_penalties_of_a_list_of_prohibitions(
    default_store: CorpusStore,
) -> None:
    graphs = NormGraphs(default_store)
    linked = {
        other.number for other, _ in graphs.text_links_of(_article(default_store, "食品安全法", 34))
    }
    assert {123, 124, 125} <= linked


def test_ask_returns_roles_with_reasons(bm25_finder: ProvisionFinder) -> None:
    answer = bm25_finder.ask("餐馆使用超过保质期的食品原料", DAY, k=5)
    roles = {p.role for p in answer.provisions}
    assert ProvisionRole.PENALTY in roles and ProvisionRole.VIOLATED in roles
    assert all(p.reason for p in answer.provisions)
    assert all(p.citation.law == "食品安全法" for p in answer.provisions[:3])


def test_question_wording_is_rewritten() -> None:
    rewritten = rewrite_query("某餐馆后厨发现过期食材，怎么处理？")
    assert "超过保质期" in rewritten.text and "怎么处理" not in rewritten.text


def test_versions_follow_the_date(bm25_finder: ProvisionFinder) -> None:
    old = bm25_finder.ask("统计调查对象提供不真实的统计资料", date(2015, 1, 1), k=8)
    new = bm25_finder.ask("统计调查对象提供不真实的统计资料", date(2025, 1, 1), k=8)
    old_versions = {p.citation.version for p in old.provisions if p.citation.law == "统计法"}
    new_versions = {p.citation.version for p in new.provisions if p.citation.law == "统计法"}
    assert old_versions == {date(2010, 1, 1)} and new_versions == {date(2024, 9, 13)}


QUESTIONS = [
    "工厂废气超标排放",
    "企业未批先建",
    "司机酒驾",
    "餐馆使用过期食材",
    "广告中使用国家级最高级用语",
    "销售不合格产品",
    "生产经营单位未对从业人员进行安全生产教育",
    "行政机关不依法公开政府信息",
    "建筑工地夜间施工噪声扰民",
    "随意倾倒工业固体废物",
]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    question=st.sampled_from(QUESTIONS)
    | st.text(alphabet="违法排放食品销售驾驶许可罚款企业检查污染生产经营", min_size=2, max_size=12),
    day=st.dates(min_value=date(2012, 1, 1), max_value=date(2026, 12, 31)),
)
def test_every_provision_resolves_in_the_corpus(
    bm25_finder: ProvisionFinder, default_store: CorpusStore, question: str, day: date
) -> None:
    """The no-invention guarantee: each citation shown exists, in force on the date, with its text."""
    resolver = CitationResolver(default_store)
    for provision in bm25_finder.ask(question, day, k=5).provisions:
        c = provision.citation
        (again,) = resolver.resolve_text(c.citation, day)
        assert again.unit_id == c.unit_id and again.text == c.text
        stored = default_store.article(c.law, c.version, c.article, c.suffix)
        # pair sides are cited down to the 款/项: the unit's text is part of the article's
        assert stored is not None and stored.text == c.article_text and c.text in stored.text
        assert stored.in_force_on(day)


def test_unmatched_question_gives_no_provisions(bm25_finder: ProvisionFinder) -> None:
    assert bm25_finder.ask("ＸＹＺ", DAY).provisions == []
