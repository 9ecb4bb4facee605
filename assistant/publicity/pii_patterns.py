"""Pattern detectors for numbers and addresses that name a person.

Each match is checked (ID check character and birth date, Luhn, plate letters)
or backed by a context word (身份证、账号、电话、住址…) before it is reported, so
amounts, case numbers and dates in a decision stay readable. Input is the
half-width copy of the text (same offsets).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.publicity.checksums import is_valid_id_number, luhn_valid
from assistant.publicity.pii_span import PiiKind, PiiSpan

CONTEXT_WINDOW = 14

ID_CONTEXT = re.compile(r"身份证|身份号码|证件号|公民身份|证号")
BANK_CONTEXT = re.compile(r"账号|帐号|账户|帐户|卡号|银行卡|开户|储蓄卡|信用卡|借记卡|收款")
PHONE_CONTEXT = re.compile(r"电话|手机|联系方式|联系号码|号码|tel|Tel|TEL|微信")

ID_18 = re.compile(r"(?<![0-9A-Za-z])[1-8]\d{5}\s?(?:18|19|20)\d{6}\s?\d{3}[0-9Xx](?![0-9A-Za-z])")
ID_15 = re.compile(r"(?<![0-9A-Za-z])[1-8]\d{14}(?![0-9A-Za-z])")
ID_LOOSE_18 = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")

MOBILE = re.compile(r"(?<![0-9])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?![0-9])")
LANDLINE = re.compile(
    r"(?<![0-9])(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}[-－—\s])\s?\d{7,8}"
    r"(?:(?:转|-|ext\.?)\d{1,6})?(?![0-9])"
)
LANDLINE_BARE = re.compile(r"(?<![0-9])0\d{9,11}(?![0-9])")

CARD_GROUPED = re.compile(r"(?<![0-9])\d{4}(?:[\s-]?\d{4}){2,3}(?:[\s-]?\d{1,3})?(?![0-9])")
ACCOUNT_ANY = re.compile(r"(?<![0-9])\d(?:[\s-]?\d){9,29}(?![0-9])")

PLATE = re.compile(
    r"(?<![A-Za-z0-9])[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领]"
    r"[A-HJ-NP-Z][·•.．\s-]?"
    r"(?:[DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳])"
    r"(?![A-Za-z0-9])"
)
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

_ADMIN = r"[\u4e00-\u9fa5]{1,7}?(?:省|自治区|特别行政区|自治州|市|地区|盟|区|县|旗)"
_TOWN = r"[\u4e00-\u9fa5]{1,8}?(?:镇|乡|街道办事处|街道)"
_PLACE = (
    r"[\u4e00-\u9fa5A-Za-z0-9]{1,12}?(?:大道|大街|路|街|巷|弄|胡同|里|村委会|村|社区|小区|新村|"
    r"花园|大厦|广场|公寓|苑|庄|屯|工业园|工业区|园区|开发区|大院|商城|市场|围|坊|埔|寨|组|队)"
)
_NUMBER = (
    r"[0-9一二三四五六七八九十百零〇甲乙丙丁之\-－—]+"
    r"(?:号楼|号院|号铺|号之[0-9一二三四五六七八九十]+|号|栋|座|幢|楼|层|室|房|单元|铺|档|组|队|户)"
)
_BLOCK = r"[A-Za-z](?:座|栋|区|幢)"
_DETAIL = rf"(?:{_TOWN})?(?:{_PLACE})(?:{_PLACE}|{_NUMBER}|{_BLOCK}){{0,8}}"
ADDRESS_CONTEXT = re.compile(
    rf"(?:住址|住所地?|地址|户籍地|户籍所在地|居住地|现住址?|家住|暂住|居住于|居住在|住于|住在|住)"
    rf"[：:为在于是\s]{{0,2}}(?P<admin>(?:{_ADMIN}){{0,4}})(?P<detail>{_DETAIL})"
)
ADDRESS_ADMIN = re.compile(rf"(?P<admin>(?:{_ADMIN}){{1,4}})(?P<detail>{_DETAIL})")
NUMBER_EVIDENCE = re.compile(r"\d|[一二三四五六七八九十]+(?:号|栋|组|队|巷)")
CONTEXT_EVIDENCE = re.compile(
    r"\d|[一二三四五六七八九十]+(?:号|栋|组|队|巷)|村|小区|花园|新村|大厦"
)


def _has_context(text: str, start: int, pattern: re.Pattern[str]) -> bool:
    return pattern.search(text, max(0, start - CONTEXT_WINDOW), start) is not None


def _compact(raw: str) -> str:
    return re.sub(r"[\s\-－—]", "", raw)


def id_number_spans(text: str) -> Iterator[PiiSpan]:
    """18-digit IDs with a valid check char; any 18/15-digit number after 身份证…."""
    for match in ID_18.finditer(text):
        if is_valid_id_number(_compact(match.group())) or _has_context(
            text, match.start(), ID_CONTEXT
        ):
            yield PiiSpan(match.start(), match.end(), PiiKind.ID_NUMBER, "checksum")
    for pattern in (ID_15, ID_LOOSE_18):
        for match in pattern.finditer(text):
            if _has_context(text, match.start(), ID_CONTEXT):
                yield PiiSpan(match.start(), match.end(), PiiKind.ID_NUMBER, "context")


def phone_spans(text: str) -> Iterator[PiiSpan]:
    """Mobile numbers by shape; landlines with an area code, bare ones after 电话."""
    for match in MOBILE.finditer(text):
        yield PiiSpan(match.start(), match.end(), PiiKind.PHONE, "pattern")
    for match in LANDLINE.finditer(text):
        yield PiiSpan(match.start(), match.end(), PiiKind.PHONE, "pattern")
    for match in LANDLINE_BARE.finditer(text):
        if _has_context(text, match.start(), PHONE_CONTEXT):
            yield PiiSpan(match.start(), match.end(), PiiKind.PHONE, "context")


def bank_account_spans(text: str) -> Iterator[PiiSpan]:
    """Card numbers passing Luhn; any 10–30 digit number after 账号/卡号/开户…."""
    for match in CARD_GROUPED.finditer(text):
        digits = _compact(match.group())
        if 16 <= len(digits) <= 19 and luhn_valid(digits):
            yield PiiSpan(match.start(), match.end(), PiiKind.BANK_ACCOUNT, "luhn")
    for match in ACCOUNT_ANY.finditer(text):
        if _has_context(text, match.start(), BANK_CONTEXT):
            yield PiiSpan(match.start(), match.end(), PiiKind.BANK_ACCOUNT, "context")


def plate_spans(text: str) -> Iterator[PiiSpan]:
    """Vehicle plates incl. new-energy (D/F); province and city letter stay visible."""
    for match in PLATE.finditer(text):
        yield PiiSpan(match.start(), match.end(), PiiKind.PLATE, "pattern", keep=2)


def email_spans(text: str) -> Iterator[PiiSpan]:
    for match in EMAIL.finditer(text):
        yield PiiSpan(match.start(), match.end(), PiiKind.EMAIL, "pattern")


def address_spans(text: str) -> Iterator[PiiSpan]:
    """Addresses after 住/住址/地址…, or behind an administrative prefix (…市…区).

    The administrative prefix (down to county level) stays visible; the street,
    village, building and door number are hidden.
    """
    anchors = (
        (ADDRESS_CONTEXT, "context", CONTEXT_EVIDENCE),
        (ADDRESS_ADMIN, "pattern", NUMBER_EVIDENCE),
    )
    for pattern, source, evidence in anchors:
        for match in pattern.finditer(text):
            if evidence.search(match.group("detail")) is None:
                continue
            start = match.start("admin") if match.group("admin") else match.start("detail")
            keep = match.start("detail") - start
            yield PiiSpan(start, match.end("detail"), PiiKind.ADDRESS, source, keep=keep)


def pattern_spans(text: str) -> list[PiiSpan]:
    """Every pattern detector over the half-width text."""
    detectors = (
        id_number_spans,
        phone_spans,
        bank_account_spans,
        plate_spans,
        email_spans,
        address_spans,
    )
    return [span for detect in detectors for span in detect(text)]
