"""A natural person's age and mental state on the act date (《行政处罚法》第三十条、第三十一条).

Age is read from ``birth_date`` or, failing that, from the resident ID number: an
18-digit number carries YYYYMMDD at positions 7–14, a 15-digit one YYMMDD (19YY) at 7–12.
"""

from __future__ import annotations

import datetime as dt
import re

from assistant.case_file import CaseFile, MentalState, Party
from assistant.discretion.penalty_amounts import chinese_number

_ID_18 = re.compile(r"^\d{17}[\dXx]$")
_ID_15 = re.compile(r"^\d{15}$")
_STATED_AGE = re.compile(r"(未满|不满)?([0-9]{1,2}|[一二三四五六七八九十]{1,3})周岁")
# 2010年5月1日出生 / 2010年5月1日生，…; not 2022年8月25日生产的 (a day something was made)
_STATED_BIRTH = re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日(?:出生|生(?![产成效活]))")


def birth_date_from_id(id_code: str | None) -> dt.date | None:
    """The birth date an ID number encodes; None for credit codes or invalid dates."""
    code = (id_code or "").strip()
    if _ID_18.match(code):
        digits = code[6:14]
    elif _ID_15.match(code):
        digits = "19" + code[6:12]
    else:
        return None
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def birth_date(party: Party) -> dt.date | None:
    """Stated birth date first, else the ID number's."""
    return party.birth_date or birth_date_from_id(party.id_code)


def male_by_id(party: Party) -> bool:
    """The 18-digit resident ID's 17th digit is odd for a man (GB 11643): no pregnancy or
    nursing exemption can be his."""
    code = (party.id_code or "").strip()
    return bool(_ID_18.match(code)) and int(code[16]) % 2 == 1


def is_person(party: Party) -> bool:
    """个人, or a party whose kind was left out but who carries a resident ID or birth date."""
    if party.kind == "个人":
        return True
    unstated = "kind" not in party.model_fields_set
    return unstated and (party.birth_date or birth_date_from_id(party.id_code)) is not None


def age_on(party: Party, day: dt.date) -> int | None:
    """Completed years of age on ``day`` (a person turns N on the birthday itself)."""
    born = birth_date(party)
    if born is None or not is_person(party):
        return None
    years = day.year - born.year
    return years - 1 if (day.month, day.day) < (born.month, born.day) else years


def _stated(case: CaseFile) -> tuple[dt.date | None, int | None]:
    """A birth date or an age the narrative states (…2010年5月1日出生 / 年仅12周岁)."""
    text = "".join([case.violation.description, case.facts.description])
    born = _STATED_BIRTH.search(text)
    if born:
        try:
            return dt.date(*(int(g) for g in born.groups())), None
        except ValueError:
            pass
    ages = []
    for below, number in _STATED_AGE.findall(text):
        try:
            ages.append(int(chinese_number(number)) - (1 if below else 0))
        except ValueError:
            continue  # not a numeral (十十周岁): no age stated
    return None, min(ages) if ages else None


def party_age(case: CaseFile, party: Party) -> int | None:
    """Age on the act date from the party's own fields, else from the narrative when the
    file has one natural person only."""
    day = case.violation.date
    age = age_on(party, day)
    persons = [p for p in case.parties if p.kind == "个人"]
    if age is not None or party.kind != "个人" or len(persons) != 1:
        return age
    born, stated = _stated(case)
    if born is not None and born < day:  # a date on or after the act is no one's birth
        return age_on(party.model_copy(update={"birth_date": born}), day)
    return stated


def minors(case: CaseFile) -> list[Party]:
    """Parties aged 14–17 on the act date: 应当从轻或者减轻 (行政处罚法第三十条, 治安管理处罚法
    第十二条)."""
    return [p for p in case.parties if (age := party_age(case, p)) is not None and 14 <= age < 18]


# 第三十一条's two states as an expert opinion or the narrative words them.
_PARTLY_LOST = re.compile(
    r"尚未完全丧失|限制(?:辨认|控制|责任)能力|部分(?:丧失|具有)?(?:辨认|控制)"
)
_LOST = re.compile(
    r"(?:不能|无法|无|没有|不具有|不具备|丧失|完全丧失)(?:辨认|控制)(?:或者|或|和|及)?(?:不能)?(?:辨认|控制)?"
    r"(?:自己的?行为(?:的)?(?:能力)?|能力)"
)
_MENTAL = re.compile(r"精神|智力残疾|智力障碍|痴呆")
_NOT_LOST = re.compile(
    r"(?:具有|有|具备)(?:完全)?(?:辨认|控制)|(?:非|不属于|并非|排除)[^，。；]{0,4}$"
)


def stated_mental_state(case: CaseFile, party: Party) -> MentalState | None:
    """The party's mental state on the act date: the field, else what the narrative
    (an expert opinion quoted in it) says, when the file has one natural person."""
    if party.mental_illness is not None:
        return party.mental_illness
    persons = [p for p in case.parties if p.kind == "个人"]
    if party.kind != "个人" or len(persons) != 1:
        return None
    text = "。".join([case.facts.description, *case.facts.circumstances])
    if not _MENTAL.search(text):
        return None
    if _PARTLY_LOST.search(text):
        return "尚未完全丧失辨认或者控制能力"
    for found in _LOST.finditer(text):
        before = text[max(0, found.start() - 6) : found.start()]
        if not _NOT_LOST.search(before):
            return "不能辨认或者不能控制"
    return None
