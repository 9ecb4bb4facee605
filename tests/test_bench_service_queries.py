"""The load bench's query pool: LawBench questions and assist situations, each once."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_service_load import questions_from  # noqa: E402


def _write_set(path: Path, items: list[dict]) -> Path:
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return path


def test_queries_come_from_both_set_formats_without_repeats(tmp_path: Path) -> None:
    repeated = {"question": "商标注册的有效期是多久？", "answer": "《商标法》第三十九条"}
    lawbench = _write_set(tmp_path / "lawbench.json", [repeated, repeated])
    situations = _write_set(
        tmp_path / "situations.json",
        [
            {"id": "G1", "situation": "餐馆后厨发现过期食材"},
            {"id": "GP1", "situation": "听证申请期限是几天？"},
        ],
    )
    assert questions_from([lawbench, situations]) == [
        "商标注册的有效期是多久？",
        "餐馆后厨发现过期食材",
        "听证申请期限是几天？",
    ]
