"""Where the service's CPU goes per /api/search request: yappi over every server thread.

Not collected by pytest (no ``test_`` prefix). Needs yappi (dev extra)::

    .venv/bin/python tests/profile_service_search.py --seconds 15 --queries-from set.json [...]

Starts the service as bench_service_load does (a database copy, a throw-away user), warms
it up, profiles the server's threads (CPU clock) while 8 clients send distinct questions,
and prints the functions with the most CPU time per request, and the server's total CPU
seconds per request (from /proc; profiling itself inflates the Python share).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

import bench_service_load as bench  # noqa: E402

from api.settings import Settings  # noqa: E402
from indexing.storage import index_dir_for  # noqa: E402


def serve(port: int, control: Path) -> None:
    """Server side: uvicorn in this process; profile from ``control/go`` to ``control/stop``."""
    import threading

    import uvicorn
    import yappi

    from api.http.app import app_from_environment

    def profile() -> None:
        while not (control / "go").exists():
            time.sleep(0.1)
        yappi.set_clock_type("cpu")
        yappi.start(builtins=False, profile_threads=True)
        while not (control / "stop").exists():
            time.sleep(0.1)
        yappi.stop()
        yappi.get_func_stats().save(str(control / "profile.pstat"), type="pstat")
        (control / "done").touch()

    threading.Thread(target=profile, daemon=True).start()
    uvicorn.run(app_from_environment(), host="127.0.0.1", port=port, log_level="warning")


def server_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description="执法智助检索接口 CPU 剖析（仅本机回环）")
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="tottime", help="pstats 排序键（tottime、cumulative…）")
    parser.add_argument("--queries-from", type=Path, action="append", default=[])
    parser.add_argument("--serve", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--control", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve is not None:
        serve(args.serve, args.control)
        return 0
    queries = bench.questions_from(args.queries_from) or bench.SEARCH_QUERIES
    source = Settings()
    with tempfile.TemporaryDirectory(prefix="zhifa-profile-") as tmp:
        folder, control = Path(tmp) / "data", Path(tmp) / "control"
        folder.mkdir()
        control.mkdir()
        token = bench.prepare_data(source, folder)
        port = bench.free_port()
        env = os.environ | {
            "ZHIFA_DATA_DIR": str(folder),
            "ZHIFA_INDEX_DIR": str(index_dir_for(source)),
        }
        command = [sys.executable, __file__, "--serve", str(port), "--control", str(control)]
        server = subprocess.Popen(command, cwd=REPO, env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            bench.wait_ready(base, token, server)
            bench.warm_up(base, token, "/api/search")
            (control / "go").touch()
            before = server_cpu_seconds(server.pid)
            result = asyncio.run(
                bench.drive(base, token, "/api/search", queries, args.clients, args.seconds)
            )
            cpu = server_cpu_seconds(server.pid) - before
            (control / "stop").touch()
            while not (control / "done").exists():
                time.sleep(0.2)
            print(
                f"{result.requests} 次请求，吞吐 {result.throughput_rps} 次/秒，"
                f"p95 {result.p95_ms} ms，错误 {result.errors}，负载 {result.load_after}；"
                f"服务进程 CPU {1000 * cpu / max(result.requests, 1):.1f} ms/请求（含剖析开销）"
            )
            stats = pstats.Stats(str(control / "profile.pstat"))
            stats.sort_stats(args.sort).print_stats(args.top)
        finally:
            server.terminate()
            server.wait(timeout=60)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
