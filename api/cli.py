"""The ``zhifa`` command line: one root app, one sub-app per capability."""

from __future__ import annotations

import typer

from api.cli_corpus import cite_command, corpus_app
from corpus.settings import Settings

app = typer.Typer(
    help="执法智助：面向行政执法的离线法律助手（法条检索、引用核验、审核、笔录）。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


@app.callback()
def root(ctx: typer.Context) -> None:
    """执法智助命令行。所有命令支持中文提示；失败时返回非零退出码并输出一行原因。"""
    ctx.obj = Settings()


app.add_typer(corpus_app, name="corpus")
app.command("cite", help="解析法条引用并输出指定日期有效版本的条文。")(cite_command)


def main() -> None:
    """Console-script entry point."""
    app()
