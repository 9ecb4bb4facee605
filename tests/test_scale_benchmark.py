"""The scale benchmark's machinery on a tiny seeded set (the real run is ``make bench``)."""

from __future__ import annotations

from pathlib import Path

from eval.scale_benchmark import Row, benchmark, markdown_table


def test_tiny_run_reports_exact_and_approximate_backends(tmp_path: Path) -> None:
    result = benchmark(
        [3000], 20, 1, [tmp_path / "no-cache.sqlite3"], 600.0, ("faiss-flat", "faiss-ivf"), tmp_path
    )
    rows = {r["backend"]: r for r in result["rows"]}
    assert rows["faiss-flat"]["recall_at_10"] == 1.0
    assert 0.0 < rows["faiss-ivf"]["recall_at_10"] <= 1.0  # uniform random data: IVF is weak
    assert rows["faiss-ivf"]["p95_ms"] >= rows["faiss-ivf"]["p50_ms"] > 0
    assert result["data"][0]["generated_filler"] == 3000  # no cache: all generated, labelled
    table = markdown_table([Row(**r) for r in result["rows"]])
    assert "faiss-ivf" in table and "recall@10" in table
