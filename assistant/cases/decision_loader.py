"""行政处罚决定书 (TXT, DOCX, PDF) → Case, by the headings every decision uses.

Decisions follow one layout (行政处罚法第五十九条): agency and title, 当事人 block,
违法事实, 证据, 处罚依据, 处罚决定, 履行方式和期限, 救济途径, agency and date. Headings
may be numbered (一、违法事实) or inline (违法事实：…); both start a section.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from assistant.cases.document_text import read_lines
from assistant.cases.model import Case, CaseKind
from assistant.cases.penalty_text import parse_penalty
from corpus.errors import ErrorKind, ZhifaError
from corpus.numerals import parse_number

# section key → heading words (longest first where one is a prefix of another)
SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "当事人": ("当事人", "被处罚人", "被处罚单位"),
    "违法事实": ("违法事实", "调查认定的违法事实", "经查明的违法事实", "案件事实", "违法行为"),
    "证据": ("证据", "相关证据", "证据材料", "主要证据"),
    "处罚依据": ("处罚依据", "行政处罚的依据", "行政处罚依据", "法律依据", "处罚理由和依据"),
    "处罚决定": ("处罚决定", "行政处罚决定", "处罚内容", "行政处罚的种类和依据"),
    "履行方式": ("履行方式", "履行方式和期限", "缴纳方式", "罚款缴纳方式"),
    "救济途径": ("救济途径", "申请行政复议或者提起行政诉讼的途径和期限", "复议和诉讼", "权利告知"),
}
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|第[一二三四五六七八九十]+部分)\s*"
)
_ITEM_NUMBER = re.compile(r"^(?:[（(]?\d+[）)、.．]|[①-⑳]|[（(][一二三四五六七八九十]+[）)])\s*")
_DATE = re.compile(
    r"(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日"
)
_DOC_NUMBER = re.compile(r"〔\d{4}〕|\[\d{4}\]|（\d{4}）.*号$")
_EVIDENCE_LEAD_IN = re.compile(r"^(?:以上|上述)(?:违法)?(?:事实|行为).{0,16}证据.{0,8}[：:]")
_PARTY_KEYS = (
    "当事人",
    "被处罚人",
    "被处罚单位",
    "法定代表人",
    "负责人",
    "经营者",
    "姓名",
    "投资人",
)
_AGENCY_END = re.compile(r"(局|委员会|厅|人民政府|政府|大队|支队|执法队|管理处|办公室|分局|所)$")
DOMAIN_BY_AGENCY: tuple[tuple[str, str], ...] = (
    ("生态环境", "生态环境"),
    ("环境保护", "生态环境"),
    ("市场监督", "市场监管"),
    ("食品药品", "市场监管"),
    ("公安", "公安"),
    ("交通", "交通运输"),
    ("应急管理", "应急管理"),
    ("安全生产", "应急管理"),
    ("城市管理", "城市管理"),
    ("综合行政执法", "综合执法"),
    ("自然资源", "自然资源"),
    ("住房和城乡建设", "住房城乡建设"),
    ("卫生健康", "卫生健康"),
    ("文化", "文化旅游"),
    ("人力资源", "人力资源社会保障"),
    ("税务", "税务"),
    ("统计", "统计"),
)


class DecisionFormatError(
    ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_case_document"
):
    """Text that is not a 处罚决定书 (no 违法事实 / 处罚决定); Chinese message."""


def load_decision(path: Path, domain: str | None = None) -> Case:
    """One decision file as a Case; ``domain`` overrides the one inferred from the agency."""
    return parse_decision(read_lines(path), str(path), domain)


def parse_decision(lines: list[str], source: str, domain: str | None = None) -> Case:
    """Split ``lines`` by headings and fill the case fields from the sections."""
    header, sections = split_sections(_without_signature(lines))
    decision_key = next((k for k in ("处罚决定", "处罚依据") if k in sections), None)
    if "违法事实" not in sections or decision_key is None:
        raise DecisionFormatError(
            f"不是行政处罚决定书（缺少“违法事实”或“处罚决定”）：{Path(source).name}"
        )
    parties, intro = _party_block(sections.get("当事人", []))
    agency = _agency(header, lines)
    decision_text = "\n".join(sections[decision_key])
    facts = "\n".join([*intro, *sections["违法事实"]])
    return Case(
        kind=CaseKind.DECISION,
        title=_title(header, agency, source),
        agency=agency,
        date=_signature_date(lines),
        parties=parties,
        facts=facts,
        evidence=evidence_items(sections.get("证据", [])),
        decision=decision_text,
        penalty=parse_penalty(decision_text),
        domain=domain or infer_domain(agency),
        sections={key: "\n".join(body) for key, body in sections.items()},
        source=source,
    ).with_id()


def split_sections(lines: list[str]) -> tuple[list[str], dict[str, list[str]]]:
    """(lines before the first heading, {section key: its lines}); repeated headings append."""
    header: list[str] = []
    sections: dict[str, list[str]] = {}
    current: list[str] = header
    for line in lines:
        found = match_heading(line)
        if found is None:
            current.append(line)
            continue
        key, inline = found
        current = sections.setdefault(key, [])
        if key == "当事人":
            current.append(line)
        elif inline:
            current.append(inline)
    return header, sections


def _without_signature(lines: list[str]) -> list[str]:
    """Drop the closing agency and date lines, so they do not end up in the last section."""
    end = len(lines)
    while end > 0 and (_DATE.fullmatch(lines[end - 1]) or _is_agency_line(lines[end - 1])):
        end -= 1
    return lines[:end]


def _is_agency_line(line: str) -> bool:
    return bool(_AGENCY_END.search(line)) and len(line) <= 40 and "决定书" not in line


def match_heading(line: str) -> tuple[str, str] | None:
    """(section key, text after the heading's colon) when ``line`` starts a section."""
    if lead_in := _EVIDENCE_LEAD_IN.match(line):
        return "证据", line[lead_in.end() :].strip()
    numbered = _NUMBERING.match(line) is not None
    head, rest = (re.split(r"[：:]", _NUMBERING.sub("", line), maxsplit=1) + [""])[:2]
    head = head.strip().rstrip("。")
    for key, words in SECTION_HEADINGS.items():
        if head in words:
            return key, rest.strip()
        if numbered and len(head) <= 20 and head.startswith(words):
            return key, rest.strip()
    return None


def _party_block(lines: list[str]) -> tuple[list[str], list[str]]:
    """Party names (当事人、法定代表人…) and the narrative lines that follow the block."""
    names: list[str] = []
    narrative: list[str] = []
    for line in lines:
        key, _, value = line.partition("：") if "：" in line else line.partition(":")
        if value and key.strip() in _PARTY_KEYS:
            names.append(re.split(r"[，,（(；;]", value.strip())[0])
        elif not value or len(key) > 12:
            narrative.append(line)
    return [n for n in dict.fromkeys(names) if n], narrative


def evidence_items(lines: list[str]) -> list[str]:
    """One entry per numbered or ；-separated piece of evidence; the lead-in line is dropped."""
    items: list[str] = []
    for line in lines:
        if line.endswith(("：", ":")) and not _ITEM_NUMBER.match(line):
            continue
        for part in re.split(r"[；;]", line):
            part = _ITEM_NUMBER.sub("", part.strip()).strip("。，, ")
            if part:
                items.append(part)
    return items


def _agency(header: list[str], lines: list[str]) -> str | None:
    for line in [*header[:3], *reversed(lines[-4:])]:
        if _is_agency_line(line):
            return line
    return None


def _title(header: list[str], agency: str | None, source: str) -> str:
    title = next((line for line in header if "决定书" in line), "行政处罚决定书")
    number = next((line for line in header if _DOC_NUMBER.search(line)), "")
    prefix = agency if agency and not title.startswith(agency) else ""
    return f"{prefix}{title}{'（' + number + '）' if number else ''}" or Path(source).stem


def _signature_date(lines: list[str]) -> dt.date | None:
    """The date the decision was signed: the last date standing on a line of its own."""
    for line in reversed(lines):
        match = _DATE.fullmatch(line.strip())
        if match:
            return parse_chinese_date(*match.groups())
    return None


def parse_chinese_date(year: str, month: str, day: str) -> dt.date | None:
    """2023 / 二〇二三, 5 / 五, 10 / 十 → date; None when not a valid day."""
    digits = str.maketrans("〇零一二三四五六七八九", "00123456789")
    try:
        number_year = int(year) if year.isdigit() else int(year.translate(digits))
        return dt.date(number_year, parse_number(month), parse_number(day))
    except ValueError:
        return None


def infer_domain(agency: str | None) -> str | None:
    """The enforcement domain named by the agency (生态环境局 → 生态环境)."""
    if not agency:
        return None
    return next((domain for word, domain in DOMAIN_BY_AGENCY if word in agency), None)
