"""Tokenisation: legal user dictionary, stop words, identical cuts after save/load."""

from __future__ import annotations

import jieba

from indexing.tokenizer import JiebaTokenizer, legal_terms
from indexing.units import build_units
from tests.indexing_fixtures import sample_records


def _units():
    return list(build_units(sample_records(), max_chars=600))


def test_legal_terms_include_law_names_and_defined_terms():
    terms = legal_terms(_units())
    assert {"行政处罚法", "中华人民共和国行政处罚法", "广东省环境保护条例"} <= terms
    assert "预包装食品" in terms  # 食品安全法 §150: “预包装食品，指…”
    assert "食品安全" in terms


def test_law_name_is_one_token_and_stop_words_are_dropped():
    tokenizer = JiebaTokenizer.for_units(_units())
    tokens = tokenizer("根据道路交通安全法，饮酒后驾驶机动车的，如何处罚？")
    assert "道路交通安全法" in tokens
    assert "驾驶" in tokens and "机动车" in tokens
    assert not {"根据", "的", "如何", "，", "？"} & set(tokens)


def test_search_mode_adds_sub_words_for_recall():
    tokenizer = JiebaTokenizer(["农民专业合作社法"])
    tokens = tokenizer("农民专业合作社法")
    assert "农民专业合作社法" in tokens and "合作社" in tokens


def test_private_tokenizer_leaves_global_jieba_untouched():
    JiebaTokenizer(["一个从未有过的法律术语"])
    assert "一个从未有过的法律术语" not in jieba.lcut("一个从未有过的法律术语")


def test_same_tokens_after_save_and_load(tmp_path):
    tokenizer = JiebaTokenizer.for_units(_units())
    tokenizer.save(tmp_path / "tokenizer.json")
    loaded = JiebaTokenizer.load(tmp_path / "tokenizer.json")
    text = "中华人民共和国行政处罚法第三十二条：当事人主动消除违法行为危害后果的，应当从轻处罚。"
    assert loaded(text) == tokenizer(text)
    assert loaded.user_words == tokenizer.user_words


def test_case_is_folded():
    tokenizer = JiebaTokenizer()
    assert tokenizer("GPS定位") == tokenizer("gps定位")


def test_duplicate_article_ids_are_deduplicated_or_disambiguated():
    from dataclasses import replace

    from corpus.model import Paragraph

    record = sample_records()[0]
    copy = replace(record)
    different = replace(record, paragraphs=(Paragraph(1, "另一文本。"),))
    units = list(build_units([record, copy, different], max_chars=600))
    assert [u.unit_id for u in units] == [record.unit_id, f"{record.unit_id}~2"]
    assert len({u.article_id for u in units}) == 2
