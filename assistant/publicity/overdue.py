"""Decisions past their publication or withdrawal deadline on a given day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assistant.publicity.deadlines import deadline_for
from assistant.publicity.public_entry import CaseDecision
from assistant.settings import AssistantSettings


@dataclass(frozen=True)
class OverdueItem:
    case_no: str
    action: str
    due: date
    done: date | None

    def as_json(self) -> dict[str, object]:
        return {
            "case_no": self.case_no,
            "action": self.action,
            "due": self.due.isoformat(),
            "done": self.done.isoformat() if self.done else None,
        }


def overdue_items(
    cases: list[CaseDecision], today: date, settings: AssistantSettings
) -> list[OverdueItem]:
    """Unpublished (or late-published) decisions and revoked ones not taken down in time."""
    items: list[OverdueItem] = []
    for case in cases:
        deadline = deadline_for(case.decided, case.kind, settings, case.revoked)
        published_late = case.published and case.published > deadline.publish_due
        if (case.published is None and today > deadline.publish_due) or published_late:
            items.append(OverdueItem(case.case_no, "公开", deadline.publish_due, case.published))
        due = deadline.withdraw_due
        if due and (
            (case.withdrawn is None and today > due) or (case.withdrawn and case.withdrawn > due)
        ):
            items.append(OverdueItem(case.case_no, "撤下", due, case.withdrawn))
    return items
