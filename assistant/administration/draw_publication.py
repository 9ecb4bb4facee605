"""A draw goes on the record and to the public: an event in the whole-process log
(全过程记录办法第九条, 启动环节) and the entry for the publicity column
(公示办法第十一条第一款第（一）项, “双随机”抽查情况)."""

from __future__ import annotations

from datetime import date

from assistant.administration.random_draw import DRAW_METHOD, DrawResult
from assistant.case_record.event_log import (
    CaseRecordError,
    CaseRecordExistsError,
    CaseRecordStore,
    EventType,
    RecordedEvent,
)
from assistant.publicity.deadlines import CalendarRangeError, DecisionKind, deadline_for
from assistant.settings import AssistantSettings

DRAW_PREFIX = "抽查"
PUBLICITY_RULE = "《广东省行政执法公示办法》第十一条第一款第（一）项"
DEADLINE_RULE = "《广东省行政执法公示办法》第二十一条第二款"
DRAW_ID_ATTEMPTS = 20


def next_draw_id(records: CaseRecordStore, on: date) -> str:
    """抽查-2024-001, numbered within the year after the draws already on record."""
    prefix = f"{DRAW_PREFIX}-{on.year}-"
    taken = [case_no for case_no, _, _ in records.cases() if case_no.startswith(prefix)]
    numbers = [int(n[len(prefix) :]) for n in taken if n[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


def record_draw(
    records: CaseRecordStore, result: DrawResult, actor: str, draw_id: str | None = None
) -> RecordedEvent:
    """Append the draw (seed, inputs hash, assignments) as the 启动 event of a new case.

    Without ``draw_id`` the next free number is taken; a concurrent draw that took it
    first makes this one try the number after (bounded).
    """
    for _ in range(DRAW_ID_ATTEMPTS if draw_id is None else 1):
        result.draw_id = draw_id or next_draw_id(records, result.request.on)
        payload = {"kind": "双随机抽查", **result.as_json()}
        try:
            return records.append(
                result.draw_id,
                EventType.START,
                actor,
                payload,
                occurred_at=result.request.on.isoformat(),
                new_case=True,
            )
        except CaseRecordExistsError:
            if draw_id is not None:
                raise
    raise CaseRecordError("抽查编号分配冲突过多，请稍后重试或指定编号")


def draw_public_entry(result: DrawResult, settings: AssistantSettings) -> dict[str, object]:
    """What the publicity column shows: who inspects whom, and how to reproduce the draw."""
    try:
        deadline = deadline_for(result.request.on, DecisionKind.OTHER, settings)
        due: str | None = deadline.publish_due.isoformat()
        warnings = list(deadline.warnings)
    except CalendarRangeError as exc:
        due, warnings = None, [f"无法计算公开期限：{exc}"]
    return {
        "publish": True,
        "抽查编号": result.draw_id,
        "抽查事项": result.request.matter,
        "抽查主体": result.request.agency,
        "抽查日期": result.request.on.isoformat(),
        "抽查对象总数": len(result.request.targets),
        "抽取数量": result.request.count,
        "随机种子": result.request.seed,
        "输入数据摘要（SHA-256）": result.inputs_hash,
        "抽取方法": DRAW_METHOD,
        "抽查名单": [
            {
                "检查对象": a.target.name,
                "统一社会信用代码": a.target.credit_code or None,
                "执法人员": [f"{o.name}（{o.certificate_no}）" for o in a.inspectors],
            }
            for a in result.assignments
        ],
        "抽查结果": "检查完成后公开",
        "依据": [PUBLICITY_RULE, DEADLINE_RULE],
        "公开期限": due,
        "warnings": warnings,
    }
