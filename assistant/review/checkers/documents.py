"""文书是否完备规范: a document for each function the recorded steps call for (立案, 告知,
决定, 送达… by any agency's title, assistant.review.document_functions), the materials
法制审核 needs (粤审核办法第十四条), and the matters a 决定书 must state (read from
《行政处罚法》第五十九条 in the corpus)."""

from __future__ import annotations

import re
from datetime import date

from assistant.case_file import CaseFile, Document
from assistant.discretion.text_match import similarity
from assistant.review.capacity_bar import barred
from assistant.review.checkers.announcement_service import announced
from assistant.review.checkers.inspection_records import only_unrecorded_inspections
from assistant.review.context import ReviewContext
from assistant.review.document_functions import DocumentFunction
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.payment_period import STATUTORY_DAYS, shorter_periods
from assistant.review.penalty_kinds import coercive_only, imposes_penalty
from assistant.review.public_order import DECISION_LIST, SpecialRule, special_rule
from assistant.review.statutory_fine import daily_penalty
from assistant.review.summary_procedure import FORM_COVERS, is_summary
from corpus.citation_resolver import ResolvedCitation

DECISION_CONTENTS = "《中华人民共和国行政处罚法》第五十九条第一款"
# 受到罚款处罚的人应当自收到处罚决定书之日起十五日内…缴纳 (not 行政处罚法第六十七条第三款)
PUBLIC_ORDER_PAYMENT = SpecialRule("第一百零四条", ("十五日内", "缴纳罚款"))
PROPOSED_DECISION = "拟作出决定"
INVESTIGATION = "调查取证"

_ITEM_NUMBER = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]|[；;。]$")
CONTENT_MATCH = 0.6
MIN_PARAPHRASE_CHARS = 4
OWN_LINE_CHARS = 5  # 处罚的种类: enough of a part to be its own line
# Everyday words for the statute's: 缴纳罚款 is 履行, 救济途径 is 复议、诉讼的途径.
PARAPHRASES = (
    ("缴纳", "履行"),
    ("救济途径", "行政复议、行政诉讼的途径"),
    # the 交警 form's wording (道路交通安全违法行为处理程序规定第四十九条): 被处罚人依法享有的行政
    # 复议、行政诉讼权利 is the remedy line, its way and time on the printed form
    ("行政复议、行政诉讼权利", "申请行政复议、提起行政诉讼的途径和期限"),
    ("及", "和"),
    ("被处罚人", "当事人"),
    ("排污者", "当事人"),  # 按日连续处罚办法第九条: 排污者的基本情况
    ("住址", "地址"),
    ("处罚内容", "处罚的种类"),
    # a line labelled by what it states (作出决定的机关和日期：某局（加盖印章），2023年6月29日)
    ("作出决定的机关", "作出行政处罚决定的行政机关名称"),
    # 公安 and 交警 forms (道路交通安全违法行为处理程序规定第四十五条) say 处罚的内容 for the kind.
    ("处罚的内容", "处罚的种类"),
    ("依据和内容", "种类和依据"),
    # 按日连续处罚的起止时间和依据 (环境保护主管部门实施按日连续处罚办法第九条's form): the kind is
    # the fine by day over that time
    ("按日连续处罚的起止时间", "行政处罚的种类"),
    ("内容和依据", "种类和依据"),
    # A 限期拆除 decision is performed by the party demolishing within the period: the way and
    # the time in one line.
    ("自行拆除的期限", "履行方式和期限"),
)
# The first item names the party (第五十九条, 治安法第九十六条): a line giving its name states it,
# and so does 被处罚人的基本情况, the 公安/交警 forms' wording for name, identity and address
# (道路交通安全违法行为处理程序规定第四十五条).
_PARTY_MATTER = re.compile(r"当事人的姓名或者名称|被处罚人的姓名")
# Matters only a penalty has (its kind and basis, how and when it is paid): a party who may
# not be punished (capacity_bar) gets a 不予处罚 decision, which still states the rest.
_PENALTY_MATTER = re.compile(r"处罚的种类|履行方式")
# A decision not to punish (第五十七条第一款第（二）项、第三十三条, a special law's 免予处罚) is the
# lawful outcome, not a penalty decision missing its penalty: it imposes nothing to name or pay.
_NO_PENALTY_DECISION = re.compile(r"(?:不予|免予|免于)(?:行政)?处罚")
# 当事人：某公司，统一社会信用代码…，住所…: the party written out after its label
_PARTY_LINE = re.compile(
    r"(?:当事人|被处罚人|被处罚单位|违法行为人|排污者).{0,3}(?:姓名|名称|基本情况)"
    r"|^\s*(?:当事人|被处罚人|被处罚单位)[：:]"
)


def _in_statute_words(line: str) -> str:
    for everyday, statutory in PARAPHRASES:
        line = line.replace(everyday, statutory)
    return line


def _heads(matter: str) -> list[str]:
    """The head noun (last two characters) of each part of a compound matter."""
    return [part[-2:] for part in matter.split("和") if len(part) >= 2]


def states(line: str, matter: str) -> bool:
    """The line states the matter: it carries most of the statute's wording, a shorter
    paraphrase whose own wording mostly comes from the matter (违法事实和证据), or it names
    every part of a compound matter (缴纳罚款的方式和期限)."""
    if _PARTY_MATTER.search(matter) and _PARTY_LINE.search(line):
        return True
    line = _in_statute_words(line)
    if similarity(matter, line) >= CONTENT_MATCH:
        return True
    heads = _heads(matter)
    if len(heads) > 1 and all(head in line for head in heads):
        return True
    return len(line) >= MIN_PARAPHRASE_CHARS and similarity(line, matter) >= CONTENT_MATCH


def unstated_parts(lines: list[str], matter: str) -> list[str]:
    """The parts of a compound matter (机关名称和作出决定的日期) that the lines stating it
    leave out: each part's head noun (its last two characters) must be written. A matter
    no line states is left out whole."""
    stating = [line for line in lines if states(line, matter)]
    if not stating:
        return [matter]
    if _PARTY_MATTER.search(matter):
        return []
    parts = [part for part in matter.split("和") if len(part) >= 2]
    written = _in_statute_words("".join(stating))
    # A part may have a line of its own (处罚的内容 beside 处罚的依据): its last words written there.
    own = _in_statute_words("".join(lines))
    return (
        [
            part
            for part in parts
            if part[-2:] not in written
            and (len(part) < OWN_LINE_CHARS or part[-OWN_LINE_CHARS:] not in own)
            and not _opens_a_line(part, lines)
        ]
        if len(parts) > 1
        else []
    )


def _opens_a_line(part: str, lines: list[str]) -> bool:
    """A line of its own opens on the part (证据：抽样记录、现场检查笔录…)."""
    return any(re.match(rf"{re.escape(part)}[：:为]", line.strip()) for line in lines)


_flag = PointFlags(ReviewPoint.DOCUMENTS)


# A decision on seized or preserved evidence (先行登记保存处理决定书, 解除查封决定书) disposes of
# things, not of the case: 第五十九条's list is not its content (行政处罚法第五十六条, 行政强制法).
_MEASURE_DECISION = re.compile(r"登记保存|查封|扣押|强制措施")


_PAPER_OF = re.compile(r"[（(][^）)]*[）)]")


def _decision_document(case: CaseFile, function: DocumentFunction | None) -> Document | None:
    """The issued 决定书 (a draft 拟作出的…决定 is checked only for presence). The titles are
    tried in the catalogue's order: a 行政处罚决定书 before a 税务处理决定书 on the tax owed."""
    titles = function.titles if function else ["处罚决定"]
    issued = [
        d for d in case.documents if "决定书" in d.type and not _MEASURE_DECISION.search(d.type)
    ]
    for title in titles:
        # 送达回证（行政处罚决定书） is the receipt, named after the decision it served
        found = [d for d in issued if title in _PAPER_OF.sub("", d.type)]
        if found:
            # an earlier decision on file (当场行政处罚决定书 of the warning before the order to
            # correct) is another case's: this case's is the latest
            return max(found, key=lambda d: d.date or date.min)
    return None


DELIVERY = "送达"


def _announcement_on_file(case: CaseFile) -> bool:
    """Served by public announcement, and the announcement is in the file; whether that
    way of service was allowed is the procedure point's question."""
    served = [e for e in case.events_of(DELIVERY) if announced(e)]
    return bool(served) and any(
        "公告" in d.type and (d.date is None or d.date >= served[0].date) for d in case.documents
    )


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    catalogue = ctx.document_functions
    if catalogue is None:
        return []
    flags = []
    present = "、".join(d.type for d in case.documents) or "无"
    summary = is_summary(case)  # the on-the-spot form is notice, record and receipt
    if coercive_only(case):
        return []  # its steps are 行政强制法第十八条's, its decision 第二十四条's (seizure_decision)
    missing = catalogue.missing(case)
    decision_missing = any(f.function == "决定" for f in missing)
    for function in missing:
        if summary and function.function in FORM_COVERS:
            continue
        if decision_missing and function.function == PROPOSED_DECISION:
            continue  # one absence: the decision made without its 决定书 (第五十九条)
        if function.function == INVESTIGATION and only_unrecorded_inspections(case):
            continue  # one absence: the inspection record, the evidence point's finding
        if function.function == DELIVERY and _announcement_on_file(case):
            continue  # served by announcement: the 公告 itself is the record (民事诉讼法第九十五条)
        if function.function == "决定" and _order_decision(case):
            continue  # an order alone (责令限期砍伐) is decided by its own 责令…决定书
        why = f"案卷有“{function.trigger}”环节" if function.trigger else "提交法制审核应当提供"
        flags.append(
            _flag(
                Severity.MUST_FIX,
                f"缺少具有“{function.function}”功能的文书：{function.label}（{why}；"
                f"可接受的标题含：{'、'.join(function.titles)}）",
                ctx.rule(function.rule),
                f"documents：{present}",
            )
        )
    flags += _undelivered(case, ctx, summary)
    flags += _never_opened(case, ctx, summary)
    decision = _decision_document(case, catalogue.get("决定"))
    if decision is not None:
        flags += _decision_contents(case, ctx, decision, summary)
        flags += _daily_period(case, ctx, decision)
    return flags + _enforcement_decision_contents(case, ctx)


_ORDER_DECISION = re.compile(r"^责令[\u4e00-\u9fff]{0,12}决定书$")


def _order_decision(case: CaseFile) -> bool:
    """A file that imposes no penalty, only an order (责令改正、限期拆除), decided by a 责令…决定书."""
    return not imposes_penalty(case) and any(_ORDER_DECISION.search(d.type) for d in case.documents)


# 强制执行决定书 / 强制拆除决定书: 行政强制法第三十七条第二款 lists what it states
ENFORCEMENT_DECISION_LIST = "《中华人民共和国行政强制法》第三十七条第二款"
_ENFORCEMENT_DECISION = re.compile(r"强制执行决定书|强制拆除决定书")


def _enforcement_decision_contents(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The agency's own enforcement decision states the matters 第三十七条第二款 lists (the
    remedy among them); only a decision whose contents the file lists is judged."""
    flags = []
    for document in case.documents:
        if not _ENFORCEMENT_DECISION.search(document.type) or not document.contents:
            continue
        matters = decision_matters(ctx, case, ENFORCEMENT_DECISION_LIST)
        missing = [
            (numeral, matter)
            for numeral, matter in matters
            if unstated_parts(document.contents, matter)
        ]
        if missing:
            flags.append(
                _flag(
                    Severity.MUST_FIX,
                    f"{document.type}未载明：" + "；".join(f"第（{n}）项{m}" for n, m in missing),
                    ctx.rule(ENFORCEMENT_DECISION_LIST),
                    f"documents（{document.type}）contents：{'；'.join(document.contents)}",
                )
            )
    return flags


# 按日连续处罚 (环境保护法第五十九条): the decision states the days it counts (办法第十六条第二款
# 第（三）项: 按日连续处罚的起止时间和依据), on which the whole fine is a multiple
DAILY_DECISION_LIST = "《环境保护主管部门实施按日连续处罚办法》第十六条第二款"
_DAILY_ITEM = re.compile(r"按日连续处罚|初次检查")
_DAILY_PERIOD = re.compile(
    r"起止|起算|计罚日数|日数|天数|期间|\d{1,2}月\d{1,2}日至|-\d{2}至|至\d{4}"
)


def _daily_period(case: CaseFile, ctx: ReviewContext, decision: Document) -> list[Flag]:
    """A 按日连续处罚 decision whose listed contents name no period of days counted: must be
    corrected where the contents follow the 办法's list, a question where they are 第五十九条's."""
    if not decision.contents or not daily_penalty(case, ctx):
        return []
    if any(_DAILY_PERIOD.search(line) for line in decision.contents):
        return []
    rule = ctx.resolved(DAILY_DECISION_LIST, decision.date or case.act_date)
    if not rule or "起止时间" not in rule[0].text:
        return []
    # contents listed by the 办法's own items (按照按日连续处罚规则决定的罚款数额) that leave this one
    # out omit it; contents in 第五十九条's general words may state it in the body
    follows = any(_DAILY_ITEM.search(line) for line in decision.contents)
    return [
        _flag(
            Severity.MUST_FIX if follows else Severity.CHECK,
            f"{decision.type}未载明按日连续处罚的起止时间，罚款按日数计算的依据无从核对",
            rule[0].citation,
            f"{decision.type}（{decision.date}）：{'；'.join(decision.contents)}",
        )
    ]


def _never_opened(case: CaseFile, ctx: ReviewContext, summary: bool) -> list[Flag]:
    """A decision in the ordinary procedure presupposes a case opened (第五十四条第二款:
    符合立案标准的，应当及时立案); a file with neither a 立案 step nor a 立案 document
    shows none. The summary procedure (第五十一条) needs no 立案."""
    opening = ctx.document_functions.get("立案") if ctx.document_functions else None
    if summary or opening is None or not case.events_of("决定") or case.events_of("立案"):
        return []
    if opening.fulfilled_by(case):
        return []
    present = "、".join(d.type for d in case.documents) or "无"
    return [
        _flag(
            Severity.MUST_FIX,
            f"普通程序作出处罚决定，但案卷既无立案环节，也无{opening.label}"
            f"（可接受的标题含：{'、'.join(opening.titles)}）",
            ctx.rule(opening.rule),
            f"events 无“立案”；documents：{present}",
        )
    ]


def _undelivered(case: CaseFile, ctx: ReviewContext, summary: bool) -> list[Flag]:
    """A decision made but never delivered: no 送达 step and no receipt (第六十一条第一款;
    an on-the-spot form is handed over when made, 第五十二条)."""
    delivery = ctx.document_functions.get("送达") if ctx.document_functions else None
    if summary or not case.events_of("决定") or case.events_of("送达") or delivery is None:
        return []
    if delivery.fulfilled_by(case) is not None:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            "已作出行政处罚决定，但案卷没有送达环节，也没有送达回证等送达凭证，"
            "无法证明决定书已送达当事人",
            ctx.rule(delivery.rule),
            f"events 无“送达”；documents：{'、'.join(d.type for d in case.documents) or '无'}",
        )
    ]


def decision_matters(
    ctx: ReviewContext, case: CaseFile, written: str = DECISION_CONTENTS
) -> list[tuple[str, str]]:
    """(item numeral, matter) of the listing provision in the version in force for the
    decision (第五十九条第一款 unless another is given)."""
    on = case.first("决定").date if case.first("决定") else case.act_date
    matters = []
    for result in ctx.resolve(written, on):
        if isinstance(result, ResolvedCitation):
            for line in result.text.splitlines()[1:]:
                found = _ITEM_NUMBER.match(line.strip())
                if found:
                    matters.append((found.group(1), _ITEM_NUMBER.sub("", line.strip())))
    return matters


def decision_rule_and_matters(
    ctx: ReviewContext, case: CaseFile
) -> tuple[str, list[tuple[str, str]]]:
    """A 治安 decision states what 治安管理处罚法 lists (特别法优先), else 第五十九条第一款."""
    special = special_rule(case, ctx, DECISION_LIST)
    if special is not None:
        matters = decision_matters(ctx, case, special)
        if matters:
            return special, matters
    return ctx.penalty_law("第五十九条第一款"), decision_matters(ctx, case)


def _decision_contents(
    case: CaseFile, ctx: ReviewContext, document: Document, summary: bool = False
) -> list[Flag]:
    """第五十九条第一款 (the duty to state the matters lives in the 款; the reason names
    the missing items) — or the 治安 law's own list (第九十六条) — and 第二款 (the seal).
    An on-the-spot form states 第五十二条第二款's shorter list, not judged here."""
    flags = []
    rule, listed = decision_rule_and_matters(ctx, case)
    if summary or not document.contents:
        listed = []  # unlisted contents are not judged
    if barred(case) or _no_penalty_decision(case, document):
        listed = [(n, m) for n, m in listed if not _PENALTY_MATTER.search(m)]
    missing, items = [], []
    for numeral, matter in listed:
        left_out = unstated_parts(document.contents, matter)
        if left_out:
            whole = left_out == [matter]
            missing.append(f"第（{numeral}）项{matter if whole else '中的' + '、'.join(left_out)}")
            items.append(ctx.rule(f"{rule}第（{numeral}）项"))
    if missing:
        flag = _flag(
            Severity.MUST_FIX,
            f"行政处罚决定书未载明：{'；'.join(missing)}",
            rule,
            f"documents（{document.type}）contents：{'；'.join(document.contents) or '无'}",
        )
        general = ctx.penalty_law("第五十九条第一款")  # a special list restates the general one
        items += [general] if rule != general else []
        flags.append(flag.model_copy(update={"also_cites": items}))
    flags += _payment_period(case, ctx, document)
    if document.sealed is False:
        flags.append(
            _flag(
                Severity.MUST_FIX,
                "行政处罚决定书未加盖作出决定的行政机关印章",
                ctx.penalty_law("第五十九条第二款"),
                f"documents（{document.type}）sealed=false",
            )
        )
    return flags


def _no_penalty_decision(case: CaseFile, document: Document) -> bool:
    """The 决定书 is titled a decision not to punish and the file imposes no penalty."""
    return not imposes_penalty(case) and bool(_NO_PENALTY_DECISION.search(document.type))


def _payment_period(case: CaseFile, ctx: ReviewContext, document: Document) -> list[Flag]:
    """A 决定书 demanding the fine sooner than the fifteen days from receipt the law grants
    (行政处罚法第六十七条第三款; 治安管理处罚法第一百零四条 in a 治安 case)."""
    if not case.penalty.amount:
        return []
    shorter = shorter_periods(document.contents)
    if not shorter:
        return []
    days, sentence = shorter[0]
    rule = special_rule(case, ctx, PUBLIC_ORDER_PAYMENT) or ctx.penalty_law("第六十七条第三款")
    return [
        _flag(
            Severity.MUST_FIX,
            f"行政处罚决定书要求{days}日内缴纳罚款，短于法定的自收到决定书之日起"
            f"{STATUTORY_DAYS}日内缴纳的期限",
            rule,
            f"documents（{document.type}）contents：{sentence}",
        )
    ]
