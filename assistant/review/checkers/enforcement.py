"""程序是否合法 — collecting the fine and enforcing the decision.

- 罚缴分离 (《行政处罚法》第六十七条): officers take the money on the spot only for a
  summary fine of 一百元 or less, or where it could not be collected later (第六十八条),
  or in the remote places 第六十九条 names.
- 加处罚款 (第七十二条第一款第（一）项; 《行政强制法》第四十五条第二款): 3% a day,
  never more than the fine itself.
- Enforcement waits for a written 催告: before the agency's own enforcement decision
  (《行政强制法》第三十五条), and ten days after it is served before applying to the
  court (第五十四条).
- When it is carried out (《行政强制法》第四十三条第一款): not at night nor on a statutory
  holiday, unless the file records an emergency.
- A forced demolition (第四十四条) follows a 公告 giving the party a period to demolish, and
  the periods to seek 复议 and to sue (行政诉讼法第四十六条第一款: six months from service)
  having run out unused; before that the decision may still be set aside.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from assistant.case_file import CaseFile
from assistant.publicity.working_calendar import months_later, statutory_holiday
from assistant.review.case_text import Passage, clauses, mentions, passages
from assistant.review.context import ReviewContext
from assistant.review.execution import CARRIED_OUT, DEMOLISHED
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.public_order import SpecialRule, special_rule
from corpus.numerals import parse_number

COERCION_LAW = "《中华人民共和国行政强制法》"
ON_THE_SPOT_MAX = 100  # 第六十八条第（一）项
PUBLIC_ORDER_ON_THE_SPOT_MAX = 50  # 治安管理处罚法第一百零四条第（一）项
PUBLIC_ORDER_COLLECTION = SpecialRule("第一百零四条", ("当场收缴", "五十元"))
DAILY_RATE_PERCENT = 3  # 第七十二条第一款第（一）项
REMINDER_WAIT_DAYS = 10  # 行政强制法第五十四条

# The fine itself taken on the spot (现场收缴赌资 is seizing the stakes, not collecting a fine).
_COLLECTED = re.compile(
    r"(?:当场|现场)收(?:缴|取)[^，。；]{0,4}罚款|罚款[^，。；]{0,8}(?:当场|现场)收(?:缴|取)"
)
_COLLECTION_ALLOWED = re.compile(r"难以执行|边远|水上|交通不便|不当场收缴|没有固定住所|无固定住所")
_NEGATED = re.compile(r"未|没有|不得|不予|无|扫码|电子支付|银行|网上")
_SURCHARGE = re.compile(r"加处罚款")
_SURCHARGE_AMOUNT = re.compile(r"加处罚款[^，。；\d]{0,6}([\d,.]+)\s*(万)?元")
_RATE = re.compile(r"百分之([一二三四五六七八九十\d.]+)|([\d.]+)\s*%")
_COURT = re.compile(r"申请[^，。；]{0,6}法院[^，。；]{0,4}强制执行|强制执行申请")
_OWN = re.compile(r"强制执行决定|代履行决定|强制划拨|强制拍卖")
_REMINDER = re.compile(r"催告")
_NO_REMINDER = re.compile(r"未|没有|无|不经")
# a clause that denies the 催告 itself (未经书面催告, 案卷无催告书), not one that only names
# the period (催告期内当事人未提出陈述) while denying something else
_REMINDER_DENIED = re.compile(
    r"(?:未|没有|无|不经)(?:经|经过|依法|进行|予以|作出|制作|送达|发出|履行|向当事人)?(?:书面)?催告"
    r"|催告书?[^，,。；;]{0,2}(?:未|没有)(?:送达|制作|作出|发出)"
)
_EMERGENCY = re.compile(r"情况紧急|紧急情况|紧急避险|危及(?:公共)?安全")
_NIGHT = re.compile(r"夜间|深夜|凌晨")
_POSTED = re.compile(r"公告")
_DEMOLITION_DECIDED = re.compile(
    r"(?:作出|下达|制作)强制拆除决定|强制拆除决定书?[^，,。；;]{0,4}作出"
)
# a suit or review already brought and ended lets the demolition go ahead on its result
_REMEDY_USED = re.compile(r"(?:复议|诉讼|起诉)[^，,。；;]{0,12}(?:维持|驳回|判决|裁定|撤回|终结)")
SUIT_MONTHS = 6  # 行政诉讼法第四十六条第一款
# The period a 催告 gives (履行期限（2024-06-03前）, 限十日内履行): 行政强制法第三十七条第一款
# lets an enforcement decision follow only once the party is 逾期 — after that period.
_REMINDER_UNTIL = re.compile(
    r"(?:期限|至|截至|限|于)[^，,。；;\d]{0,6}?[（(]?(\d{4})-(\d{1,2})-(\d{1,2})"
    r"|(\d{4})-(\d{1,2})-(\d{1,2})[）)]?(?:前|之前|以前)"
)
_REMINDER_DAYS = re.compile(
    r"([0-9]+|[一二两三四五六七八九十]+)日内(?:自行)?(?:履行|拆除|缴纳|改正)"
)
# 逾期不缴纳的，将申请人民法院强制执行 — a warning in the decision, not an application.
# …将依法强制拆除 / 责成本局依法组织强制拆除 (城乡规划法第六十八条): a step threatened or ordered,
# not one taken
# 逾期申请人民法院强制执行的告知 (a line of the decision's contents): the warning told, too.
_CONDITIONAL = re.compile(
    r"将|可以|可依法|逾期(?:不|申请)|期满不|的告知|如|若|拒不|届时|否则|有权|责成|报请"
    # 逾期未拆除的由本局组织拆除: the decision's warning, not an execution
    r"|逾期未[^，。；]{0,8}的"
)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    found = passages(case)
    return [
        *_on_the_spot(case, ctx, found),
        *_surcharge(case, ctx, found),
        *_reminder(case, ctx, found),
        *_execution_time(ctx, found),
        *_demolition(case, ctx, found),
    ]


def _flag(
    reason: str, rule: str, evidence: str, point: ReviewPoint = ReviewPoint.PROCEDURE
) -> Flag:
    return Flag(
        point=point, severity=Severity.MUST_FIX, reason=reason, rule=rule, evidence=evidence
    )


def _on_the_spot(case: CaseFile, ctx: ReviewContext, found: list[Passage]) -> list[Flag]:
    """治安 cases: 治安管理处罚法第一百零四条 (五十元) where the article in force says it."""
    fine = case.penalty.amount or 0.0
    special = special_rule(case, ctx, PUBLIC_ORDER_COLLECTION)
    limit = PUBLIC_ORDER_ON_THE_SPOT_MAX if special else ON_THE_SPOT_MAX
    said = next((p for p in found if mentions(p, _COLLECTED, _NEGATED)), None)
    if said is None or fine <= limit:
        return []
    if any(_COLLECTION_ALLOWED.search(p.text) for p in found):
        return []
    return [
        _flag(
            f"罚款{fine:.10g}元由执法人员当场收缴，超过{limit}元且案卷未载明不当场收缴事后难以执行"
            "等情形，违反罚缴分离",
            special or ctx.penalty_law("第六十八条"),
            f"{said.where}：{said.text}",
        )
    ]


def _surcharge(case: CaseFile, ctx: ReviewContext, found: list[Passage]) -> list[Flag]:
    """加处罚款 is a means of enforcement (行政强制法第十二条第（一）项) and 第七十二条 sits in
    the 执行 chapter, so its amount and rate are a step of enforcement: the procedure point's."""
    fine = case.penalty.amount or 0.0
    if fine <= 0:
        return []
    rule = ctx.penalty_law("第七十二条第一款第（一）项")
    amounts = [(k, v) for k, v in case.facts.amounts.items() if _SURCHARGE.search(k)]
    for p in found:
        for m in _SURCHARGE_AMOUNT.finditer(p.text):
            value = float(m.group(1).replace(",", "")) * (10000 if m.group(2) else 1)
            amounts.append((f"{p.where}：{m.group(0)}", value))
    over = [(k, v) for k, v in amounts if v > fine]
    if over:
        where, value = over[0]
        return [
            _flag(
                f"加处罚款{value:.10g}元，超出罚款数额{fine:.10g}元",
                rule,
                where,
            )
        ]
    for p in found:
        for clause in re.split(r"[，。；]", p.text):
            rate = _RATE.search(clause) if _SURCHARGE.search(clause) else None
            if rate and _percent(rate) > DAILY_RATE_PERCENT:
                return [
                    _flag(
                        f"加处罚款按每日{_percent(rate):.10g}%计算，超过每日罚款数额的百分之三",
                        rule,
                        f"{p.where}：{clause}",
                    )
                ]
    return []


def _percent(found: re.Match[str]) -> float:
    written = found.group(1) or found.group(2)
    try:
        return float(written)
    except ValueError:
        return float(parse_number(written) or 0)


def _reminder(case: CaseFile, ctx: ReviewContext, found: list[Passage]) -> list[Flag]:
    court = _earliest(found, _COURT)
    own = _earliest(found, _OWN)
    enforced = min((p for p in (court, own) if p), key=lambda p: p.day, default=None)
    if enforced is None or enforced.day is None:
        return []
    rule_no = "第五十四条" if enforced is court else "第三十五条"
    rule = ctx.rule(COERCION_LAW + rule_no)
    reminders = [
        p
        for p in found
        if p.day is not None and p.day <= enforced.day and mentions(p, _REMINDER, _NO_REMINDER)
    ]
    reminders = [p for p in reminders if not _looks_back(p)] or reminders
    denied = next(
        (p for p in found if any(_REMINDER_DENIED.search(c) for c in clauses(p.text))), None
    )
    if denied is not None or not reminders:
        said = f"{denied.where}：{denied.text}" if denied else "案卷无此前的催告"
        return [
            _flag(
                "强制执行前未书面催告当事人履行义务",
                rule,
                f"{enforced.where}（{enforced.day}）；{said}",
            )
        ]
    last = max(p.day for p in reminders if p.day is not None)
    if enforced is court and (enforced.day - last).days < REMINDER_WAIT_DAYS:
        return [
            _flag(
                f"催告书送达后{(enforced.day - last).days}日即申请人民法院强制执行，未满十日",
                rule,
                f"催告 {last}；{enforced.where}（{enforced.day}）",
            )
        ]
    if enforced is own:
        return _before_reminder_period(ctx, enforced, reminders)
    return []


# 催告书送达满十日 / 催告期满 / 经催告仍未履行: a later record looking back on a 催告 served
# before, not a 催告 of its own day
_LOOKS_BACK = re.compile(
    r"催告(?:书)?(?:送达|发出)?(?:后|之日起)?(?:已)?(?:满|期满|届满|期限届满|逾期)|经(?:书面)?催告"
)


def _looks_back(passage: Passage) -> bool:
    """Every 催告 the passage names is one served before (so its date is no 催告's)."""
    return all(_LOOKS_BACK.search(c) for c in clauses(passage.text) if _REMINDER.search(c))


def _reminder_deadline(passage: Passage) -> date | None:
    """The last day the 催告 leaves the party: a date it writes or N日内 from its service."""
    found = _REMINDER_UNTIL.search(passage.text)
    if found:
        year, month, day = (int(g) for g in found.groups() if g is not None)
        before = found.group(4) is not None  # 2024-06-03前: the last day is the day before
        try:
            return date(year, month, day) - timedelta(days=1 if before else 0)
        except ValueError:
            return None
    days = _REMINDER_DAYS.search(passage.text)
    if days and passage.day is not None:
        try:
            return passage.day + timedelta(days=parse_number(days.group(1)))
        except ValueError:
            return None
    return None


def _before_reminder_period(
    ctx: ReviewContext, enforced: Passage, reminders: list[Passage]
) -> list[Flag]:
    """行政强制法第三十七条第一款: 经催告，当事人逾期仍不履行 — an enforcement decision made
    on or before the last day of the period the 催告 itself gave is no 逾期."""
    deadlines = [(d, p) for p in reminders if (d := _reminder_deadline(p)) is not None]
    if not deadlines or enforced.day is None:
        return []
    deadline, reminder = max(deadlines, key=lambda pair: pair[0])
    if enforced.day > deadline:
        return []
    return [
        _flag(
            f"催告书给予的履行期限（至{deadline}）尚未届满即作出强制执行决定",
            ctx.rule(COERCION_LAW + "第三十七条第一款"),
            f"{reminder.where}：{reminder.text}；{enforced.where}（{enforced.day}）",
        )
    ]


# 作出强制拆除决定，载明于2023年10月4日8时30分起实施强制拆除: the day set for the execution,
# not the day the decision setting it was made
_SET_FOR = re.compile(
    r"(?:载明|定于|拟于|决定于|计划于|确定于)[^，。；\d]{0,4}?(\d{4})(?:年|-)(\d{1,2})(?:月|-)(\d{1,2})日?"
    r"[^。；]{0,12}?(?:实施|组织(?:强制)?拆除)"
)


def _when(passage: Passage) -> date | None:
    """The day a passage's execution happens or is set for."""
    found = _SET_FOR.search(passage.text)
    if found is None:
        return passage.day
    try:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return passage.day


def _earliest(found: list[Passage], words: re.Pattern[str]) -> Passage | None:
    dated = [p for p in found if p.day is not None and _taken(p, words)]
    return min(dated, key=lambda p: p.day or date.max) if dated else None


# 逾期不拆除的，依法申请人民法院强制执行: the condition sits in the clause before
_CONDITION_BEFORE = re.compile(r"(?:逾期|期满|届时|如|若)[^，。；]*的$")


def _taken(passage: Passage, words: re.Pattern[str]) -> bool:
    """A clause names the measure as taken: not a warning of it, in the clause itself or
    in the condition the clause before sets."""
    parts = clauses(passage.text)
    return any(
        words.search(c)
        and not _CONDITIONAL.search(c)
        and not (k and _CONDITION_BEFORE.search(parts[k - 1]))
        for k, c in enumerate(parts)
    )


def _execution_time(ctx: ReviewContext, found: list[Passage]) -> list[Flag]:
    """第四十三条第一款: no execution at night or on a statutory holiday (a plain weekend is a
    rest day, not a 法定节假日), unless the file records an emergency."""
    if any(mentions(p, _EMERGENCY, _NO_REMINDER) for p in found):
        return []
    for p in found:
        day = _when(p)
        if day is None or not mentions(p, CARRIED_OUT, _CONDITIONAL):
            continue
        holiday = statutory_holiday(day)
        at_night = mentions(p, _NIGHT)
        if holiday or at_night:
            when = f"{holiday}（法定节假日）" if holiday else "夜间"
            return [
                _flag(
                    f"在{when}实施行政强制执行，案卷无情况紧急的记载",
                    ctx.rule(COERCION_LAW + "第四十三条第一款"),
                    f"{p.where}（{day}）：{p.text}",
                )
            ]
    return []


def _demolition(case: CaseFile, ctx: ReviewContext, found: list[Passage]) -> list[Flag]:
    """第四十四条: a forced demolition only after a 公告 and once the periods for 复议 and
    suit against the decision have run out (six months from its service, the longer)."""
    done = [p for p in found if p.day is not None and mentions(p, DEMOLISHED, _CONDITIONAL)]
    decision = case.first("决定")
    if decision is None or any(mentions(p, _REMEDY_USED) for p in found):
        return []
    served = min(
        (e.date for e in case.events_of("送达") if e.date >= decision.date), default=decision.date
    )
    suit_ends = months_later(served, SUIT_MONTHS)
    if not done:
        return _demolition_decided(case, ctx, found, served, suit_ends)
    demolished = min(done, key=lambda p: _when(p) or date.max)
    day = _when(demolished)
    assert day is not None
    posted = any(
        p.day is not None and p.day < day and mentions(p, _POSTED, _NO_REMINDER) for p in found
    )
    reasons = []
    if day <= suit_ends:
        reasons.append(f"决定{served}送达，起诉期限至{suit_ends}届满前即强制拆除")
    if not posted:
        reasons.append("强制拆除前未予公告、限期当事人自行拆除")
    if not reasons:
        return []
    return [
        _flag(
            "；".join(reasons),
            ctx.rule(COERCION_LAW + "第四十四条"),
            f"{demolished.where}（{day}）：{demolished.text}",
        )
    ]


def _demolition_decided(
    case: CaseFile, ctx: ReviewContext, found: list[Passage], served: date, suit_ends: date
) -> list[Flag]:
    """第四十四条 again, one step earlier: a 强制拆除决定 made (not yet carried out) while the
    party may still seek 复议 or sue against the 限期拆除 decision decides what is not yet
    final."""
    decided = [
        p
        for p in found
        if p.day is not None
        and served < p.day <= suit_ends
        and p.where.startswith("events")
        and mentions(p, _DEMOLITION_DECIDED, _CONDITIONAL)
    ]
    if not decided:
        return []
    first = min(decided, key=lambda p: p.day or date.max)
    return [
        _flag(
            f"限期拆除决定{served}送达，申请行政复议、提起行政诉讼的法定期限（至{suit_ends}）"
            f"届满前即于{first.day}作出强制拆除决定",
            ctx.rule(COERCION_LAW + "第四十四条"),
            f"{first.where}：{first.text}",
        )
    ]
