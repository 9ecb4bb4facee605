"""``zhifa eval pair-ranker``: learn the pair ranker on some sets, report it on the others."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import typer

from api.cli.output import components_from, emit_json, fail
from assistant.pair_ranker import PairRanker
from eval.pair_ranker_training import (
    L2,
    as_ranker,
    collect_named,
    miss_classes,
    report,
    train,
)


def _named_sets(specs: list[str]) -> dict[str, tuple[Path, str | None]]:
    """``path`` or ``path:split`` → {name: (path, split)}; the name is the set's folder."""
    named: dict[str, tuple[Path, str | None]] = {}
    for spec in specs:
        path_text, _, split = spec.partition(":")
        path = Path(path_text)
        if not path.is_file():
            fail(f"找不到评测集：{path}")
        if split not in ("", "dev", "heldout"):
            fail(f"评测集“{spec}”的划分只能是 dev 或 heldout")
        name = f"{path.parent.name}/{path.stem}" + (f":{split}" if split else "")
        named[name] = (path, split or None)
    return named


def pair_ranker_command(
    ctx: typer.Context,
    train_sets: list[str] = typer.Option(
        ..., "--train", help="训练用情形集（可多次；可写 路径:dev 或 路径:heldout）。"
    ),
    report_sets: list[str] = typer.Option(
        [], "--report", help="只用来报告的情形集（可多次），训练从不读取。"
    ),
    out: Path | None = typer.Option(None, "--out", help="写出学得的权重（JSON）。"),
    l2: float = typer.Option(L2, "--l2", help="L2 正则系数。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    assistant = components_from(ctx).assistant
    trained = collect_named(assistant, _named_sets(train_sets))
    reported = collect_named(assistant, _named_sets(report_sets))
    weights = train(trained, l2)
    hand = np.array(PairRanker.hand().vector)
    result: dict = {"trained_on": sorted({s.set_name for s in trained}), "sets": {}}
    for role, situations in (("train", trained), ("report", reported)):
        for name in dict.fromkeys(s.set_name for s in situations):
            chosen = [s for s in situations if s.set_name == name]
            result["sets"][name] = {
                "role": role,
                "hand": report(chosen, hand, assistant),
                "learned": report(chosen, weights, assistant),
                "learned_misses": dict(miss_classes(chosen, weights, assistant)),
            }
    ranker = as_ranker(weights, result["trained_on"], {"l2": l2, "model": "listwise logistic"})
    result["weights"] = dict(ranker.weights)
    if out is not None:
        ranker.save(out)
    if as_json:
        emit_json(result)
        return
    for name, figures in result["sets"].items():
        typer.echo(f"{name}（{'训练' if figures['role'] == 'train' else '报告'}）")
        for label in ("hand", "learned"):
            m = figures[label]["lenient"]
            typer.echo(
                f"  {'手定' if label == 'hand' else '学得'}：条款对@1 {m['pair_acc@1']:.3f}  "
                f"@3 {m['pair_acc@3']:.3f}  违法 Hit@3 {m['duty_hit@3']:.3f}  "
                f"处罚 Hit@3 {m['penalty_hit@3']:.3f}  "
                f"角色错误 {figures[label]['role_errors']['citations']}"
            )
    if out is not None:
        typer.echo(f"权重已写入 {out}")
