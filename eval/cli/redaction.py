"""``zhifa eval redaction``: recall and precision of personal-data redaction on generated labels."""

from __future__ import annotations

import typer

from api.cli.output import components_from, emit_json
from eval.pii_samples import labelled_samples
from eval.redaction_bench import run_bench


def redaction_command(
    ctx: typer.Context,
    per_kind: int = typer.Option(200, "--per-kind", min=1, help="每类个人信息的样本数。"),
    seed: int = typer.Option(20240131, "--seed", help="随机种子。"),
) -> None:
    report = run_bench(components_from(ctx).redactor, labelled_samples(per_kind, seed))
    emit_json(report.as_json())
