"""``zhifa ask`` and ``zhifa evidence``: officer assistance on the command line."""

from __future__ import annotations

import typer

from api.cli.output import components_from, emit_json, parse_date_option
from assistant.officer_assistant import AssistAnswer, OfficerAssistant
from assistant.provisions import ProvisionRole

JSON_HELP = "以 JSON 输出（机器可读）"


def _assistant(ctx: typer.Context) -> OfficerAssistant:
    """The shared assistant; says on stderr when similar cases are not available."""
    components = components_from(ctx)
    assistant = components.assistant
    if components.case_search_problem:
        typer.echo(f"提示：未加载类案（{components.case_search_problem}）", err=True)
    return assistant


def _print_pairs(answer: AssistAnswer) -> set[tuple[str, int]]:
    """Each pair with its reason, standard and evidence; returns the articles shown."""
    shown: set[tuple[str, int]] = set()
    if answer.provisions.pairs:
        typer.echo("【违法行为与处罚依据】")
    for number, pair in enumerate(answer.provisions.pairs, start=1):
        typer.echo(f"  第{number}组 — {pair.reason}")
        for label, c in (("违法依据", pair.violated), ("处罚依据", pair.penalty)):
            shown.add((c.law, c.article))
            typer.echo(f"    {label}：{c.citation}（{c.version} 起施行）")
            typer.echo(f"      {c.text[:160].replace(chr(10), ' ')}")
        if pair.standard:
            agree = "与检索结果一致" if pair.standard["agrees"] else "检索未得出，请核对"
            typer.echo(f"    裁量基准 {pair.standard['id']}：{pair.standard['title']}（{agree}）")
        if pair.memory:
            m = pair.memory
            agree = "与检索结果一致" if m["agrees"] else "检索未得出，按相近情形给出，请核对"
            typer.echo(
                f"    已核对情形 {m['source']}/{m['id']}（相似度 {m['similarity']}）："
                f"{m['situation'][:40]}（{agree}）"
            )
        for item in pair.evidence:
            typer.echo(
                f"    □ [{item['kind']}] {item['item']} — {item['reason']}（{item['source']}）"
            )
    for note in answer.provisions.notes:
        typer.echo(f"提示：{note}")
    return shown


def _print_provisions(answer: AssistAnswer) -> None:
    for missing in answer.provisions.missing_laws:
        typer.echo(f"注意：{missing.message}（{missing.reason}）")
    shown = _print_pairs(answer)
    if not answer.provisions.provisions and not shown:
        typer.echo("未找到相关条文。")
    for role in ProvisionRole:
        found = [
            p
            for p in answer.provisions.by_role(role)
            if (p.citation.law, p.citation.article) not in shown
        ]
        if found:
            typer.echo(f"【{'其他' if shown else ''}{role.label}】")
        for provision in found:
            typer.echo(
                f"  {provision.citation.citation}（{provision.citation.version} 起施行）— {provision.reason}"
            )
            typer.echo(f"    {provision.citation.text[:200].replace(chr(10), ' ')}")


def _print_discretion(answer: AssistAnswer) -> None:
    if not answer.discretion:
        return
    typer.echo("【裁量基准】")
    for match in answer.discretion:
        typer.echo(f"  {match.violation.id} {match.violation.title[:50]} — {match.reason}")
        for tier in match.violation.tiers[:6]:
            typer.echo(f"    档次{tier.level}：{tier.penalty_text[:60]}")


def _print_cases(answer: AssistAnswer) -> None:
    if not answer.similar_cases:
        return
    typer.echo("【相似案例】")
    for case in answer.similar_cases:
        charges = "、".join(case["charges"]) or case["kind"]
        typer.echo(
            f"  {case['case_id']} {case['title'][:40]}（{charges}）— {'；'.join(case['reasons'])[:80]}"
        )


def _print_evidence(answer: AssistAnswer) -> None:
    checklist = answer.evidence
    if checklist is None:
        return
    typer.echo("【证据清单】（✓ 已收集，□ 待收集）")
    for item in checklist.items:
        mark = "✓" if item.present else "□"
        typer.echo(f"  {mark} [{item.kind}] {item.item} — {item.reason}（{item.source}）")
    for warning in checklist.warnings:
        typer.echo(f"提示：{warning}", err=True)


def ask_command(
    ctx: typer.Context,
    question: str = typer.Argument(..., help="案情或问题，如“某餐馆后厨发现过期食材，怎么处理？”"),
    on: str | None = typer.Option(None, "--date", help="违法行为发生日期 YYYY-MM-DD，默认今天"),
    k: int = typer.Option(5, "-k", min=1, max=50, help="检索命中条数（关联条文另计）"),
    have: list[str] = typer.Option(
        [], "--have", help="案卷中已有的证据（可重复），用于标记已收集项"
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """推送适用条文（区分违法依据与处罚依据）、裁量基准和证据清单；每条均可溯源。"""
    answer = _assistant(ctx).assist(question, parse_date_option(on), k, have)
    if as_json:
        emit_json(answer.as_json())
        return
    _print_provisions(answer)
    _print_discretion(answer)
    _print_cases(answer)
    _print_evidence(answer)


def evidence_command(
    ctx: typer.Context,
    question: str = typer.Argument(..., help="违法行为或案情描述"),
    on: str | None = typer.Option(None, "--date", help="违法行为发生日期 YYYY-MM-DD，默认今天"),
    have: list[str] = typer.Option([], "--have", help="案卷中已有的证据（可重复）"),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """列出需收集的证据：法定证据种类、构成要件、裁量情节，每项附理由和出处。"""
    answer = _assistant(ctx).assist(question, parse_date_option(on), 5, have)
    if as_json:
        emit_json(answer.evidence.as_json() if answer.evidence else {})
        return
    _print_evidence(answer)
