"""Penalty kinds and amounts read from the 处罚决定 text of a decision.

Decisions write amounts as 罚款人民币5万元, 罚款50,000元 or 罚款伍万元整; all are
read to yuan so cases can be compared and shown by amount.
"""

from __future__ import annotations

import re

from assistant.cases.model import Penalty
from corpus.numerals import parse_number

PENALTY_KINDS: tuple[tuple[str, str], ...] = (
    ("警告", "警告"),
    ("通报批评", "通报批评"),
    ("罚款", "罚款"),
    ("没收违法所得", "没收违法所得"),
    ("没收非法财物", "没收非法财物"),
    ("暂扣", "暂扣许可证件"),
    ("降低资质等级", "降低资质等级"),
    ("吊销", "吊销许可证件"),
    ("限制开展生产经营活动", "限制开展生产经营活动"),
    ("责令停产停业", "责令停产停业"),
    ("责令关闭", "责令关闭"),
    ("限制从业", "限制从业"),
    ("行政拘留", "行政拘留"),
)
_CAPITALS = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟萬", "一二三四五六七八九十百千万")
# a sum as decisions write it: 50000 / 50,000 / 5.5 / 五万 / 伍万 (read by ``amount_yuan``)
AMOUNT_NUMBER = (
    r"[0-9][0-9,，]*(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟萬]+"
)
_AMOUNT = rf"(?:人民币)?\s*(?P<num>{AMOUNT_NUMBER})\s*(?P<wan>万)?元"
_FINE = re.compile(rf"罚款{_AMOUNT}")
_CONFISCATED = re.compile(rf"没收违法所得{_AMOUNT}")


def parse_penalty(decision_text: str) -> Penalty:
    """Kinds named in the text, the total fine and the confiscated illegal income."""
    types = list(dict.fromkeys(label for word, label in PENALTY_KINDS if word in decision_text))
    return Penalty(
        types=types,
        fine_yuan=_total(_FINE, decision_text),
        confiscated_yuan=_total(_CONFISCATED, decision_text),
    )


def _total(pattern: re.Pattern[str], text: str) -> float | None:
    amounts = [
        a for m in pattern.finditer(text) if (a := amount_yuan(m["num"], m["wan"])) is not None
    ]
    return sum(amounts) if amounts else None


def amount_yuan(number: str, wan: str | None) -> float | None:
    """``5`` + 万 → 50000.0; ``50,000`` → 50000.0; ``伍万`` → 50000.0; None if unreadable."""
    token = number.replace(",", "").replace("，", "").translate(_CAPITALS)
    try:
        value = (
            float(token) if re.fullmatch(r"\d+(?:\.\d+)?", token) else float(parse_number(token))
        )
    except ValueError:
        return None
    return value * 10000 if wan else value
