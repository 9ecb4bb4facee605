"""禁毒法's own bars on the police measures against drug users.

Three requirements the 治安 rules do not carry, each read from the 禁毒法 text in force on
the act date:
- 第三十九条第一款: a woman who is pregnant or nursing her own infant under one year is not
  put into 强制隔离戒毒 (she stays in 社区戒毒) — a `law` finding when the file records it.
- 第六十二条: a user who came to the police to register (主动到公安机关登记) or who is in
  treatment at a qualified hospital is not punished for the use — a `law` finding when the
  file records the self-report and still punishes.
- 第四十条第一款: the family, employer and 户籍所在地派出所 are told within 24 hours after the
  强制隔离戒毒决定书 is served; a notice dated two or more days after the service (and no
  unknown identity) is late on its face — a `procedure` finding. One day later may still be
  within 24 hours, so it is not flagged.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.case_file import CaseFile, Event
from assistant.review.case_text import affirmed_in, passages
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity

_LAW = "《中华人民共和国禁毒法》"
_COMPULSORY = "强制隔离戒毒"
_PUNISHMENTS = ("警告", "罚款", "行政拘留")

_NURSING = re.compile(
    r"(?:正在|现正|仍在)?(?:哺乳|母乳喂养)[^。；，]{0,12}(?:婴儿|女婴|男婴|女儿|儿子|孩子|小孩)"
    r"|(?:正在|现正)(?:哺乳|母乳喂养)|哺乳期"
)
_PREGNANT = re.compile(
    r"(?<!未)(?:已|正在)?怀孕|妊娠(?!检测|检查|试验|测试)[^。；，]{0,4}(?:周|个月|期)"
)
_SELF_REPORT = re.compile(
    r"(?:主动|自行|自动|自愿)(?:到|前往|来到|来)[^。；，]{0,16}(?:公安|派出所)[^。；]{0,16}登记"
    r"|(?:主动|自行|自愿)(?:到|前往)[^。；，]{0,16}医疗机构[^。；]{0,10}(?:接受)?戒毒治疗"
)
_DRUG_USE = re.compile(r"吸毒|吸食|注射[^。；，]{0,6}毒品")
_DENIED = re.compile(r"(?:未|没有|不|非|并非|无|否认)[^。；，]{0,4}$")
_FAMILY = re.compile(r"家属|亲属|其(?:母亲|父亲|丈夫|妻子|配偶)|户籍所在地[^。；]{0,8}派出所")
_NOTICE = re.compile(r"通知")
_UNKNOWN_IDENTITY = re.compile(r"身份不明|不讲真实姓名")

_law = PointFlags(ReviewPoint.LAW)
_procedure = PointFlags(ReviewPoint.PROCEDURE)


def law_check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    return [*_nursing_or_pregnant(case, ctx), *_self_reported(case, ctx)]


def procedure_check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if _COMPULSORY not in case.penalty.types:
        return []
    served = _served_on(case)
    told = _family_told_on(case)
    if served is None or told is None or (told - served).days < 2:
        return []
    if any(_UNKNOWN_IDENTITY.search(p.text) for p in passages(case)):
        return []
    rule = _rule(ctx, case, "第四十条第一款", "二十四小时")
    if rule is None:
        return []
    return [
        _procedure(
            Severity.MUST_FIX,
            f"强制隔离戒毒决定书{served}送达，{told}才通知家属、户籍所在地派出所，"
            "超过送达后二十四小时，案卷无身份不明等可以推迟通知的情形",
            rule,
            f"送达 {served}；通知 {told}",
        )
    ]


def _nursing_or_pregnant(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if _COMPULSORY not in case.penalty.types:
        return []
    found = affirmed_in(case, _NURSING, _DENIED) or affirmed_in(case, _PREGNANT, _DENIED)
    return _bar(
        case,
        ctx,
        found,
        ("第三十九条第一款", "不适用强制隔离戒毒"),
        "怀孕或者正在哺乳自己不满一周岁婴儿的妇女吸毒成瘾的，不适用强制隔离戒毒",
        "仍决定强制隔离戒毒",
    )


def _self_reported(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not any(kind in case.penalty.types for kind in _PUNISHMENTS):
        return []
    if not _DRUG_USE.search(f"{case.title}{case.violation.description}"):
        return []
    return _bar(
        case,
        ctx,
        affirmed_in(case, _SELF_REPORT, _DENIED),
        ("第六十二条", "不予处罚"),
        "吸毒人员主动到公安机关登记或者到有资质的医疗机构接受戒毒治疗的，不予处罚",
        "仍给予处罚",
    )


def _bar(
    case: CaseFile,
    ctx: ReviewContext,
    found: tuple[str, str] | None,
    article: tuple[str, str],
    law_says: str,
    done: str,
) -> list[Flag]:
    """The `law` finding of a bar the file records (``found``: where, words) and still
    overrides; ``article`` is the 禁毒法 provision and words its act-date text must hold."""
    rule = None if found is None else _rule(ctx, case, *article)
    if found is None or rule is None:
        return []
    return [_law(Severity.MUST_FIX, f"{law_says}，案卷载明“{found[1]}”，{done}", rule, found[0])]


def _decided_on(case: CaseFile) -> date | None:
    return next((e.date for e in case.events if e.type == "决定"), None)


def _served_on(case: CaseFile) -> date | None:
    """The day the decision was served on the person (the first 送达 after the decision)."""
    decided = _decided_on(case)
    served = [
        e.date
        for e in case.events
        if e.type == "送达" and (decided is None or e.date >= decided) and not _tells_family(e)
    ]
    return min(served, default=None)


def _family_told_on(case: CaseFile) -> date | None:
    """The first day after the decision the file records the family (or 户籍地派出所) told."""
    decided = _decided_on(case)
    days = [
        e.date for e in case.events if _tells_family(e) and (decided is None or e.date >= decided)
    ]
    days += [
        d.date
        for d in case.documents
        if d.date is not None
        and _COMPULSORY in d.type
        and _NOTICE.search(d.type)
        and "决定书" not in d.type
    ]
    return min(days, default=None)


def _tells_family(event: Event) -> bool:
    text = f"{event.note or ''}{event.method or ''}"
    return bool(_NOTICE.search(text) and _FAMILY.search(text))


def _rule(ctx: ReviewContext, case: CaseFile, article: str, needed: str) -> str | None:
    """The article's citation when its act-date text carries the requirement."""
    found = ctx.resolved(_LAW + article, case.act_date)
    return found[0].citation if found and needed in found[0].text else None
