"""Read the draw's lists: inspection targets and (when not taken from the roster) officers.

Targets: 对象编码, 对象名称, 统一社会信用代码, 回避执法人员 (certificate numbers or
names, separated by ；). Officers: the roster's officer columns.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from assistant.administration.random_draw import DrawError, DrawTarget
from assistant.administration.roster_records import COLUMNS, OfficerRecord, RosterKind
from assistant.administration.tabular_files import Row, TableFileError, read_table

TARGET_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("对象编码", "编码", "code"),
    "name": ("对象名称", "名称", "name"),
    "credit_code": ("统一社会信用代码", "credit_code"),
    "related_officers": ("回避执法人员", "关联执法人员", "related_officers"),
}
_SEPARATORS = re.compile(r"[；;，,、\s]+")


def _pick(row: Row, columns: dict[str, tuple[str, ...]]) -> dict[str, object]:
    values: dict[str, object] = {}
    for name, headers in columns.items():
        value = next((row[h] for h in (name, *headers) if row.get(h) not in (None, "")), None)
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(int(value)) if float(value).is_integer() else str(value)
        if value is not None:
            values[name] = value
    return values


def _split(value: object) -> list[str]:
    return [p for p in _SEPARATORS.split(str(value or "")) if p]


def read_targets(path: Path) -> list[DrawTarget]:
    try:
        rows = read_table(path)
    except TableFileError as exc:
        raise DrawError(str(exc)) from exc
    targets = []
    for number, row in rows:
        values = _pick(row, TARGET_COLUMNS)
        values["related_officers"] = _split(values.get("related_officers"))
        values = {k: (v if isinstance(v, list) else str(v)) for k, v in values.items()}
        try:
            targets.append(DrawTarget.model_validate(values))
        except ValidationError as exc:
            raise DrawError(f"{path.name} 第{number}行：缺少对象编码或对象名称") from exc
    return targets


def read_officers(path: Path) -> list[OfficerRecord]:
    try:
        rows = read_table(path)
    except TableFileError as exc:
        raise DrawError(str(exc)) from exc
    officers = []
    for number, row in rows:
        values = _pick(row, COLUMNS[RosterKind.OFFICERS])
        values.setdefault("agency", "")
        values["related_targets"] = _split(values.get("related_targets"))
        for key in ("valid_from", "valid_to"):
            if isinstance(values.get(key), str):
                values[key] = str(values[key]).replace("/", "-")
        try:
            officers.append(OfficerRecord.model_validate(values))
        except ValidationError as exc:
            raise DrawError(
                f"{path.name} 第{number}行：执法人员信息无效（需姓名、执法证号，日期为 YYYY-MM-DD）"
            ) from exc
    return officers
