"""``zhifa discretion``: search the discretion standards, show tiers, evaluate facts."""

from __future__ import annotations

import re

import typer

from api.cli.output import components_from, emit_json, fail, settings_from
from assistant.discretion.catalogue import StandardsCatalogue, build_model, write_cache
from assistant.discretion.conditions import CaseFacts
from assistant.discretion.coverage import coverage_report
from assistant.discretion.model import Violation
from assistant.discretion.tier_decision import Decision, decide
from corpus.numerals import parse_number

discretion_app = typer.Typer(
    help="行政处罚裁量基准（江门裁量表、广东裁量表、不予处罚清单）：检索、档次、裁量计算。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
_SOURCES = {
    "江门": "jiangmen",
    "广东": "guangdong",
    "jiangmen": "jiangmen",
    "guangdong": "guangdong",
}


def _catalogue(ctx: typer.Context) -> StandardsCatalogue:
    return components_from(ctx).standards


def _source(value: str | None) -> str | None:
    if value is None:
        return None
    if value not in _SOURCES:
        fail(f"未知的裁量基准来源：{value}（可选：江门、广东）")
    return _SOURCES[value]


@discretion_app.command("search", help="按文字或“法律+条号”检索违法行为。")
def search_command(
    ctx: typer.Context,
    text: str = typer.Argument("", help="违法行为描述，如“未依法备案环境影响登记表”"),
    law: str | None = typer.Option(None, "--law", help="法律名称，如 水污染防治法"),
    article: str | None = typer.Option(None, "--article", help="条号，如 83 或 第八十三条"),
    source: str | None = typer.Option(None, "--source", help="江门 或 广东"),
    limit: int = typer.Option(10, "--limit", help="最多显示条数"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    catalogue = _catalogue(ctx)
    if law and article:
        found = catalogue.search_article(law, _article_number(article), source=_source(source))
        hits = [(v, 1.0) for v in found[:limit]]
    elif text:
        hits = [(h.violation, h.score) for h in catalogue.search_text(text, limit, _source(source))]
    else:
        fail("请提供违法行为描述，或同时提供 --law 与 --article")
    if as_json:
        emit_json([_summary(v) | {"score": round(s, 3)} for v, s in hits])
        return
    if not hits:
        fail("未找到匹配的违法行为")
    for violation, score in hits:
        typer.echo(f"{violation.id}\t{score:.2f}\t{violation.title}\t（{_basis_line(violation)}）")


def _article_number(text: str) -> int:
    digits = re.sub(r"^第|条$", "", text.strip())
    try:
        return parse_number(digits)
    except ValueError:
        fail(f"无法识别的条号：{text}")


def _basis_line(violation: Violation) -> str:
    refs = [r for b in violation.legal_basis for r in b.refs]
    return "；".join(dict.fromkeys(f"{r.law or ''}第{r.article}条" for r in refs)) or "无法律依据"


def _summary(violation: Violation) -> dict:
    return {
        "id": violation.id,
        "source": violation.source,
        "title": violation.title,
        "category": violation.category,
        "mode": violation.mode,
        "legal_basis": [b.model_dump() for b in violation.legal_basis],
    }


@discretion_app.command("show", help="显示一个违法行为的全部档次或裁量要素。")
def show_command(
    ctx: typer.Context,
    violation_id: str = typer.Argument(..., help="违法行为编号，如 JM-2-5、GD-1.1"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    violation = _catalogue(ctx).get(violation_id)
    if violation is None:
        fail(f"没有编号为 {violation_id} 的违法行为")
    if as_json:
        emit_json(violation.model_dump(mode="json"))
        return
    typer.echo(
        f"{violation.id} {violation.title}\n类别：{violation.category}  位置：{violation.location}"
    )
    for basis in violation.legal_basis:
        typer.echo(f"法律依据：{basis.raw[:120]}")
    for tier in violation.tiers:
        conditions = "；".join(c.text for c in tier.conditions)
        scenario = (
            f"[{tier.scenario[:12]}] " if tier.scenario and violation.source == "jiangmen" else ""
        )
        typer.echo(f"  {scenario}第{tier.level}档：{conditions} → {tier.penalty_text}")
    for schedule in violation.schedules:
        typer.echo(f"  裁量起点 {schedule.start_pct}% {schedule.label} {schedule.formula}")
    for factor in violation.factors:
        levels = "；".join(f"{lv.text} {lv.weights_pct}" for lv in factor.levels)
        typer.echo(f"  {factor.name}：{levels}")


@discretion_app.command("evaluate", help="根据案件事实计算档次、罚款幅度、决定因素和免罚情形。")
def evaluate_command(
    ctx: typer.Context,
    violation_id: str = typer.Argument(..., help="违法行为编号，如 JM-2-5、GD-1.1"),
    prior: int | None = typer.Option(
        None, "--prior", help="近两年（或表中期间）同类违法受处罚次数，不含本次"
    ),
    first: bool | None = typer.Option(None, "--first/--not-first", help="是否首次违法"),
    corrected: bool | None = typer.Option(
        None, "--corrected/--not-corrected", help="是否在限期内改正"
    ),
    harm: str | None = typer.Option(None, "--harm", help="危害后果：无、轻微、一般、严重、重大"),
    cooperated: bool | None = typer.Option(
        None, "--cooperated/--not-cooperated", help="是否配合调查"
    ),
    sensitive: bool | None = typer.Option(
        None, "--sensitive/--not-sensitive", help="是否位于生态环境敏感区"
    ),
    aggravating: bool = typer.Option(False, "--aggravating", help="存在从重情形"),
    mitigating: bool = typer.Option(False, "--mitigating", help="存在从轻情形"),
    quantity: list[str] = typer.Option([], "--qty", help="数量，单位=数值，如 吨=15、个月=4"),
    base: list[str] = typer.Option([], "--base", help="计罚基数，如 违法所得=50000"),
    factor: list[str] = typer.Option(
        [], "--factor", help="裁量要素=违法程度，如 建设情况=设备安装阶段"
    ),
    circumstance: list[str] = typer.Option([], "--circumstance", "-c", help="其他情节（文字）"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    catalogue = _catalogue(ctx)
    violation = catalogue.get(violation_id)
    if violation is None:
        fail(f"没有编号为 {violation_id} 的违法行为")
    if harm is not None and harm not in ("无", "轻微", "一般", "严重", "重大"):
        fail(f"危害后果只能是 无、轻微、一般、严重、重大：{harm}")
    facts = CaseFacts(
        prior_offences=prior,
        first_offence=first,
        corrected_in_time=corrected,
        harm=harm,
        cooperated=cooperated,
        sensitive_area=sensitive,
        aggravating=aggravating,
        mitigating=mitigating,
        quantities={k: float(v) for k, v in _pairs(quantity).items()},
        base_amounts={k: float(v) for k, v in _pairs(base).items()},
        factor_levels=_pairs(factor),
        circumstances=circumstance,
    )
    decision = decide(violation, facts, catalogue.exemptions)
    if as_json:
        emit_json(decision.model_dump(mode="json"))
        return
    _print_decision(decision)


def _pairs(values: list[str]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key or not rest:
            fail(f"参数格式应为 名称=值：{value}")
        pairs[key.strip()] = rest.strip()
    return pairs


def _yuan(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}元"


def _print_decision(decision: Decision) -> None:
    typer.echo(f"{decision.violation_id} {decision.violation_title}")
    typer.echo(f"档次：{decision.tier}  裁量标准：{decision.penalty_text}")
    typer.echo(
        f"罚款幅度：{_yuan(decision.range_min_yuan)} 至 {_yuan(decision.range_max_yuan)}；"
        f"建议罚款：{_yuan(decision.recommended_yuan)}"
    )
    typer.echo("决定因素：")
    for factor in decision.deciding_factors:
        typer.echo(f"  - {factor}")
    if decision.exemption:
        ex = decision.exemption
        typer.echo(f"不予处罚清单：{ex.item_id} {ex.title} → {ex.status}")
        for label, items in (("已满足", ex.met), ("不满足", ex.unmet), ("待核实", ex.unknown)):
            if items:
                typer.echo(f"  {label}：{'；'.join(items)}")
    for warning in decision.warnings:
        typer.echo(f"提示：{warning}")


@discretion_app.command("coverage", help="报告各裁量基准解析为数字的比例，并列出未解析的行。")
def coverage_command(
    ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="输出 JSON")
) -> None:
    report = coverage_report(_catalogue(ctx).model)
    if as_json:
        emit_json([r.model_dump() | {"fraction": round(r.fraction, 4)} for r in report])
        return
    names = {"jiangmen": "江门裁量表", "guangdong": "广东裁量表"}
    for item in report:
        typer.echo(
            f"{names[item.source]}：违法行为 {item.violations} 项，行 {item.rows_total}，"
            f"解析为数字 {item.rows_parsed}（{item.fraction:.2%}），未解析 {len(item.unparsed)}"
        )
        for row in item.unparsed:
            typer.echo(f"  未解析 {row.violation_id} {row.location}：{row.text}")


@discretion_app.command("rebuild", help="重新解析裁量基准源文件并更新 JSON 缓存（约半分钟）。")
def rebuild_command(ctx: typer.Context) -> None:
    settings = settings_from(ctx)
    model = build_model(settings.standards_dir)
    path = write_cache(model, settings.standards_dir)
    typer.echo(
        f"已写入 {path}：违法行为 {len(model.violations)} 项，免罚清单 {len(model.exemptions)} 项"
    )
