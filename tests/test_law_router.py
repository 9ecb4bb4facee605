"""The law router: laws chosen from the statutes' own text, definitions and families.

Units here are written for the test (no evaluation set is read); the national
corpus check skips when ../shared is absent.
"""

from __future__ import annotations

from indexing.law_router import LawRouter, RouterConfig, parent_law
from indexing.units import RetrievalUnit


def _unit(law: str, number: int, text: str, heading: str, level: str = "法律") -> RetrievalUnit:
    return RetrievalUnit(
        unit_id=f"{law}@2020-01-01#{number}",
        article_id=f"{law}@2020-01-01#{number}",
        law=law,
        title=law,
        version="2020-01-01",
        effective_to=None,
        level=level,
        region=None,
        number=number,
        suffix=0,
        headings=(heading,),
        citation=f"《{law}》第{number}条",
        text=text,
    )


UNITS = [
    _unit("特种设备安全法", 1, "特种设备使用单位应当办理使用登记。", "第一章 总则"),
    _unit(
        "特种设备安全法",
        2,
        "本法所称特种设备，是指锅炉、压力容器、电梯、起重机械、客运索道等设备。",
        "第一章 总则",
    ),
    _unit("特种设备安全法", 3, "使用未经检验的特种设备的，处三万元以上罚款。", "第七章 法律责任"),
    _unit("特种设备安全法实施条例", 1, "特种设备使用单位应当定期检验。", "第一章", "行政法规"),
    _unit(
        "烟草专卖法", 1, "经营烟草制品零售业务应当取得烟草专卖零售许可证。", "第三章 烟草制品的销售"
    ),
    _unit(
        "烟草专卖法", 2, "无烟草专卖零售许可证经营烟草制品零售业务的，处罚款。", "第五章 法律责任"
    ),
    _unit("某司法解释", 1, "电梯事故赔偿纠纷案件应当依法审理。", "一", "司法解释"),
]


def test_definitions_route_a_listed_thing_to_the_defining_law() -> None:
    router = LawRouter.from_units(UNITS)
    assert router.defined_words("小区电梯的检验合格证过期了") == ("特种设备",)
    route = router.route("小区电梯的检验合格证过期了", [])
    assert route.laws[0] == "特种设备安全法"
    assert any("电梯" in word for word in route.signals["特种设备安全法"])


def test_a_routed_law_brings_its_implementing_regulation() -> None:
    route = LawRouter.from_units(UNITS).route("电梯没有办理使用登记", [])
    family = route.laws[: route.laws.index("特种设备安全法实施条例") + 1]
    assert family[0] == "特种设备安全法"
    assert route.strength["特种设备安全法实施条例"] == route.strength["特种设备安全法"] == 1.0
    assert parent_law("计量法实施细则") == "计量法" and parent_law("计量法") == "计量法"


def test_duties_and_penalty_text_route_without_any_domain_table() -> None:
    route = LawRouter.from_units(UNITS).route("便利店没有零售许可证在卖香烟和烟草制品", [])
    assert route.laws[0] == "烟草专卖法"
    assert route.strength["烟草专卖法"] == 1.0 and max(route.strength.values()) == 1.0


def test_article_hits_vote_but_interpretations_are_never_routed() -> None:
    router = LawRouter.from_units(UNITS, config=RouterConfig(top_laws=1))
    route = router.route("ＸＹＺ", ["某司法解释", "烟草专卖法", "烟草专卖法"])
    assert route.laws == ("烟草专卖法",)
    assert "某司法解释" not in router.laws


def test_known_laws_filter_and_empty_input() -> None:
    router = LawRouter.from_units(UNITS)
    assert router.route("电梯", [], known={"烟草专卖法"}).laws in ((), ("烟草专卖法",))
    assert router.route("", []).laws == ()


def test_discretion_names_join_their_law_document() -> None:
    notes = {"烟草专卖法": ["无证销售卷烟"]}
    router = LawRouter.from_units(UNITS, notes)
    assert router.document_ranking("无证销售卷烟")[0] == "烟草专卖法"
