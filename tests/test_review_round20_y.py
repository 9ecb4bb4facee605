"""Review round 20, class Y (issue #18): review_fresh16 misses. 《行政强制法》第二十五条第一款: the
term a 查封、扣押 decision sets may not pass thirty days — a longer first term is wrong whatever
happens after, even when the file never records the release. Cases are variants (other names,
terms, wording) of eval/sets/review_fresh16 files."""

from __future__ import annotations

import pytest
from review_fixtures import must_fix_findings, set_file_data

from assistant.case_file import parse_case
from assistant.review.context import ReviewContext

SEIZURE_TERM = "《中华人民共和国行政强制法》第二十五条第一款"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh16", f"rf16{prefix}_*.yaml")


def _with_term(term: str, doc_type: str = "查封决定书") -> dict:
    data = _data("c_06")
    data["agency"]["name"] = "清远市生态环境局"
    for doc in data["documents"]:
        if doc["type"] == "查封决定书":
            doc["type"] = doc_type
            doc["contents"] = [c if "期限" not in c else term for c in doc["contents"]]
    return data


def _findings(data: dict, ctx: ReviewContext) -> set[tuple[str, str]]:
    return must_fix_findings(parse_case(data), ctx)


@pytest.mark.parametrize(
    ("term", "doc_type"),
    [
        ("查封的理由、依据和期限（2023年11月2日至2023年12月31日）", "查封决定书"),
        ("扣押的理由、依据和期限：自2023年11月2日起至2024年1月10日止", "扣押决定书"),
        ("查封期限为六十日", "查封决定书"),
        ("扣押期限45天", "扣押决定书"),
    ],
)
def test_decided_term_over_thirty_days_is_flagged(
    ctx: ReviewContext, term: str, doc_type: str
) -> None:
    found = _findings(_with_term(term, doc_type), ctx)
    assert ("procedure", SEIZURE_TERM) in found


@pytest.mark.parametrize(
    "term",
    [
        "查封的理由、依据和期限（2023年11月2日至2023年12月2日）",
        "查封期限为三十日",
        "查封期限30日",
    ],
)
def test_decided_term_within_thirty_days_is_clean(ctx: ReviewContext, term: str) -> None:
    found = _findings(_with_term(term), ctx)
    assert ("procedure", SEIZURE_TERM) not in found


def test_extension_decision_term_is_not_a_first_term(ctx: ReviewContext) -> None:
    data = _with_term("查封的理由、依据和期限（2023年11月2日至2023年12月2日）")
    data["documents"].append(
        {
            "type": "延长查封期限决定书",
            "date": "2023-11-30",
            "contents": ["延长查封期限至2023年12月31日，经局负责人批准并书面告知当事人"],
        }
    )
    found = _findings(data, ctx)
    assert ("procedure", SEIZURE_TERM) not in found


# --- 第二十二条: a 市/县/区 running into 镇、街道 names a town, not an area ------------------


@pytest.mark.parametrize(
    ("region", "place"),
    [
        ("韶关市始兴县", "始兴县马市镇某村“大坑尾”山场"),
        ("广州市番禺区", "番禺区市桥街道某村后山"),
        ("韶关市翁源县", "翁源县新市镇某村山场"),
    ],
)
def test_town_named_like_a_city_is_inside(ctx: ReviewContext, region: str, place: str) -> None:
    data = _data("c_03")
    data["agency"]["region"] = region
    data["violation"]["place"] = place
    assert not any(point == "authority" for point, _ in _findings(data, ctx))


def test_town_in_another_county_is_still_outside(ctx: ReviewContext) -> None:
    data = _data("c_03")
    data["violation"]["place"] = "南雄市马市镇某村山场"
    assert ("authority", "《中华人民共和国行政处罚法》第二十二条") in _findings(data, ctx)


# --- 第三十八条第一款: the applied paragraph, for a first offence, provides no 吊销 ---------

DRINK_DRIVING = "《中华人民共和国道路交通安全法》第九十一条第一款"


def _drink_driving(types: list[str], first: bool) -> dict:
    data = _data("b_06")
    data["agency"]["name"] = "佛山市公安局交通警察支队"
    data["agency"]["region"] = "佛山市"
    data["violation"]["place"] = "佛山市禅城区季华路"
    data["penalty"]["types"] = types
    data["penalty"]["amount"] = 1200
    data["facts"]["amounts"] = {"罚款": 1200}
    data["facts"]["first_offence"] = first
    data["facts"]["prior_offences"] = 0 if first else 1
    return data


def test_first_drink_driving_revoked_is_unprovided(ctx: ReviewContext) -> None:
    found = _findings(_drink_driving(["罚款", "吊销机动车驾驶证"], first=True), ctx)
    assert any(point == "law" and rule.startswith(DRINK_DRIVING[:-3]) for point, rule in found)


def test_first_drink_driving_suspended_is_provided(ctx: ReviewContext) -> None:
    found = _findings(_drink_driving(["罚款", "暂扣机动车驾驶证"], first=True), ctx)
    assert not any("第三十八条第一款" in rule for _, rule in found)


def test_repeat_drink_driving_revoked_is_provided(ctx: ReviewContext) -> None:
    data = _drink_driving(["罚款", "吊销机动车驾驶证"], first=False)
    data["facts"]["first_offence"] = None
    found = _findings(data, ctx)
    assert not any("第三十八条第一款" in rule for _, rule in found)


# --- 行政强制法第十八条第（五）、（六）、（七）项: on-site steps a file says were skipped ---------


@pytest.mark.parametrize(
    ("note", "item"),
    [
        ("报局负责人批准后实施查封，执法人员未告知查封理由、依据和救济途径", "（五）"),
        ("报局负责人批准后实施查封，未听取负责人的陈述和申辩", "（六）"),
        ("报局负责人批准后实施查封，当场未制作现场笔录", "（七）"),
    ],
)
def test_skipped_on_site_step_of_a_seizure_is_flagged(
    ctx: ReviewContext, note: str, item: str
) -> None:
    data = _data("c_06")
    data["events"][1]["note"] = note
    rule = f"《中华人民共和国行政强制法》第十八条第{item}项"
    assert ("procedure", ctx.rule(rule)) in _findings(data, ctx)


def test_seizure_with_every_on_site_step_is_not(ctx: ReviewContext) -> None:
    findings = _findings(_data("c_06"), ctx)
    assert not any("第十八条第（" in rule for _, rule in findings)
