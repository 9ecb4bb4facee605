"""Concurrent appends to one case record over HTTP, on a real server (issue #20's probe).

    python -m eval.concurrent_appends [--clients 20] [--events 10] [--database-url URL]
                                      [--processes 20] [--json out.json]

Starts uvicorn in a subprocess on a free 127.0.0.1 port with a throw-away data folder
(SQLite there, or a fresh schema in the PostgreSQL database named by ``--database-url``,
dropped afterwards). ``--clients`` threads, each with its own keep-alive connection and
its own officer token, post ``--events`` events each to one case. Then ``--processes``
separate ``zhifa record add-event`` processes append 3 events each to a second case.
Reports acknowledged vs stored events, status counts, dropped connections, p50/p95/max
latency of the HTTP appends, and whether both chains verify. Exits 1 unless every
acknowledged event is stored, none is refused and both chains are intact.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

from api.service_db import open_service_db
from api.settings import Settings
from api.users import Role, UserStore
from assistant.case_record.event_log import CaseRecordStore
from assistant.case_record.verification import verify_events

REPO = Path(__file__).resolve().parent.parent
HTTP_CASE = "粤环罚〔2026〕20号"
CLI_CASE = "粤环罚〔2026〕21号"
CLI_EVENTS_EACH = 3


@dataclass
class AppendRun:
    database: str
    clients: int
    events_each: int
    acknowledged: int = 0
    stored: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    dropped_connections: int = 0
    chain_ok: bool = False
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    max_ms: float = 0.0
    seconds: float = 0.0
    cli_processes: int = 0
    cli_succeeded: int = 0
    cli_stored: int = 0
    cli_tracebacks: int = 0
    cli_chain_ok: bool = False


@contextmanager
def database_settings(folder: Path, url: str | None) -> Iterator[Settings]:
    """Settings on a throw-away SQLite file, or on a fresh PostgreSQL schema."""
    if url is None:
        yield Settings(data_dir=folder)
        return
    schema = f"zhifa_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in url else "?"
    try:
        yield Settings(
            data_dir=folder, database_url=f"{url}{separator}options=-csearch_path%3D{schema}"
        )
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(settings: Settings) -> dict[str, str]:
    env = os.environ | {"ZHIFA_DATA_DIR": str(settings.data_dir), "PYTHONPATH": str(REPO)}
    env.pop("ZHIFA_DATABASE_URL", None)
    if settings.database_url:
        env["ZHIFA_DATABASE_URL"] = settings.database_url
    return env


def start_server(settings: Settings, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "uvicorn", "--factory", "api.http.app:app_from_environment"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    process = subprocess.Popen([*command, "--no-access-log"], cwd=REPO, env=server_env(settings))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("服务未能在规定时间内启动")


def drive_http(base: str, tokens: list[str], events: int, run: AppendRun) -> None:
    latencies: list[float] = []
    statuses: Counter = Counter()
    lock = threading.Lock()

    def client(number: int) -> None:
        headers = {"Authorization": f"Bearer {tokens[number]}"}
        with httpx.Client(base_url=base, headers=headers, timeout=60) as http:
            for n in range(events):
                body = {"type": "调查取证", "payload": {"client": number, "n": n}}
                started = time.perf_counter()
                try:
                    response = http.post(f"/api/records/{HTTP_CASE}/events", json=body)
                    key = str(response.status_code)
                except httpx.HTTPError:
                    key = "dropped"
                elapsed = time.perf_counter() - started
                with lock:
                    statuses[key] += 1
                    latencies.append(elapsed)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(c,)) for c in range(len(tokens))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.seconds = round(time.perf_counter() - started, 2)
    run.statuses = dict(statuses)
    run.acknowledged = statuses["200"]
    run.dropped_connections = statuses["dropped"]
    ordered = sorted(latencies)
    run.p50_ms = round(statistics.median(ordered) * 1000, 1)
    run.p95_ms = round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1)
    run.max_ms = round(ordered[-1] * 1000, 1)


def drive_cli(settings: Settings, processes: int, run: AppendRun) -> None:
    """Separate ``zhifa record add-event`` processes on one case (each its own connection)."""
    script = (
        f"for i in $(seq 1 {CLI_EVENTS_EACH}); do "
        f'{sys.executable} -m api.cli record add-event "{CLI_CASE}" --type 调查取证 '
        '--actor "执法员$0" --payload "{\\"i\\": $i}" || exit 1; done'
    )
    children = [
        subprocess.Popen(
            ["bash", "-c", script, str(n)],
            cwd=REPO,
            env=server_env(settings),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(processes)
    ]
    run.cli_processes = processes
    for child in children:
        _, errors = child.communicate()
        run.cli_succeeded += child.returncode == 0
        run.cli_tracebacks += "Traceback" in errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--events", type=int, default=10)
    parser.add_argument("--processes", type=int, default=20)
    parser.add_argument("--database-url", default=None, help="PostgreSQL URL; default SQLite")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="zhifa-appends-") as folder,
        database_settings(Path(folder), args.database_url) as settings,
    ):
        users = UserStore(open_service_db(settings))
        tokens = []
        for number in range(args.clients):
            users.add_user(f"officer{number}", Role.OFFICER)
            tokens.append(users.issue_token(f"officer{number}").token)
        run = AppendRun("postgresql" if args.database_url else "sqlite", args.clients, args.events)
        port = free_port()
        server = start_server(settings, port)
        try:
            drive_http(f"http://127.0.0.1:{port}", tokens, args.events, run)
        finally:
            server.terminate()
            server.wait(timeout=30)
        cases = [(HTTP_CASE, "chain_ok")]
        if args.processes:
            drive_cli(settings, args.processes, run)
            cases.append((CLI_CASE, "cli_chain_ok"))
        else:
            run.cli_chain_ok = True
        store = CaseRecordStore(settings)
        for case, attribute in cases:
            events = store.events(case)
            setattr(run, attribute, verify_events(case, events, store.head(case)).ok)
            if case == HTTP_CASE:
                run.stored = len(events)
            else:
                run.cli_stored = len(events)
    report = asdict(run)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    expected = args.clients * args.events
    healthy = run.acknowledged == run.stored == expected and run.chain_ok and run.cli_chain_ok
    healthy = (
        healthy and run.cli_stored == args.processes * CLI_EVENTS_EACH == run.cli_succeeded * 3
    )
    raise SystemExit(0 if healthy else 1)


if __name__ == "__main__":
    main()
