"""(duty, penalty) pairs: the violated 款/项 and the 罚则 item that sanctions it, verified.

Golds here are written from the statutes (default corpus), not from any evaluation set.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.cases.similar_cases import SimilarCase
from assistant.cases.violation_cases import CIVIL_NOTE, cases_about_violation
from assistant.evidence_checklist import EvidenceSource, pair_evidence
from assistant.norm_links import is_penalty_norm
from assistant.norm_pairs import _names_violation, behaviour
from assistant.norm_units import NormUnit, article_units
from assistant.officer_assistant import OfficerAssistant
from assistant.provisions import NormPair, ProvisionAnswer, ProvisionFinder
from corpus.citation_resolver import CitationResolver
from corpus.store import CorpusStore
from indexing.law_routing import route_laws

DAY = date(2024, 6, 1)


def _articles(pairs: list[NormPair]) -> list[tuple[str, int, str, int]]:
    return [(p.violated.law, p.violated.article, p.penalty.law, p.penalty.article) for p in pairs]


def test_unpermitted_discharge_pairs_the_duty_with_its_penalty_item(
    officer_assistant: OfficerAssistant,
) -> None:
    """The issue's case: 第二十一条 broken, 第八十三条第（一）项 punishes it."""
    answer = officer_assistant.assist("某企业未取得排污许可证排放废水", DAY)
    pairs = answer.provisions.pairs
    assert 1 <= len(pairs) <= 3
    assert ("水污染防治法", 21, "水污染防治法", 83) in _articles(pairs)
    pair = next(p for p in pairs if p.penalty.article == 83)
    assert pair.penalty.item == 1 and "排污许可证" in pair.penalty.text
    assert pair.reason
    assert pair.standard is not None and pair.standard["id"] in ("JM-2-5", "GD-2.5.1")


def test_expired_ingredients_reach_the_prohibition_item_and_its_penalty(
    officer_assistant: OfficerAssistant,
) -> None:
    """README example: 第三十四条's item on 超过保质期 and 第一百二十四条, down to the item."""
    pairs = officer_assistant.assist("某餐馆后厨发现过期食材", DAY).provisions.pairs
    food = [p for p in pairs if p.violated.law == "食品安全法"]
    assert any(p.violated.article == 34 and p.penalty.article == 124 for p in food)
    pair = next(p for p in food if p.violated.article == 34)
    assert pair.violated.item is not None and "超过保质期" in pair.violated.text
    assert pair.penalty.item is not None and "超过保质期" in pair.penalty.text


def test_drink_driving_in_plain_words(officer_assistant: OfficerAssistant) -> None:
    pairs = officer_assistant.assist("司机喝了酒以后开车上路被查", DAY).provisions.pairs
    assert ("道路交通安全法", 22, "道路交通安全法", 91) in _articles(pairs)


def test_roles_never_swap(officer_assistant: OfficerAssistant, default_store: CorpusStore) -> None:
    for question in (
        "某企业未取得排污许可证排放废水",
        "某餐馆后厨发现过期食材",
        "广告中使用国家级用语",
    ):
        for pair in officer_assistant.assist(question, DAY).provisions.pairs:
            v, p = pair.violated, pair.penalty
            assert not is_penalty_norm(default_store.article(v.law, v.version, v.article))
            assert is_penalty_norm(default_store.article(p.law, p.version, p.article))


def test_pairs_head_the_compatible_provision_list(officer_assistant: OfficerAssistant) -> None:
    body = officer_assistant.assist("某企业未取得排污许可证排放废水", DAY).as_json()
    first = body["pairs"][0]
    assert body["provisions"][0]["role"] == "violated"
    assert body["provisions"][0]["article"] == first["violated"]["article"]
    assert {"violated", "penalty", "reason", "standard"} <= set(first)


def test_which_citations_name_the_violated_rule() -> None:
    assert _names_violation("违反本法第二十一条规定", 2)
    assert _names_violation("（一）发布有本法第九条、第十条规定的禁止情形的广告的", 6)
    assert not _names_violation("除前款和本法第一百二十三条规定的情形外", 5)
    assert not _names_violation("依照本法第二十四条规定处罚", 2)


def test_behaviour_of_a_penalty_paragraph_stops_at_the_sanction(
    default_store: CorpusStore,
) -> None:
    version = CitationResolver(default_store).version_on("道路交通安全法", DAY)
    record = default_store.article("道路交通安全法", version.effective_date, 91)
    first = article_units(record)[0]
    assert behaviour(first) == "饮酒后驾驶机动车"


def test_standard_disagreement_is_said(
    officer_assistant: OfficerAssistant, default_store: CorpusStore
) -> None:
    """A retrieval pair other than the standard's: the standard's pair is added, with a note."""
    resolver = officer_assistant.finder.resolver
    (duty,) = resolver.resolve_text("《水污染防治法》第三十九条", DAY)
    (penalty,) = resolver.resolve_text("《水污染防治法》第八十三条第（三）项", DAY)
    answer = ProvisionAnswer("某企业未取得排污许可证排放废水", DAY, [])
    answer.pairs = [NormPair(duty, penalty, "检索", "explicit", 1.0)]
    standards = officer_assistant.standard_pairs(answer.question, DAY)
    officer_assistant.merge_standards(answer, standards)
    assert any("不一致" in note for note in answer.notes)
    assert any(p.standard and not p.standard["agrees"] for p in answer.pairs)
    assert len(answer.pairs) <= 3


def test_pair_evidence_names_the_facts_the_penalty_tiers_need(
    officer_assistant: OfficerAssistant,
) -> None:
    resolver = officer_assistant.finder.resolver
    (duty,) = resolver.resolve_text("《食品安全法》第三十四条第（十）项", DAY)
    (penalty,) = resolver.resolve_text("《食品安全法》第一百二十四条第一款第（五）项", DAY)
    items = pair_evidence(duty, penalty)
    facts = [i for i in items if i.origin is EvidenceSource.PENALTY_FACT]
    assert any("货值金额" in i.item for i in facts)
    assert all(i.source == penalty.citation for i in facts)
    assert any(i.origin is EvidenceSource.ELEMENT and i.source == duty.citation for i in items)


def test_routing_uses_domain_words() -> None:
    route = route_laws("出租车司机中午喝了啤酒后继续载客", {"道路交通安全法", "食品安全法"})
    assert route.laws[0] == "道路交通安全法" and "司机" in route.signals["道路交通安全法"]
    assert route_laws("ＸＹＺ").laws == ()


def test_corpus_evidence_routes_where_the_table_is_silent(bm25_finder: ProvisionFinder) -> None:
    situation = "统计调查对象拒绝提供统计资料，还篡改了报表"
    assert route_laws(situation).laws == ()  # no domain row speaks of 统计
    route = bm25_finder.route(situation, [])
    assert route.laws and route.laws[0].startswith("统计法")
    assert route.signals[route.laws[0]]  # the shared words are the reason shown
    table = bm25_finder.route("司机喝了啤酒后继续开车", [])
    assert table.laws[0] == "道路交通安全法"  # the table still leads where it speaks


def _case(case_id: str, kind: str, domain: str, shared: list[str], terms: list[str]) -> SimilarCase:
    return SimilarCase(
        case_id=case_id,
        rank=1,
        kind=kind,
        title=case_id,
        domain=domain,
        agency=None,
        date=None,
        charges=[],
        penalty={},
        cited=[],
        excerpt="",
        shared_articles=shared,
        shared_terms=terms,
        scores={},
    )


def test_similar_cases_put_the_same_violation_first_and_civil_cases_last(
    officer_assistant: OfficerAssistant,
) -> None:
    resolver = officer_assistant.finder.resolver
    (duty,) = resolver.resolve_text("《水污染防治法》第二十一条", DAY)
    (penalty,) = resolver.resolve_text("《水污染防治法》第八十三条", DAY)
    found = [
        _case("civil", "判决", "民法典", [], ["排放", "废水", "许可证"]),
        _case("other-decision", "处罚决定", "生态环境", [], ["废水"]),
        _case("same", "处罚决定", "生态环境", ["《水污染防治法》第二十一条"], []),
    ]
    shown = cases_about_violation(found, [duty], [penalty], k=5)
    assert [c.case_id for c in shown] == ["same", "other-decision"]
    assert shown[0].reasons[0].startswith("同一违法行为")
    only_civil = cases_about_violation(found[:1], [duty], [penalty], k=5)
    assert only_civil[0].reasons[0] == CIVIL_NOTE
    loosely = _case("loose", "判决", "民法典", [], ["企业"])
    assert cases_about_violation([loosely], [duty], [penalty], k=5) == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    question=st.sampled_from(
        ["工厂废气超标排放", "企业未批先建", "司机酒驾", "餐馆使用过期食材", "销售不合格产品"]
    )
    | st.text(alphabet="违法排放食品销售驾驶许可罚款企业检查污染生产经营", min_size=2, max_size=12),
    day=st.dates(min_value=date(2012, 1, 1), max_value=date(2026, 12, 31)),
)
def test_every_pair_citation_resolves_in_the_corpus(
    officer_assistant: OfficerAssistant, default_store: CorpusStore, question: str, day: date
) -> None:
    """The no-invention guarantee holds for both sides of every pair, standards' included."""
    resolver = CitationResolver(default_store)
    for pair in officer_assistant.pairs_for(question, day).pairs:
        for c in (pair.violated, pair.penalty):
            (again,) = resolver.resolve_text(c.citation, day)
            assert again.unit_id == c.unit_id and again.text == c.text
            stored = default_store.article(c.law, c.version, c.article, c.suffix)
            assert stored is not None and stored.in_force_on(day)


def test_units_of_an_article_with_items(default_store: CorpusStore) -> None:
    version = CitationResolver(default_store).version_on("食品安全法", DAY)
    record = default_store.article("食品安全法", version.effective_date, 34)
    units = article_units(record)
    assert all(isinstance(u, NormUnit) and u.item for u in units)
    assert units[9].item == 10 and "超过保质期" in units[9].text
