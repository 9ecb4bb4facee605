"""``zhifa eval review``: precision and recall of the 法制审核 flags on labelled case files."""

from __future__ import annotations

from pathlib import Path

import typer

from api.cli.output import components_from, emit_json
from eval.review_eval import evaluate_folder


def review_command(
    ctx: typer.Context,
    folder: Path = typer.Argument(
        ..., help="案卷目录：每份案卷（JSON 或 YAML）带 expected_flags，如 tests/review_cases。"
    ),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出总体与各要点的指标。"),
) -> None:
    result = evaluate_folder(folder, components_from(ctx).review_context)
    if as_json:
        emit_json(result.as_json())
        return
    typer.echo(result.summary())
