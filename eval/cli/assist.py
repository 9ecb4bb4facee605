"""``zhifa eval assist``: (duty, penalty) pair accuracy of 办案辅助 on a situations set."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer

from api.cli.output import components_from, emit_json, fail
from eval.assist_eval import SPLITS, evaluate, load_situations, unit_of
from eval.assist_metrics import ShownPair
from eval.situation_memory_study import set_source


def assist_command(
    ctx: typer.Context,
    eval_set: Path = typer.Option(
        ..., "--set", help="情形评测集 JSON（eval/sets/assist/situations.json 格式）。"
    ),
    split: str = typer.Option("all", "--split", help="dev、heldout 或 all（先 dev 后 heldout）。"),
    details: bool = typer.Option(
        False, "--details", help="输出逐题结果（只用于 dev，调参不得查看 heldout）。"
    ),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出指标。"),
    memory: bool = typer.Option(
        True, "--memory/--no-memory", help="是否使用已核对情形（本集自身的情形总被排除）。"
    ),
) -> None:
    if split not in (*SPLITS, "all"):
        fail(f"--split 只能是 dev、heldout 或 all，收到“{split}”")
    if not eval_set.is_file():
        fail(f"找不到评测集：{eval_set}")
    assistant = components_from(ctx).assistant
    source = set_source(eval_set)
    if assistant.memory is not None:  # a set never answers itself
        assistant = assistant.with_memory(assistant.memory.without({source}) if memory else None)
    try:
        loaded = load_situations(eval_set, assistant.finder.resolver)
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        fail(f"评测集格式有误：{exc}")

    def answer(text: str, on: date) -> list[ShownPair]:
        pairs = assistant.pairs_for(text, on).pairs
        return [ShownPair(unit_of(p.violated), unit_of(p.penalty)) for p in pairs]

    splits = SPLITS if split == "all" else (split,)
    report = evaluate(loaded, answer, splits, details)
    report["mode"] = assistant.finder.mode
    report["memory"] = {
        "situations": len(assistant.memory.entries) if assistant.memory else 0,
        "excluded_source": source,
    }
    if as_json:
        emit_json(report)
        return
    _print_assist_report(report)


def _print_assist_report(report: dict) -> None:
    typer.echo(f"检索方式：{report['mode']}；无法解析标准答案而跳过 {len(report['skipped'])} 题")
    memory = report["memory"]
    typer.echo(
        f"已核对情形 {memory['situations']} 条（已排除本集 {memory['excluded_source']} 自身的情形）"
    )
    for line in report["skipped"]:
        typer.echo(f"  跳过 {line}")
    header = f"{'集合':<8}{'题数':>5}{'判定':>8}{'对@1':>8}{'对@3':>8}{'违法@3':>8}{'处罚@3':>8}"
    typer.echo(header)
    for name, m in report["splits"].items():
        _print_split(name, m)
    for item in report["items"]:
        mark = "✓" if item["pair_hit@3"] else "✗"
        typer.echo(f"{mark} {item['id']} 输出 {item['shown']} 标准 {item['gold']}")


def _print_split(name: str, m: dict) -> None:
    """Pair rows for violation situations, then the procedural questions' false pairs."""
    if m["n"]:
        for rule, label in (("lenient", "同条包含"), ("strict", "完全一致")):
            r = m[rule]
            typer.echo(
                f"{name:<8}{m['n']:>5}{label:>8}{r['pair_acc@1']:>8.3f}{r['pair_acc@3']:>8.3f}"
                f"{r['duty_hit@3']:>8.3f}{r['penalty_hit@3']:>8.3f}"
            )
        e = m["role_errors"]
        typer.echo(
            f"{name:<8}角色错误：{e['situations']:.3f} 的题目，共 {e['citations']} 条；"
            f"每题 {m['seconds_per_item']:.2f} 秒"
        )
    p = m.get("procedural")
    if p:
        typer.echo(
            f"{name:<8}程序性问题 {p['n']} 题：未给出违法/处罚配对 {p['no_pair']:.3f}；"
            f"误给配对 {p['false_pair_rate']:.3f} 的题目，共 {p['false_pairs']} 对"
        )
