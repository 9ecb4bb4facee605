"""The eight documents the drafter writes: names, templates, dating events, required fields.

``required`` lists (context path, Chinese label) pairs a document cannot go out
without; the drafter warns when one is missing or when an edited template no
longer prints it. The 决定书's list is 《行政处罚法》第五十九条, element by element.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from corpus.errors import ErrorKind, ZhifaError


@dataclass(frozen=True)
class RequiredField:
    """A datum a document must state; ``element`` names the statutory matter it serves."""

    path: str
    label: str
    element: str = ""


@dataclass(frozen=True)
class DocumentType:
    """One kind of document: its full name, short aliases, template and dating event."""

    name: str
    aliases: tuple[str, ...]
    template: str
    event: str | None
    required: tuple[RequiredField, ...] = field(default=())
    event_note: tuple[str, ...] = ()
    """Words the dating event's note must contain (询问 vs 现场检查 are both 调查取证)."""


_PARTY = RequiredField("party.name", "当事人姓名或者名称")
_AGENCY = RequiredField("agency.name", "行政机关名称")
_DATE = RequiredField("doc.date", "文书日期")

ARTICLE_59 = (
    "当事人的姓名或者名称、地址",
    "违反法律、法规、规章的事实和证据",
    "行政处罚的种类和依据",
    "行政处罚的履行方式和期限",
    "申请行政复议、提起行政诉讼的途径和期限",
    "作出行政处罚决定的行政机关名称和作出决定的日期",
)
"""《中华人民共和国行政处罚法》第五十九条第（一）至（六）项, in order."""

DECISION_REQUIRED = (
    RequiredField("party.name", "当事人姓名或者名称", ARTICLE_59[0]),
    RequiredField("party.address", "当事人地址", ARTICLE_59[0]),
    RequiredField("facts.description", "违法事实", ARTICLE_59[1]),
    RequiredField("evidence_text", "证据", ARTICLE_59[1]),
    RequiredField("citations.violated_text", "违反的法律、法规、规章条款", ARTICLE_59[1]),
    RequiredField("penalty.summary", "行政处罚的种类（及罚没金额）", ARTICLE_59[2]),
    RequiredField("citations.penalty_basis_text", "行政处罚的依据", ARTICLE_59[2]),
    RequiredField("payment.account", "罚没款缴纳银行及账户", ARTICLE_59[3]),
    RequiredField("relief.review_body", "行政复议机关", ARTICLE_59[4]),
    RequiredField("relief.court", "管辖的人民法院", ARTICLE_59[4]),
    RequiredField("agency.name", "作出决定的行政机关名称", ARTICLE_59[5]),
    RequiredField("doc.date", "作出决定的日期", ARTICLE_59[5]),
)

DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    DocumentType(
        "立案审批表",
        ("立案", "立案审批"),
        "立案审批表.md.j2",
        "立案",
        (_PARTY, RequiredField("violation.description", "案由及违法行为"), _DATE),
    ),
    DocumentType(
        "现场检查笔录",
        ("现场检查", "检查笔录"),
        "现场检查笔录.md.j2",
        "调查取证",
        (_PARTY, RequiredField("inspection.place", "检查地点"), _DATE),
        ("现场", "检查"),
    ),
    DocumentType(
        "询问笔录",
        ("询问",),
        "询问笔录.md.j2",
        "调查取证",
        (RequiredField("interview.interviewee", "被询问人"), _DATE),
        ("询问",),
    ),
    DocumentType(
        "责令改正通知书",
        ("责令改正", "改正通知书"),
        "责令改正通知书.md.j2",
        None,
        (
            _PARTY,
            RequiredField("citations.violated_text", "违反的法律、法规、规章条款"),
            RequiredField("correction.deadline", "改正期限"),
            _AGENCY,
            _DATE,
        ),
    ),
    DocumentType(
        "行政处罚事先告知书",
        ("告知书", "事先告知书", "事先告知"),
        "行政处罚事先告知书.md.j2",
        "告知",
        (
            _PARTY,
            RequiredField("facts.description", "违法事实"),
            RequiredField("citations.penalty_basis_text", "行政处罚的依据"),
            RequiredField("penalty.summary", "拟作出的行政处罚"),
            _AGENCY,
            _DATE,
        ),
    ),
    DocumentType(
        "听证告知书",
        ("听证告知", "听证"),
        "听证告知书.md.j2",
        "告知",
        (
            _PARTY,
            RequiredField("penalty.summary", "拟作出的行政处罚"),
            RequiredField("citations.penalty_basis_text", "行政处罚的依据"),
            _AGENCY,
            _DATE,
        ),
    ),
    DocumentType(
        "行政处罚决定书",
        ("决定书", "处罚决定书"),
        "行政处罚决定书.md.j2",
        "决定",
        DECISION_REQUIRED,
    ),
    DocumentType(
        "法制审核意见书",
        ("法制审核", "审核意见书", "意见书"),
        "法制审核意见书.md.j2",
        "法制审核",
        (RequiredField("review.conclusion", "审核意见"), _DATE),
    ),
)


class UnknownDocumentType(
    ZhifaError, ValueError, kind=ErrorKind.INVALID, code="unknown_document_type"
):
    """A document type the drafter does not write; the message lists the ones it does."""


def document_type(name: str) -> DocumentType:
    """A type by full name or alias (决定书, 告知书 …)."""
    wanted = name.strip()
    for kind in DOCUMENT_TYPES:
        if wanted == kind.name or wanted in kind.aliases:
            return kind
    names = "、".join(k.name for k in DOCUMENT_TYPES)
    raise UnknownDocumentType(f"不支持的文书类型：{name}（可选：{names}）")
