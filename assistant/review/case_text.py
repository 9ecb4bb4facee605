"""The dated passages of a case file, for rules that read what the file says happened.

Several requirements (催告 before enforcement, a seizure's release, 先行登记保存's handling)
show in a file only as words in an event note, a document title or an evidence item, each
with its date. One reader gives every checker the same passages, each naming where it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.case_file import CaseFile

# A clause ends at these marks; a negation reaches only inside its own clause.
CLAUSE = re.compile(r"[，,。；;！？\n]")
# A sentence ends at these: a pattern may run over its commas (被责令停止建设，拒不执行).
SENTENCE = re.compile(r"[。；;！？\n]")
_COMMA = re.compile(r"[，,]")


@dataclass(frozen=True)
class Passage:
    """Words of the file, where they stand and the date the file gives them (None: undated)."""

    where: str
    text: str
    day: date | None


def passages(case: CaseFile) -> list[Passage]:
    """Event notes, document titles and contents, evidence items, then the narrative."""
    found = [
        Passage(
            f"events[{i}]（{e.type} {e.date}）",
            "；".join(t for t in (e.note, e.method or "", e.result or "") if t),
            e.date,
        )
        for i, e in enumerate(case.events)
    ]
    found += [
        Passage(f"documents[{i}]（{d.type}）", "；".join([d.type, *d.contents]), d.date)
        for i, d in enumerate(case.documents)
    ]
    found += [
        Passage(
            f"evidence[{i}]（{e.name}）",
            "；".join(t for t in (e.type, e.name, e.obtained_by or "", e.note) if t),
            e.date,
        )
        for i, e in enumerate(case.evidence)
    ]
    narrative = [case.facts.description, *case.facts.circumstances, case.violation.description]
    found += [Passage("facts.description", "；".join(narrative), None)]
    return [p for p in found if p.text]


def clauses(text: str) -> list[str]:
    return [c for c in CLAUSE.split(text) if c]


def mentions(
    passage: Passage, words: re.Pattern[str], negation: re.Pattern[str] | None = None
) -> bool:
    """Some clause of the passage names ``words`` and does not deny them (no ``negation``:
    naming them is enough)."""
    return any(
        words.search(c) and not (negation and negation.search(c)) for c in clauses(passage.text)
    )


def denies(passage: Passage, words: re.Pattern[str], negation: re.Pattern[str]) -> bool:
    """Some clause of the passage names ``words`` and denies them (未催告, 监护人未到场)."""
    return any(words.search(c) and negation.search(c) for c in clauses(passage.text))


def affirmed(text: str, words: re.Pattern[str], negation: re.Pattern[str]) -> re.Match[str] | None:
    """The first match of ``words`` inside a sentence whose own clause, up to the match, holds
    no ``negation`` (经核无暗管排放, 否认哺乳): the file states it rather than rules it out."""
    for sentence in SENTENCE.split(text):
        for found in words.finditer(sentence):
            if not negation.search(_COMMA.split(sentence[: found.start()])[-1]):
                return found
    return None


def affirmed_in(
    case: CaseFile, words: re.Pattern[str], negation: re.Pattern[str]
) -> tuple[str, str] | None:
    """Where the file first affirms ``words`` (see ``affirmed``), and the words."""
    for passage in passages(case):
        found = affirmed(passage.text, words, negation)
        if found is not None:
            return passage.where, found.group(0)
    return None
