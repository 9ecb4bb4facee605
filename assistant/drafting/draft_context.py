"""Case file → the context a document template fills from.

Every value is either real data from the case file (dates as 2024年6月1日, sums in
yuan with 大写), a verified citation, the discretion or review engine's own result,
or a ``MissingValue`` that prints as 【待补充：…】. Nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assistant.case_file import CaseFile, Event, Party
from assistant.discretion.tier_decision import GD_RULES, JM_RULES, decide
from assistant.drafting.details import DraftingDetails
from assistant.drafting.document_types import DocumentType
from assistant.drafting.formatting import chinese_date, yuan_record
from assistant.drafting.interview_record import interview_section
from assistant.drafting.missing import MissingLog, MissingValue, present
from assistant.drafting.verified_citations import CitationLedger
from assistant.review.checkers.discretion import case_facts
from assistant.review.checkers.procedure import hearing_items
from assistant.review.context import ReviewContext
from assistant.review.engine import review
from assistant.review.opinion import OUTCOME_RULE, conclusion, opinion_markdown
from assistant.review.statutory_fine import matching_standard
from corpus.citation_resolver import ResolvedCitation
from transcription.record_draft import InterviewDraft

PENALTY_LAW = "《中华人民共和国行政处罚法》"
REVIEW_PERIOD = (
    "六十日",
    ("《中华人民共和国行政复议法》第二十条第一款", "《中华人民共和国行政复议法》第九条第一款"),
)
LITIGATION_PERIOD = ("六个月", ("《中华人民共和国行政诉讼法》第四十六条第一款",))
HEARING_REQUEST = ("五日", (PENALTY_LAW + "第六十四条第（一）项",))
PAYMENT_PERIOD = ("十五日", (PENALTY_LAW + "第六十七条第三款",))
"""(the period a document states, provisions that may state it — first verified one wins)."""
MONEY_TYPES = ("罚款", "没收违法所得")


@dataclass(frozen=True)
class DraftRequest:
    """One document to draft: the case, its drafting details and, for 询问笔录, the transcript."""

    case: CaseFile
    details: DraftingDetails
    kind: DocumentType
    transcript: InterviewDraft | None = None


def standard_titles(ctx: ReviewContext) -> frozenset[str]:
    """Titles of the shipped discretion standards and their rules (allowed in drafts)."""
    titles = {JM_RULES.strip("《》"), GD_RULES.strip("《》")}
    if ctx.standards is not None:
        titles |= {source.title for source in ctx.standards.model.sources}
    return frozenset(titles)


def dating_event(case: CaseFile, kind: DocumentType) -> Event | None:
    """The event a document belongs to (its note naming the kind where events share a type)."""
    if kind.event is None:
        return None
    events = case.events_of(kind.event)
    if kind.event_note:
        events = [e for e in events if any(word in e.note for word in kind.event_note)]
    return events[0] if events else None


def document_date(case: CaseFile, kind: DocumentType) -> date | None:
    """The date the file lists for this document, else the date of its event."""
    listed = case.document(kind.name)
    if listed is not None and listed.date is not None:
        return listed.date
    event = dating_event(case, kind)
    return event.date if event else None


class ContextBuilder:
    """Builds one draft's context; holds the draft's missing-data log and citation ledger."""

    def __init__(
        self,
        request: DraftRequest,
        ctx: ReviewContext,
        ledger: CitationLedger,
        log: MissingLog,
        today: date,
    ) -> None:
        self.request, self.case, self.details = request, request.case, request.details
        self.ctx, self.ledger, self.log = ctx, ledger, log
        self.doc_on = document_date(self.case, request.kind)
        self.today = today

    @property
    def procedure_date(self) -> date:
        """Procedural provisions apply as in force when the document is made."""
        return self.doc_on or self.today

    def need(self, value: object, label: str) -> object:
        return present(value, label, self.log)

    def build(self) -> dict[str, object]:
        case, kind = self.case, self.request.kind
        context: dict[str, object] = {
            "case": self._case(),
            "doc": self._doc(),
            "agency": self._agency(),
            "parties": [self._party(p) for p in case.parties],
            "party": self._party(case.parties[0]) if case.parties else self.need(None, "当事人"),
            "officers": self._officers(o.name for o in case.officers),
            "officers_text": self._officers_text(o.name for o in case.officers),
            "violation": self._violation(),
            "facts": self._facts(),
            "evidence": self._evidence(),
            "citations": self._citations(),
            "penalty": self._penalty(),
            "discretion": self._discretion(),
            "hearing": self._hearing(),
            "notice": self._notice(),
            "inspection": self._inspection(),
            "correction": self._correction(),
            "relief": self._relief(),
            "contact": self.need(self.details.contact, "联系人及电话"),
            "today": chinese_date(self.today),
        }
        context["evidence_text"] = self._evidence_text(context["evidence"])
        context["payment"] = self._payment(context["penalty"])
        if kind.name == "询问笔录":
            event = dating_event(case, kind)
            context["interview"] = interview_section(case, event, self.request.transcript, self.log)
        if kind.name == "法制审核意见书":
            context["review"] = self._review()
        return context

    # --- who and what ---------------------------------------------------------------

    def _case(self) -> dict[str, object]:
        case = self.case
        return {
            "id": case.case_id,
            "title": self.need(case.title, "案件名称"),
            "cause": case.title or case.violation.description,
            "source": self.need(self.details.case_source, "案件来源"),
        }

    def _doc(self) -> dict[str, object]:
        kind = self.request.kind
        number = self.details.number_for(kind.name, kind.aliases)
        return {
            "name": kind.name,
            "number": self.need(number, f"{kind.name}文书编号"),
            "date": self.need(self.doc_on and chinese_date(self.doc_on), "文书日期"),
        }

    def _agency(self) -> dict[str, object]:
        agency = self.case.agency
        issuer = agency.acts_in_name_of or agency.entrusted_by or agency.name
        return {
            "name": self.need(
                issuer if agency.kind == "受委托组织" else agency.name, "行政机关名称"
            ),
            "kind": agency.kind,
            "address": self.need(self.details.agency_address, "行政机关地址"),
        }

    def _party(self, party: Party) -> dict[str, object]:
        person = party.kind == "个人"
        record: dict[str, object] = {
            "name": self.need(party.name, "当事人姓名或者名称"),
            "kind": party.kind,
            "id_label": "身份证件号码" if person else "统一社会信用代码",
            "id_code": self.need(
                party.id_code, f"当事人{'身份证件号码' if person else '统一社会信用代码'}"
            ),
            "address": self.need(party.address, "当事人地址"),
        }
        if not person:
            record["representative"] = self.need(self.details.legal_representative, "法定代表人")
        return record

    def _officers(self, names: object) -> object:
        found = []
        for name in names:
            officer = self.case.officer(name)
            number = officer.certificate_no if officer else None
            found.append({"name": name, "certificate_no": self.need(number, f"{name}执法证号")})
        if not found:
            return self.need(None, "执法人员")
        return found

    def _officers_text(self, names: object) -> object:
        """李明（执法证号：44070021001）、陈华（执法证号：…）, or a marker."""
        officers = self._officers(names)
        if isinstance(officers, MissingValue):
            return officers
        return "、".join(f"{o['name']}（执法证号：{o['certificate_no']}）" for o in officers)

    def _violation(self) -> dict[str, object]:
        v = self.case.violation
        return {
            "date": chinese_date(v.date),
            "end_date": chinese_date(v.end_date) if v.end_date else "",
            "place": self.need(v.place, "违法行为发生地点"),
            "description": self.need(v.description, "违法行为"),
        }

    def _facts(self) -> dict[str, object]:
        facts = self.case.facts
        return {
            "description": self.need(facts.description, "违法事实"),
            "circumstances": "、".join(facts.circumstances),
        }

    def _evidence(self) -> object:
        items = [
            {
                "number": i,
                "type": e.type,
                "name": e.name,
                "source": e.source or "",
                "obtained_by": e.obtained_by or "",
                "date": chinese_date(e.date) if e.date else "",
            }
            for i, e in enumerate(self.case.evidence, start=1)
        ]
        return self.need(items, "证据")

    @staticmethod
    def _evidence_text(evidence: object) -> object:
        if isinstance(evidence, MissingValue):
            return evidence
        parts = []
        for e in evidence:
            detail = "，".join(x for x in (e["type"], e["source"], e["date"]) if x)
            parts.append(f"{e['number']}. {e['name']}（{detail}）")
        return "；".join(parts)

    # --- law -----------------------------------------------------------------------

    def _verified(self, written: list[str], role: str, label: str) -> tuple[object, object]:
        entries: list[object] = []
        for text in written:
            for found in self.ledger.resolve(text, self.case.act_date, role):
                if isinstance(found, ResolvedCitation):
                    entry = {"citation": found.citation, "text": found.text}
                    if entry not in entries:
                        entries.append(entry)
                else:
                    entries.append({"citation": found, "text": ""})
        if not entries:
            missing = self.need(None, label)
            return missing, missing
        return entries, "、".join(str(e["citation"]) for e in entries)

    def _citations(self) -> dict[str, object]:
        cited = self.case.citations
        violated, violated_text = self._verified(
            cited.violated, "违法依据", "违反的法律、法规、规章条款"
        )
        basis, basis_text = self._verified(cited.penalty_basis, "处罚依据", "行政处罚的依据")
        return {
            "violated": violated,
            "violated_text": violated_text,
            "penalty_basis": basis,
            "penalty_basis_text": basis_text,
        }

    def cite(self, written: str) -> str:
        """Template function: a fixed provision, verified on the document date."""
        return self.ledger.cite(written, self.procedure_date)

    def _period(self, spec: tuple[str, tuple[str, ...]], role: str) -> dict[str, object]:
        phrase, candidates = spec
        found = self.ledger.first_stating(candidates, phrase, self.procedure_date, role)
        if isinstance(found, ResolvedCitation):
            return {"period": phrase, "citation": found.citation}
        return {"period": found, "citation": found}

    # --- penalty, discretion, hearing -------------------------------------------------

    def _penalty(self) -> dict[str, object]:
        penalty = self.case.penalty
        amount = yuan_record(penalty.amount) if penalty.amount is not None else None
        confiscation = (
            yuan_record(penalty.confiscation_yuan)
            if penalty.confiscation_yuan is not None
            else None
        )
        parts: list[str] = []
        for kind in penalty.types:
            if kind == "罚款":
                parts.append(f"罚款{amount['text'] if amount else self.log.note('罚款金额')}")
            elif kind == "没收违法所得":
                money = confiscation["text"] if confiscation else self.log.note("没收违法所得金额")
                parts.append(f"没收违法所得{money}")
            else:
                parts.append(kind)
        return {
            "types": "、".join(penalty.types),
            "summary": self.need("；".join(parts), "行政处罚的种类"),
            "amount": self.need(amount, "罚款金额"),
            "confiscation": confiscation or "",
            "money": any(t in MONEY_TYPES for t in penalty.types),
        }

    def _discretion(self) -> object:
        if self.ctx.standards is None:
            return self.need(None, "裁量基准")
        standard = matching_standard(self.case, self.ctx)
        if standard is None:
            wanted = self.case.violation.standard_id
            return self.need(None, f"裁量基准条目 {wanted} 未找到" if wanted else "裁量基准")
        decision = decide(standard, case_facts(self.case), self.ctx.standards.exemptions)
        low, high = decision.range_min_yuan, decision.range_max_yuan
        span = "至".join(yuan_record(x)["plain"] for x in (low, high) if x is not None)
        recommended = decision.recommended_yuan
        return {
            "id": decision.violation_id,
            "title": decision.violation_title,
            "standard": self._standard_title(decision.source),
            "tier": decision.tier,
            "penalty_text": decision.penalty_text,
            "range": span,
            "recommended": yuan_record(recommended)["plain"] if recommended is not None else "",
            "factors": [f for f in decision.deciding_factors if not f.startswith("依据：")],
            "exemption": decision.exemption.status if decision.exemption else "",
            "warnings": decision.warnings,
        }

    def _standard_title(self, source: str) -> str:
        wanted = {"jiangmen": "江门", "guangdong": "广东"}[source]
        sources = self.ctx.standards.model.sources if self.ctx.standards else []
        return next((s.title for s in sources if s.title.startswith(wanted)), wanted)

    def _hearing(self) -> dict[str, object]:
        items = hearing_items(self.case, self.ctx)
        return {
            "offered": bool(items),
            "reasons": [why for _, why in items],
            "request": self._period(HEARING_REQUEST, "听证程序"),
        }

    def _notice(self) -> dict[str, object]:
        notice = self.case.first("告知")
        days = self.details.statement_days
        return {
            "date": self.need(notice and chinese_date(notice.date), "告知日期"),
            "rights": "、".join(notice.rights) if notice else "",
            "statement_period": self.need(days and f"{days}日", "陈述、申辩期限"),
        }

    def _inspection(self) -> dict[str, object]:
        event = dating_event(self.case, self.request.kind) or self.case.first("调查取证")
        names = event.officers if event else []
        recorded = {True: "已全程录音录像", False: "未录音录像"}
        return {
            "place": self.need(self.case.violation.place, "检查地点"),
            "officers_text": self._officers_text(names),
            "method": event.note if event and event.note else "",
            "recording": self.need(
                recorded.get(event.audio_video) if event else None, "录音录像情况"
            ),
            "findings": self.need(
                self.details.inspection_findings or self.case.violation.description, "现场检查情况"
            ),
        }

    def _correction(self) -> dict[str, object]:
        wanted = self.details.correction
        deadline = wanted.deadline and chinese_date(wanted.deadline)
        return {
            "requirement": self.need(wanted.requirement, "改正要求"),
            "deadline": self.need(deadline, "改正期限"),
        }

    def _relief(self) -> dict[str, object]:
        return {
            "review_body": self.need(self.details.review_body, "行政复议机关"),
            "court": self.need(self.details.court, "管辖的人民法院"),
            "review": self._period(REVIEW_PERIOD, "救济途径"),
            "litigation": self._period(LITIGATION_PERIOD, "救济途径"),
        }

    def _payment(self, penalty: dict[str, object]) -> dict[str, object]:
        if not penalty["money"]:
            return {"account": None, "deadline": self._period(PAYMENT_PERIOD, "履行方式")}
        return {
            "account": self.need(self.details.payment_account, "罚没款缴纳银行及账户"),
            "deadline": self._period(PAYMENT_PERIOD, "履行方式"),
        }

    # --- 法制审核意见书 ----------------------------------------------------------------

    def _review(self) -> dict[str, object]:
        """The review engine's result and the opinion's own conclusion (assistant/review)."""
        report = review(self.case, self.ctx)
        on = self.procedure_date
        problems = [
            {
                "point": f.point.label,
                "severity": f.severity.label,
                "reason": f.reason,
                "rule": f.rule,
                "evidence": f.evidence,
            }
            for f in sorted(report.flags, key=lambda f: f.severity.rank)
        ]
        return {
            "conclusion": conclusion(report),
            "major": report.major,
            "major_reasons": "；".join(report.major_reasons),
            "problems": problems,
            "outcome_rule": OUTCOME_RULE,
            "markdown": opinion_markdown(report, on),
        }
