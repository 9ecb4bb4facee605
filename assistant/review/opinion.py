"""法制审核意见书: 同意, or 存在问题 with each problem, its rule and a suggestion.

The outcome follows 《广东省重大行政执法决定法制审核办法》第十九条: no must-fix
problem → 审核通过; otherwise 提出具体审核建议，退回承办部门.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document as DocxDocument

from assistant.review.engine import ReviewReport
from assistant.review.flag import Flag

OUTCOME_RULE = "《广东省重大行政执法决定法制审核办法》第十九条"


def conclusion(report: ReviewReport) -> str:
    if not report.flags:
        return "同意。经审核，执法主体合法、事实清楚、证据确凿、法律依据准确、程序合法，提出审核通过的意见。"
    if not report.must_fix:
        return "原则同意。经审核未发现必须纠正的问题，但下列事项应当核查后再作出决定。"
    return (
        f"存在问题，建议退回承办部门。经审核，发现{len(report.must_fix)}项必须纠正的问题，"
        "建议按下列审核建议处理后再次提交法制审核。"
    )


def _problem_line(number: int, flag: Flag) -> str:
    return (
        f"{number}. 【{flag.point.label}｜{flag.severity.label}】{flag.reason}。"
        f"依据：{'、'.join([flag.rule, *flag.also_cites])}。案卷：{flag.evidence}"
    )


def _lines(report: ReviewReport, on: date) -> list[tuple[str, str]]:
    """(style, text) pairs shared by the Markdown and DOCX renderings."""
    lines = [
        ("title", "法制审核意见书"),
        ("p", f"案件：{report.title or report.case_id}（{report.case_id}）"),
    ]
    if report.major:
        lines.append(("p", "重大执法决定：是。理由：" + "；".join(report.major_reasons)))
    else:
        lines.append(("p", "重大执法决定：否（未列入目录清单，本审核为一般审核）"))
    lines.append(("h", "审核意见"))
    lines.append(("p", conclusion(report)))
    ordered = sorted(report.flags, key=lambda f: f.severity.rank)
    if ordered:
        lines.append(("h", "存在问题及审核建议"))
        lines += [("p", _problem_line(i, f)) for i, f in enumerate(ordered, start=1)]
    lines.append(("p", f"（审核意见依据{OUTCOME_RULE}提出）"))
    lines.append(("p", f"审核日期：{on.isoformat()}"))
    return lines


def opinion_markdown(report: ReviewReport, on: date) -> str:
    prefix = {"title": "# ", "h": "## ", "p": ""}
    return "\n\n".join(prefix[style] + text for style, text in _lines(report, on)) + "\n"


def write_opinion_docx(report: ReviewReport, on: date, path: Path) -> Path:
    document = DocxDocument()
    for style, text in _lines(report, on):
        if style == "title":
            document.add_heading(text, level=0)
        elif style == "h":
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path
