"""Load run of the HTTP service on loopback: N concurrent clients for S seconds per endpoint.

Not collected by pytest (no ``test_`` prefix); run by ``make bench``::

    .venv/bin/python tests/bench_service_load.py [--clients 8] [--seconds 60] [--json out.json]

It copies the configured database (or imports the default corpus) into a temporary
data folder, creates a throw-away user there, starts uvicorn in a subprocess on a
free 127.0.0.1 port and drives /api/cite and, when an index exists, /api/search.
It prints throughput, p50/p95/p99 latency, the error count and the CPU milliseconds
per request of the server process and of the load clients themselves (they share the
cores), and exits 1 on any error. Clients keep one connection each and use the lean
client of tests/loopback_client.py unless ``--client httpx``. Only loopback traffic;
the real database is never written.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from loopback_client import KeepAliveConnection, LoopbackHTTPError  # noqa: E402

from api.service_db import open_service_db  # noqa: E402
from api.settings import Settings  # noqa: E402
from api.users import Role, UserStore  # noqa: E402
from corpus.ingest import ingest_paths  # noqa: E402
from corpus.store import CorpusStore  # noqa: E402
from eval.lawbench import load_lawbench  # noqa: E402
from indexing.storage import index_dir_for  # noqa: E402

CITE_QUERIES = [
    "行政处罚法第32条第1款第2项",
    "《中华人民共和国行政处罚法》第六十三条",
    "行政许可法第十二条",
    "环境保护法第五十九条",
    "行政强制法第三十五条",
    "道路交通安全法第九十一条第一款",
]
SEARCH_QUERIES = [
    "饮酒后驾驶机动车如何处罚",
    "当事人要求听证",
    "未批先建的建设项目",
    "违法行为在二年内未被发现的",
    "行政机关实施行政强制的程序",
    "超标排放大气污染物",
]


@dataclass
class EndpointResult:
    endpoint: str
    clients: int
    seconds: float
    requests: int
    errors: int
    throughput_rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    distinct_queries: int
    load_before: list[float]
    load_after: list[float]
    client: str = "lean"
    server_cpu_ms_per_request: float | None = None
    client_cpu_ms_per_request: float | None = None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare_data(source: Settings, folder: Path) -> str:
    """A database copy (or fresh default-corpus import) and a bench token."""
    database = source.data_dir / "zhifa.db"
    target = Settings(data_dir=folder)
    if source.database_url is None and database.is_file():
        with sqlite3.connect(database) as origin, sqlite3.connect(folder / "zhifa.db") as copy:
            origin.backup(copy)
    if CorpusStore(target).stats()["articles"] == 0:
        ingest_paths(CorpusStore(target), [target.default_corpus_dir])
    users = UserStore(open_service_db(target))
    users.add_user("bench", Role.OFFICER)
    return users.issue_token("bench").token


def start_server(folder: Path, index_dir: Path | None, port: int) -> subprocess.Popen:
    env = os.environ | {"ZHIFA_DATA_DIR": str(folder)}
    env.pop("ZHIFA_DATABASE_URL", None)
    if index_dir is not None:
        env["ZHIFA_INDEX_DIR"] = str(index_dir)
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "api.http.app:app_from_environment",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    return subprocess.Popen(command, cwd=REPO, env=env)


def wait_ready(base: str, token: str, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"服务进程已退出（{process.returncode}）")
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                httpx.get(base + "/ready", headers={"Authorization": f"Bearer {token}"}, timeout=60)
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("服务未能在规定时间内启动")


def warm_up(base: str, token: str, path: str) -> None:
    """One untimed request with a query outside the timed pool: the service builds its
    search parts (learned fusion's bigram matrix, ~15 s) on first use; the bench measures
    a loaded service."""
    headers = {"Authorization": f"Bearer {token}"}
    httpx.get(base + path, params={"q": "预热"}, headers=headers, timeout=300)


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` so far (all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


async def drive(
    base: str,
    token: str,
    path: str,
    queries: list[str],
    clients: int,
    seconds: float,
    client_kind: str = "lean",
    server_pid: int | None = None,
) -> EndpointResult:
    """``clients`` concurrent request loops for ``seconds``; each client keeps one
    connection open. ``client_kind``: ``lean`` (tests/loopback_client.py) or ``httpx``.
    With ``server_pid`` the server's CPU per request is read from /proc."""
    latencies: list[float] = []
    sent: set[str] = set()
    errors = 0
    load_before = [round(x, 2) for x in os.getloadavg()]
    stop_at = time.perf_counter() + seconds
    headers = {"Authorization": f"Bearer {token}"}
    get_one = await _request_makers(base, headers, clients, client_kind)

    async def client(offset: int) -> None:
        nonlocal errors
        n = offset
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            query = queries[n % len(queries)]
            sent.add(query)
            try:
                ok = await get_one[offset](path, {"q": query}) == 200
            except (httpx.HTTPError, LoopbackHTTPError, OSError):
                ok = False
            latencies.append(time.perf_counter() - started)
            errors += 0 if ok else 1
            n += clients

    server_before = process_cpu_seconds(server_pid) if server_pid else 0.0
    client_before = own_cpu_seconds()
    began = time.perf_counter()
    try:
        await asyncio.gather(*(client(i) for i in range(clients)))
    finally:
        elapsed = time.perf_counter() - began
        client_cpu = own_cpu_seconds() - client_before
        server_cpu = process_cpu_seconds(server_pid) - server_before if server_pid else None
        await get_one.close()
    ordered = sorted(latencies)

    def pct(q: float) -> float:
        return round(ordered[min(int(q * len(ordered)), len(ordered) - 1)] * 1000, 1)

    return EndpointResult(
        endpoint=path,
        clients=clients,
        seconds=round(elapsed, 1),
        requests=len(ordered),
        errors=errors,
        throughput_rps=round(len(ordered) / elapsed, 1),
        p50_ms=round(statistics.median(ordered) * 1000, 1),
        p95_ms=pct(0.95),
        p99_ms=pct(0.99),
        distinct_queries=len(sent),
        load_before=load_before,
        load_after=[round(x, 2) for x in os.getloadavg()],
        client=client_kind,
        server_cpu_ms_per_request=(
            None if server_cpu is None else round(1000 * server_cpu / len(ordered), 1)
        ),
        client_cpu_ms_per_request=round(1000 * client_cpu / len(ordered), 1),
    )


class _RequestMakers(list):
    """One ``get(path, params) -> status`` per client, and how to close them all."""

    def __init__(self, makers: list, close: object) -> None:
        super().__init__(makers)
        self._close = close

    async def close(self) -> None:
        await self._close()  # type: ignore[operator]


async def _request_makers(
    base: str, headers: dict[str, str], clients: int, client_kind: str
) -> _RequestMakers:
    if client_kind == "httpx":
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        http = httpx.AsyncClient(base_url=base, headers=headers, limits=limits, timeout=30)

        async def get(path: str, params: dict[str, str]) -> int:
            return (await http.get(path, params=params)).status_code

        return _RequestMakers([get] * clients, http.aclose)
    host, port = base.removeprefix("http://").rsplit(":", 1)
    connections = [KeepAliveConnection(host, int(port), headers) for _ in range(clients)]

    def getter(connection: KeepAliveConnection):  # noqa: ANN202
        async def get(path: str, params: dict[str, str]) -> int:
            return (await asyncio.wait_for(connection.get(path, params), 30)).status_code

        return get

    async def close_all() -> None:
        for connection in connections:
            await connection.close()

    return _RequestMakers([getter(c) for c in connections], close_all)


def questions_from(paths: list[Path]) -> list[str]:
    """Distinct queries in file order, so the query-vector cache stays cold: LawBench
    questions, or an assist set's plain-words situations (what officers type)."""
    return list(dict.fromkeys(text for path in paths for text in _queries_in(path)))


def _queries_in(path: Path) -> list[str]:
    items = json.loads(path.read_text(encoding="utf-8"))
    if items and isinstance(items[0], dict) and "situation" in items[0]:
        return [item["situation"] for item in items]
    return [q.question for q in load_lawbench(path)[0]]


def main() -> int:
    parser = argparse.ArgumentParser(description="执法智助服务负载测试（仅本机回环）")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--json", type=Path, default=None, help="结果另存为 JSON")
    parser.add_argument(
        "--queries-from",
        type=Path,
        action="append",
        default=[],
        help="检索问题取自 LawBench 格式评测集的 question 或办案辅助评测集的 situation（可重复）；默认 6 个固定问题",
    )
    parser.add_argument(
        "--client",
        choices=("lean", "httpx"),
        default="lean",
        help="负载客户端：lean（每客户端一条长连接、最少解析，默认）或 httpx",
    )
    args = parser.parse_args()
    search_queries = questions_from(args.queries_from) or SEARCH_QUERIES
    source = Settings()
    index_dir = index_dir_for(source)
    has_index = (index_dir / "manifest.json").is_file()
    results: list[EndpointResult] = []
    with tempfile.TemporaryDirectory(prefix="zhifa-bench-") as tmp:
        folder = Path(tmp)
        token = prepare_data(source, folder)
        port = free_port()
        server = start_server(folder, index_dir if has_index else None, port)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_ready(base, token, server)
            plan = [("/api/cite", CITE_QUERIES)]
            if has_index:
                plan.append(("/api/search", search_queries))
            else:
                print(
                    f"提示：没有检索索引（{index_dir}），跳过 /api/search；先运行 zhifa index build"
                )
            for path, queries in plan:
                warm_up(base, token, path)
                result = asyncio.run(
                    drive(
                        base,
                        token,
                        path,
                        queries,
                        args.clients,
                        args.seconds,
                        args.client,
                        server.pid,
                    )
                )
                results.append(result)
                print(
                    f"{path}: {result.clients} 并发 {result.seconds:.0f} 秒，{result.requests} 次请求，"
                    f"吞吐 {result.throughput_rps} 次/秒，p50 {result.p50_ms} ms，"
                    f"p95 {result.p95_ms} ms，p99 {result.p99_ms} ms，错误 {result.errors}，"
                    f"不同问题 {result.distinct_queries} 个，负载 {result.load_before}→{result.load_after}，"
                    f"CPU 服务 {result.server_cpu_ms_per_request} ms/请求、"
                    f"客户端（{result.client}）{result.client_cpu_ms_per_request} ms/请求"
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=2))
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
