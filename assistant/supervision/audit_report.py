"""案卷评查表: the score, 不合格卷 reasons and every deduction, as Markdown or DOCX.

Both renderings come from one list of (style, text) lines so they never disagree.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from docx import Document as DocxDocument

from assistant.supervision.file_audit import AppliedDeduction, FileAudit
from corpus.errors import ErrorKind, ZhifaError

Line = tuple[str, str]


class ReportPathError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_report_path"):
    """The report can only be written as .docx or .md."""


def _points(value: float) -> str:
    return f"{value:.10g}"


def _rule(deduction: AppliedDeduction) -> str:
    return deduction.rule


def _summary(result: FileAudit) -> list[Line]:
    verdict = (
        f"不合格卷（基本标准不符合 {len(result.failures)} 项）"
        if result.failed
        else f"{result.grade}"
    )
    return [
        ("p", f"案件：{result.title or result.case_id}（{result.case_id}）"),
        ("p", f"评查标准：{result.rubric}"),
        (
            "p",
            f"得分：{_points(result.score)} / {_points(result.full_marks)}"
            f"（卷面 {_points(result.layout_score)}，内容 {_points(result.content_score)}）",
        ),
        ("p", f"评查结论：{verdict}"),
    ]


def _failures(result: FileAudit) -> list[Line]:
    if not result.failures:
        return [("h", "基本标准"), ("p", "基本标准均符合。")]
    lines: list[Line] = [("h", "不合格卷理由（基本标准）")]
    for number, failure in enumerate(result.failures, start=1):
        lines.append(("p", f"{number}. {failure.id} {failure.label}（{failure.rule}）"))
        lines += [
            ("li", f"{f.reason}。依据：{f.rule}。案卷：{f.evidence}") for f in failure.findings
        ]
    return lines


def _items(result: FileAudit) -> list[Line]:
    lines: list[Line] = [("h", "分项得分")]
    for item in result.items:
        lines.append(
            (
                "li",
                f"{item.part} {item.id} {item.label}：{_points(item.score)} / {_points(item.points)}",
            )
        )
    return lines


def _deductions(result: FileAudit) -> list[Line]:
    if not result.deductions:
        return [("h", "扣分明细"), ("p", "无扣分。")]
    lines: list[Line] = [("h", "扣分明细")]
    for number, d in enumerate(result.deductions, start=1):
        capped = "（该项已扣完，不再扣分）" if d.points < d.per_defect else ""
        note = f"说明：{d.note}。" if d.note else ""
        lines.append(
            (
                "p",
                f"{number}. 【{d.part} {d.item_id} {d.item_label}】扣 {_points(d.points)} 分{capped}："
                f"{d.reason}。依据：{_rule(d)}。{note}案卷：{d.evidence}",
            )
        )
    return lines


def _unscored(result: FileAudit) -> list[Line]:
    if not result.unscored:
        return []
    lines: list[Line] = [("h", "其他审核发现（评查标准未计分，请一并核查）")]
    lines += [("li", f"{f.reason}。依据：{f.rule}。案卷：{f.evidence}") for f in result.unscored]
    return lines


def report_lines(result: FileAudit, on: date) -> list[Line]:
    lines: list[Line] = [("title", "行政执法案卷评查表")]
    lines += _summary(result) + _failures(result) + _items(result)
    lines += _deductions(result) + _unscored(result)
    lines.append(("p", f"评查日期：{on.isoformat()}"))
    return lines


def report_markdown(result: FileAudit, on: date) -> str:
    prefix = {"title": "# ", "h": "## ", "p": "", "li": "- "}
    blocks: list[str] = []
    for style, text in report_lines(result, on):
        if style == "li" and blocks and blocks[-1].startswith("- "):
            blocks[-1] += "\n- " + text
        else:
            blocks.append(prefix[style] + text)
    return "\n\n".join(blocks) + "\n"


def write_report_docx(result: FileAudit, on: date, path: Path) -> Path:
    """Write atomically: a temporary file in the same folder, then rename."""
    document = DocxDocument()
    for style, text in report_lines(result, on):
        if style == "title":
            document.add_heading(text, level=0)
        elif style == "h":
            document.add_heading(text, level=1)
        elif style == "li":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".docx.tmp")
    os.close(handle)
    try:
        document.save(temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path


def write_report(result: FileAudit, on: date, path: Path) -> Path:
    """``.docx`` or ``.md`` by suffix (written atomically)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return write_report_docx(result, on, path)
    if suffix != ".md":
        raise ReportPathError(f"评查表只能保存为 .docx 或 .md：{path}")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(report_markdown(result, on), encoding="utf-8")
    os.replace(temporary, path)
    return path
