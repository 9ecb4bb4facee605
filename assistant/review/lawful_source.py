"""合法来源: a seller of infringing goods who did not know, got them lawfully and names the
supplier is only ordered to stop selling.

《商标法》第六十条第二款: "销售不知道是侵犯注册商标专用权的商品，能证明该商品是自己合法取得并
说明提供者的，由工商行政管理部门责令停止销售" — no fine, no confiscation of gains. The lawful
source defence is no mere shield from damages (第六十四条第二款): where the file's own findings
establish all three conditions, a fine under the same article applied the wrong provision.
Only the findings count (the party's 申辩 is a claim), and a finding of knowledge, or of a
source that cannot be shown, leaves the defence unmet.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions

TRADEMARK_RULE = "《中华人民共和国商标法》第六十条第二款"

# 现有证据不能证明当事人明知 / 不知道是侵权商品 / 不知情
_UNAWARE = re.compile(
    r"不知道|不知情|不知是|并不知|(?:不能|无法|没有|无)(?:证据)?证明[^，。；]{0,10}(?:明知|知道|应知)"
)
# 进货来源属实 / 供货商真实存在 / 能说明提供者 / 合法取得
_LAWFUL_SOURCE = re.compile(
    r"合法取得|(?:进货|货物|商品)来源[^，。；]{0,6}(?:属实|合法|清楚)|供货商[^，。；]{0,10}(?:属实|真实)"
    r"|说明(?:了)?(?:商品的?)?提供者|提供者[^，。；]{0,6}(?:属实|真实)"
)
# 明知是假冒 / 来源不明 / 不能说明提供者: the defence fails on a finding like these
_DEFENCE_FAILS = re.compile(
    r"来源不明|(?:不能|无法|未能|拒不)(?:提供|说明|证明)[^，。；]{0,10}(?:来源|提供者|合法取得)"
)
_KNEW = re.compile(r"明知|应当知道|应知")
_DOUBTS_KNOWLEDGE = re.compile(r"(?:不|无|没有|未|不能|无法)[^，。；]{0,8}$")
_SANCTIONS = re.compile(r"罚款|没收违法所得")


def lawful_source(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A must_fix `law` finding where a fine rests on 商标法第六十条 though the findings meet
    its 第二款 defence."""
    if not any(c.law == "商标法" and c.article == 60 for c in penalty_provisions(case, ctx)):
        return []
    sanctions = [t for t in case.penalty.types if _SANCTIONS.search(t)]
    findings = "。".join([case.facts.description, *case.facts.circumstances])
    if not sanctions or not _defence_met(findings):
        return []
    return [
        Flag(
            point=ReviewPoint.LAW,
            severity=Severity.MUST_FIX,
            reason=(
                "案卷认定当事人不知道所售商品侵犯注册商标专用权、能证明系合法取得并说明了提供者，"
                f"依法只能责令停止销售，不得{'、'.join(sanctions)}"
            ),
            rule=ctx.rule(TRADEMARK_RULE),
            evidence=f"facts：{_quote(findings)}；penalty.types：{'、'.join(case.penalty.types)}",
        )
    ]


def _defence_met(findings: str) -> bool:
    sentences = re.split(r"[。；;\n]", findings)
    if any(_DEFENCE_FAILS.search(s) for s in sentences) or any(_knew(s) for s in sentences):
        return False
    return bool(_UNAWARE.search(findings)) and bool(_LAWFUL_SOURCE.search(findings))


def _knew(sentence: str) -> bool:
    """A finding that the party knew (明知), not one doubting it (不能证明其明知)."""
    return any(
        not _DOUBTS_KNOWLEDGE.search(sentence[: m.start()]) for m in _KNEW.finditer(sentence)
    )


def _quote(findings: str) -> str:
    return next((s for s in re.split(r"[。；;\n]", findings) if _UNAWARE.search(s)), "")[:80]
