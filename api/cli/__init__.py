"""The ``zhifa`` command line: one root app, one sub-app per capability."""

from __future__ import annotations

import typer

from api.cli.admin import av_list_command, draw_command, lists_app, roster_app
from api.cli.assist import ask_command, evidence_command
from api.cli.audit import audit_app
from api.cli.case_record import record_app as _record_app_with_case_commands  # noqa: F401
from api.cli.cases import cases_app
from api.cli.command_groups import add_command_groups, installed_command_groups
from api.cli.corpus import cite_command, corpus_app
from api.cli.discretion import discretion_app
from api.cli.draft import draft_command
from api.cli.index import index_app
from api.cli.locale import install_chinese_click_messages
from api.cli.models import models_app
from api.cli.output import ZhifaGroup
from api.cli.publicity import publicity_app
from api.cli.review import review_command
from api.cli.search import search_command
from api.cli.serve import serve_command
from api.cli.supervise import audit_file_command, supervise_app
from api.cli.transcribe import record_app, transcribe_command
from api.cli.users import user_app
from api.components import Components
from api.settings import Settings

install_chinese_click_messages()

app = typer.Typer(
    help="执法智助：面向行政执法的离线法律助手（法条检索、引用核验、审核、笔录）。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    cls=ZhifaGroup,
)


@app.callback()
def root(ctx: typer.Context) -> None:
    """执法智助命令行。所有命令支持中文提示；失败时返回非零退出码并输出一行原因。"""
    ctx.obj = Components(Settings())


app.add_typer(corpus_app, name="corpus")
app.add_typer(discretion_app, name="discretion")
app.command("cite", help="解析法条引用并输出指定日期有效版本的条文。")(cite_command)
app.command("ask", help="按案情推送适用条文、裁量基准和证据清单。")(ask_command)
app.command("evidence", help="列出需收集的证据及理由。")(evidence_command)
app.command("serve", help="启动 HTTP 服务与网页。")(serve_command)
app.add_typer(index_app, name="index")
app.command("search", help="混合检索法条（BM25 + 向量），默认只检索今天有效的版本。")(
    search_command
)
app.add_typer(models_app, name="models")
app.command("transcribe", help="转写询问录音；给出 --case 时生成音频记录和询问笔录草稿。")(
    transcribe_command
)
app.add_typer(record_app, name="record")
app.add_typer(publicity_app, name="publicity")
app.add_typer(cases_app, name="cases")
app.add_typer(user_app, name="user")
app.add_typer(audit_app, name="audit")
app.add_typer(roster_app, name="roster")
app.add_typer(lists_app, name="lists")
app.command("draw", help="双随机抽查：按公开的随机种子抽取检查对象与执法人员，记录并生成公示。")(
    draw_command
)
app.command("av-list", help="行政执法全过程音像记录清单（可编辑，默认依全过程记录办法第十四条）。")(
    av_list_command
)
app.command("review", help="法制审核：重大执法决定判断、逐项审核要点并出具审核意见书。")(
    review_command
)
app.command("draft", help="文书生成：按案卷起草执法文书（立案审批表、告知书、决定书等）。")(
    draft_command
)
app.add_typer(supervise_app, name="supervise")
app.command(
    "audit-file", help="案卷评查：按评查标准为已结案案卷打分，列出不合格卷理由与每项扣分。"
)(audit_file_command)
# Groups of higher layers (``zhifa eval`` from eval/), last so that a clash with any name above fails.
add_command_groups(app, installed_command_groups())


def main() -> None:
    """Console-script entry point."""
    app()
