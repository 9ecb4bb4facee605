"""Chinese fine wording → numbers.

Standards write fines as 五万元以上二十万元以下, 1万元以上10万元以下, 处二十万元罚款,
处所收费用三倍以上五倍以下, 处建设项目总投资额百分之一以上百分之五以下, 直接损失20%;
the tier decision needs them as yuan bounds or as multiples of a named base.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

from assistant.discretion.model import PenaltyRange
from corpus.text_normalizer import normalize_text

_NUM = r"[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万点]+"
_UNIT = r"万元|元|万"
_AMOUNT = rf"({_NUM})\s*({_UNIT})?"
_RANGE = re.compile(rf"{_AMOUNT}\s*(?:以上|至|-|—|~)\s*{_AMOUNT}\s*(?:以下|以内)?")
_UPPER = re.compile(rf"{_AMOUNT}\s*(?:以下|以内)")
_LOWER = re.compile(rf"{_AMOUNT}\s*以上")
_FIXED = re.compile(rf"(?:处以?|并处|罚款|^){_AMOUNT}\s*(?:的)?(?:罚款|$|/)")

_BASES = (
    "上一年度从本单位取得收入",
    "上一年度从本单位取得的收入",
    "建设项目总投资额",
    "所需处置费用",
    "处置费用",
    "所收费用",
    "违法所得",
    "货值金额",
    "直接损失",
    "直接经济损失",
    "应缴纳排污费数额",
    "代为处置费用",
    "治理费用",
)
_BASE = "|".join(sorted(_BASES, key=len, reverse=True))
_PERCENT = rf"(?:百分之({_NUM})|({_NUM})\s*[%％])"
_MULT_RANGE = re.compile(
    rf"({_BASE})[^，。；0-9一二三四五六七八九十百]{{0,6}}?(?:({_NUM})\s*倍|{_PERCENT})\s*(?:以上|至)\s*(?:({_NUM})\s*倍|{_PERCENT})"
)
_MULT_ONE = re.compile(
    rf"({_BASE})[^，。；0-9一二三四五六七八九十百]{{0,6}}?(?:({_NUM})\s*倍|{_PERCENT})"
)
_PER_DAY = re.compile(r"按日连续处罚")


@dataclass(frozen=True)
class _Match:
    """A matched fine and where it starts, to pick the earliest mention."""

    start: int
    penalty: PenaltyRange


def chinese_number(token: str) -> float:
    """``二十`` → 20, ``1.5`` → 1.5, ``零点五`` → 0.5 (cn2an smart mode)."""
    token = token.strip().replace("〇", "零")
    value = cn2an.cn2an(token, "smart")
    return float(value)


def _yuan(number: str, unit: str | None, fallback_unit: str | None = None) -> float:
    """Amount in yuan: the unit of the other bound is used where one bound omits it."""
    value = chinese_number(number)
    unit = unit or fallback_unit or "元"
    if unit.startswith("万") and not number.endswith("万"):
        return value * 10_000
    return value


def _multiple(times: str | None, pct_cn: str | None, pct_num: str | None) -> float:
    """3 for 三倍, 0.01 for 百分之一, 0.2 for 20%."""
    if times:
        return chinese_number(times)
    return chinese_number(pct_cn or pct_num or "0") / 100


def _multiples(text: str) -> _Match | None:
    """Fines that are multiples or percentages of a base amount (None if unreadable)."""
    try:
        return _read_multiples(text)
    except ValueError:
        return None


def _read_multiples(text: str) -> _Match | None:
    found = _MULT_RANGE.search(text)
    if found:
        base, t1, pc1, pn1, t2, pc2, pn2 = found.groups()
        low, high = _multiple(t1, pc1, pn1), _multiple(t2, pc2, pn2)
        return _Match(found.start(), _base_range(text, base, low, high))
    found = _MULT_ONE.search(text)
    if found:
        base, times, pct_cn, pct_num = found.groups()
        value = _multiple(times, pct_cn, pct_num)
        return _Match(found.start(), _base_range(text, base, value, value))
    return None


def _base_range(text: str, base: str, low: float, high: float) -> PenaltyRange:
    return PenaltyRange(raw=text, base=base, min_multiple=low, max_multiple=high)


def _amounts(text: str) -> _Match | None:
    """Fixed-yuan fines: ranges first, then single bounds, then a fixed amount."""
    for reader in (_range_amount, _upper_amount, _lower_amount, _fixed_amount):
        for found in reader[0].finditer(text):
            try:
                penalty = reader[1](text, found)
            except ValueError:
                continue
            if penalty is not None:
                return _Match(found.start(), penalty)
    return None


def _read_range(text: str, found: re.Match[str]) -> PenaltyRange | None:
    n1, u1, n2, u2 = found.groups()
    if not (u1 or u2):
        return None
    return PenaltyRange(raw=text, min_yuan=_yuan(n1, u1, u2), max_yuan=_yuan(n2, u2, u1))


def _read_upper(text: str, found: re.Match[str]) -> PenaltyRange | None:
    if not found.group(2):
        return None
    return PenaltyRange(raw=text, max_yuan=_yuan(found.group(1), found.group(2)))


def _read_lower(text: str, found: re.Match[str]) -> PenaltyRange | None:
    if not found.group(2):
        return None
    return PenaltyRange(raw=text, min_yuan=_yuan(found.group(1), found.group(2)))


def _read_fixed(text: str, found: re.Match[str]) -> PenaltyRange | None:
    if not found.group(2):
        return None
    value = _yuan(found.group(1), found.group(2))
    return PenaltyRange(raw=text, min_yuan=value, max_yuan=value)


_range_amount = (_RANGE, _read_range)
_upper_amount = (_UPPER, _read_upper)
_lower_amount = (_LOWER, _read_lower)
_fixed_amount = (_FIXED, _read_fixed)


def _clean(text: str) -> str:
    """Normalised text without line breaks (PDF cells break inside numbers)."""
    clean = re.sub(r"\s+", "", normalize_text(text.replace("\n", "")))
    return clean.replace("元元", "元")


def parse_penalty(text: str) -> PenaltyRange | None:
    """The first fine mentioned in ``text``, or None when no amount can be read.

    When a cell names both a fixed amount and a multiple, the earlier mention wins,
    because the standards put the fine on the unit before the one on individuals.
    """
    clean = _clean(text)
    if not clean:
        return None
    candidates = [m for m in (_multiples(clean), _amounts(clean)) if m is not None]
    if not candidates:
        if _PER_DAY.search(clean):
            return PenaltyRange(raw=clean, per_day=True)
        return None
    best = min(candidates, key=lambda m: m.start).penalty
    return best.model_copy(update={"raw": clean, "per_day": bool(_PER_DAY.search(clean))})


def split_unit_and_individual(text: str) -> tuple[str, str]:
    """Split 对单位…，并对…人员处… into the unit part and the individuals' part."""
    clean = _clean(text)
    found = re.search(
        r"[，；,;]?(?:并)?对(?:建设单位的)?(?:法定代表人|直接负责的主管人员|责任人员|个人)", clean
    )
    if not found or found.start() == 0:
        return clean, ""
    return clean[: found.start()], clean[found.start() :]


def resolve_yuan(
    penalty: PenaltyRange, base_amounts: dict[str, float]
) -> tuple[float | None, float | None]:
    """Yuan bounds of a fine; multiples need the case's base amount (违法所得 …)."""
    if penalty.base is None:
        return penalty.min_yuan, penalty.max_yuan
    amount = _base_amount(penalty.base, base_amounts)
    if amount is None:
        return None, None
    low = penalty.min_multiple * amount if penalty.min_multiple is not None else None
    high = penalty.max_multiple * amount if penalty.max_multiple is not None else None
    if high is not None and penalty.max_yuan is not None:
        high = min(high, penalty.max_yuan)  # 违法所得三倍以下、但最高不超过三万元
    return low, high


def _base_amount(base: str, base_amounts: dict[str, float]) -> float | None:
    """The supplied base whose name equals or contains the standard's base name."""
    if base in base_amounts:
        return base_amounts[base]
    for name, value in base_amounts.items():
        if name in base or base in name:
            return value
    for name, value in base_amounts.items():
        if _abbreviates(_SOLD.sub("销售", name), base):
            return value
    return None


# 已售 / 售出 / 已销售: a name for the sold part (已售货值, 已售台数); for a base name, what was
# sold is the 销售 the base names (已售货值 for 违法销售的设备货值)
SOLD_WORDS = "已售|售出|已销售"
_SOLD = re.compile(rf"^(?:{SOLD_WORDS})")


def _abbreviates(name: str, base: str) -> bool:
    """收购价款 for 违法收购、加工、运输林木价款: one of the base's words, then its head noun."""
    for cut in range(2, len(name) - 1):
        head, tail = name[:cut], name[cut:]
        if base.endswith(tail) and head in base[: len(base) - len(tail)]:
            return True
    return False


_FINE_CLAUSE = re.compile(r"处[^；。，]*?(?:罚款|倍)")


def statutory_penalty(provision: str) -> PenaltyRange | None:
    """The fine a quoted provision sets, only when it sets exactly one.

    Provisions listing several items with different fines (有前款第一项…处…；有前款第七项…)
    cannot be attributed to one violation without the item, so they yield None.
    """
    clauses = {c for c in _FINE_CLAUSE.findall(_clean(provision)) if parse_penalty(c)}
    if len(clauses) != 1:
        return None
    return parse_penalty(split_unit_and_individual(clauses.pop())[0])
