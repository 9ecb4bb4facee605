"""Citation forms as officers and documents write them: 40+ valid and invalid."""

from __future__ import annotations

from datetime import date

import pytest

from corpus.citation_parser import parse_citations
from corpus.citation_resolver import CitationError, CitationErrorCode, CitationResolver
from corpus.store import CorpusStore

DAY = date(2023, 5, 1)


@pytest.fixture(scope="module")
def resolver(default_store: CorpusStore) -> CitationResolver:
    return CitationResolver(default_store)


# (written form, [(law, article, suffix, paragraph, item), …]) resolved on DAY.
VALID = [
    ("《中华人民共和国行政处罚法》第三十二条第一款第（二）项", [("行政处罚法", 32, 0, 1, 2)]),
    ("《中华人民共和国行政处罚法》第三十二条", [("行政处罚法", 32, 0, None, None)]),
    ("行政处罚法第32条", [("行政处罚法", 32, 0, None, None)]),
    ("行政处罚法第３２条", [("行政处罚法", 32, 0, None, None)]),
    ("行政处罚法 第 32 条", [("行政处罚法", 32, 0, None, None)]),
    ("《行政处罚法》第三十二条第一款第二项", [("行政处罚法", 32, 0, 1, 2)]),
    ("《行政处罚法》第三十二条第一款第(二)项", [("行政处罚法", 32, 0, 1, 2)]),
    ("《行政处罚法》第三十二条第一款（二）项", [("行政处罚法", 32, 0, 1, 2)]),
    ("《行政处罚法》第五十一条第一款", [("行政处罚法", 51, 0, 1, None)]),
    ("《環境保護法》第五十九條", [("环境保护法", 59, 0, None, None)]),
    (
        "《环境保护法》第五十九条、第六十条",
        [("环境保护法", 59, 0, None, None), ("环境保护法", 60, 0, None, None)],
    ),
    (
        "《环境保护法》第五十九条、六十条",
        [("环境保护法", 59, 0, None, None), ("环境保护法", 60, 0, None, None)],
    ),
    (
        "《环境保护法》第五十九条和第六十条",
        [("环境保护法", 59, 0, None, None), ("环境保护法", 60, 0, None, None)],
    ),
    (
        "《环境保护法》第五十九条至第六十一条",
        [("环境保护法", n, 0, None, None) for n in (59, 60, 61)],
    ),
    ("《环保法》第六十三条", [("环境保护法", 63, 0, None, None)]),
    ("道交法第九十条", [("道路交通安全法", 90, 0, None, None)]),
    ("《食安法》第一百二十四条第一款第（三）项", [("食品安全法", 124, 0, 1, 3)]),
    (
        "根据《行政处罚法》第三十二条，同法第三十三条第一款",
        [("行政处罚法", 32, 0, None, None), ("行政处罚法", 33, 0, 1, None)],
    ),
    (
        "《行政处罚法》第三十二条、该法第三十三条",
        [("行政处罚法", 32, 0, None, None), ("行政处罚法", 33, 0, None, None)],
    ),
    (
        "《行政处罚法》第三十三条第一款、第二款",
        [("行政处罚法", 33, 0, 1, None), ("行政处罚法", 33, 0, 2, None)],
    ),
    ("《中华人民共和国刑法》第一百二十条之一", [("刑法", 120, 1, None, None)]),
    ("刑法第一百三十三条之一第一款第（二）项", [("刑法", 133, 1, 1, 2)]),
    (
        "依据食品安全法第一百二十四条和第一百二十六条",
        [("食品安全法", 124, 0, None, None), ("食品安全法", 126, 0, None, None)],
    ),
    ("对某公司依照食品安全法第三十四条", [("食品安全法", 34, 0, None, None)]),
    (
        "《中华人民共和国大气污染防治法》第九十九条第（二）项",
        [("大气污染防治法", 99, 0, 1, 2)],
    ),
    (
        "《中华人民共和国水污染防治法》（2017年修正）第八十三条第（二）项",
        [("水污染防治法", 83, 0, 1, 2)],
    ),
    ("《政府信息公开条例》第二十条", [("政府信息公开条例", 20, 0, None, None)]),
    ("《中华人民共和国政府信息公开条例》第二十条", [("政府信息公开条例", 20, 0, None, None)]),
    (
        "《广东省重大行政执法决定法制审核办法》第十条第一款第（二）项",
        [("广东省重大行政执法决定法制审核办法", 10, 0, 1, 2)],
    ),
    (
        "《广东重大行政执法决定法制审核办法》第十七条",
        [("广东省重大行政执法决定法制审核办法", 17, 0, None, None)],
    ),
    ("违反《中华人民共和国统计法》第七条", [("统计法", 7, 0, None, None)]),
    (
        "《行政处罚法》第九条、第十条及第十一条",
        [("行政处罚法", n, 0, None, None) for n in (9, 10, 11)],
    ),
    ("《安全生产法》第一百一十九条", [("安全生产法", 119, 0, None, None)]),
]


@pytest.mark.parametrize(("text", "expected"), VALID, ids=[t for t, _ in VALID])
def test_valid_forms_resolve(resolver: CitationResolver, text: str, expected: list[tuple]) -> None:
    results = resolver.resolve_text(text, DAY)
    errors = [r for r in results if isinstance(r, CitationError)]
    assert not errors, [e.message for e in errors]
    got = [(r.law, r.article, r.suffix, r.paragraph, r.item) for r in results]
    assert got == expected
    for r in results:
        assert r.text and r.text in r.article_text
        assert r.version <= DAY


INVALID = [
    ("《行政处罚法》第九十条", CitationErrorCode.ARTICLE_BEYOND_LAST, "共86条"),
    ("行政处罚法第1000条", CitationErrorCode.ARTICLE_BEYOND_LAST, "没有第一千条"),
    ("《行政处罚法》第三十三条第五款", CitationErrorCode.NO_SUCH_PARAGRAPH, "只有3款"),
    ("《行政处罚法》第三十二条第一款第（九）项", CitationErrorCode.NO_SUCH_ITEM, "只有5项"),
    ("《中华人民共和国不存在法》第一条", CitationErrorCode.UNKNOWN_LAW, "没有《不存在法》"),
    ("《行政处罚条例》第一条", CitationErrorCode.UNKNOWN_LAW, "行政处罚"),
    # a province's own law of the same name is not the national one
    ("《广东省食品安全法》第一条", CitationErrorCode.UNKNOWN_LAW, "没有《广东省食品安全法》"),
    ("第三十二条", CitationErrorCode.NO_LAW_NAME, "未指明法律名称"),
    ("本法第三条", CitationErrorCode.NO_LAW_NAME, "未指明法律名称"),
    ("罚款五千元", CitationErrorCode.NO_CITATION, "未识别到法条引用"),
    ("《刑法》第一百二十条之九", CitationErrorCode.NO_SUCH_ARTICLE, "没有第一百二十条之九"),
]


@pytest.mark.parametrize(("text", "code", "fragment"), INVALID, ids=[t for t, _, _ in INVALID])
def test_invalid_forms_fail_precisely(
    resolver: CitationResolver, text: str, code: CitationErrorCode, fragment: str
) -> None:
    results = resolver.resolve_text(text, DAY)
    assert len(results) == 1
    error = results[0]
    assert isinstance(error, CitationError)
    assert error.code is code
    assert fragment in error.message


@pytest.mark.parametrize(
    ("text", "day", "code"),
    [
        ("行政处罚法第三十二条", date(2021, 7, 14), CitationErrorCode.NOT_YET_IN_FORCE),
        ("《环境噪声污染防治法》第二条", date(2023, 1, 1), CitationErrorCode.REPEALED),
        ("行政复议法第九十条", date(2023, 12, 31), CitationErrorCode.ARTICLE_BEYOND_LAST),
        ("《统计法》第五十三条", date(2020, 1, 1), CitationErrorCode.ARTICLE_BEYOND_LAST),
    ],
)
def test_date_dependent_failures(
    resolver: CitationResolver, text: str, day: date, code: CitationErrorCode
) -> None:
    (error,) = resolver.resolve_text(text, day)
    assert isinstance(error, CitationError) and error.code is code


def test_default_law_stands_for_this_law(resolver: CitationResolver) -> None:
    (result,) = resolver.resolve_text("本法第三条", DAY, default_law="行政处罚法")
    assert not isinstance(result, CitationError)
    assert result.citation == "《中华人民共和国行政处罚法》第三条"


def test_canonical_citation_and_unit_id(resolver: CitationResolver) -> None:
    (result,) = resolver.resolve_text("行政处罚法第32条第1款第2项", DAY)
    assert result.citation == "《中华人民共和国行政处罚法》第三十二条第一款第（二）项"
    assert result.unit_id == "行政处罚法@2021-07-15#32.1.2"
    assert result.text == "（二）受他人胁迫或者诱骗实施违法行为的；"


def test_parser_positions_cover_the_text() -> None:
    text = "依据《行政处罚法》第三十二条和第三十三条作出决定"
    refs = parse_citations(text)
    assert [text[r.start : r.end] for r in refs] == ["第三十二条", "第三十三条"]
