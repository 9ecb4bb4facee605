"""裁量是否适当 — the fine on the responsible persons beside the unit.

《特种设备安全法》第九十三条第一款, 《网络安全法》第六十四条第一款 and many other 罚则 fine the unit and
then 对直接负责的主管人员和其他直接责任人员处五千元以上五万元以下罚款. That second range binds the
fine on the person as the first binds the unit's: a file recording 对刘志远罚款60000元 under a
five-thousand-to-fifty-thousand range exceeds it, one recording 5000元 under a ten-thousand floor
falls below it without a reduction ground (第三十二条)."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.mitigation import affirmed
from assistant.review.statutory_fine import (
    is_general_law,
    paragraph_text,
    penalty_provisions,
    range_rule,
)
from assistant.review.statutory_range import responsible_person_clauses

_PERSON_KEY = re.compile(r"主管人员|责任人员|负责人|法定代表人")
_NOT_A_FINE = re.compile(r"幅度|上限|下限|基准|标准|应处|拟处|法定|最高|最低")

_flag = PointFlags(ReviewPoint.DISCRETION)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    fines = _person_fines(case)
    if not fines:
        return []
    for citation in penalty_provisions(case, ctx):
        if is_general_law(citation):
            continue
        text = paragraph_text(citation, ctx, case) if citation.paragraph else citation.article_text
        ranges = [c.fine for c in responsible_person_clauses(text or "")]
        if len(ranges) != 1 or ranges[0].min_yuan is None or ranges[0].max_yuan is None:
            continue  # no one plain range for the persons in this 罚则
        low, high = ranges[0].min_yuan, ranges[0].max_yuan
        for name, value in fines.items():
            if value > high or (value < low and not _reduction_told(case)):
                side = "超过上限" if value > high else "低于下限且案卷无减轻处罚情节"
                return [
                    _flag(
                        Severity.MUST_FIX,
                        f"{name}{value:.10g}元，{side}（{citation.citation}对直接负责的主管人员和其他"
                        f"直接责任人员“{ranges[0].raw}”）",
                        range_rule(citation, in_paragraph=True),
                        f"facts.amounts.{name}={value:.10g}；{citation.citation}：{ranges[0].raw}",
                    )
                ]
    return []


# 对建设单位直接负责的主管人员和其他直接责任人员，依法给予行政处分 (环境影响评价法第三十一条第一款):
# the persons' sanction is discipline by their employer or superior, no fine
_DISCIPLINE_ONLY = re.compile(
    r"对[^。；]{0,20}(?:直接负责的主管人员|直接责任人员)[^。；]{0,12}(?:依法)?给予(?:行政)?处分"
)


def discipline_only(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """适用法律: a responsible person fined under 罚则 that give the persons 处分 only."""
    fines = _person_fines(case)
    cited = [c for c in penalty_provisions(case, ctx) if not is_general_law(c)]
    if not fines or not cited:
        return []
    texts = [paragraph_text(c, ctx, case) if c.paragraph else c.article_text for c in cited]
    if any(responsible_person_clauses(t or "") for t in texts):
        return []
    for citation, text in zip(cited, texts, strict=True):
        if _DISCIPLINE_ONLY.search(text or ""):
            name, value = next(iter(fines.items()))
            return [
                Flag(
                    point=ReviewPoint.LAW,
                    severity=Severity.MUST_FIX,
                    reason=f"{citation.citation}对直接负责的主管人员和其他直接责任人员只规定给予处分，"
                    f"没有罚款，{name}{value:.10g}元没有法律依据",
                    rule=range_rule(citation, in_paragraph=True),
                    evidence=f"facts.amounts.{name}={value:.10g}",
                )
            ]
    return []


def _person_fines(case: CaseFile) -> dict[str, float]:
    """The fines the file records on named responsible persons (对刘志远罚款, 对直接负责的主管
    人员陈某涛罚款), beside a unit party."""
    if not any(p.kind == "单位" for p in case.parties):
        return {}
    people = [p.name for p in case.parties if p.kind == "个人" and p.name]
    return {
        name: value
        for name, value in case.facts.amounts.items()
        if "罚款" in name
        and value > 0
        and not _NOT_A_FINE.search(name)
        and (_PERSON_KEY.search(name) or any(person in name for person in people))
    }


def _reduction_told(case: CaseFile) -> bool:
    told = "。".join([case.facts.description, *case.facts.circumstances])
    return affirmed("减轻处罚", told) or affirmed("减轻", told)
