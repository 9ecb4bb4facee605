"""文书是否完备规范: a document for each function the recorded steps call for (立案, 告知,
决定, 送达… by any agency's title, assistant.review.document_functions), the materials
法制审核 needs (粤审核办法第十四条), and the matters a 决定书 must state (read from
《行政处罚法》第五十九条 in the corpus)."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile, Document
from assistant.discretion.text_match import similarity
from assistant.review.context import ReviewContext
from assistant.review.document_functions import DocumentFunction
from assistant.review.flag import Flag, ReviewPoint, Severity
from corpus.citation_resolver import ResolvedCitation

_ITEM_NUMBER = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]|[；;。]$")
CONTENT_MATCH = 0.6
MIN_PARAPHRASE_CHARS = 4
# Everyday words for the statute's: 缴纳罚款 is 履行, 救济途径 is 复议、诉讼的途径.
PARAPHRASES = (("缴纳", "履行"), ("救济途径", "行政复议、行政诉讼的途径"), ("及", "和"))


def states(line: str, matter: str) -> bool:
    """The line states the matter: it carries most of the statute's wording, or it is a
    shorter paraphrase whose own wording mostly comes from the matter (违法事实和证据)."""
    for everyday, statutory in PARAPHRASES:
        line = line.replace(everyday, statutory)
    if similarity(matter, line) >= CONTENT_MATCH:
        return True
    return len(line) >= MIN_PARAPHRASE_CHARS and similarity(line, matter) >= CONTENT_MATCH


def _flag(severity: Severity, reason: str, rule: str, evidence: str) -> Flag:
    return Flag(
        point=ReviewPoint.DOCUMENTS, severity=severity, reason=reason, rule=rule, evidence=evidence
    )


def _decision_document(case: CaseFile, function: DocumentFunction | None) -> Document | None:
    """The issued 决定书 (a draft 拟作出的…决定 is checked only for presence)."""
    titles = function.titles if function else ["处罚决定"]
    return next(
        (d for d in case.documents if "决定书" in d.type and any(t in d.type for t in titles)),
        None,
    )


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    catalogue = ctx.document_functions
    if catalogue is None:
        return []
    flags = []
    present = "、".join(d.type for d in case.documents) or "无"
    for function in catalogue.missing(case):
        why = f"案卷有“{function.trigger}”环节" if function.trigger else "提交法制审核应当提供"
        flags.append(
            _flag(
                Severity.MUST_FIX,
                f"缺少具有“{function.function}”功能的文书：{function.label}（{why}；"
                f"可接受的标题含：{'、'.join(function.titles)}）",
                ctx.rule(function.rule),
                f"documents：{present}",
            )
        )
    decision = _decision_document(case, catalogue.get("决定"))
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
    listed = decision_matters(ctx, case) if document.contents else []  # unlisted: not judged
    for numeral, matter in listed:
        if any(states(line, matter) for line in document.contents):
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
