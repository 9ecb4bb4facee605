"""Supervision export: CSV and XLSX tables and PNG bar charts (CJK labels, integer ticks).

Every file is written to a temporary name in the target folder and renamed, so a
reader never sees half a file.
"""

from __future__ import annotations

import csv
import os
import tempfile
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from assistant.publicity.annual_report import CJK_FONTS
from assistant.supervision.overview import DIMENSIONS, SupervisionView
from assistant.supervision.warnings import SupervisionWarning

WARNING_HEADERS = [
    "预警类型",
    "案号",
    "对象",
    "期限",
    "剩余天数",
    "剩余工作日",
    "已逾期",
    "说明",
    "依据",
    "链接",
]
CASE_HEADERS = [
    "案号",
    "案件名称",
    "执法主体",
    "案件类型",
    "立案",
    "决定",
    "送达",
    "公示",
    "结案",
    "来源",
]
FONT_MISSING = "未找到中文字体（fonts-noto-cjk），图表中文可能显示为方框"


def _atomic(path: Path, write: Callable[[Path], None]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, suffix=path.suffix + ".tmp")
    os.close(handle)
    try:
        write(Path(name))
        os.replace(name, path)
    finally:
        if os.path.exists(name):
            os.unlink(name)
    return path


def _warning_row(w: SupervisionWarning) -> list[object]:
    data = w.as_json()
    return [
        data["label"],
        w.case_id or "",
        w.subject or "",
        data["due"] or "",
        "" if w.days_left is None else w.days_left,
        "" if w.working_days_left is None else w.working_days_left,
        "是" if w.overdue else "否",
        w.message,
        w.rule,
        data["link"] or "",
    ]


def _case_rows(view: SupervisionView) -> list[list[object]]:
    rows = []
    for t in view.timelines:
        dates = [t.on(k) for k in ("立案", "决定", "送达", "公示")]
        source = "案卷" + ("＋全过程记录" if t.recorded_events else "") if t.filed else "全过程记录"
        rows.append(
            [t.case_id, t.title, t.agency or "", t.law or ""]
            + [d.isoformat() if d else "" for d in dates]
            + [t.closed.isoformat() if t.closed else "", source]
        )
    return rows


def _count_rows(view: SupervisionView) -> list[list[object]]:
    return [[d, k, n] for d, c in view.counts.items() for k, n in sorted(c.items())]


def _write_csv(path: Path, headers: list[str], rows: list[list[object]]) -> Path:
    def write(target: Path) -> None:
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers)
            writer.writerows(rows)

    return _atomic(path, write)


def write_csvs(view: SupervisionView, out_dir: Path) -> dict[str, str]:
    return {
        "counts_csv": str(
            _write_csv(out_dir / "监督统计.csv", ["维度", "项目", "数量"], _count_rows(view))
        ),
        "warnings_csv": str(
            _write_csv(
                out_dir / "预警清单.csv", WARNING_HEADERS, [_warning_row(w) for w in view.warnings]
            )
        ),
        "cases_csv": str(_write_csv(out_dir / "案件清单.csv", CASE_HEADERS, _case_rows(view))),
    }


def _cell(value: object) -> object:
    """Control characters (allowed in case files, not in XLSX) are dropped from text."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def write_xlsx(view: SupervisionView, path: Path) -> Path:
    from openpyxl import Workbook

    def write(target: Path) -> None:
        book = Workbook()
        summary = book.active
        summary.title = "汇总统计"
        summary.append(["维度", "项目", "数量"])
        for row in _count_rows(view):
            summary.append([_cell(v) for v in row])
        for name, headers, rows in (
            ("预警清单", WARNING_HEADERS, [_warning_row(w) for w in view.warnings]),
            ("案件清单", CASE_HEADERS, _case_rows(view)),
        ):
            sheet = book.create_sheet(name)
            sheet.append(headers)
            for row in rows:
                sheet.append([_cell(v) for v in row])
        book.save(target)

    return _atomic(path, write)


def _cjk_font() -> str | None:
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def write_charts(view: SupervisionView, path: Path) -> tuple[Path, bool]:
    """One bar chart per dimension plus the warnings by kind; returns (path, CJK font found)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    font = _cjk_font()
    if font:
        plt.rcParams["font.sans-serif"] = [font]
    plt.rcParams["axes.unicode_minus"] = False
    panels: list[tuple[str, Counter[str]]] = [(f"按{d}", view.counts[d]) for d in DIMENSIONS]
    panels.append(("预警（按类型）", Counter(w.kind.label for w in view.warnings)))
    figure, axes = plt.subplots(2, 3, figsize=(16, 9))
    for axis, (title, counts) in zip(axes.flat, panels, strict=True):
        labels = sorted(counts)
        axis.bar(labels, [counts[k] for k in labels], color="#3b6ea5")
        axis.set_title(f"{title}（截至 {view.today}）")
        axis.yaxis.set_major_locator(MaxNLocator(integer=True))
        axis.set_ylim(bottom=0, top=max([*counts.values(), 1]) + 0.5)
        axis.tick_params(axis="x", labelrotation=30)
        if not counts:
            axis.text(0.5, 0.5, "无数据", ha="center", va="center", transform=axis.transAxes)

    def write(target: Path) -> None:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            figure.tight_layout()
            figure.savefig(target, dpi=110, format="png")

    try:
        _atomic(path, write)
    finally:
        plt.close(figure)
    return path, font is not None


def export_all(view: SupervisionView, out_dir: Path) -> dict[str, object]:
    """CSV tables, one XLSX workbook and the PNG chart into ``out_dir``."""
    written: dict[str, object] = write_csvs(view, out_dir)
    written["xlsx"] = str(write_xlsx(view, out_dir / "执法监督.xlsx"))
    chart, has_font = write_charts(view, out_dir / "执法监督统计图.png")
    written["chart"] = str(chart)
    written["warnings"] = [] if has_font else [FONT_MISSING]
    return written
