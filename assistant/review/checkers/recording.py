"""程序是否合法 — audio-visual recording: events on the 音像记录事项清单 must be on video.

Acts needing 全过程无间断音像记录 (查封扣押、强制拆除…, 全过程记录办法第十四条第二款)
recorded as not filmed must be fixed, and checked when the file is silent; other listed acts (第十四条第一款)
recorded as not filmed are flagged for checking. Investigations and hearings with
``audio_video: false`` are already flagged by the procedure checker, so they are
left to it here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from assistant.administration.av_recording_list import AvRecordingItem
from assistant.case_file import CaseFile, Event
from assistant.review.checkers.inspection_records import unrecorded_inspection_step
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.penalty_kinds import imposes_penalty

AV_EVIDENCE_WORDS = ("视听资料", "音像", "录像", "视频", "执法记录仪", "录音")
CHECKED_BY_PROCEDURE = ("调查取证", "听证")
Checker = Callable[[CaseFile, ReviewContext], list[Flag]]


def _av_evidence_on(case: CaseFile, day: date) -> bool:
    """The file holds an audio-visual item from that day (or undated)."""
    return any(
        any(word in f"{item.type}{item.name}" for word in AV_EVIDENCE_WORDS)
        and (item.date is None or item.date == day)
        for item in case.evidence
    )


def _recorded(case: CaseFile, event: Event) -> bool:
    if event.audio_video is not None:
        return event.audio_video
    return _av_evidence_on(case, event.date)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if ctx.av_recording is None:
        return []
    flags = []
    for index, event in enumerate(case.events):
        texts = [event.note, event.method or "", event.result or ""]
        items = _listed_acts(case, event, ctx.av_recording.matching(event.type, texts))
        full = [i for i in items if i.full]
        where = f"events[{index}]（{event.type} {event.date}）"
        if full and not _recorded(case, event):
            flag = _unfilmed(case, full, event, where, ctx)
            # one act (查封 decided and handed over the same day) is one finding
            if not any((f.rule, f.reason) == (flag.rule, flag.reason) for f in flags):
                flags.append(flag)
        elif items and event.audio_video is False and event.type not in CHECKED_BY_PROCEDURE:
            flags.append(
                Flag(
                    point=ReviewPoint.PROCEDURE,
                    severity=Severity.CHECK,
                    reason=f"{items[0].name}应当进行音像记录，案卷记载未录像",
                    rule=ctx.rule(items[0].rule),
                    evidence=f"{where}audio_video=false",
                )
            )
    return flags


def _listed_acts(
    case: CaseFile, event: Event, items: list[AvRecordingItem]
) -> list[AvRecordingItem]:
    """An item that lists 决定 among its events means the measure's own decision, made and
    handed over on the spot (行政强制法第十八条、第二十四条). A file that imposes a penalty
    decides the penalty in its 决定 (行政处罚法第五十七条), inside the agency; goods named
    there were seized earlier, at a step of their own, so that 决定 is not the listed act."""
    if event.type != "决定" or not imposes_penalty(case):
        return items
    return [i for i in items if "决定" not in i.event_types]


def _unfilmed(
    case: CaseFile, full: list[AvRecordingItem], event: Event, where: str, ctx: ReviewContext
) -> Flag:
    """An act recorded as not filmed must be fixed; a file silent on it (no
    ``audio_video``, no video of that day among the evidence, which lists what proves
    the facts, not every recording made) is checked."""
    names = "、".join(i.name for i in full)
    if event.audio_video is False and unrecorded_inspection_step(case, event, ctx):
        # the seizure made at an inspection with no record at all: the unrecorded step is
        # the evidence point's one finding (第五十五条第二款, 治安法第八十八条); its missing
        # recording is part of it, left to be checked (review_labels: 没有笔录或音像记录)
        severity, shown = Severity.CHECK, "audio_video=false（该次现场检查无笔录，已列为证据问题）"
    elif event.audio_video is False:
        severity, shown = Severity.MUST_FIX, "audio_video=false"
    else:
        severity, shown = Severity.CHECK, "案卷未载明是否录像，证据中无当日的视听资料"
    return Flag(
        point=ReviewPoint.PROCEDURE,
        severity=severity,
        reason=f"{names}应当全过程无间断音像记录，案卷中没有该环节的音像记录",
        rule=ctx.rule(full[0].rule),
        evidence=f"{where}{event.note}；{shown}",
    )


def alongside(procedure_check: Checker) -> Checker:
    """The procedure point's checker followed by this one (the engine keys checkers by point)."""

    def both(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
        return procedure_check(case, ctx) + check(case, ctx)

    return both
