"""``zhifa roster | lists | draw | av-list``: enforcement administration from the command line.

Rosters (执法主体、执法事项、执法人员), the pre-enforcement lists an agency publishes,
the 双随机 draw (recorded in the whole-process log) and the 音像记录事项清单.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from api.cli.output import components_from, emit_json, fail, parse_date_option, settings_from
from api.settings import Settings
from assistant.administration.av_recording_list import AV_LIST_HEADERS, av_list_for
from assistant.administration.draw_inputs import read_officers, read_targets
from assistant.administration.draw_publication import draw_public_entry, record_draw
from assistant.administration.enforcement_lists import agency_lists, write_lists
from assistant.administration.procedure_flowchart import penalty_flowchart_svg
from assistant.administration.random_draw import DrawRequest, draw
from assistant.administration.roster import RosterStore
from assistant.administration.roster_records import RosterKind
from assistant.administration.tabular_files import write_table
from assistant.case_record.event_log import CaseRecordStore
from corpus.citation_resolver import CitationResolver

roster_app = typer.Typer(
    help="执法人员库：执法主体、执法事项（附核验的法律依据）、执法人员与法制审核人员。",
    no_args_is_help=True,
    rich_markup_mode=None,
)
lists_app = typer.Typer(
    help="事前公开清单：行政执法事项清单、随机抽查事项清单、执法人员清单、音像记录清单、流程图。",
    no_args_is_help=True,
    rich_markup_mode=None,
)

DATE_HELP = "日期 YYYY-MM-DD（默认今天）。"


def _day(value: str | None) -> date:
    return parse_date_option(value) or date.today()


def _resolver(ctx: typer.Context) -> CitationResolver:
    return components_from(ctx).resolver


@roster_app.command("import", help="从 CSV/XLSX 导入；任何一行有错则全部不导入，并逐行报告原因。")
def roster_import_command(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="CSV（UTF-8）或 XLSX 文件，第一行为表头。"),
    kind: RosterKind = typer.Option(
        RosterKind.OFFICERS,
        "--kind",
        help="officers（执法人员）| agencies（执法主体）| powers（执法事项）。",
    ),
    on: str | None = typer.Option(None, "--date", help="核验法律依据的日期（默认今天）。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    settings = settings_from(ctx)
    report = RosterStore(settings).import_file(file, kind, _resolver(ctx), _day(on))
    if as_json:
        emit_json(report.as_json())
        if not report.ok:
            raise typer.Exit(1)
        return
    if report.ok:
        typer.echo(report.summary())
        return
    for problem in report.problems:
        typer.echo(problem.line(), err=True)
    fail(report.summary().splitlines()[0].rstrip("："))


@roster_app.command("export", help="导出人员库的一张表（.xlsx、.csv 或 .html，可修改后重新导入）。")
def roster_export_command(
    ctx: typer.Context,
    out: Path = typer.Option(..., "--out", help="输出文件，扩展名决定格式。"),
    kind: RosterKind = typer.Option(
        RosterKind.OFFICERS, "--kind", help="officers | agencies | powers。"
    ),
) -> None:
    path = RosterStore(settings_from(ctx)).export(kind, out)
    typer.echo(f"已导出{kind.label}：{path}")


@roster_app.command("expiring", help="列出已过期或将在指定天数内到期的执法证。")
def roster_expiring_command(
    ctx: typer.Context,
    within: int | None = typer.Option(None, "--within", help="天数（默认取设置，30 天）。"),
    on: str | None = typer.Option(None, "--date", help=DATE_HELP),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    settings = settings_from(ctx)
    days = within if within is not None else settings.certificate_warning_days
    warnings = RosterStore(settings).expiring(_day(on), days)
    if as_json:
        emit_json([w.as_json() for w in warnings])
        return
    if not warnings:
        typer.echo(f"{days} 天内没有到期的执法证")
    for w in warnings:
        state = f"已过期{-w.days_left}天" if w.expired else f"{w.days_left}天后到期"
        o = w.officer
        typer.echo(f"{o.name}（{o.certificate_no}，{o.agency}）有效期至{o.valid_to}，{state}")


@roster_app.command(
    "ratio", help="各执法主体法制审核人员占执法人员的比例（不少于 5%，粤审核办法第八条）。"
)
def roster_ratio_command(
    ctx: typer.Context,
    on: str | None = typer.Option(None, "--date", help=DATE_HELP),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    settings = settings_from(ctx)
    ratios = RosterStore(settings).reviewer_ratios(_day(on), settings.reviewer_ratio_min)
    if as_json:
        emit_json([r.as_json() for r in ratios])
        return
    for r in ratios:
        verdict = "达标" if r.meets else f"不达标，还需配备{r.reviewers_needed}名"
        typer.echo(
            f"{r.agency}：执法人员{r.officers}名，法制审核人员{r.reviewers}名，"
            f"比例{r.ratio:.1%}（要求≥{r.minimum:.0%}）{verdict}"
        )


@lists_app.command("generate", help="生成一个执法主体的事前公开清单文件。")
def lists_generate_command(
    ctx: typer.Context,
    agency: str = typer.Option(..., "--agency", help="执法主体名称（须在人员库中）。"),
    out: Path = typer.Option(..., "--out", help="输出目录。"),
    fmt: str = typer.Option("xlsx", "--format", help="xlsx | csv | html。"),
    on: str | None = typer.Option(None, "--date", help="公开日期，法律依据按该日有效版本核验。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出清单内容。"),
) -> None:
    settings = settings_from(ctx)
    lists = agency_lists(
        RosterStore(settings), _resolver(ctx), av_list_for(settings), agency, _day(on)
    )
    paths = write_lists(lists, out, fmt)
    if as_json:
        emit_json({"files": [str(p) for p in paths], "lists": [x.as_json() for x in lists]})
        return
    for listing, path in zip(lists, paths, strict=True):
        typer.echo(f"{listing.title}：{len(listing.rows)}项 → {path}")
    for warning in (w for x in lists for w in x.warnings):
        typer.echo(f"警告：{warning}", err=True)


@lists_app.command(
    "flowchart", help="生成行政处罚流程图（SVG，简易程序、普通程序与听证，逐项标注条文）。"
)
def lists_flowchart_command(
    ctx: typer.Context,
    out: Path = typer.Option(..., "--out", help="输出的 .svg 文件。"),
    on: str | None = typer.Option(None, "--date", help=DATE_HELP),
) -> None:
    svg = penalty_flowchart_svg(_resolver(ctx), _day(on))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(svg, encoding="utf-8")
    typer.echo(f"已生成行政处罚流程图：{out}")


def _draw_officers(settings: Settings, officers: Path | None, agency: str | None) -> list:
    if officers is not None:
        return read_officers(officers)
    if agency is None:
        fail("请用 --officers 给出执法人员表，或用 --agency 从人员库选取")
    RosterStore(settings).agency(agency)
    return RosterStore(settings).officers(agency)


def draw_command(
    ctx: typer.Context,
    targets: Path = typer.Option(
        ..., "--targets", help="检查对象表（CSV/XLSX：对象编码、对象名称…）。"
    ),
    officers: Path | None = typer.Option(None, "--officers", help="执法人员表（CSV/XLSX）。"),
    agency: str | None = typer.Option(
        None, "--agency", help="执法主体；未给 --officers 时从人员库选人。"
    ),
    count: int = typer.Option(..., "--count", min=1, help="抽取的检查对象数量。"),
    seed: str = typer.Option(..., "--seed", help="公开的随机种子（任何文本或数字）。"),
    on: str | None = typer.Option(None, "--date", help="抽取日期（执法证须在该日有效）。"),
    matter: str = typer.Option("", "--matter", help="抽查事项名称。"),
    draw_id: str | None = typer.Option(None, "--id", help="抽查编号（默认 抽查-年份-序号）。"),
    actor: str = typer.Option("系统", "--actor", help="记录人。"),
    dry_run: bool = typer.Option(False, "--dry-run", help="只复现计算，不写入全过程记录。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    """Draw, record in the whole-process log, print the publicity entry."""
    settings = settings_from(ctx)
    people = _draw_officers(settings, officers, agency)
    named = agency or next(iter({o.agency for o in people if o.agency}), "")
    request = DrawRequest(
        agency=named,
        matter=matter,
        on=_day(on),
        count=count,
        seed=seed,
        targets=read_targets(targets),
        officers=people,
    )
    result = draw(request)
    if not dry_run:
        record_draw(CaseRecordStore(settings), result, actor, draw_id)
    entry = draw_public_entry(result, settings)
    if as_json:
        emit_json({"draw": result.as_json(), "public_entry": entry})
        return
    typer.echo(f"抽查编号：{result.draw_id or '（未记录）'}  随机种子：{request.seed}")
    typer.echo(f"输入数据摘要（SHA-256）：{result.inputs_hash}")
    for n, a in enumerate(result.assignments, start=1):
        names = "、".join(f"{o.name}（{o.certificate_no}）" for o in a.inspectors)
        typer.echo(f"{n}. {a.target.name}（{a.target.code}）：{names}")
    for line in result.excluded:
        typer.echo(f"未参加抽取：{line}")
    typer.echo(f"应于 {entry['公开期限']} 前公开抽查情况（公示办法第十一条、第二十一条）")


def av_list_command(
    ctx: typer.Context,
    out: Path | None = typer.Option(None, "--out", help="另存为 .xlsx、.csv 或 .html。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    """The configured (or shipped) list, with each rule checked against the corpus."""
    settings = settings_from(ctx)
    av_list = av_list_for(settings)
    problems = av_list.unresolved_rules(_resolver(ctx))
    if out is not None:
        write_table(out, AV_LIST_HEADERS, av_list.rows(), av_list.title)
    if as_json:
        emit_json(av_list.model_dump() | {"problems": problems})
        return
    typer.echo(av_list.title)
    for item in av_list.items:
        typer.echo(f"- {item.name}：{item.recording}（{item.rule}）")
    for problem in problems:
        typer.echo(f"警告：{problem}", err=True)
