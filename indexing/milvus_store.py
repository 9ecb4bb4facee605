"""Dense vectors in Milvus through pymilvus's MilvusClient.

The same client speaks to milvus-lite (a local folder, ``data_dir/milvus.db`` by
default: tests and single machines) and to a Milvus cluster (``http://host:19530``
plus a token): a province that outgrows one FAISS file points ``ZHIFA_MILVUS_URI``
at its cluster and nothing else changes. Inner product on L2-normalised vectors
(cosine); FLAT (exact) up to ``exact_max`` vectors, HNSW past it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from pymilvus import DataType, MilvusClient
from pymilvus.exceptions import MilvusException

from corpus.data_layout import DataLayout, default_data_dir
from indexing.vector_store import STORE_FILE, StoreOptions, VectorStore, VectorStoreError

ID_FIELD = "id"
VECTOR_FIELD = "vector"
INSERT_BATCH = 5000
FILTER_BATCH = 16384
HNSW_PARAMS = {"M": 32, "efConstruction": 80}
HNSW_EF_SEARCH = 128


def default_uri(options: StoreOptions) -> str:
    """The cluster URI if configured, else a milvus-lite folder under data_dir."""
    if options.milvus_uri:
        return options.milvus_uri
    layout = DataLayout(Path(options.data_dir) if options.data_dir else default_data_dir())
    layout.root.mkdir(parents=True, exist_ok=True)
    return str(layout.milvus_lite)


def connect(uri: str, token: str | None) -> MilvusClient:
    """A client for ``uri``; a Chinese error when the server or file cannot be opened."""
    try:
        return MilvusClient(uri=uri, token=token or "")
    except MilvusException as exc:
        raise VectorStoreError(f"无法连接 Milvus（{uri}）：{exc}") from exc


class MilvusStore(VectorStore):
    """One Milvus collection of (id INT64 primary key, vector FLOAT_VECTOR) rows."""

    backend = "milvus"

    def __init__(
        self, client: MilvusClient, uri: str, collection: str, dim: int, exact_max: int
    ) -> None:
        self.client = client
        self.uri = uri
        self.collection = collection
        self.dim = dim
        self.exact_max = exact_max
        self.kind = "flat"

    @classmethod
    def create(cls, dim: int, options: StoreOptions) -> MilvusStore:
        """An empty collection (an existing one of that name is replaced)."""
        uri = default_uri(options)
        store = cls(
            connect(uri, options.milvus_token),
            uri,
            options.milvus_collection,
            dim,
            options.exact_max,
        )
        store.clear()
        return store

    def __len__(self) -> int:
        rows = self.client.query(self.collection, filter="", output_fields=["count(*)"])
        return int(rows[0]["count(*)"])

    def clear(self) -> None:
        """Drop and recreate the collection with the index kind for ``kind``."""
        if self.client.has_collection(self.collection):
            self.client.drop_collection(self.collection)
        schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field(ID_FIELD, DataType.INT64, is_primary=True)
        schema.add_field(VECTOR_FIELD, DataType.FLOAT_VECTOR, dim=self.dim)
        params = self.client.prepare_index_params()
        if self.kind == "hnsw":
            params.add_index(VECTOR_FIELD, index_type="HNSW", metric_type="IP", params=HNSW_PARAMS)
        else:
            params.add_index(VECTOR_FIELD, index_type="FLAT", metric_type="IP")
        self.client.create_collection(self.collection, schema=schema, index_params=params)

    def build(self, ids: np.ndarray, vectors: np.ndarray) -> MilvusStore:
        ids = np.asarray(ids, dtype=np.int64)
        if len(np.unique(ids)) != len(ids) or len(ids) != len(vectors):
            raise ValueError("ids must be unique and match the vectors")
        self.kind = "flat" if len(ids) <= self.exact_max else "hnsw"
        self.clear()
        self.add(ids, vectors)
        return self

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        ids = np.asarray(ids, dtype=np.int64)
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        for start in range(0, len(ids), INSERT_BATCH):
            rows = [
                {ID_FIELD: int(i), VECTOR_FIELD: v}
                for i, v in zip(
                    ids[start : start + INSERT_BATCH],
                    vectors[start : start + INSERT_BATCH].tolist(),
                    strict=True,
                )
            ]
            self.client.insert(self.collection, rows)
        self.client.flush(self.collection)

    def remove(self, ids: np.ndarray) -> int:
        found, _ = self.get_vectors(np.asarray(ids, dtype=np.int64))
        if len(found):
            self.client.delete(self.collection, ids=[int(i) for i in found])
        return len(found)

    def search(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top ``k`` by inner product; ``allowed`` becomes an ``id in [...]`` filter
        (in batches, merged), so filtered search stays exact however narrow."""
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        vector = np.asarray(query, dtype=np.float32).ravel().tolist()
        if allowed is None:
            return _merge([self._search(vector, k, "")], k)
        allowed = np.asarray(allowed, dtype=np.int64)
        parts = [
            self._search(vector, k, f"{ID_FIELD} in {allowed[s : s + FILTER_BATCH].tolist()}")
            for s in range(0, len(allowed), FILTER_BATCH)
        ]
        return _merge(parts, k)

    def _search(self, vector: list[float], k: int, expression: str) -> list[dict[str, Any]]:
        params: dict[str, Any] = {"metric_type": "IP"}
        if self.kind == "hnsw":
            params["params"] = {"ef": max(HNSW_EF_SEARCH, k)}
        result = self.client.search(
            self.collection,
            data=[vector],
            limit=k,
            filter=expression,
            output_fields=[ID_FIELD],
            search_params=params,
        )
        return list(result[0])

    def get_vectors(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        wanted = [int(i) for i in np.asarray(ids, dtype=np.int64)]
        rows: dict[int, list[float]] = {}
        for start in range(0, len(wanted), FILTER_BATCH):
            chunk = wanted[start : start + FILTER_BATCH]
            for row in self.client.get(self.collection, ids=chunk, output_fields=[VECTOR_FIELD]):
                rows[int(row[ID_FIELD])] = row[VECTOR_FIELD]
        found = [i for i in wanted if i in rows]
        vectors = np.array([rows[i] for i in found], dtype=np.float32).reshape(-1, self.dim)
        return np.array(found, dtype=np.int64), vectors

    def save(self, folder: Path) -> None:
        """Milvus persists the rows itself; the folder records where they are."""
        folder.mkdir(parents=True, exist_ok=True)
        description = {**self.describe(), "uri": self.uri, "collection": self.collection}
        (folder / STORE_FILE).write_text(json.dumps(description, ensure_ascii=False), "utf-8")

    @classmethod
    def load(cls, folder: Path, options: StoreOptions = StoreOptions()) -> MilvusStore:
        """Reconnect to the saved collection (a configured cluster URI wins over the file's)."""
        saved = json.loads((Path(folder) / STORE_FILE).read_text(encoding="utf-8"))
        uri = options.milvus_uri or saved["uri"]
        client = connect(uri, options.milvus_token)
        if not client.has_collection(saved["collection"]):
            raise VectorStoreError(
                f"Milvus 中没有集合 {saved['collection']}（{uri}）：请用 "
                "`zhifa index build --backend milvus` 重建索引。"
            )
        client.load_collection(saved["collection"])
        store = cls(client, uri, saved["collection"], int(saved["dim"]), options.exact_max)
        store.kind = saved.get("kind", "flat")
        return store

    def close(self) -> None:
        self.client.close()


def _merge(parts: list[list[dict[str, Any]]], k: int) -> tuple[np.ndarray, np.ndarray]:
    """Hits of several filtered searches, best first, at most ``k``."""
    hits = sorted((h for part in parts for h in part), key=lambda h: -h["distance"])[:k]
    ids = np.array([int(h["id"]) for h in hits], dtype=np.int64)
    return ids, np.array([h["distance"] for h in hits], dtype=np.float32)
