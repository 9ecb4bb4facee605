"""The yearly enforcement data report (公示办法第十七条: published by 31 January).

Counts by category, by result (penalty types per 行政处罚法第九条, permit granted or
refused), legal reviews, reconsiderations and lawsuits by outcome, and timeliness of
publication; written as CSV, XLSX (one sheet per dimension) and a PNG bar chart.
"""

from __future__ import annotations

import csv
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from assistant.publicity.deadlines import annual_report_due, deadline_for
from assistant.publicity.public_entry import CaseDecision
from assistant.settings import AssistantSettings

RESULT_WORDS = (
    "警告",
    "通报批评",
    "罚款",
    "没收违法所得",
    "没收非法财物",
    "暂扣许可证件",
    "降低资质等级",
    "吊销许可证件",
    "限制开展生产经营活动",
    "责令停产停业",
    "责令关闭",
    "限制从业",
    "行政拘留",
    "不予许可",
    "准予许可",
    "不予行政处罚",
)
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Serif CJK SC",
    "WenQuanYi Zen Hei",
    "SimHei",
)


def result_labels(conclusion: str) -> list[str]:
    """Result types named in a conclusion (一案多罚 counts in each); 其他 when none."""
    found = [w for w in RESULT_WORDS if w in conclusion]
    if "不予许可" in found and "准予许可" in found:
        found.remove("准予许可")
    if "吊销" in conclusion and "吊销许可证件" not in found:
        found.append("吊销许可证件")
    return found or ["其他"]


@dataclass
class AnnualStatistics:
    year: int
    dimensions: dict[str, Counter[str]] = field(default_factory=dict)

    def rows(self) -> list[tuple[str, str, int]]:
        return [
            (d, k, n) for d, counts in self.dimensions.items() for k, n in sorted(counts.items())
        ]

    def as_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "due": annual_report_due(self.year).isoformat(),
            "counts": {d: dict(sorted(c.items())) for d, c in self.dimensions.items()},
        }


def _timeliness(case: CaseDecision, settings: AssistantSettings) -> str:
    due = deadline_for(case.decided, case.kind, settings).publish_due
    if case.published is None:
        return "未公开"
    return "按时公开" if case.published <= due else "逾期公开"


def annual_statistics(
    cases: list[CaseDecision], year: int, settings: AssistantSettings
) -> AnnualStatistics:
    """Counts over the decisions made in ``year``."""
    chosen = [c for c in cases if c.decided.year == year]
    stats = AnnualStatistics(year)
    stats.dimensions = {
        "类别": Counter(c.category for c in chosen),
        "结果": Counter(label for c in chosen for label in result_labels(c.conclusion)),
        "当事人类型": Counter(c.party.type for c in chosen),
        "法制审核": Counter("经法制审核" if c.reviewed else "未经法制审核" for c in chosen),
        "行政复议": Counter(c.reconsideration for c in chosen if c.reconsideration),
        "行政诉讼": Counter(c.litigation for c in chosen if c.litigation),
        "公开情况": Counter(_timeliness(c, settings) for c in chosen),
        "合计": Counter({"决定总数": len(chosen)}),
    }
    return stats


def write_csv(stats: AnnualStatistics, path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["维度", "项目", "数量"])
        writer.writerows(stats.rows())
    return path


def write_xlsx(stats: AnnualStatistics, path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    summary.title = "汇总"
    summary.append(["维度", "项目", "数量"])
    for row in stats.rows():
        summary.append(list(row))
    for dimension, counts in stats.dimensions.items():
        sheet = book.create_sheet(dimension)
        sheet.append(["项目", "数量"])
        for key, count in sorted(counts.items()):
            sheet.append([key, count])
    book.save(path)
    return path


def _cjk_font() -> str | None:
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def chart_figure(stats: AnnualStatistics) -> tuple[object, bool]:
    """Bar charts of category and result counts; returns (figure, CJK font found)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    font = _cjk_font()
    if font:
        plt.rcParams["font.sans-serif"] = [font]
    plt.rcParams["axes.unicode_minus"] = False
    plt.rcParams["text.parse_math"] = False  # a category such as "$" is text, not TeX
    figure, axes = plt.subplots(1, 2, figsize=(12, 5))
    for axis, dimension in zip(axes, ("类别", "结果"), strict=True):
        counts = stats.dimensions[dimension]
        axis.bar(list(counts), list(counts.values()), color="#3b6ea5")
        axis.set_title(f"{stats.year}年行政执法决定（按{dimension}）")
        axis.set_ylabel("件数")
        axis.tick_params(axis="x", labelrotation=30)
        axis.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts: never a 1.25 tick
    return figure, font is not None


def write_chart(stats: AnnualStatistics, path: Path) -> tuple[Path, bool]:
    """The chart as PNG; returns (path, CJK font found)."""
    import matplotlib.pyplot as plt

    figure, has_font = chart_figure(stats)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure.tight_layout()
        figure.savefig(path, dpi=120)
    plt.close(figure)
    return path, has_font


def write_report(stats: AnnualStatistics, out_dir: Path) -> dict[str, object]:
    """CSV, XLSX and PNG of one year into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"{stats.year}年度行政执法数据"
    chart, has_font = write_chart(stats, out_dir / f"{stem}.png")
    return {
        **stats.as_json(),
        "csv": str(write_csv(stats, out_dir / f"{stem}.csv")),
        "xlsx": str(write_xlsx(stats, out_dir / f"{stem}.xlsx")),
        "chart": str(chart),
        "warnings": []
        if has_font
        else ["未找到中文字体（fonts-noto-cjk），图表中文可能显示为方框"],
    }
