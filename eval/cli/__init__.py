"""``zhifa eval``: every evaluation command, registered from eval/ so api/ never imports it.

eval/ sits above api/ in the layering; the root command line finds this app through the
``zhifa.cli`` entry-point group declared in pyproject.toml (``eval = "eval.cli:eval_app"``).
"""

from __future__ import annotations

import typer

from eval.cli.assist import assist_command
from eval.cli.cases import cases_command
from eval.cli.pair_ranker import pair_ranker_command
from eval.cli.redaction import redaction_command
from eval.cli.reports import (
    compare_command,
    law_aware_cv_command,
    retrieval_command,
    run_command,
)
from eval.cli.review import review_command

eval_app = typer.Typer(
    help="评测：检索质量与速度、评测报告（HTML 图表）与报告比较、类案检索、办案辅助条款对、法制审核要点、个人信息隐去。",
    no_args_is_help=True,
    rich_markup_mode=None,
)
eval_app.command("retrieval", help="在评测集上并列比较 bm25、dense、hybrid 的命中率与延迟。")(
    retrieval_command
)
eval_app.command(
    "law-aware-cv",
    help="识别法律与法律先验的参数：在一个评测集上选定，在另一个上报告（两折交叉）。",
)(law_aware_cv_command)
eval_app.command("run", help="按配置文件运行所有适用的评测，写出 report.json 与 report.html。")(
    run_command
)
eval_app.command("compare", help="比较两份评测报告：各指标差值与逐题变化（B 相对 A）。")(
    compare_command
)
eval_app.command(
    "cases", help="类案检索评测：CAIL 留一法，同罪名为相关，比较普通 BM25 基线与本系统。"
)(cases_command)
eval_app.command(
    "review", help="法制审核评测：在一组带 expected_flags 的案卷上计算审核要点的精确率与召回率。"
)(review_command)
eval_app.command(
    "assist", help="办案辅助评测：条款对准确率@1/@3、违法依据与处罚依据 Hit@3、角色错误。"
)(assist_command)
eval_app.command(
    "pair-ranker",
    help="办案辅助条款对排序：在训练集上学习权重，在报告集上与手定权重比较。",
)(pair_ranker_command)
eval_app.command("redaction", help="在生成的标注集上测量个人信息隐去的召回率与精确率。")(
    redaction_command
)
