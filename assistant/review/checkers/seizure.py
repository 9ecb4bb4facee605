"""程序是否合法 — how long property is held before the case decides its fate.

《行政强制法》第二十五条: 查封、扣押 lasts at most thirty days, thirty more with the head of
the agency's approval; time spent on 检测、检验、检疫、技术鉴定 does not count (第三款), and
by then the agency decides — confiscate or release (第二十七条). 《行政处罚法》第五十六条:
evidence kept by 先行登记保存 is dealt with within seven (working, 第八十五条) days. The power
to seize is never entrusted (行政强制法第十七条第一款), and a seizure with the party absent
has a witness sign the record (第十八条第（九）项).

Only a file that follows the seizure's own course (a dated release 解除、退还, or an
extension) is measured: the seizure from the first step that records it, its end from the
release or else the decision that disposes of it. A file that only mentions the seizure
and later decides says nothing of when it ended, so nothing is inferred from it. Where testing
reports fall inside the span the whole span up to the last report is left out, and a
file over the limit only with it counted is checked, not must-fix. 治安 cases follow
治安管理处罚法's own 扣押 rules and are left to them.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.case_file import CaseFile
from assistant.publicity.deadlines import working_days_between
from assistant.review.approval import says_unapproved
from assistant.review.case_text import Passage, mentions, passages
from assistant.review.context import ReviewContext
from assistant.review.deciding_organ import field_rules
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.public_order import is_public_order_case
from assistant.review.statutory_fine import paragraph_citation, rule_in_force

COERCION_LAW = "《中华人民共和国行政强制法》"
SEIZURE_DAYS = 30  # 行政强制法第二十五条第一款
EXTENSION_DAYS = 30
REGISTRATION_DAYS = 7  # 行政处罚法第五十六条

# 暂扣 a thing (道路运输条例's 暂扣车辆) is a 扣押 by another name; 暂扣 a licence is a penalty
_HELD = r"查封|扣押|暂扣(?![^，。；]{0,6}(?:证|执照|许可|资格))"
_SEIZED = re.compile(_HELD)
_NOT_SEIZED = re.compile(
    r"解除|退还|发还|返还|延长|未(?:予|作|实施|采取)?(?:查封|扣押|暂扣)|无需|不予"
)
# 要求返还扣押的… is the party asking, not the agency giving back
_RELEASED = re.compile(
    r"(?<!要求)(?<!申请)(?<!请求)(?<!未)(?<!未予)(?<!不予)"
    r"(?:解除[^，。；]{0,6}(?:查封|扣押|暂扣)|(?:退还|发还|返还)[^，。；]{0,8}(?:扣押|查封|暂扣))"
)
# 当事人请求尽快解除查封: the party asking for the release, not the release
_ASKED = re.compile(r"(?:要求|申请|请求|希望|恳请)[^，。；]{0,4}(?:解除|退还|发还|返还)")
_WEIGHING_STEPS = ("集体讨论", "法制审核", "告知", "陈述申辩")
# The file says the seizure ran on to the decision: never extended (so thirty days was its
# whole term), or the decision confiscates what was held (第二十七条: the disposal ends it).
_NEVER_EXTENDED = r"未(?:作出|作|予|经|办理)?(?:延长|延期)|没有(?:作出|办理)?(?:延长|延期)|不予延长"
_HELD_TO_DECISION = re.compile(
    _NEVER_EXTENDED
    + r"|没收[^，。；]{0,10}(?:扣押|查封|暂扣)|(?:扣押|查封|暂扣)的[^，。；]{0,12}没收|一并没收"
)
_TIMED_OUT_WORDS = re.compile(r"扣押|查封|暂扣")
_NO_DECISION_DOC = re.compile(
    r"未(?:制作|出具|交付|送达|开具)[^，。；]{0,12}(?:决定书|清单)|(?:决定书|清单)[^，。；]{0,6}未(?:制作|交付|出具)"
)
_MADE_UP = re.compile(r"(?<!未)补办[^，。；]{0,8}(?:批准|审批|手续)")
_OTHER_APPROVAL = re.compile(r"延长|延期|立案|办案期限|处罚决定")
_EXTENDED = re.compile(
    r"延长[^，。；]{0,6}(?:查封|扣押|暂扣)|(?:查封|扣押|暂扣)[^，。；]{0,6}(?:延长|延期)"
)
_NOT_EXTENDED = re.compile(_NEVER_EXTENDED)
# 延长 also needs the party told in writing (行政强制法第二十五条第二款)
_UNTOLD = re.compile(r"未书面告知")
_TESTING = re.compile(r"鉴定|检验|检测|检疫")
_REGISTERED = re.compile(r"先行登记保存")
_REGISTRATION_HANDLED = re.compile(
    r"(?:解除|处理)[^，。；]{0,6}登记保存|登记保存[^，。；]{0,8}(?:处理决定|解除|处理通知)"
)
# 清点、拍照（未采取查封、扣押或先行登记保存）: the things were recorded, never kept
_NOT_REGISTERED = re.compile(
    r"(?:未|没有|并未|不予|无需)(?:采取|实施|作出|予以|进行|办理)?[^，。；]{0,10}?先行登记保存"
)
_NOT_KEPT = re.compile(f"{_REGISTRATION_HANDLED.pattern}|{_NOT_REGISTERED.pattern}")
_ABSENT = re.compile(r"当事人(?:及其[^，。；]{0,6})?(?:未到场|不在场|未在场|拒不到场|无法联系)")
_WITNESS = re.compile(r"见证人|见证")
_STAND_IN = re.compile(
    r"(?:员工|店员|工作人员|负责人|管理人员|家属|亲属|代理人|法定代表人)[^，。；]{0,6}(?:在场|到场|陪同)"
)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if is_public_order_case(case, ctx):
        return []
    found = passages(case)
    return [
        *(_seizure(case, ctx, found) or _decided_term(ctx, found)),
        *_entrusted(case, ctx, found),
        *_witness(case, ctx, found),
        *_registration(case, ctx, found),
        *(_deputy_approved(case, ctx, found) or _unapproved(case, ctx, found)),
        *_on_site_steps(ctx, found),
        *_no_decision_document(case, ctx, found),
        *_beyond_scope(ctx, found),
    ]


def _entrusted(case: CaseFile, ctx: ReviewContext, found: list[Passage]) -> list[Flag]:
    """行政强制法第十七条第一款: 行政强制措施权不得委托."""
    seized = _first(found, _SEIZED, _NOT_SEIZED)
    if seized is None or case.agency.kind != "受委托组织":
        return []
    entrusting = case.agency.entrusted_by
    if entrusting and re.search(
        rf"{re.escape(entrusting)}[^，。；]{{0,12}}(?:名义|执法人员)", seized.text
    ):
        return []  # 以英德市林业局名义扣押 by its own officers: the agency seized, not the entrusted
    return [
        _flag(
            Severity.MUST_FIX,
            "受委托组织实施查封、扣押，行政强制措施权不得委托",
            ctx.rule(COERCION_LAW + "第十七条第一款"),
            f"agency.kind=受委托组织；{seized.where}：{seized.text}",
        )
    ]


def _witness(case: CaseFile, ctx: ReviewContext, found: list[Passage]) -> list[Flag]:
    """行政强制法第十八条第（九）项: with the party absent, a witness is invited and signs."""
    absent = next(
        (
            p
            for p in found
            if p.day is not None and _SEIZED.search(p.text) and _ABSENT.search(p.text)
        ),
        None,
    )
    if absent is None or _STAND_IN.search(absent.text):
        return []
    if any(_WITNESS.search(p.text) for p in found):
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            "实施查封、扣押时当事人不到场，未邀请见证人到场并在现场笔录上签名或者盖章",
            ctx.rule(COERCION_LAW + "第十八条第（九）项"),
            f"{absent.where}：{absent.text}",
        )
    ]


def _first(
    found: list[Passage], words: re.Pattern[str], negation: re.Pattern[str] | None = None
) -> Passage | None:
    dated = [p for p in found if p.day is not None and mentions(p, words, negation)]
    return min(dated, key=lambda p: p.day) if dated else None


def _seizure(case: CaseFile, ctx: ReviewContext, found: list[Passage]) -> list[Flag]:
    seized = _first(found, _SEIZED, _NOT_SEIZED)
    if seized is None or seized.day is None:
        return []
    after = [p for p in found if p.day is not None and p.day >= seized.day]
    # a review or a meeting agreeing to release (集体讨论：同意…同时解除查封) releases nothing yet
    acts = [p for p in after if not any(step in p.where for step in _WEIGHING_STEPS)]
    released = _first(acts, _RELEASED, _ASKED)
    # 扣押期间未办理延长手续 says the term was never extended
    extensions = [p for p in after if mentions(p, _EXTENDED, _NOT_EXTENDED)]
    decision = case.first("决定")
    if released is None and not extensions and not _held_to_decision(found):
        return []  # the file does not follow the seizure's own course
    end = released.day if released else (decision.date if decision else None)
    if end is None:
        return []
    extended = any(not (says_unapproved(p.text) or _UNTOLD.search(p.text)) for p in extensions)
    field = _field_term(case, ctx)
    extension = field[1] if field else EXTENSION_DAYS
    limit = SEIZURE_DAYS + (extension if extended else 0)
    days = (end - seized.day).days
    if days <= limit:
        return []
    tested = [
        e.date
        for e in case.evidence
        if e.date and e.date >= seized.day and _TESTING.search(e.type + e.name)
    ]
    testing_days = (max(tested) - seized.day).days if tested else 0
    if days - testing_days > limit:
        severity = Severity.MUST_FIX
        note = f"；扣除至检测、检验报告的{testing_days}日后仍超过" if tested else ""
    else:
        severity = Severity.CHECK
        note = "；期间有检测、检验或鉴定，请核实其期间是否已明确并书面告知当事人"
    ended = f"解除 {released.day}（{released.where}）" if released else f"决定 {end}"
    return [
        _flag(
            severity,
            f"查封、扣押自{seized.day}至{end}共{days}日，超过{limit}日"
            + ("（已延长）" if extended else "且无经批准的延长")
            + note,
            field[0] if field else ctx.rule(COERCION_LAW + "第二十五条第一款"),
            f"查封、扣押 {seized.day}（{seized.where}）；{ended}",
            also_cites=[ctx.rule(COERCION_LAW + "第二十五条第一款")]
            if field
            else _department_rule(case, ctx),
        )
    ]


# 工商行政管理部门实施查封、扣押的期限不得超过30日；案件情况复杂的，…可以延长15日 (禁止传销条例第十八条
# 第一款): a 行政法规's own term (行政强制法第二十五条第一款: 法律、行政法规另有规定的除外)
_FIELD_TERM = re.compile(r"查封、扣押的期限不得超过30日[^。]{0,60}?可以延长(\d+)日")


def _field_term(case: CaseFile, ctx: ReviewContext) -> tuple[str, int] | None:
    """The term a cited law of the field writes for its own seizures, and its extension."""
    cited = [*case.citations.penalty_basis, *case.citations.violated]
    laws = {r.law: r for c in cited for r in ctx.resolved(c, case.act_date)}
    for found in laws.values():
        for record in ctx.articles_in(found.law, found.version):
            for paragraph in record.paragraphs:
                term = _FIELD_TERM.search(paragraph.text)
                if term and int(term.group(1)) != EXTENSION_DAYS:
                    return paragraph_citation(record, paragraph.number), int(term.group(1))
    return None


# 环境保护主管部门实施查封、扣押办法第十五条第一款 restates the term for the 生态环境 departments
ENVIRONMENT_SEIZURE_TERM = "《环境保护主管部门实施查封、扣押办法》第十五条第一款"
_ENVIRONMENT_AGENCY = re.compile(r"生态环境|环境保护|环保")


def _department_rule(case: CaseFile, ctx: ReviewContext) -> list[str]:
    """The department's own rule on the term, cited beside the law where it binds the agency."""
    if not _ENVIRONMENT_AGENCY.search(case.agency.acts_in_name_of or case.agency.name):
        return []
    rule = rule_in_force(ctx, ENVIRONMENT_SEIZURE_TERM, case.act_date, "三十日")
    return [rule] if rule else []


_DATE = r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日"
_TERM_RANGE = re.compile(_DATE + r"(?:起)?\s*(?:至|到|—|－|-|~|～)\s*" + _DATE)
_NUMERAL = r"[0-9]+|[一二三四五六七八九十两]+"
_TERM_COUNT = re.compile(
    r"(?:查封|扣押)(?:的)?(?:期限|期间)(?:为|是|：|:)?(" + _NUMERAL + r")(?:日|天)"
    r"|(?:查封|扣押)(" + _NUMERAL + r")(?:日|天)"
)
_CN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def _number(text: str) -> int | None:
    """Arabic or Chinese numerals up to 九十九 (a seizure term is never longer)."""
    if text.isdigit():
        return int(text)
    tens, _, units = text.partition("十")
    if "十" not in text:
        return _CN_DIGITS.get(text)
    high = _CN_DIGITS.get(tens, 0 if tens else 1) if tens else 1
    return high * 10 + (_CN_DIGITS.get(units, 0) if units else 0)


def _term_days(segment: str, year: int | None) -> int | None:
    """The term a seizure decision sets: a date range (the first day not counted, as with
    every 期间 counted in days) or a number of days."""
    if (m := _TERM_RANGE.search(segment)) is not None:
        y1 = int(m.group(1)) if m.group(1) else year
        y2 = int(m.group(4)) if m.group(4) else y1
        if y1 is None:
            return None
        try:
            start = date(y1, int(m.group(2)), int(m.group(3)))
            end = date(y2, int(m.group(5)), int(m.group(6)))
        except ValueError:
            return None
        return (end - start).days if end >= start else None
    if (m := _TERM_COUNT.search(segment)) is not None:
        return _number(m.group(1) or m.group(2))
    return None


def _decided_term(ctx: ReviewContext, found: list[Passage]) -> list[Flag]:
    """第二十五条第一款: the term the 查封、扣押 decision itself sets may not pass thirty days;
    more needs a separate extension decision before it runs out, so a first term of sixty
    days is wrong whatever happens after. Extension passages set the extended term and are
    left to ``_seizure``."""
    for p in found:
        if not _SEIZED.search(p.text) or _EXTENDED.search(p.text) or "延长" in p.text:
            continue
        for segment in re.split(r"[；;。\n]", p.text):
            if "期限" not in segment and not _TERM_COUNT.search(segment):
                continue
            days = _term_days(segment, p.day.year if p.day else None)
            if days is None or days <= SEIZURE_DAYS:
                continue
            return [
                _flag(
                    Severity.MUST_FIX,
                    f"查封、扣押决定确定的期限超过三十日（首日不计为{days}日）；"
                    "需要延长的，应在期限届满前经负责人批准另行作出延长决定并书面告知当事人",
                    ctx.rule(COERCION_LAW + "第二十五条第一款"),
                    f"{p.where}：{segment}",
                )
            ]
    return []


def _held_to_decision(found: list[Passage]) -> bool:
    return any(
        _HELD_TO_DECISION.search(c) and _TIMED_OUT_WORDS.search(p.text)
        for p in found
        for c in re.split(r"[。；;]", p.text)
    )


def _seizure_sentences(found: list[Passage]) -> list[tuple[Passage, str]]:
    """Sentences that record a seizure being made (not denied, released or extended)."""
    return [
        (p, sentence)
        for p in found
        for sentence in re.split(r"[。；;\n]", p.text)
        if any(
            _SEIZED.search(c) and not _NOT_SEIZED.search(c) for c in re.split(r"[，,]", sentence)
        )
    ]


def _unapproved(case: CaseFile, ctx: ReviewContext, found: list[Passage]) -> list[Flag]:
    """行政强制法第十八条第（一）项: 实施前须向行政机关负责人报告并经批准; on the spot, the
    approval is sought within 24 hours after (第十九条). A file saying the seizure had no
    approval, and none made up afterwards, is flagged."""
    for p, sentence in _seizure_sentences(found):
        parts = re.split(r"[，,]", sentence)
        if not any(says_unapproved(c) and not _OTHER_APPROVAL.search(c) for c in parts):
            continue
        if _MADE_UP.search(sentence):
            continue
        return [
            _flag(
                Severity.MUST_FIX,
                "实施查封、扣押前未向行政机关负责人报告并经批准，事后也未在二十四小时内补办批准手续",
                ctx.rule(COERCION_LAW + "第十八条第（一）项"),
                f"{p.where}：{sentence}",
                also_cites=[ctx.rule(COERCION_LAW + "第十九条")],
            )
        ]
    return []


# 分管副局长谢国平审批同意 / 经其（分管副局长）批准: a deputy head approved the seizure
_HEAD_TITLE = r"(?:局长|主任|所长|大队长|支队长|队长|院长|处长|站长|主要负责人)"
_DEPUTY_APPROVED = re.compile(rf"副{_HEAD_TITLE}[^，。；]{{0,12}}(?:批准|审批|签批|同意)")
_DEPUTY_CALLED = re.compile(rf"副{_HEAD_TITLE}")
_APPROVED_BY_HIM = re.compile(r"经其(?:批准|审批|同意)")
_PRINCIPAL_APPROVED = re.compile(
    rf"(?<!副)(?<!分管)(?<!主管){_HEAD_TITLE}(?:[^，。；未不无]{{0,10}})(?:批准|审批|签批|同意)"
)
# 经本部门主要负责人批准，查封…、扣押… (危险化学品安全管理条例第七条第一款第（四）项)
_PRINCIPAL_RULE = re.compile(r"主要负责人批准[^。]{0,6}(?:查封|扣押)")


def _deputy_approved(case: CaseFile, ctx: ReviewContext, found: list[Passage]) -> list[Flag]:
    """A seizure the field's law lets only the department's 主要负责人 approve (危险化学品安全
    管理条例第七条: 经本部门主要负责人批准，查封…), approved by a deputy head and by no
    principal: a step 行政强制法第十八条第（十）项 (法律、法规规定的其他程序) makes part of it."""
    sentences = _seizure_sentences(found)
    deputy = next(
        (
            (p, s)
            for p, s in sentences
            if _DEPUTY_APPROVED.search(s)
            or (_DEPUTY_CALLED.search(s) and _APPROVED_BY_HIM.search(s))
        ),
        None,
    )
    if deputy is None or any(_PRINCIPAL_APPROVED.search(s) for _, s in sentences):
        return []
    rules = field_rules(case, ctx, "主要负责人批准", _PRINCIPAL_RULE.search)
    if not rules:
        return []
    p, sentence = deputy
    return [
        _flag(
            Severity.MUST_FIX,
            f"查封、扣押须经本部门主要负责人批准（{rules[0]}），案卷载明仅经副职负责人批准",
            ctx.rule(rules[0]),
            f"{p.where}：{sentence}",
            also_cites=[ctx.rule(COERCION_LAW + "第十八条第（十）项")],
        )
    ]


# 行政强制法第十八条's on-site steps a file may say were skipped, each with its item.
_SKIPPED_STEPS = (
    (
        "（五）",
        re.compile(r"未(?:当场)?(?:向当事人)?告知[^，。；]{0,14}(?:理由|依据|权利|救济)"),
        "未当场告知当事人采取行政强制措施的理由、依据以及当事人依法享有的权利、救济途径",
    ),
    (
        "（六）",
        re.compile(r"(?:未|没有|不予?)(?:听取|允许|让)[^，。；]{0,10}(?:陈述|申辩)"),
        "未听取当事人的陈述和申辩",
    ),
    (
        "（七）",
        re.compile(r"未(?:制作|作|形成)[^，。；]{0,4}现场笔录"),
        "未制作现场笔录",
    ),
)


def _on_site_steps(ctx: ReviewContext, found: list[Passage]) -> list[Flag]:
    """行政强制法第十八条第（五）、（六）、（七）项: 当场告知理由、依据和权利，听取陈述和申辩，
    制作现场笔录 — flagged where a sentence recording the seizure says a step was skipped."""
    flags = []
    for item, pattern, what in _SKIPPED_STEPS:
        hit = next(((p, s) for p, s in _seizure_sentences(found) if pattern.search(s)), None)
        if hit is not None:
            flags.append(
                _flag(
                    Severity.MUST_FIX,
                    f"实施查封、扣押时{what}",
                    ctx.rule(f"{COERCION_LAW}第十八条第{item}项"),
                    f"{hit[0].where}：{hit[1]}",
                )
            )
    return flags


def _no_decision_document(case: CaseFile, ctx: ReviewContext, found: list[Passage]) -> list[Flag]:
    """行政强制法第二十四条第一款: 应当制作并当场交付查封、扣押决定书和清单. Flagged when the
    file says none was made; files often keep the decision among the evidence or not list
    it at all, so a seizure document missing from ``documents`` alone is not read as none."""
    said = next(((p, s) for p, s in _seizure_sentences(found) if _NO_DECISION_DOC.search(s)), None)
    if said is None:
        return []
    return [
        Flag(
            point=ReviewPoint.DOCUMENTS,
            severity=Severity.MUST_FIX,
            reason="实施查封、扣押，未制作并当场交付查封、扣押决定书和清单",
            rule=ctx.rule(COERCION_LAW + "第二十四条第一款"),
            evidence=f"{said[0].where}：{said[1]}",
        )
    ]


def _registration(case: CaseFile, ctx: ReviewContext, found: list[Passage]) -> list[Flag]:
    kept = _first(found, _REGISTERED, _NOT_KEPT)
    if kept is None or kept.day is None:
        return []
    handled = _first(found, _REGISTRATION_HANDLED)
    decision = case.first("决定")
    if handled is not None and handled.day is not None:
        days = working_days_between(kept.day, handled.day)
        if days <= REGISTRATION_DAYS:
            return []
        return [
            _flag(
                Severity.MUST_FIX,
                f"先行登记保存后第{days}个工作日才作出处理决定，超过七日",
                ctx.penalty_law("第五十六条"),
                f"先行登记保存 {kept.day}（{kept.where}）；处理 {handled.day}（{handled.where}）",
            )
        ]
    if decision is None or working_days_between(kept.day, decision.date) <= REGISTRATION_DAYS:
        return []
    return [
        _flag(
            Severity.CHECK,
            "先行登记保存后，案卷未见七日内对登记保存的证据作出的处理决定",
            ctx.penalty_law("第五十六条"),
            f"先行登记保存 {kept.day}（{kept.where}）；决定 {decision.date}",
        )
    ]


# 行政强制法第二十三条第一款: what a seizure may not take — a citizen's (and dependants')
# necessities, or property unrelated to the act — named as taken in a seizure sentence.
_OUT_OF_SCOPE = re.compile(r"生活必需品|与(?:本案|案件|违法行为|违法事实|涉案行为)(?:均)?无关的?")
# a clause that denies taking it: 未扣押生活必需品, 与违法行为无关的财物不予扣押
_SCOPE_DENIED = re.compile(r"未|不予|不得|不属|不含|不包括|不是|没有|并非|除外|除了?|以外|之外")


def _beyond_scope(ctx: ReviewContext, found: list[Passage]) -> list[Flag]:
    """行政强制法第二十三条第一款: 查封、扣押限于涉案的场所、设施或者财物，不得查封、扣押与违法
    行为无关的财物或者生活必需品. Flagged where a sentence recording the seizure names such
    property as taken in the clause that records the seizure (not where the clause denies
    it, 未扣押生活必需品, 无关的财物不予扣押)."""
    for passage, sentence in _seizure_sentences(found):
        for clause in re.split(r"[，,]", sentence):
            if not (_OUT_OF_SCOPE.search(clause) and _SEIZED.search(clause)):
                continue
            if _SCOPE_DENIED.search(clause):
                continue
            return [
                _flag(
                    Severity.MUST_FIX,
                    "查封、扣押了与违法行为无关的财物或者公民个人及其所扶养家属的生活必需品，"
                    "超出查封、扣押的法定范围",
                    ctx.rule(COERCION_LAW + "第二十三条第一款"),
                    f"{passage.where}：{sentence}",
                )
            ]
    return []


_flag = PointFlags(ReviewPoint.PROCEDURE)
