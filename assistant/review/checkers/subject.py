"""执法主体是否合法: competence on record, entrusted bodies acting in the entrusting name,
territorial jurisdiction."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from corpus.citation_resolver import CitationError, CitationErrorCode


def _flag(severity: Severity, reason: str, rule: str, evidence: str) -> Flag:
    return Flag(
        point=ReviewPoint.SUBJECT, severity=severity, reason=reason, rule=rule, evidence=evidence
    )


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    return _competence(case, ctx) + _entrustment(case, ctx) + _territory(case, ctx)


def _competence(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The agency's power must rest on a provision that exists (第十七条)."""
    rule = ctx.penalty_law("第十七条")
    basis = case.agency.powers.basis
    if not basis:
        return [
            _flag(
                Severity.MUST_FIX,
                "案卷未载明执法主体的法定职权依据，无法确认其具有行政处罚权",
                rule,
                "agency.powers.basis 为空",
            )
        ]
    flags = []
    for written in basis:
        errors = [r for r in ctx.resolve(written, case.act_date) if isinstance(r, CitationError)]
        if errors:
            unknown = errors[0].code is CitationErrorCode.UNKNOWN_LAW  # a corpus gap
            flags.append(
                _flag(
                    Severity.CHECK if unknown else Severity.MUST_FIX,
                    f"执法主体的职权依据无法核实：{errors[0].message}",
                    rule,
                    f"agency.powers.basis：{written}",
                )
            )
    return flags


def _entrustment(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A 受委托组织 acts only in the entrusting agency's name (第二十条第四款)."""
    agency = case.agency
    if agency.kind != "受委托组织":
        return []
    if agency.entrusted_by and agency.acts_in_name_of == agency.entrusted_by:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"{agency.name}系受委托组织，应以委托行政机关"
            f"（{agency.entrusted_by or '未载明'}）名义实施行政处罚",
            ctx.penalty_law("第二十条第四款"),
            f"agency.kind=受委托组织，entrusted_by={agency.entrusted_by}，"
            f"acts_in_name_of={agency.acts_in_name_of}",
        )
    ]


_AREA = re.compile(r"[\u4e00-\u9fa5]{1,8}?(?:自治州|自治县|地区|市|州|盟|县|区|旗)")
_CITY_LEVEL = ("市", "州", "地区", "盟")
RETURNED = "《广东省重大行政执法决定法制审核办法》第十九条第（二）项"


# Guangdong's county-level cities and the prefecture they lie in: 台山市 is inside 江门市.
COUNTY_CITIES = {
    "乐昌市": "韶关市",
    "南雄市": "韶关市",
    "兴宁市": "梅州市",
    "陆丰市": "汕尾市",
    "台山市": "江门市",
    "开平市": "江门市",
    "鹤山市": "江门市",
    "恩平市": "江门市",
    "阳春市": "阳江市",
    "廉江市": "湛江市",
    "雷州市": "湛江市",
    "吴川市": "湛江市",
    "高州市": "茂名市",
    "化州市": "茂名市",
    "信宜市": "茂名市",
    "四会市": "肇庆市",
    "英德市": "清远市",
    "连州市": "清远市",
    "普宁市": "揭阳市",
    "罗定市": "云浮市",
}


def _same_level(area: str, region: str) -> bool:
    return area.endswith(_CITY_LEVEL) == region.endswith(_CITY_LEVEL)


def _territory(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """Jurisdiction lies where the act happened (第二十二条) unless designated (指定管辖).

    A place that names another area at the agency's own level is outside its territory,
    and the Guangdong review rules return such a decision (粤审核办法第十九条第（二）项1);
    a place naming no area at that level can only be checked.
    """
    region, place = case.agency.region, case.violation.place
    if not region or not place or region in place or case.agency.designated_jurisdiction:
        return []
    areas = [a for a in _AREA.findall(place) if _same_level(a, region)]
    if any(COUNTY_CITIES.get(a) == region for a in areas):
        return []  # a county-level city inside the agency's prefecture
    others = [a for a in areas if a != region]
    severity = Severity.MUST_FIX if others else Severity.CHECK
    outcome = f"依{ctx.rule(RETURNED)}应退回纠正" if others else "请核实管辖权"
    return [
        _flag(
            severity,
            f"违法行为发生地“{place}”不在执法主体辖区“{region}”内，且案卷未载明指定管辖，{outcome}",
            ctx.penalty_law("第二十二条"),
            f"agency.region={region}；violation.place={place}；agency.designated_jurisdiction 为空",
        )
    ]
