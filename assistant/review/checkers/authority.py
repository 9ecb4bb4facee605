"""是否超越法定权限: penalty types and laws within the agency's powers, 行政拘留 reserved
to 公安, and the department the cited 罚则 names is the agency's kind."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions

# Department kinds as 罚则 name them, with the names agencies carry (机构改革 renamed many).
DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "生态环境": ("生态环境", "环境保护"),
    "市场监督管理": (
        "市场监督管理",
        "市场监管",
        "工商行政管理",
        "质量技术监督",
        "产品质量监督",
        "食品安全监督管理",
        "食品药品监督管理",
    ),
    "公安": ("公安",),
    "应急管理": ("应急管理", "安全生产监督管理"),
    "交通运输": ("交通运输",),
    "统计": ("统计",),
    "住房城乡建设": ("住房和城乡建设", "住房城乡建设", "建设行政"),
}
_ASSIGNER = re.compile(r"由([^，。；]{2,40}?)(?:依法|责令|给予|处|没收|吊销|予以)")


def _flag(severity: Severity, reason: str, rule: str, evidence: str) -> Flag:
    return Flag(
        point=ReviewPoint.AUTHORITY, severity=severity, reason=reason, rule=rule, evidence=evidence
    )


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    return _types(case, ctx) + _detention(case, ctx) + _laws(case, ctx) + _department(case, ctx)


def _types(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    allowed = case.agency.powers.penalty_types
    if not allowed:
        return []
    outside = [t for t in case.penalty.types if not any(a in t or t in a for a in allowed)]
    return [
        _flag(
            Severity.MUST_FIX,
            f"拟处“{kind}”不在{case.agency.name}的法定处罚权限内",
            ctx.penalty_law("第十七条"),
            f"penalty.types 含“{kind}”；agency.powers.penalty_types：{'、'.join(allowed)}",
        )
        for kind in outside
    ]


def _detention(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if "公安" in case.agency.name or not any("拘留" in t for t in case.penalty.types):
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            "限制人身自由的行政处罚只能由公安机关和法律规定的其他机关行使",
            ctx.penalty_law("第十八条第三款"),
            f"agency.name={case.agency.name}；penalty.types：{'、'.join(case.penalty.types)}",
        )
    ]


def _laws(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    laws = case.agency.powers.laws
    if not laws:
        return []
    flags = []
    for citation in penalty_provisions(case, ctx):
        if not any(
            name in (citation.law, citation.title) or name in citation.title for name in laws
        ):
            flags.append(
                _flag(
                    Severity.MUST_FIX,
                    f"处罚依据《{citation.law}》不在{case.agency.name}负责实施的法律范围内",
                    ctx.penalty_law("第十七条"),
                    f"citations.penalty_basis：{citation.citation}；agency.powers.laws："
                    f"{'、'.join(laws)}",
                )
            )
    return flags


def department_kinds(text: str) -> set[str]:
    return {kind for kind, names in DEPARTMENTS.items() if any(n in text for n in names)}


def _department(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The 罚则 says which department punishes (由…部门责令…); the agency must be one."""
    if "综合行政执法" in case.agency.name:
        return []  # 相对集中行政处罚权 (第十八条第一款)
    own = department_kinds(case.agency.name)
    flags = []
    for citation in penalty_provisions(case, ctx):
        assigners = [m.group(1) for m in _ASSIGNER.finditer(citation.article_text)]
        if not assigners or any("其他" in a or "有关部门" in a for a in assigners):
            continue
        named = set().union(*(department_kinds(a) for a in assigners))
        if named and not named & own:
            flags.append(
                _flag(
                    Severity.MUST_FIX,
                    f"{citation.citation}规定由{'、'.join(sorted(named))}部门实施处罚，"
                    f"{case.agency.name}无此职权",
                    ctx.penalty_law("第十七条"),
                    f"{citation.citation}：“由{assigners[0]}…”；agency.name={case.agency.name}",
                )
            )
    return flags
