"""Check digits that separate real identifiers from any long number.

GB 11643 (公民身份号码), ISO/IEC 7812 Luhn (bank cards) and GB 32100
(统一社会信用代码). A pattern match is only trusted without context when its
check digit is right.
"""

from __future__ import annotations

from datetime import date

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
ID_PROVINCE_CODES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "83",
    ]
)

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def id_check_char(first17: str) -> str:
    """The 18th character of a 公民身份号码 (GB 11643, ISO 7064 MOD 11-2)."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def id_birth_date(number: str) -> date | None:
    """Birth date inside an 18- or 15-digit ID number, or None when it is no date."""
    digits = number.upper()
    raw = digits[6:14] if len(digits) == 18 else "19" + digits[6:12]
    try:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:
        return None


def is_valid_id_number(number: str) -> bool:
    """18-digit ID with a known province, a real birth date and the right check char."""
    number = number.upper()
    if len(number) != 18 or not number[:17].isdigit():
        return False
    if number[:2] not in ID_PROVINCE_CODES or id_birth_date(number) is None:
        return False
    return id_check_char(number[:17]) == number[17]


def luhn_valid(digits: str) -> bool:
    """ISO/IEC 7812 check digit used by UnionPay, Visa and Mastercard card numbers."""
    if not digits.isdigit():
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def luhn_check_digit(body: str) -> str:
    """The digit that makes ``body + digit`` pass the Luhn check."""
    return next(str(d) for d in range(10) if luhn_valid(body + str(d)))


def uscc_check_char(first17: str) -> str:
    """The 18th character of a 统一社会信用代码 (GB 32100, MOD 31)."""
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31]


def is_valid_uscc(code: str) -> bool:
    """A 统一社会信用代码 whose characters and check character are right."""
    code = code.upper()
    if len(code) != 18 or any(c not in USCC_CHARS for c in code):
        return False
    if not code[2:8].isdigit():
        return False
    return uscc_check_char(code[:17]) == code[17]
