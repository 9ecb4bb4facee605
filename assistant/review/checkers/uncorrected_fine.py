"""法律适用: a fine under a provision that fines only 拒不改正/逾期未改正 (食品安全法第一百二十六条:
责令改正，给予警告；拒不改正的，处五千元以上五万元以下罚款) while the file shows it is not due —
no order to correct came first (stated, or nothing in the complete lists records one), the
party corrected within the order's time (已在限期内改正), or the only order set no time at all
(责令立即停止施工 with no 限期补办) — has no legal basis yet.

A file that establishes 逾期未改正 is left to the facts checker (第四十条), which asks for
proof of non-correction."""

from __future__ import annotations

import re
from datetime import date

from assistant.case_file import CaseFile, Document
from assistant.discretion.penalty_amounts import chinese_number, resolve_yuan
from assistant.review.case_text import clauses as split_clauses
from assistant.review.case_text import passages
from assistant.review.context import ReviewContext
from assistant.review.fitting_item import cjk_bigrams
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.higher_law import ordered_first_higher
from assistant.review.order_deadline import order_deadline
from assistant.review.sanction_versions import misnumbered
from assistant.review.statutory_fine import (
    established_circumstances,
    fine_bases,
    is_general_law,
    paragraph_text,
    penalty_provisions,
    range_rule,
)
from assistant.review.statutory_range import (
    REQUIREMENTS,
    SERIOUS,
    UNCORRECTED,
    FineClause,
    fine_clauses,
)
from corpus.citation_resolver import ResolvedCitation
from corpus.model import ArticleRecord
from corpus.numerals import to_chinese

# 此前未因此被责令改正 / 未经责令改正 / 没有下达责令改正通知 / 未对当事人上述行为作出过责令改正;
# not 未按照责令改正通知书改正, which is the party's failure to comply
_NO_PRIOR_ORDER = re.compile(
    r"(?:未(?!成年)|没有|并未|从未|未曾)(?!按|依|遵|执行|履行|落实)[^，。；、]{0,12}?(?:被|经|下达|作出|发出)?[^，。；、]{0,4}"
    r"责令(?:其|当事人)?(?:限期)?(?:改正|整改|补办|补报|补正|改造|拆除|补种|恢复|完成|投保|办理)"
    # a table row or field: | 责令改正 | 无 | / 责令改正：无
    r"|责令(?:限期)?(?:改正|整改)\s*[|｜:：]\s*(?:无|未|没有)"
)

# An order to correct, or a re-inspection of one (the party's own 已整改 is no order). 逾期 alone
# may be the law's own period (成立后逾期未办理社会保险登记 is late on the statute, not on an
# order); as a trace of an order's outcome it counts only where no order need be shown.
_ORDER_TRACE = re.compile(r"责令|指令|整改通知|整改意见|限期整改|要求整改|改正通知|限期改正|复查")
_ANY_ORDER = re.compile(f"{_ORDER_TRACE.pattern}|逾期")


# 本局决定责令当事人立即改正违法行为，并处罚款 / 告知拟处罚款并责令限期补办: the order the
# penalty decision itself gives, with the fine — never the order that must come before it
_WITH_THE_FINE = re.compile(r"决定|拟|并处|并罚款|承办机构意见|承办人意见|承办意见|处理意见")
# the steps that weigh the proposed decision (集体讨论: 同意罚款…并责令限期办理) give no order
_DECISION_STEPS = ("决定", "告知", "集体讨论", "法制审核")
_DECISION_PAPERS = re.compile(r"处罚决定书|告知书|审批表")


# 处罚内容：罚款30000元；责令于2024-09-30前交还全部资料 — the decision's own items, to the 。
_DECISION_ITEMS = re.compile(r"(?:处罚内容|处理内容|处罚决定|处理决定)(?:[：:]|】[：:]?)[^。\n]*")


def _before_the_decision(text: str) -> str:
    """``text`` without its sentences that give an order together with the penalty."""
    sentences = re.split(r"(?<=[。；;])", _DECISION_ITEMS.sub("", text))
    return "".join(s for s in sentences if not ("责令" in s and _WITH_THE_FINE.search(s)))


def _prior_documents(case: CaseFile, strictly: bool = False) -> list[Document]:
    """The documents other than the penalty decision and its notice; ``strictly``, other than
    an order issued with the decision too (责令改正违法行为决定书 dated the decision's day)."""
    decision = case.first("决定")
    return [
        d
        for d in case.documents
        if not _DECISION_PAPERS.search(d.type)
        and not (
            strictly and decision is not None and d.date is not None and d.date >= decision.date
        )
    ]


def _prior_notes(case: CaseFile) -> list[str]:
    """The events' notes other than the decision's and its notice's, each without the
    sentences that give an order together with the penalty."""
    return [_before_the_decision(e.note) for e in case.events if e.type not in _DECISION_STEPS]


def _narrative(case: CaseFile) -> list[str]:
    """The file's own account of the act: violation, facts and circumstances."""
    return [case.violation.description, case.facts.description, *case.facts.circumstances]


def _order_texts(case: CaseFile, strictly: bool = False) -> list[str]:
    """What the file records outside the penalty decision and its notice (``strictly``: and
    outside the orders issued with it)."""
    told = _narrative(case)
    told += [f"{e.name}{e.note}" for e in case.evidence]
    told += [f"{d.type}{''.join(d.contents)}" for d in _prior_documents(case, strictly)]
    return [_before_the_decision(t) for t in told] + _prior_notes(case)


def _no_order_on_file(case: CaseFile) -> bool:
    """Nothing in the file's complete lists or narrative records an order to correct
    before the decision."""
    texts = _order_texts(case, strictly=True)
    traces = [m.group(0) for t in texts for m in _ANY_ORDER.finditer(t)]
    # a 复查 of a correction the party made unasked (当事人已将钢瓶移出，制作复查笔录) where the
    # file nowhere writes 责令 or 限期 is no trace of an order
    if traces and not (set(traces) == {"复查"} and not _ORDERED_ANYWHERE.search(_whole(case))):
        return False
    return UNCORRECTED not in established_circumstances(case)


_ORDERED_ANYWHERE = re.compile(r"责令|指令|限期|整改通知|改正通知|要求整改")


def _whole(case: CaseFile) -> str:
    """Every word of the file (narrative, notes, evidence, documents) but the orders the
    decision gives with its penalty."""
    return "".join(_before_the_decision(p.text) for p in passages(case))


# 已在限期内改正 / 按期改正 / 已报送补办: the party did what the order asked, in time
_CORRECTED = re.compile(
    r"(?:限期内|期限内|按期|如期|逾期前)(?:已)?(?:改正|整改|补办|完成)|已在限期内|已报送补办|正在补办|补办中"
)
# 限期至2022-04-26 / 于3月14日前 / 十五日内: an order that sets a time to comply
_DEADLINE = re.compile(r"限期|期限|日前|之前|[日天]内|月内")
_STOP_ONLY = re.compile(r"立即停止|停止(?:施工|建设|生产|经营|违法行为)")


# 改正期限尚未届满 / 责令于2024年8月30日前完成: the order's time had not run out at the decision
_NOT_YET_DUE = re.compile(r"(?:改正|整改|限期)期限[^，。；]{0,16}(?:尚未|未)届满")
# 责令于2024年6月20日前完成 / 整改期限至2024年6月20日: the day the order falls due
_ORDER_DEADLINE = re.compile(
    r"(?:责令|限期|期限)[^。；]{0,16}?(\d{4})年(\d{1,2})月(\d{1,2})日(?:前|之前|以前)"
    r"|期限至\s*(\d{4})年(\d{1,2})月(\d{1,2})日"
)


def _order_due_days(texts: list[str]) -> list[date]:
    found = [m.groups() for t in texts for m in _ORDER_DEADLINE.finditer(t)]
    return [date(*(int(n) for n in (g[:3] if g[0] else g[3:]))) for g in found]


def order_due_day(case: CaseFile) -> date | None:
    """The earliest day an order to correct set (责令于2023年7月3日前改正), if the file writes one."""
    days = _order_due_days(_order_texts(case))
    return min(days) if days else None


def deadline_pending(case: CaseFile) -> str | None:
    """The order to correct set a day that had not come when the decision was made."""
    said = next((m.group(0) for t in _narrative(case) if (m := _NOT_YET_DUE.search(t))), None)
    if said is not None:
        return f"作出决定时责令改正的期限尚未届满（“{said}”）"
    decision = case.first("决定")
    days = _order_due_days(_order_texts(case))
    if decision is None or not days or min(days) <= decision.date:
        return None
    return f"作出决定时（{decision.date}）责令改正的期限（{min(days)}）尚未届满"


def no_order_traced(case: CaseFile) -> bool:
    """Nothing outside the decision traces an order to correct (此前未收到责令改正, the party's
    plea, is no trace of one)."""
    texts = [_QUOTED_PROVISION.sub("", t) for t in _order_texts(case, strictly=True)]
    return not any(_ORDER_TRACE.search(_NO_PRIOR_ORDER.sub("", t)) for t in texts)


# 依第二十六条“拒不改正的，责令停产停业……”: the 罚则's words quoted, no order given
_QUOTED_PROVISION = re.compile(r"“[^”]*?的，[^”]*”")


def _said_no_prior_order(case: CaseFile) -> str | None:
    """The file says itself that no order to correct came first (未向当事人下达责令限期改正)."""
    # an event's note may say it too (立案：未另行下达责令改正通知)
    told = _narrative(case) + [e.note for e in case.events if e.note]
    said = next((m.group(0) for t in told if (m := _NO_PRIOR_ORDER.search(t))), None)
    return None if said is None else f"案卷未见此前责令改正（“{said}”）"


def _why_not_due(case: CaseFile, established: frozenset[str]) -> str | None:
    """Why a fine kept for 逾期未改正 is not yet due, in the file's words, or None."""
    deadline = order_deadline(case)
    if deadline is not None and deadline.met:
        return (
            f"责令改正的期限为“{deadline.words}”（{deadline.ordered}起算，至{deadline.due}届满），"
            f"当事人已于{deadline.complied}改正，未逾期"
        )
    told = _narrative(case)
    if UNCORRECTED in established:
        # 视为逾期未改正 while the order's own day had not come: no 逾期 however it is called
        if (pending := deadline_pending(case)) is not None:
            return pending
        # 承办机构把更新期限届满当作“逾期未完成”，此前未下达责令限期完成通知: the file's own word
        if (said := _said_no_prior_order(case)) is not None:
            return said
        if not no_order_traced(case):
            return None
        return "案卷所称“逾期”是法定办理期限，未见此前责令限期改正"
    said = _said_no_prior_order(case)
    if said is not None:
        return said
    if _no_order_on_file(case):
        return "案卷未见此前责令改正（案卷无责令改正的文书或记载）"
    pending = deadline_pending(case)
    if pending is not None:
        return pending
    corrected = next((m.group(0) for t in told if (m := _CORRECTED.search(t))), None)
    if case.facts.corrected_in_time is True or corrected:
        return f"当事人已在责令的期限内改正（“{corrected or 'corrected_in_time=true'}”）"
    # an order whose words the file gives, asking only to stop (责令立即停止施工): nothing to
    # be late with; an order named without its words leaves the deadline a question of fact
    orders = [
        "".join(d.contents) for d in _prior_documents(case) if "责令" in d.type and d.contents
    ] + [note for note in _prior_notes(case) if "责令" in note]
    if orders and all(_STOP_ONLY.search(o) and not _DEADLINE.search(o) for o in orders):
        return "责令只要求停止违法行为，未给予改正（补办）期限，逾期无从谈起"
    return None


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    established = established_circumstances(case)
    if case.penalty.amount is None:
        measures = [k for k in case.penalty.types if not re.search(r"罚款|警告|通报", k)]
        why = _why_not_due(case, established) if measures else None
        return [] if why is None else _measures_not_due(case, ctx, why)
    why = _why_not_due(case, established)
    if why is None:
        return _payment_not_ordered(case, ctx)
    flags = [
        _higher_flag(cited, record, why, case) for cited, record in ordered_first_higher(case, ctx)
    ]
    # 逾期不改正的，处…；情节严重的，处… (药品管理法第一百二十六条): without 情节严重 on
    # record, only the 逾期不改正 clause could apply, and it needs the order first.
    allowed = {UNCORRECTED} if SERIOUS in established else {UNCORRECTED, SERIOUS}
    provisions = penalty_provisions(case, ctx)
    cited = [c for c in provisions if not is_general_law(c)]
    pending = deadline_pending(case)
    no_prior_order = bool(_said_no_prior_order(case) or _no_order_on_file(case))
    for citation in provisions:
        if misnumbered(case, ctx, citation):
            continue  # another conduct's 罚则 in the act-date text: the 第三十七条 finding
        if referred_by_another(citation, provisions):
            continue  # applied by reference on the referring provision's own ground
        if _DAILY.search(citation.text):
            flags.append(_daily_flag(citation, why))
            continue
        # an item (第八十三条第（一）项) reads its 款's lead-in, where the fine is written
        text = paragraph_text(citation, ctx, case) if citation.paragraph else citation.article_text
        clauses = fine_clauses(text)
        if citation.item is not None and _REFUSAL_ITEM.search(citation.text):
            only = f"{citation.citation}所列违法行为是经责令改正而拒不改正"
            flags.append(_unfounded_flag(citation, only, why, "罚款", case))
            continue
        if not clauses:
            bare = _fined_after_order(text or "") and _conduct_told(case, text or "")
            if not (bare or _persons_fined_after_order(case, text or "")):
                continue
        elif _only_the_warning(case, ctx, citation, text, cited):
            continue
        elif any(c.requires not in allowed for c in clauses) or not any(
            c.requires == UNCORRECTED for c in clauses
        ):
            # a fine above the lighter tier is the discretion point's excess where an order
            # came first (and was met), or the file claims no 逾期 tier (从重 within the lighter
            # tier's terms); where the file takes the 逾期 tier (its range, 按逾期不改正档) while
            # no order preceded, that tier had no ground: this finding
            ordered_tier = (
                pending
                or UNCORRECTED in established
                or (no_prior_order and _heavier_tier_claimed(case, clauses))
            )
            if ordered_tier and len(cited) == 1 and _beyond_base_tier(clauses, case):
                tier = f"罚款{case.penalty.amount:.10g}元属{citation.citation}“逾期不改正”一档"
                flags.append(_unfounded_flag(citation, tier, why, "该档", case))
            continue
        if other_ground_told(text or "", case):
            continue  # 拒不改正或者导致危害网络安全等后果的: the file establishes the other ground
        only = f"{citation.citation}只对经责令改正而拒不改正（逾期未改正）的处以罚款"
        flags.append(_unfounded_flag(citation, only, why, "罚款", case))
    # the fine stands on its own ground (造成损失的，处…罚款) while a measure beside it does not
    # (拒不改正或者造成严重后果的，责令…暂停): the measure's finding
    return flags or _measures_not_due(case, ctx, why)


# Measures a 罚则 may keep for the party that did not do what it was ordered to (道路运输条例第六十七条:
# 责令限期投保；拒不投保的，由原许可机关吊销…; 慈善法第九十九条: 逾期不改正的，责令限期停止活动)
_CONDITIONED = (
    ("吊销", "吊销"),
    ("暂停", "暂停"),
    ("停产|停业", "停产|停业"),
    ("关闭", "关闭"),
    ("停止活动", "停止活动"),
    ("撤销登记", "撤销登记"),
)


def _kinds(case: CaseFile) -> str:
    return "、".join(case.penalty.types)


# 军人有前款行为被军队除名…的，依照本法第五十七条第二款的规定处罚 (兵役法第五十八条第二款)
_BY_REFERENCE = re.compile(
    r"依照本(?:法|条例)第([一二三四五六七八九十百零]+)条(?:第([一二三四五六七八九十]+)款)?的规定(?:处罚|处理)"
)


def referred_by_another(citation: ResolvedCitation, provisions: list[ResolvedCitation]) -> bool:
    """A 罚则 another cited provision applies by reference (兵役法第五十八条第二款: 被军队除名的，
    依照本法第五十七条第二款的规定处罚): the referring provision's ground (除名) replaces the
    condition the referred one writes for its own act (拒不改正)."""
    for other in provisions:
        if other is citation or other.law != citation.law:
            continue
        for found in _BY_REFERENCE.finditer(other.text):
            article, paragraph = found.groups()
            if int(chinese_number(article)) != citation.article:
                continue
            if paragraph is None or citation.paragraph in (None, int(chinese_number(paragraph))):
                return True
    return False


def _measures_not_due(case: CaseFile, ctx: ReviewContext, why: str) -> list[Flag]:
    """A decision without a fine whose measure (吊销、停止活动…) the cited 罚则 gives only after
    an order to correct was not complied with, while the file shows none was due."""
    flags = []
    provisions = penalty_provisions(case, ctx)
    for citation in provisions:
        if is_general_law(citation) or misnumbered(case, ctx, citation):
            continue
        if referred_by_another(citation, provisions):
            continue
        text = paragraph_text(citation, ctx, case) if citation.paragraph else citation.article_text
        serious = SERIOUS in established_circumstances(case)
        kept = [
            k
            for k in case.penalty.types
            if "罚款" not in k and _kept_for_uncorrected(k, text or "", serious)
        ]
        if kept:
            flags.append(
                _unfounded_flag(
                    citation,
                    f"{citation.citation}只对经责令改正而拒不改正（逾期未改正）的{'、'.join(kept)}",
                    why,
                    "、".join(kept),
                    case,
                )
            )
    return flags


def _kept_for_uncorrected(kind: str, text: str, serious: bool) -> bool:
    """The measure first appears in the clause that follows the 罚则's 逾期不改正 condition
    (拒不改正或者造成严重后果的: the other ground not established). The kind's own words
    (没收已使用彩票公益金形成的资产) are looked for before its family's (没收)."""
    words = (
        re.escape(kind)
        if len(kind) >= 6 and kind in text
        else next((w for name, w in _CONDITIONED if re.search(name, kind)), None)
    )
    condition = _UNCORRECTED_WORDS.search(text)
    measure = re.search(words, text) if words else None
    if condition is None or measure is None or measure.start() < condition.end():
        return False
    between = text[condition.end() : measure.start()]
    others = [name for name, pattern in REQUIREMENTS if pattern.search(between)]
    # 逾期不改正的，…给予处分；有许可证件的，并由原发证部门吊销 (病原微生物实验室生物安全管理条例
    # 第六十条): a clause after ；that goes on with 并 is the same condition's
    continued = all("并" in later for later in re.split(r"[；;]", between)[1:])
    return (
        "。" not in between
        and continued
        and all(name == UNCORRECTED or (name == SERIOUS and not serious) for name in others)
    )


# 拒不改正或者导致危害网络安全等后果的，处… (网络安全法第五十九条第一款), 逾期不采取补救措施或者
# 造成严重后果的，对单位处… (城镇排水与污水处理条例第五十六条): the fine's other ground
_OTHER_GROUND = re.compile(
    r"(?:拒不改正|逾期不[^，。；或]{1,12})或者(?:导致|造成)[^，。；]{0,16}后果的"
)
_CONSEQUENCE_TOLD = re.compile(r"(?:导致|造成)[^，。；]{0,16}后果")
_CONSEQUENCE_DENIED = re.compile(r"未|没有|无|不")


# 拒不改正或者情节严重的，处一万元以上… (反食品浪费法第三十条): the other ground is the gravity
_OR_SERIOUS = re.compile(r"(?:拒不改正|逾期不[^，。；或]{1,12})或者情节(?:特别)?严重的")


def other_ground_told(text: str, case: CaseFile) -> bool:
    """The 罚则 also fines a consequence (或者导致…后果) or gravity (或者情节严重) and the file
    finds it."""
    if _OR_SERIOUS.search(text) and SERIOUS in established_circumstances(case):
        return True
    if not _OTHER_GROUND.search(text):
        return False
    for told in _narrative(case):
        for clause in split_clauses(told):
            found = _CONSEQUENCE_TOLD.search(clause)
            if found and not _CONSEQUENCE_DENIED.search(clause[: found.start()]):
                return True
    return False


_WARNING_FIRST = re.compile(r"^[^；。]*?给予警告")


def _only_the_warning(
    case: CaseFile,
    ctx: ReviewContext,
    citation: ResolvedCitation,
    text: str,
    cited: list[ResolvedCitation],
) -> bool:
    """The 罚则 is cited for its first tier's 警告 (药品管理法第一百二十六条: 责令限期改正，给予警告)
    while another cited 罚则 gives the fine without any order (第一百一十七条): two acts, each
    under its own 罚则, and no fine under this one."""
    if "警告" not in case.penalty.types or not _WARNING_FIRST.search(text):
        return False
    others = [c for c in cited if c is not citation]
    return any(
        any(clause.requires is None for clause in fine_clauses(_provision_text(other, ctx, case)))
        for other in others
    )


def _provision_text(citation: ResolvedCitation, ctx: ReviewContext, case: CaseFile) -> str:
    return (
        paragraph_text(citation, ctx, case) if citation.paragraph else citation.article_text
    ) or ""


def _unfounded_flag(
    citation: ResolvedCitation, what: str, why: str, measure: str, case: CaseFile
) -> Flag:
    return Flag(
        point=ReviewPoint.LAW,
        severity=Severity.MUST_FIX,
        reason=f"{what}，{why}，{measure}的法定前提不具备，适用法律错误",
        # the 拒不改正 condition sits in the 款's lead-in, not in the cited 项
        rule=range_rule(citation, in_paragraph=True),
        also_cites=[citation.citation] if citation.item is not None else [],
        evidence=f"{why}；"
        + (f"罚款{case.penalty.amount:.10g}元" if case.penalty.amount else _kinds(case)),
    )


# 按“逾期不改正的，处…”档确定 / 按“拒不改正”情形拟罚款
_TIER_NAMED = re.compile(r"(?:逾期|拒不)(?:不|未)?改正[^。；]{0,16}(?:档|情形)")


def _heavier_tier_claimed(case: CaseFile, clauses: list[FineClause]) -> bool:
    """The file takes the 逾期不改正 tier as its range: it writes that tier's range (罚款4000元在
    一千元以上五千元以下幅度内) or names the tier (按“逾期不改正的…”档确定), not a 从重 within
    the tier open at once."""
    told = "".join(
        [*_narrative(case), *(e.note for e in case.events)]
        + ["".join(d.contents) for d in case.documents]
    )
    ranges = [
        re.sub(r"^处(?:以)?|的?罚款$", "", c.fine.raw) for c in clauses if c.requires == UNCORRECTED
    ]
    return any(r and r in told for r in ranges) or bool(_TIER_NAMED.search(told))


def _beyond_base_tier(clauses: list[FineClause], case: CaseFile) -> bool:
    """The fine (the only 罚则 cited: several items' fines may add up) is above every clause
    the article gives without an order (动物防疫法第九十二条:
    责令限期改正，可以处一千元以下罚款) and within its 逾期不改正 clause (一千元以上五千元以下):
    the decision applied the tier whose condition never arose."""
    amount, amounts = case.penalty.amount or 0, fine_bases(case)
    base = [resolve_yuan(c.fine, amounts)[1] for c in clauses if c.requires is None]
    graver = [resolve_yuan(c.fine, amounts) for c in clauses if c.requires == UNCORRECTED]
    if not base or None in base or amount <= max(base):
        return False
    return any(high is not None and (low or 0) <= amount <= high for low, high in graver)


def _higher_flag(cited: ResolvedCitation, record: ArticleRecord, why: str, case: CaseFile) -> Flag:
    article = f"《{record.title}》第{to_chinese(record.number)}条"
    return Flag(
        point=ReviewPoint.LAW,
        severity=Severity.MUST_FIX,
        reason=f"上位法{article}对同一违法行为只在责令改正（限期关闭）而逾期未改正后才处以罚款，"
        f"{why}；下位的{cited.citation}直接罚款，法律效力高于行政法规、规章，应当适用上位法",
        rule=article,
        also_cites=[cited.citation],
        evidence=f"{why}；罚款{case.penalty.amount:.10g}元；上位法：{record.text[:80]}",
    )


_UNCORRECTED_WORDS = dict(REQUIREMENTS)[UNCORRECTED]
# （三）经劳动保障行政部门责令改正拒不改正 (劳动保障监察条例第三十条第一款): an item whose
# conduct is the refusal itself, the fine in its 款's lead-in written without the condition
_REFUSAL_ITEM = re.compile(
    r"经[^，。；]{0,20}责令(?:限期)?改正[，,]?(?:拒不|逾期不|逾期未|仍不)改正"
    # 阻挠安装人民防空通信、警报设施，拒不改正的 (人民防空法第四十九条第（六）项): the item is the refusal
    r"|[，,]拒不改正的?[；;。]?$"
)
_ANY_FINE = re.compile(r"罚款")


def _fined_after_order(text: str) -> bool:
    """责令限期改正；逾期不改正的，责令缴纳复垦费…，可以处以罚款 (土地管理法第七十六条, its range
    in a regulation): the article's one fine, written without an amount, comes only after its
    逾期不改正 condition."""
    condition = _UNCORRECTED_WORDS.search(text)
    fine = _ANY_FINE.search(text)
    return condition is not None and fine is not None and condition.start() < fine.start()


# 违反本法规定，拒不履行土地复垦义务的，由…: the conduct the 罚则 is written for
# 凡不符合城市容貌标准…的建筑物或者设施，由… (城市市容和环境卫生管理条例第三十七条): the object
# stands for the conduct
_LEAD = re.compile(r"^(?:违反[^，。；]{0,20}规定，)?([^，。；]{2,40}?)的?，由")
_COMMON = frozenset({"违反", "本法", "规定", "拒不", "不履", "履行", "义务", "行为"})


def _conduct_told(case: CaseFile, text: str) -> bool:
    """The file tells of the 罚则's own conduct (复垦 for 拒不履行土地复垦义务): a 罚则 cited
    for another conduct (an old number, 第三十七条's finding) sets no condition here."""
    lead = _LEAD.search(text)
    if lead is None:
        return False
    conduct = lead.group(1)
    pairs = cjk_bigrams(conduct) - _COMMON
    told = "".join([case.title, case.violation.description, case.facts.description])
    return sum(p in told for p in pairs) >= 2


def _persons_fined_after_order(case: CaseFile, text: str) -> bool:
    """责令限期改正；逾期不改正的，对违法单位通报批评…；对…法定代表人…处2000元以上1万元以下罚款
    (地名管理条例第三十七条): the 款's only fines are on persons and come after its 逾期不改正
    condition. A person fined under it (an individual among the file's parties) is fined on
    that condition."""
    if not any(p.kind == "个人" for p in case.parties):
        return False
    condition = _UNCORRECTED_WORDS.search(text)
    fine = _ANY_FINE.search(text)
    return condition is not None and fine is not None and condition.start() < fine.start()


# 受到罚款处罚，被责令改正，拒不改正的，…可以自责令改正之日的次日起，按照原处罚数额按日连续处罚
# (环境保护法第五十九条第一款): the order and the refusal come before any day is counted
_DAILY = re.compile(r"责令改正，拒不改正[^。]{0,40}按日连续处罚")


def _daily_flag(citation: ResolvedCitation, why: str) -> Flag:
    return Flag(
        point=ReviewPoint.LAW,
        severity=Severity.MUST_FIX,
        reason=f"按日连续处罚以受到罚款处罚后被责令改正、拒不改正为前提，并自责令改正之日的次日起计罚，"
        f"{why}，按日连续处罚的法定前提不具备",
        rule=citation.citation,
        evidence=f"{why}；{citation.citation}：{citation.text[:60]}",
    )


# 责令限期缴纳；逾期不缴纳的，…并处…罚款 (水法第七十条): the fine waits for the agency's order to
# pay within a time — an ordinary fee notice (缴纳通知单) is the demand the order follows, and
# the party late on it is not yet late on an order
_ORDER_TO_PAY = re.compile(r"责令[^，。；]{0,4}限期[^，。；]{0,4}(?:缴纳|补缴|缴清)")
_AN_ORDER = re.compile(r"(?<![非未无])(?:责令|催缴决定|限期缴纳决定)")


def _payment_not_ordered(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A fee 罚则 fining only after 责令限期缴纳 applied where nothing before the decision
    orders payment, and the decision itself gives the order together with the fine."""
    if any(_AN_ORDER.search(t) for t in _order_texts(case)):
        return []
    decision_orders = any(
        _ORDER_TO_PAY.search(t) or re.search(r"责令[^。；]{0,20}内缴纳", t)
        for t in (case.facts.description, *(e.note for e in case.events_of("决定")))
    )
    if not decision_orders:
        return []
    flags = []
    for citation in penalty_provisions(case, ctx):
        text = citation.article_text or ""
        if not (_ORDER_TO_PAY.search(text) and re.search(r"逾期不(?:缴纳|补缴|缴清)", text)):
            continue
        why = "案卷只见缴纳通知，未见此前责令限期缴纳，本决定才责令限期缴纳并同时罚款"
        flags.append(
            Flag(
                point=ReviewPoint.LAW,
                severity=Severity.MUST_FIX,
                reason=f"{citation.citation}只对经责令限期缴纳而逾期不缴纳的处以罚款，{why}，"
                "罚款的法定前提不具备，适用法律错误",
                rule=range_rule(citation, in_paragraph=True),
                evidence=f"{why}；"
                + (f"罚款{case.penalty.amount:.10g}元" if case.penalty.amount else _kinds(case)),
            )
        )
    return flags
