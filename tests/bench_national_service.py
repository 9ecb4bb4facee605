"""Benchmark: the service over the national corpus while vectors build in the background.

Starts ``zhifa serve`` on an already imported + BM25-indexed data folder, measures the
time until /health answers and until /api/search returns the expected article, then
samples the server's resident memory (VmRSS, and VmHWM = peak) and /api/ready's
vector progress for ``--minutes`` (or, with ``--until-done``, until every unit has its
vector, recording the build's wall time and the server's CPU seconds), and stops the
server. Not part of ``make test``.

    ZHIFA_DATA_DIR=var/nat python tests/bench_national_service.py --minutes 5 --json out.json
    ZHIFA_DATA_DIR=var/nat python tests/bench_national_service.py --until-done --minutes 240
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
QUERY, EXPECTED = "药品经营企业销售假药", "药品管理法"


def _memory_kb(pid: int) -> dict[str, int]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0])
    return fields


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of the process (all its threads) from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 1)


def _load() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def _token(env: dict[str, str]) -> str:
    zhifa = [sys.executable, "-m", "api.cli"]
    subprocess.run(
        [*zhifa, "user", "add", "bench-admin", "--role", "admin"],
        env=env,
        cwd=REPO,
        capture_output=True,
    )
    out = subprocess.run(
        [*zhifa, "user", "token", "bench-admin"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip().split()[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--until-done", action="store_true", help="stop when all vectors exist")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    token = _token(env)
    headers = {"Authorization": f"Bearer {token}"}
    base = f"http://127.0.0.1:{args.port}"
    started = time.monotonic()
    server = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(args.port)],
        env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    result: dict[str, object] = {"query": QUERY, "expected_law": EXPECTED}
    try:
        while "health_s" not in result:
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    result["health_s"] = round(time.monotonic() - started, 1)
            except httpx.HTTPError:
                time.sleep(0.5)
        params = {"q": QUERY, "k": 5}
        hits = httpx.get(base + "/api/search", params=params, headers=headers, timeout=120).json()
        result["first_search_s"] = round(time.monotonic() - started, 1)
        result["first_search_laws"] = [h["law"] for h in hits["hits"]]
        result["first_search_correct"] = EXPECTED in result["first_search_laws"]
        print(json.dumps(result, ensure_ascii=False), flush=True)
        samples = []
        deadline = time.monotonic() + args.minutes * 60
        while time.monotonic() < deadline and server.poll() is None:
            ready = httpx.get(base + "/api/ready", headers=headers, timeout=120).json()["vectors"]
            samples.append({"t": round(time.monotonic() - started), **_memory_kb(server.pid),
                            "cpu_s": _cpu_seconds(server.pid), "load": _load(),
                            "with_vector": ready["with_vector"], "units_per_second": ready["units_per_second"]})  # fmt: skip
            if args.json and len(samples) % 20 == 1:  # a long run leaves its figures so far
                args.json.write_text(json.dumps({**result, "samples": samples}, ensure_ascii=False, indent=1), encoding="utf-8")  # fmt: skip
            if args.until_done and ready["build_state"] == "done":
                result["build_done_s"] = samples[-1]["t"]
                break
            time.sleep(15)
        result["samples"] = samples
        result["peak_rss_mb"] = (
            round(max(s["VmHWM"] for s in samples) / 1024, 1) if samples else None
        )
        result["last_ready"] = ready
    finally:
        server.terminate()
        server.wait(60)
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
