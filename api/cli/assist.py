"""``zhifa ask`` and ``zhifa evidence``: officer assistance on the command line."""

from __future__ import annotations

import typer

from api.cli.output import emit_json, fail, parse_date_option, settings_from
from assistant.cases.case_index import CaseIndexError
from assistant.cases.similar_cases import (
    SimilarCaseSearch,
    open_similar_case_search,
    shared_redacting_display,
)
from assistant.discretion.catalogue import StandardsCatalogue
from assistant.officer_assistant import AssistAnswer, OfficerAssistant
from assistant.provisions import ProvisionFinder, ProvisionRole
from corpus.settings import Settings
from corpus.store import CorpusStore
from indexing.hybrid_index import IndexError_
from indexing.index_loader import open_index
from models.embedder import Embedder, EmbedderError
from models.manifest import ModelMismatchError

JSON_HELP = "以 JSON 输出（机器可读）"


def build_assistant(settings: Settings) -> OfficerAssistant:
    """Store + index + standards (+ the case base when indexed), or a one-line failure."""
    assistant = build_pair_assistant(settings)
    assistant.cases = _case_search(settings, assistant.finder.index.embedder)
    return assistant


def build_pair_assistant(settings: Settings) -> OfficerAssistant:
    """Store + index + standards only: what the pair evaluation needs (no case base)."""
    try:
        opened = open_index(settings)
    except (IndexError_, EmbedderError, ModelMismatchError) as exc:
        fail(str(exc))
    finder = ProvisionFinder(CorpusStore(settings), opened.index, opened.mode)
    return OfficerAssistant(finder, StandardsCatalogue.load(settings.standards_dir))


def _case_search(settings: Settings, embedder: Embedder | None) -> SimilarCaseSearch | None:
    try:
        return open_similar_case_search(settings, embedder, shared_redacting_display())
    except (CaseIndexError, ModelMismatchError) as exc:
        typer.echo(f"提示：未加载类案（{exc}）", err=True)
        return None


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
        for item in pair.evidence:
            typer.echo(
                f"    □ [{item['kind']}] {item['item']} — {item['reason']}（{item['source']}）"
            )
    for note in answer.provisions.notes:
        typer.echo(f"提示：{note}")
    return shown


def _print_provisions(answer: AssistAnswer) -> None:
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
    answer = build_assistant(settings_from(ctx)).assist(question, parse_date_option(on), k, have)
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
    answer = build_assistant(settings_from(ctx)).assist(question, parse_date_option(on), 5, have)
    if as_json:
        emit_json(answer.evidence.as_json() if answer.evidence else {})
        return
    _print_evidence(answer)
