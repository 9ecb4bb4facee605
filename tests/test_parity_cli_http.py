"""The same request through ``zhifa … --json`` and through the HTTP API gives the same result.

Both doors build their objects through ``api.components.Components``; these tests hold
them to it on one data folder: search (FAISS and Milvus), cite, ask, review and draft
with the case base indexed (similar cases included), and the domain errors each door
reports for the same failure.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.cli import app
from api.components import Components
from api.http.app import create_app
from api.settings import Settings
from api.users import Role
from assistant.cases.cail_loader import CAIL_ENCODING
from assistant.cases.case_import import import_paths
from assistant.cases.case_store import CaseStore
from assistant.cases.similar_cases import build_case_index as build_similar_case_index
from corpus.store import CorpusStore
from indexing.hybrid_index import HybridIndex, IndexConfig
from indexing.storage import index_dir_for
from indexing.vector_store import StoreOptions
from tests.cases_fixtures import SHIPPED_CAIL
from tests.indexing_fixtures import sample_records
from tests.test_api_service import bearer, copy_database, issue_tokens

TRANSFER_CASE = Path(__file__).parent / "review_cases" / "d34_transfer_fake_products.yaml"
QUESTION = "餐馆使用超过保质期的食品原料"


class Doors:
    """One data folder seen through the command line and through the service."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.client = TestClient(create_app(settings), raise_server_exceptions=False)
        self.tokens = issue_tokens(self.client, "parity")

    def cli(self, *args: str) -> Any:
        result = CliRunner().invoke(
            app, list(args), env={"ZHIFA_DATA_DIR": str(self.settings.data_dir)}
        )
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    def cli_error(self, *args: str) -> str:
        result = CliRunner().invoke(
            app, list(args), env={"ZHIFA_DATA_DIR": str(self.settings.data_dir)}
        )
        assert result.exit_code == 1, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("错误："), result.stderr
        return lines[0].removeprefix("错误：")

    def get(self, path: str, role: Role = Role.OFFICER, **params: Any) -> Any:
        return self.client.get(path, params=params, headers=bearer(self.tokens[role]))

    def post(self, path: str, body: Any, role: Role = Role.OFFICER, **params: Any) -> Any:
        return self.client.post(path, json=body, params=params, headers=bearer(self.tokens[role]))


def _same_fields(cli: Any, http: Any) -> Any:
    """``cli`` cut down to the fields the HTTP response model declares (it may add none)."""
    if isinstance(http, dict):
        assert set(http) <= set(cli), set(http) - set(cli)
        return {key: _same_fields(cli[key], value) for key, value in http.items()}
    if isinstance(http, list):
        assert len(cli) == len(http)
        return [_same_fields(c, h) for c, h in zip(cli, http, strict=True)]
    return cli


FAKE_PRODUCTS_CASE = {
    "fact": "公诉机关指控：2019年3月，被告人张某在其经营的电线电缆商店内，以导体电阻不合格的"
    "电线电缆冒充合格产品对外销售，销售金额共计人民币八万元。",
    "meta": {
        "accusation": ["[生产、销售]伪劣产品"],
        "relevant_articles": [140],
        "criminals": ["张某"],
        "punish_of_money": 40000,
        "term_of_imprisonment": {"imprisonment": 12},
    },
}
FAKE_FOOD_CASE = {
    "fact": "公诉机关指控：2020年5月，被告人李某在其经营的餐馆内，使用超过保质期的食品原料"
    "加工菜品并对外销售，经检验不符合食品安全标准。",
    "meta": {
        "accusation": ["生产、销售不符合安全标准的食品"],
        "relevant_articles": [143],
        "criminals": ["李某"],
        "punish_of_money": 5000,
        "term_of_imprisonment": {"imprisonment": 6},
    },
}
"""CAIL-format records written for this test: the shipped sample has no 伪劣产品 case (the
transfer checker only cites similar cases of the same charge), and 办案辅助 shows a criminal
case only when it shares the situation's key terms (餐馆, 超过保质期, 食品原料)."""


def build_case_index(settings: Settings, size: int = 80) -> None:
    """A BM25 case index over an even sample of the shipped CAIL cases plus two written ones."""
    lines = SHIPPED_CAIL.read_bytes().splitlines(keepends=True)
    lines = lines[:: len(lines) // size][:size]
    extra = "".join(
        json.dumps(case, ensure_ascii=False) + "\n" for case in (FAKE_PRODUCTS_CASE, FAKE_FOOD_CASE)
    )
    cail = settings.data_dir / "cail-sample.json"
    cail.write_bytes(b"".join(lines) + extra.encode(CAIL_ENCODING))
    components = Components(settings)
    cases = CaseStore(settings)
    import_paths(cases, components.resolver, [cail])
    build_similar_case_index(settings, cases, components.store, embedder=None)


def _case_data(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.pop("expected_flags", None)
    return json.loads(json.dumps(data, default=str))  # YAML dates → ISO strings, as JSON sends them


@pytest.fixture(scope="module")
def doors(
    default_settings: Settings, default_store: CorpusStore, tmp_path_factory: pytest.TempPathFactory
) -> Doors:
    """The default corpus, a BM25 statute index and a small CAIL case index."""
    data = tmp_path_factory.mktemp("zhifa-parity")
    copy_database(default_settings, data)
    settings = Settings(data_dir=data)
    HybridIndex.build(default_store.iter_articles(), embedder=None).save(index_dir_for(settings))
    build_case_index(settings)
    return Doors(settings)


@pytest.fixture(scope="module")
def case_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The criminal-transfer case file, as the CLI reads it and as JSON sends it."""
    data = _case_data(TRANSFER_CASE)
    path = tmp_path_factory.mktemp("parity-case") / "案卷.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path, data


def test_cite(doors: Doors) -> None:
    citation = "《中华人民共和国行政处罚法》第三十二条第一款第（二）项"
    cli = doors.cli("cite", citation, "--date", "2023-05-01", "--json")
    http = doors.get("/api/cite", q=citation, date="2023-05-01").json()["results"][0]
    assert cli == http and cli["text"].startswith("（二）受他人胁迫")


def test_cite_failure_has_the_same_reason(doors: Doors) -> None:
    citation = "《中华人民共和国行政处罚法》第九十条"
    message = doors.cli_error("cite", citation, "--date", "2023-05-01")
    response = doors.get("/api/cite", q=citation, date="2023-05-01")
    assert response.status_code == 404
    assert response.json()["errors"][0]["message"] == message


def test_search_bm25(doors: Doors) -> None:
    query = {"q": "食品 超过保质期", "date": "2024-06-01", "k": 5}
    cli = doors.cli("search", query["q"], "--date", "2024-06-01", "-k", "5", "--json")
    http = doors.get("/api/search", **query).json()
    assert http["mode"] == "bm25" and cli
    assert [{k: h[k] for k in cli[0]} for h in http["hits"]] == cli


def test_ask_includes_the_same_similar_cases(doors: Doors) -> None:
    cli = doors.cli("ask", QUESTION, "--date", "2024-06-01", "--have", "进货台账", "--json")
    body = {"question": QUESTION, "date": "2024-06-01", "have": ["进货台账"]}
    response = doors.post("/api/ask", body)
    assert response.status_code == 200, response.text
    http = response.json()
    assert _same_fields(cli, http) == http
    assert http["provisions"] and http["similar_cases"]


def test_review(doors: Doors, case_file: tuple[Path, dict[str, Any]]) -> None:
    path, data = case_file
    cli = doors.cli("review", str(path), "--json")
    response = doors.post("/api/review", data, role=Role.REVIEWER)
    assert response.status_code == 200, response.text
    http = response.json()
    assert {k: http[k] for k in cli} == cli
    transfer = [f for f in cli["flags"] if f["point"] == "transfer"]
    assert transfer and any("相似刑事案例" in f["evidence"] for f in transfer), transfer


def test_draft_with_similar_cases(doors: Doors, case_file: tuple[Path, dict[str, Any]]) -> None:
    path, data = case_file
    kind = "法制审核意见书"
    cli = doors.cli("draft", str(path), "--type", kind, "--json")
    response = doors.post("/api/draft", {"type": kind, "case_file": data}, format="json")
    assert response.status_code == 200, response.text
    assert response.json() == cli
    assert "相似刑事案例" in cli["text"]


def test_missing_index_is_the_same_error(
    default_settings: Settings, default_store: CorpusStore, tmp_path: Path
) -> None:
    copy_database(default_settings, tmp_path)
    doors = Doors(Settings(data_dir=tmp_path))
    message = doors.cli_error("search", "罚款")
    response = doors.get("/api/search", q="罚款")
    assert response.status_code == 503
    assert response.json() == {"code": "index_missing", "message": message}
    assert doors.cli_error("ask", QUESTION) == message
    assert doors.post("/api/ask", {"question": QUESTION}).json()["message"] == message


@pytest.mark.parametrize("backend", ["faiss", "milvus"])
def test_search_dense_backends(backend: str, tmp_path: Path) -> None:
    """Vectors in FAISS or in Milvus (milvus-lite): both doors open the index the same way."""
    if backend == "milvus":
        pytest.importorskip("pymilvus", reason="pymilvus 未安装（pip install '.[milvus]'）")
        pytest.importorskip("milvus_lite", reason="milvus-lite 在此平台不可安装（仅 Linux/macOS）")
    from models.embedder import embedder_from_settings

    settings = Settings(data_dir=tmp_path, vector_backend=backend)
    index = HybridIndex.build(
        sample_records(),
        embedder_from_settings(settings),
        IndexConfig(unit_max_chars=120, candidates=20),
        store=StoreOptions.from_settings(settings, backend),
    )
    index.save(index_dir_for(settings))
    index.dense.close()
    doors = Doors(settings)
    for mode in ("hybrid", "dense"):
        args = ("听证 较大数额罚款", "--date", "2024-06-01", "-k", "3", "--mode", mode)
        cli = doors.cli("search", *args, "--backend", backend, "--json")
        http = doors.get("/api/search", q=args[0], date="2024-06-01", k=3, mode=mode).json()
        assert http["mode"] == mode and cli
        assert [{k: h[k] for k in cli[0]} for h in http["hits"]] == cli
