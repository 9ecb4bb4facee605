"""Check a case's chain and name what was done to it: edited, deleted, reordered, inserted.

Each event is rehashed at its stored position. An event whose hash only fits
another position was moved: all moved one place up means something was inserted
before them, one place down means something was deleted, anything else is a
reordering. Broken links, gaps in the numbering and a head (count, last hash)
that no longer matches expose the rest; attachments are rehashed from disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from assistant.case_record.event_log import RecordedEvent
from assistant.case_record.hashing import (
    GENESIS_HASH,
    EventHeader,
    canonical_json,
    sha256_file,
    sha256_text,
)


class ProblemKind(StrEnum):
    EDITED = "edited"
    DELETED = "deleted"
    REORDERED = "reordered"
    INSERTED = "inserted"
    ATTACHMENT_CHANGED = "attachment_changed"


@dataclass(frozen=True)
class Problem:
    seq: int
    kind: ProblemKind
    message: str

    def as_json(self) -> dict[str, object]:
        return {"seq": self.seq, "kind": self.kind.value, "message": self.message}


@dataclass
class VerificationReport:
    case_no: str
    event_count: int
    head_hash: str | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.event_count > 0 and not self.problems

    def add(self, seq: int, kind: ProblemKind, message: str) -> None:
        if not any(p.seq == seq and p.kind == kind for p in self.problems):
            self.problems.append(Problem(seq, kind, message))

    def as_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "case": self.case_no,
            "events": self.event_count,
            "head_hash": self.head_hash,
            "problems": [p.as_json() for p in sorted(self.problems, key=lambda p: p.seq)],
        }


def _header(event: RecordedEvent, seq: int) -> EventHeader:
    return EventHeader(
        case_no=event.case_no,
        seq=seq,
        event_type=event.event_type,
        actor=event.actor,
        occurred_at=event.occurred_at,
        recorded_at=event.recorded_at,
        payload_hash=event.payload_hash,
        prev_hash=event.prev_hash,
    )


def _original_seq(event: RecordedEvent, highest: int) -> int | None:
    """The position whose hash matches the stored event hash (None: content was edited)."""
    if _header(event, event.seq).event_hash() == event.event_hash:
        return event.seq
    return next(
        (s for s in range(1, highest + 2) if _header(event, s).event_hash() == event.event_hash),
        None,
    )


def _check_contents(events: list[RecordedEvent], report: VerificationReport) -> dict[int, int]:
    """Edited payloads and headers; returns stored seq → original seq for moved events."""
    highest = max((e.seq for e in events), default=0)
    moved: dict[int, int] = {}
    for event in events:
        if sha256_text(canonical_json(event.payload)) != event.payload_hash:
            report.add(
                event.seq, ProblemKind.EDITED, f"第{event.seq}条记录的内容被修改（内容哈希不符）"
            )
        original = _original_seq(event, highest)
        if original is None:
            report.add(event.seq, ProblemKind.EDITED, f"第{event.seq}条记录被修改（记录哈希不符）")
        elif original != event.seq:
            moved[event.seq] = original
    return moved


def _classify_moves(moved: dict[int, int], report: VerificationReport) -> None:
    if not moved:
        return
    shifts = {stored - original for stored, original in moved.items()}
    first = min(moved)
    if shifts == {1}:
        report.add(
            first - 1, ProblemKind.INSERTED, f"第{first - 1}条是插入的记录，其后记录被顺延编号"
        )
    elif shifts == {-1}:
        report.add(
            moved[first] - 1,
            ProblemKind.DELETED,
            f"原第{moved[first] - 1}条记录被删除，其后记录被前移编号",
        )
    else:
        for stored, original in sorted(moved.items()):
            report.add(
                stored, ProblemKind.REORDERED, f"第{stored}条记录原为第{original}条，顺序被调换"
            )


def _check_numbering(events: list[RecordedEvent], report: VerificationReport) -> None:
    present = {e.seq for e in events}
    for seq in range(1, max(present, default=0) + 1):
        if seq not in present:
            report.add(seq, ProblemKind.DELETED, f"第{seq}条记录缺失（已被删除）")


def _check_links(events: list[RecordedEvent], report: VerificationReport) -> None:
    position = {e.event_hash: i for i, e in enumerate(events)}
    for i, event in enumerate(events):
        expected = events[i - 1].event_hash if i else GENESIS_HASH
        if event.prev_hash == expected or any(p.seq == event.seq for p in report.problems):
            continue
        linked = position.get(event.prev_hash)
        if linked is None:
            report.add(
                event.seq, ProblemKind.DELETED, f"第{event.seq}条记录之前的记录缺失（已被删除）"
            )
        elif linked > i:
            report.add(event.seq, ProblemKind.REORDERED, f"第{event.seq}条记录与其后记录顺序被调换")
        else:
            report.add(event.seq - 1, ProblemKind.INSERTED, f"第{event.seq - 1}条是插入的记录")


def _check_head(
    events: list[RecordedEvent], head: tuple[int, str] | None, report: VerificationReport
) -> None:
    if head is None:
        if events:
            report.add(1, ProblemKind.EDITED, "案件的链头记录缺失")
        return
    count, head_hash = head
    last = events[-1].seq if events else 0
    if len(events) > count:
        report.add(
            count + 1, ProblemKind.INSERTED, f"链头记载{count}条，实有{len(events)}条：有记录被插入"
        )
    elif len(events) < count and not any(p.kind is ProblemKind.DELETED for p in report.problems):
        report.add(
            last + 1, ProblemKind.DELETED, f"链头记载{count}条，实有{len(events)}条：末尾记录被删除"
        )
    elif (
        events
        and len(events) == count
        and events[-1].event_hash != head_hash
        and not report.problems
    ):
        report.add(last, ProblemKind.EDITED, "最后一条记录与链头哈希不符")


def _check_receipt(events: list[RecordedEvent], receipt: str, report: VerificationReport) -> None:
    """An externally kept head hash (回执) catches even a fully rewritten chain."""
    hashes = [e.event_hash for e in events]
    if receipt not in hashes:
        report.add(0, ProblemKind.EDITED, "回执中的链头哈希不在记录中：记录被改写或删除")
    elif hashes.index(receipt) < len(hashes) - 1:
        seq = events[hashes.index(receipt)].seq
        report.add(seq + 1, ProblemKind.INSERTED, f"回执之后新增了记录（第{seq + 1}条起）")


def _check_attachments(events: list[RecordedEvent], report: VerificationReport) -> None:
    for event in events:
        declared = sorted(a.get("sha256", "") for a in event.payload.get("attachments", []))
        if declared != sorted(a.sha256 for a in event.attachments):
            report.add(
                event.seq, ProblemKind.ATTACHMENT_CHANGED, f"第{event.seq}条记录的附件登记被改动"
            )
        for attachment in event.attachments:
            path = Path(attachment.stored_path)
            if not path.is_file():
                report.add(
                    event.seq, ProblemKind.ATTACHMENT_CHANGED, f"附件缺失：{attachment.file_name}"
                )
            elif sha256_file(path) != attachment.sha256:
                report.add(
                    event.seq,
                    ProblemKind.ATTACHMENT_CHANGED,
                    f"附件被替换或改动：{attachment.file_name}（SHA-256 不符）",
                )


def verify_events(
    case_no: str,
    events: list[RecordedEvent],
    head: tuple[int, str] | None,
    receipt: str | None = None,
) -> VerificationReport:
    """Every check over one case's events (in stored sequence order)."""
    report = VerificationReport(case_no, len(events), events[-1].event_hash if events else None)
    if not events and head is None:
        report.add(0, ProblemKind.DELETED, f"案件 {case_no} 没有任何全过程记录")
        return report
    _classify_moves(_check_contents(events, report), report)
    _check_numbering(events, report)
    _check_links(events, report)
    _check_head(events, head, report)
    if receipt:
        _check_receipt(events, receipt, report)
    _check_attachments(events, report)
    return report
