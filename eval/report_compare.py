"""``zhifa eval compare A B``: metric deltas and per-question flips between two reports.

Configurations are paired by name; two single-configuration reports are paired with
each other whatever their names (the usual "before / after" comparison). A flip is a
question whose gold was in the top 10 in one report and not in the other.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FLIP_DEPTH = 10


def load_report(path: Path) -> dict[str, Any]:
    """``report.json`` itself, or the folder holding it."""
    path = Path(path)
    if path.is_dir():
        path = path / "report.json"
    if not path.is_file():
        raise FileNotFoundError(f"找不到评测报告：{path}")
    return json.loads(path.read_text(encoding="utf-8"))


def pair_configurations(a: dict[str, Any], b: dict[str, Any]) -> list[tuple[dict, dict]]:
    by_name = {c["name"]: c for c in b["configurations"]}
    pairs = [(c, by_name[c["name"]]) for c in a["configurations"] if c["name"] in by_name]
    if not pairs and len(a["configurations"]) == 1 and len(b["configurations"]) == 1:
        pairs = [(a["configurations"][0], b["configurations"][0])]
    return pairs


def _found(row: dict[str, Any]) -> bool:
    return row["rank"] is not None and row["rank"] <= FLIP_DEPTH


def _delta(old: float | None, new: float | None) -> float | None:
    return None if old is None or new is None else round(new - old, 4)


def compare_retrieval(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    metrics = {
        k: {"a": v, "b": new["metrics"].get(k), "delta": _delta(v, new["metrics"].get(k))}
        for k, v in old["metrics"].items()
    }
    for key in ("p50_ms", "p95_ms"):
        metrics[f"latency_{key}"] = {
            "a": old["latency"][key],
            "b": new["latency"][key],
            "delta": _delta(old["latency"][key], new["latency"][key]),
        }
    new_rows = {row["id"]: row for row in new["per_question"]}
    gained, lost, moved = [], [], 0
    for row in old["per_question"]:
        other = new_rows.get(row["id"])
        if other is None:
            continue
        moved += row["rank"] != other["rank"]
        item = {
            "id": row["id"],
            "question": row["question"],
            "gold": row["gold"],
            "rank_a": row["rank"],
            "rank_b": other["rank"],
        }
        if _found(other) and not _found(row):
            gained.append(item)
        elif _found(row) and not _found(other):
            lost.append(item)
    return {"metrics": metrics, "rank_changed": moved, "gained": gained, "lost": lost}


def compare_reports(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Everything that differs between report ``a`` and report ``b`` (b − a)."""
    pairs = []
    for old, new in pair_configurations(a, b):
        retrieval = {
            name: compare_retrieval(result, new["results"]["retrieval"][name])
            for name, result in old["results"].get("retrieval", {}).items()
            if name in new["results"].get("retrieval", {})
        }
        pairs.append(
            {
                "a": old["name"],
                "b": new["name"],
                "same_corpus": old["corpus_hash"] == new["corpus_hash"],
                "same_model": old["model"] == new["model"],
                "retrieval": retrieval,
                "similar_cases": _similar(old, new),
            }
        )
    return {
        "a": a["environment"],
        "b": b["environment"],
        "pairs": pairs,
        "shared": _shared(a.get("shared", {}), b.get("shared", {})),
    }


def _similar(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    if "similar_cases" not in old["results"] or "similar_cases" not in new["results"]:
        return {}
    before = {r["mode"]: r["precision_at_k"] for r in old["results"]["similar_cases"]["results"]}
    after = {r["mode"]: r["precision_at_k"] for r in new["results"]["similar_cases"]["results"]}
    return {
        m: {"a": before[m], "b": after[m], "delta": _delta(before[m], after[m])}
        for m in before
        if m in after
    }


def _shared(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "discretion" in a and "discretion" in b:
        out["discretion_tier_accuracy"] = _triple(
            a["discretion"]["tier_accuracy"], b["discretion"]["tier_accuracy"]
        )
    if "review" in a and "review" in b:
        for key in ("precision", "recall"):
            out[f"review_{key}"] = _triple(a["review"]["overall"][key], b["review"]["overall"][key])
    if "transcription" in a and "transcription" in b:
        out["transcription_cer"] = _triple(
            a["transcription"]["overall"]["ours"]["cer"],
            b["transcription"]["overall"]["ours"]["cer"],
        )
    return out


def _triple(old: float | None, new: float | None) -> dict[str, float | None]:
    return {"a": old, "b": new, "delta": _delta(old, new)}


def format_comparison(comparison: dict[str, Any]) -> str:
    """The human-readable table printed by ``zhifa eval compare``."""
    lines = [
        f"A：提交 {comparison['a']['git']['commit']}（{comparison['a']['created']}）",
        f"B：提交 {comparison['b']['git']['commit']}（{comparison['b']['created']}）",
    ]
    if not comparison["pairs"]:
        lines.append("两份报告没有同名配置可比较。")
    for pair in comparison["pairs"]:
        notes = [] if pair["same_corpus"] else ["语料不同"]
        notes += [] if pair["same_model"] else ["模型不同"]
        lines.append(
            f"\n配置 {pair['a']} → {pair['b']}" + (f"（{'，'.join(notes)}）" if notes else "")
        )
        for name, result in pair["retrieval"].items():
            lines.append(f"  检索评测集 {name}：")
            lines.append(f"    {'指标':<18}{'A':>10}{'B':>10}{'差值':>10}")
            for key, m in result["metrics"].items():
                lines.append(
                    f"    {key:<18}{_num(m['a'])}{_num(m['b'])}{_num(m['delta'], signed=True)}"
                )
            lines.append(
                f"    名次变化 {result['rank_changed']} 题；B 新命中 {len(result['gained'])} 题，"
                f"B 新丢失 {len(result['lost'])} 题"
            )
            for tag, items in (("+", result["gained"]), ("-", result["lost"])):
                for item in items[:20]:
                    lines.append(
                        f"      {tag} {item['id']} {item['question'][:40]}（{item['rank_a']} → {item['rank_b']}）"
                    )
        for mode, m in pair["similar_cases"].items():
            lines.append(f"  类案 P@k {mode}：{m['a']} → {m['b']}（{m['delta']:+.4f}）")
    for key, m in comparison["shared"].items():
        lines.append(f"{key}：{m['a']} → {m['b']}（差值 {m['delta']}）")
    return "\n".join(lines)


def _num(value: float | None, signed: bool = False) -> str:
    if value is None:
        return f"{'—':>10}"
    return f"{value:>+10.4f}" if signed else f"{value:>10.4f}"
