"""文书是否完备规范: the documents each recorded step produces, the materials 法制审核
needs (粤审核办法第十四条), and the matters a 决定书 must state (read from
《行政处罚法》第五十九条 in the corpus)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.case_file import CaseFile, Document
from assistant.discretion.text_match import similarity
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from corpus.citation_resolver import ResolvedCitation

REVIEW_MATERIALS = "《广东省重大行政执法决定法制审核办法》第十四条第一款"
_ITEM_NUMBER = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]|[；;。]$")
CONTENT_MATCH = 0.6


@dataclass(frozen=True)
class RequiredDocument:
    """A document a step of the file requires; any name containing a keyword satisfies it."""

    trigger: str | None  # event type, or None: always required for review
    label: str
    keywords: tuple[str, ...]
    rule: str


REQUIRED: tuple[RequiredDocument, ...] = (
    RequiredDocument(
        None,
        "拟作出的行政执法决定（或决定书）",
        ("决定书", "拟作出", "处理意见", "调查终结报告"),
        REVIEW_MATERIALS + "第（一）项",
    ),
    RequiredDocument(
        None,
        "调查取证记录（现场检查、询问笔录等）",
        ("笔录", "调查取证记录"),
        REVIEW_MATERIALS + "第（二）项",
    ),
    RequiredDocument(
        "立案", "立案审批表", ("立案",), "《中华人民共和国行政处罚法》第五十四条第二款"
    ),
    RequiredDocument(
        "告知", "行政处罚事先告知书", ("告知书",), "《中华人民共和国行政处罚法》第四十四条"
    ),
    RequiredDocument(
        "听证", "听证笔录", ("听证笔录",), "《中华人民共和国行政处罚法》第六十四条第（八）项"
    ),
    RequiredDocument(
        "决定", "行政处罚决定书", ("处罚决定书",), "《中华人民共和国行政处罚法》第五十九条第一款"
    ),
    RequiredDocument(
        "送达",
        "送达回证",
        ("送达回证", "送达回执", "送达凭证", "送达确认"),
        "《中华人民共和国行政处罚法》第六十一条第一款",
    ),
)


def _flag(severity: Severity, reason: str, rule: str, evidence: str) -> Flag:
    return Flag(
        point=ReviewPoint.DOCUMENTS, severity=severity, reason=reason, rule=rule, evidence=evidence
    )


def _find(case: CaseFile, keywords: tuple[str, ...]) -> Document | None:
    return next((d for d in case.documents if any(k in d.type for k in keywords)), None)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    flags = []
    present = "、".join(d.type for d in case.documents) or "无"
    for required in REQUIRED:
        if required.trigger is not None and not case.events_of(required.trigger):
            continue
        if _find(case, required.keywords) is None:
            why = f"案卷有“{required.trigger}”环节" if required.trigger else "提交法制审核应当提供"
            flags.append(
                _flag(
                    Severity.MUST_FIX,
                    f"缺少{required.label}（{why}）",
                    ctx.rule(required.rule),
                    f"documents：{present}",
                )
            )
    decision = _find(case, ("处罚决定书",))
    if decision is not None:
        flags += _decision_contents(case, ctx, decision)
    return flags


def decision_matters(ctx: ReviewContext, case: CaseFile) -> list[tuple[str, str]]:
    """(item numeral, matter) of 第五十九条第一款 in the version in force for the decision."""
    on = case.first("决定").date if case.first("决定") else case.act_date
    matters = []
    for result in ctx.resolve("《中华人民共和国行政处罚法》第五十九条第一款", on):
        if isinstance(result, ResolvedCitation):
            for line in result.text.splitlines()[1:]:
                found = _ITEM_NUMBER.match(line.strip())
                if found:
                    matters.append((found.group(1), _ITEM_NUMBER.sub("", line.strip())))
    return matters


def _decision_contents(case: CaseFile, ctx: ReviewContext, document: Document) -> list[Flag]:
    flags = []
    for numeral, matter in decision_matters(ctx, case):
        if any(similarity(matter, line) >= CONTENT_MATCH for line in document.contents):
            continue
        flags.append(
            _flag(
                Severity.MUST_FIX,
                f"行政处罚决定书未载明：{matter}",
                ctx.penalty_law(f"第五十九条第一款第（{numeral}）项"),
                f"documents（{document.type}）contents：{'；'.join(document.contents) or '无'}",
            )
        )
    if document.sealed is False:
        flags.append(
            _flag(
                Severity.MUST_FIX,
                "行政处罚决定书未加盖作出决定的行政机关印章",
                ctx.penalty_law("第五十九条第二款"),
                f"documents（{document.type}）sealed=false",
            )
        )
    return flags
