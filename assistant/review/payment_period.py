"""The fine's payment period a 决定书 sets: the law gives the party fifteen days from receipt
(《行政处罚法》第六十七条第三款; 治安管理处罚法第一百零四条 for a 治安 fine), so a decision
demanding payment sooner (三日内缴纳) takes away time the statute grants."""

from __future__ import annotations

import re

from corpus.numerals import parse_number

STATUTORY_DAYS = 15
# N日内 (or N个工作日内) followed by paying: 缴纳/缴清/缴至/缴付/缴交, optionally 到指定银行….
# 补缴 (a contribution owed, 社会保险费) is no fine and does not match: 缴 must follow 日内.
_PERIOD = re.compile(
    r"([0-9０-９]+|[零〇一二两三四五六七八九十]+)(?:个工作)?日内"
    r"(?:[^，。；、]{0,12}?(?:银行|账户|支付|系统)[^，。；、]{0,4}?)?缴(?:纳|清|至|付|交)"
)
_FINE = re.compile(r"罚款|罚没")
_SENTENCE = re.compile(r"[^。；;\n]+")


def shorter_periods(lines: list[str]) -> list[tuple[int, str]]:
    """(days, sentence) for each fine payment period under fifteen days the lines set."""
    found = []
    for line in lines:
        for sentence in _SENTENCE.findall(line):
            if not _FINE.search(sentence):
                continue
            for match in _PERIOD.finditer(sentence):
                try:
                    days = parse_number(match.group(1))
                except ValueError:
                    continue
                if days < STATUTORY_DAYS:
                    found.append((days, sentence.strip()))
    return found
