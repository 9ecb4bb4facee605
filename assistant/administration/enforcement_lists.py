"""Pre-enforcement lists an agency publishes (公示办法第八条): 行政执法事项清单,
随机抽查事项清单, 执法人员清单 and 音像记录清单, as rows and as XLSX/CSV/HTML files.

Every legal basis is resolved again on the publication date, so a list never shows
an article that is not in force that day; one that fails is marked, not hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from assistant.administration.av_recording_list import AV_LIST_HEADERS, AvRecordingList
from assistant.administration.roster import RosterStore
from assistant.administration.roster_records import PowerRecord
from assistant.administration.tabular_files import TABLE_FORMATS, TableFileError, write_table
from corpus.citation_resolver import CitationError, CitationResolver

POWER_LIST_HEADERS = [
    "序号",
    "事项编码",
    "事项名称",
    "事项类型",
    "实施依据",
    "实施主体",
    "责任单位",
]
RANDOM_LIST_HEADERS = [
    "序号",
    "抽查事项",
    "事项编码",
    "抽查依据",
    "抽查主体",
    "抽查对象",
    "抽查方式",
]
OFFICER_LIST_HEADERS = ["序号", "姓名", "执法证号", "人员类别", "执法领域", "所属机关", "有效期至"]


@dataclass
class PublicList:
    """One list: its file stem, title, headers and rows, and basis that did not verify."""

    stem: str
    title: str
    headers: list[str]
    rows: list[list[object]]
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "title": self.title,
            "rows": [dict(zip(self.headers, row, strict=True)) for row in self.rows],
            "warnings": self.warnings,
        }


def verified_basis(
    power: PowerRecord, resolver: CitationResolver, on: date
) -> tuple[list[str], list[str]]:
    """(citations in force on ``on``, warnings for those that are not)."""
    citations, warnings = [], []
    for written in power.basis or [power.basis_written]:
        for result in resolver.resolve_text(written, on):
            if isinstance(result, CitationError):
                warnings.append(
                    f"{power.code} {power.name}：“{written}”在{on}无法核验：{result.message}"
                )
                citations.append(f"{written}（未能核验）")
            else:
                citations.append(result.citation)
    return list(dict.fromkeys(citations)), warnings


def power_list(
    roster: RosterStore, resolver: CitationResolver, agency: str, on: date
) -> PublicList:
    """行政执法事项清单: every power of the agency with its verified legal basis."""
    listing = PublicList("行政执法事项清单", f"{agency}行政执法事项清单", POWER_LIST_HEADERS, [])
    for number, power in enumerate(roster.powers(agency), start=1):
        basis, warnings = verified_basis(power, resolver, on)
        listing.rows.append(
            [number, power.code, power.name, power.power_type, "；".join(basis), agency]
            + [power.responsible_unit]
        )
        listing.warnings += warnings
    return listing


def random_check_list(
    roster: RosterStore, resolver: CitationResolver, agency: str, on: date
) -> PublicList:
    """随机抽查事项清单: the powers marked for 双随机 inspection."""
    listing = PublicList("随机抽查事项清单", f"{agency}随机抽查事项清单", RANDOM_LIST_HEADERS, [])
    checked = [p for p in roster.powers(agency) if p.random_check]
    for number, power in enumerate(checked, start=1):
        basis, warnings = verified_basis(power, resolver, on)
        listing.rows.append(
            [number, power.name, power.code, "；".join(basis), agency]
            + [power.check_targets, power.check_method or "现场检查"]
        )
        listing.warnings += warnings
    return listing


def officer_list(roster: RosterStore, agency: str, on: date) -> PublicList:
    """执法人员清单: officers and reviewers whose certificates are valid on ``on``."""
    listing = PublicList("执法人员清单", f"{agency}执法人员清单", OFFICER_LIST_HEADERS, [])
    valid = [o for o in roster.officers(agency) if o.valid_on(on)]
    for number, o in enumerate(valid, start=1):
        listing.rows.append(
            [number, o.name, o.certificate_no, o.role, o.scope, agency, o.valid_to or "长期"]
        )
    return listing


def av_list_table(av_list: AvRecordingList) -> PublicList:
    return PublicList("音像记录事项清单", av_list.title, AV_LIST_HEADERS, av_list.rows())


def agency_lists(
    roster: RosterStore,
    resolver: CitationResolver,
    av_list: AvRecordingList,
    agency: str,
    on: date,
) -> list[PublicList]:
    """All lists of one agency for its publicity column (the agency must be on file)."""
    roster.agency(agency)
    return [
        power_list(roster, resolver, agency, on),
        random_check_list(roster, resolver, agency, on),
        officer_list(roster, agency, on),
        av_list_table(av_list),
    ]


def write_lists(lists: list[PublicList], out_dir: Path, fmt: str) -> list[Path]:
    """One file per list in ``out_dir``, as xlsx, csv or html."""
    if fmt not in TABLE_FORMATS:
        raise TableFileError(f"不支持的格式“{fmt}”：应为 {'、'.join(TABLE_FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    return [
        write_table(out_dir / f"{item.stem}.{fmt}", item.headers, item.rows, item.title)
        for item in lists
    ]
