"""Persons, ages and injuries against the evidence (《行政处罚法》第四十条): a person found a
minor, a count of 童工, an injury's degree, each as the file's birth dates and appraisals give them."""

from __future__ import annotations

import datetime as dt
import re

from assistant.case_file import CaseFile
from assistant.discretion.penalty_amounts import chinese_number
from assistant.review.checkers.fact_flags import case_narrative, fact_flag
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint
from assistant.review.party_capacity import birth_date, birth_date_from_id, is_person

# an ID number, its tail often masked (4407812006021043XX, 440781200602101***): the birth date
# sits in digits 7–14 either way
_ID_NUMBER = re.compile(r"(?<![0-9])([0-9]{14})[0-9Xx*]{4}(?![0-9Xx*])")
_BIRTH_TEXT = re.compile(
    r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日(?:出?生)?"
    r"|(?:出生日期|出生于|生于)[：:为]?([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
)
_PERSON_DOC = re.compile(r"居民身份证|身份证|户口|户籍|询问笔录|陈述")


def _people(case: CaseFile) -> set[str]:
    """Natural persons the file names: parties, and whose ID or statement is evidence."""
    names = {p.name for p in case.parties if is_person(p)}
    for e in case.evidence:
        head = _PERSON_DOC.split(e.name)[0].strip()
        candidates = (e.source or "", head)
        names |= {n for n in candidates if 2 <= len(n) <= 4 and _PERSON_DOC.search(e.name)}
    return names


def _said_minor(text: str, name: str) -> bool:
    """The narrative calls ``name`` a minor: 未成年人李某, 李某（未成年人）, 李某（17周岁）."""
    n = re.escape(name)
    return bool(
        re.search(
            rf"(?:未成年人?|(?:未满|不满)(?:十八|18)周岁的?){n}"
            rf"|{n}[（(，,]?(?:系|是|为)?(?:未成年|1[0-7]周岁|不满十八)",
            text,
        )
    )


def _births(case: CaseFile, name: str) -> list[tuple[str, dt.date]]:
    """Birth dates the file records for a person: a party's own fields, and the ID numbers
    and birth dates in the evidence that names that person."""
    found = [(f"parties（{name}）", birth_date(p)) for p in case.parties if p.name == name]
    for i, e in enumerate(case.evidence):
        if name not in f"{e.name}{e.source}{e.note}":
            continue
        said = f"{e.name}；{e.note}"
        near = _dates_after(said, name)
        if near:
            found += [(f"evidence[{i}]（{e.name}）", d) for d in near]
            continue
        found += [
            (f"evidence[{i}]（{e.name}）", birth_date_from_id(head + "0000"))
            for head in _ID_NUMBER.findall(said)
        ]
        for parts in _BIRTH_TEXT.findall(said):
            y, m, d = [v for v in parts if v] or ("", "", "")
            try:
                found.append((f"evidence[{i}]（{e.name}）", dt.date(int(y), int(m), int(d))))
            except ValueError:
                continue
    found += [
        ("facts.description", d)
        for d in _dates_after(case.facts.description, name, birth_only=True)
    ]
    return list(dict.fromkeys((w, b) for w, b in found if b is not None))


def _dates_after(text: str, name: str, birth_only: bool = False) -> list[dt.date]:
    """Dates written right after the name (谢某2006-10-03, 钟某（2007年1月21日生）): in a
    roster listing several people, each one's own. In a narrative, where 李某自2023年3月1日起
    is a start day, only a date said to be a birth (出生, 生) counts."""
    found = []
    pattern = rf"{re.escape(name)}[（(：:，, ]?(?:出生日期|生于|出生于)?[：:为]?"
    pattern += r"([0-9]{4})(?:年|-|\.)([0-9]{1,2})(?:月|-|\.)([0-9]{1,2})日?"
    if birth_only:
        pattern += r"(?:出?生(?![产成效活]))"
    for y, m, d in re.findall(pattern, text):
        try:
            found.append(dt.date(int(y), int(m), int(d)))
        except ValueError:
            continue
    return found


def _age(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def minor_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The decision finds a person a minor (接纳未成年人李某), but every birth date the file
    records for that person — ID number, 出生日期 — shows eighteen or more on the act date:
    the fact punished is contradicted by the evidence (第四十条)."""
    text = case_narrative(case)
    day = case.violation.date
    for name in sorted(_people(case)):
        births = _births(case, name) if _said_minor(text, name) else []
        if births and all(_age(b, day) >= 18 for _, b in births):
            shown = "；".join(f"{w}出生日期{b.isoformat()}" for w, b in births)
            return [
                fact_flag(
                    ReviewPoint.FACTS,
                    f"认定{name}为未成年人，但案卷证据记载其出生日期，违法行为发生日"
                    f"（{day.isoformat()}）已满{_age(births[0][1], day)}周岁，认定的事实与证据矛盾",
                    ctx,
                    shown,
                )
            ]
    return []


# 童工 is a person under sixteen (《禁止使用童工规定》第二条第一款: 未满16周岁的未成年人); a
# 未成年工 one of sixteen or more and under eighteen (《劳动法》第五十八条第二款)
_COUNTED_KINDS: tuple[tuple[str, int], ...] = (("童工", 16), ("未成年工", 18))
_NUMBER = r"([0-9]+|[一二两三四五六七八九十]+)"


def _count_text(kind: str) -> re.Pattern[str]:
    """使用童工3名 / 安排谢某、钟某等5名未成年工: the count the decision writes."""
    return re.compile(
        rf"(?:使用|招用|雇用|聘用|录用|安排)(?:了)?{kind}(?:共|计)?{_NUMBER}\s*(?:名|人)"
        rf"|{_NUMBER}\s*(?:名|人){kind}"
    )


# a role the file writes where a name could stand (source: 当事人), not a person counted
_ROLE = re.compile(r"当事人|法定代表人|负责人|监护人|单位|公司|本局|本机关|未成年|童工")
# 谢某、钟某、林某 listed before the count: the persons it is made of
_LISTED = re.compile(
    r"((?:[\u4e00-\u9fff]某{1,2}(?:[（(][^）)]{0,20}[）)])?[、，,和及与]?){2,})(?:等)?(?:共计|共|计)?\s*[0-9一二两三四五六七八九十]+\s*(?:名|人)"
)


def _decided_count(case: CaseFile, kind: str) -> int | None:
    """How many of ``kind`` the decision counts: a quantity named for them, or its text."""
    for name, value in case.facts.quantities.items():
        if kind in name and not re.search(r"月|日|天|元", name):
            return int(value)
    found = _count_text(kind).search(case_narrative(case))
    if found is None:
        return None
    return int(chinese_number(next(g for g in found.groups() if g)))


def _counted_people(case: CaseFile, text: str) -> list[str]:
    """The persons the count is made of: those listed before it (谢某、钟某5名), else every
    person the file names in its narrative."""
    listed = _LISTED.search(text)
    if listed is not None:
        return list(dict.fromkeys(re.findall(r"[\u4e00-\u9fff]某{1,2}", listed.group(1))))
    return [n for n in sorted(_people(case)) if n in text and not _ROLE.search(n)]


def child_count_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The decision counts N 童工 (未成年工) but the birth dates the evidence records for the
    people it names show fewer under sixteen (eighteen) when the act began: a fine counted per
    person rests on a number the evidence does not give (第四十条)."""
    for kind, age in _COUNTED_KINDS:
        decided = _decided_count(case, kind)
        if decided:
            return _count_flag(case, ctx, kind, age, decided)
    return []


# 李某自2023年3月1日起、王某和张某自2023年4月3日起工作: each one's own first day of work
_START = re.compile(
    r"((?:[\u4e00-\u9fff]某{1,2}[、和及与]?)+)(?:均|分别)?(?:自|从|于)"
    r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日(?!出?生)(?:起|开始|入职)"
)


def _start_day(text: str, name: str) -> dt.date | None:
    """The day the narrative says ``name`` began work: a child is one under the age on the
    day the work began, not on the day the party's act began with another person."""
    for names, y, m, d in _START.findall(text):
        if name in re.findall(r"[\u4e00-\u9fff]某{1,2}", names):
            try:
                return dt.date(int(y), int(m), int(d))
            except ValueError:
                return None
    return None


def _count_flag(
    case: CaseFile, ctx: ReviewContext, kind: str, age: int, decided: int
) -> list[Flag]:
    text, day = case_narrative(case), case.violation.date
    born = {n: b for n in _counted_people(case, text) if (b := _births(case, n))}
    if len(born) < decided:
        return []  # some counted person has no birth record in the file: nothing to compare
    under = [
        n for n, b in born.items() if any(_age(d, _start_day(text, n) or day) < age for _, d in b)
    ]
    if len(under) >= decided:
        return []
    older = [n for n in born if n not in under]
    shown = "；".join(f"{w}（{n}）出生日期{d.isoformat()}" for n in older for w, d in born[n])
    return [
        fact_flag(
            ReviewPoint.FACTS,
            f"认定{kind}{decided}名，但案卷记载的出生日期显示开始使用时（各人开始工作之日，"
            f"未载明的按违法行为开始日{day.isoformat()}）未满{age}周岁的仅{len(under)}名"
            f"（{'、'.join(older)}已满{age}周岁），认定的事实与证据矛盾",
            ctx,
            shown,
        )
    ]


# 损伤程度 (人体损伤程度鉴定标准): 轻微伤 < 轻伤 < 重伤; “未达轻微伤” is below every degree.
_DEGREES = {"轻微伤": 1, "轻伤": 2, "重伤": 3}
_DEGREE = re.compile(r"轻微伤|轻伤|重伤")
_NOT_REACHED = re.compile(
    r"(?:未达到?|达不到|不构成|未构成|尚不构成|尚未构成|不属于|不足以?构成)\s*(轻微伤|轻伤|重伤)"
)
_INJURY_REPORT = re.compile(r"损伤程度|伤情鉴定|伤情|法医")


def _degree(text: str) -> int | None:
    """The injury degree a text states: its highest degree said, or one below a degree
    said not reached (未达轻微伤 → 0); None where it states none."""
    below = [_DEGREES[m] - 1 for m in _NOT_REACHED.findall(text)]
    said = [_DEGREES[m] for m in _DEGREE.findall(_NOT_REACHED.sub("", text))]
    if said:
        return max(said)
    return min(below) if below else None


def injury_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The decision finds an injury (致他人轻微伤) of a degree no injury appraisal in the
    file reaches (鉴定意见：未达轻微伤): the degree is fixed by the appraisal, so the fact
    punished is contradicted by the file's own evidence (第四十条)."""
    found = _degree(case_narrative(case))
    if not found:
        return []
    reports = [
        (i, e, _degree(e.note))
        for i, e in enumerate(case.evidence)
        if e.type == "鉴定意见" and _INJURY_REPORT.search(f"{e.name}{e.note}")
    ]
    appraised = [(i, e, d) for i, e, d in reports if d is not None]
    if not appraised or any(d >= found for _, _, d in appraised):
        return []
    return [
        fact_flag(
            ReviewPoint.FACTS,
            "认定被侵害人的损伤程度高于案卷伤情鉴定意见的结论，认定的违法事实与证据矛盾",
            ctx,
            "；".join(f"evidence[{i}]（{e.name}）：{e.note}" for i, e, _ in appraised),
        )
    ]
