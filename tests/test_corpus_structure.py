"""The structure grammar: 编/章/节, 第X条(之Y), 款, （一）项, whatever the numerals."""

from __future__ import annotations

import pytest

from corpus.numerals import article_label, parse_number
from corpus.structure_parser import parse_structure


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("三十二", 32),
        ("32", 32),
        ("３２", 32),
        ("一百零五", 105),
        ("十", 10),
        ("一千二百六十", 1260),
        ("两百", 200),
    ],
)
def test_parse_number(token: str, value: int) -> None:
    assert parse_number(token) == value


def test_parse_number_rejects_text() -> None:
    with pytest.raises(ValueError):
        parse_number("")


@pytest.mark.parametrize(
    ("number", "suffix", "label"),
    [
        (32, 0, "第三十二条"),
        (110, 0, "第一百一十条"),
        (120, 1, "第一百二十条之一"),
        (1260, 0, "第一千二百六十条"),
    ],
)
def test_article_label(number: int, suffix: int, label: str) -> None:
    assert article_label(number, suffix) == label


BLOCKS = [
    "第一编 总则",
    "第一章 总 则",
    "第一条 为了规范行政处罚，制定本法。",
    "第二条 行政处罚的种类：",
    "（一）警告、通报批评；",
    "（二）罚款；",
    "法律另有规定的，从其规定。",
    "第二章 种类",
    "第一节 一般规定",
    "第三条 第二条规定的处罚，适用本法。",
    "第一条 这一行是引用，条号没有递增。",
    "第三条之一 新增的条文。",
    "附件 格式文本",
    "合同样本正文",
    "第一条 附件中的内容不属于任何条文。",
]


def test_articles_paragraphs_items_and_headings() -> None:
    result = parse_structure(BLOCKS)
    keys = [a.key for a in result.articles]
    assert keys == ["1", "2", "3", "3-1"]
    second = result.articles[1]
    assert second.headings == ("第一编 总则", "第一章 总则")
    assert [p.number for p in second.paragraphs] == [1, 2]
    assert [i.number for i in second.paragraphs[0].items] == [1, 2]
    assert second.paragraphs[0].text.splitlines()[1] == "（一）警告、通报批评；"
    third = result.articles[2]
    assert third.headings == ("第一编 总则", "第二章 种类", "第一节 一般规定")
    assert "条号没有递增" in third.text  # a backwards 第一条 is body text
    assert result.warnings and "未递增" in result.warnings[0]
    assert "附件中的内容" not in result.articles[-1].text


def test_a_new_chapter_resets_the_section() -> None:
    result = parse_structure(
        ["第一章 甲", "第一节 乙", "第一条 正文。", "第二章 丙", "第二条 正文。"]
    )
    assert result.articles[1].headings == ("第二章 丙",)


def test_article_with_bracketed_topic() -> None:
    result = parse_structure(["第一条【立法目的】为规范环境行政处罚，制定本办法。"])
    assert result.articles[0].text.startswith("【立法目的】")
