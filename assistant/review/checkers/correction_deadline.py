"""文书是否规范 — an order to correct within a time limit names the limit.

《行政处罚法》第二十八条第一款 lets an agency order correction at once (责令改正) or within
a period (限期改正); where the cited penalty provision itself requires 责令限期改正 (e.g.
《安全生产法》第九十七条) or turns a heavier measure on 拒不改正 (《大气污染防治法》第一百一十五条),
the order must state the period, or whether the party corrected
in time — on which the further penalty turns — cannot be judged. An order that itself says
限期 (限期清运, 限期改正) promises a period whatever the provision says, so it must name one.
The order may stand in its own notice, in a 意见书, in the decision's contents or in the
decision's own text (本机关认为…责令当事人自收到决定书之日起15日内改正): a period the
decision sets answers for an earlier order that left it out. A date written as a date
(2023-07-31前, 2023年7月31日前) is a period too, and so is an order to do the corrective act
at once (责令立即拆除摊棚), though not 立即停止…，进行整改, which leaves the correction's period
open, and so does 立即改正 where the law asks 限期改正. Only an order whose written text leaves
the period out is flagged: a file silent on it is not.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile, Document
from assistant.review.checkers import uncorrected_fine
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions
from corpus.citation_resolver import ResolvedCitation

_ORDER = re.compile(r"责令.{0,4}(?:改正|整改)|(?:整改|改正)(?:指令|通知)|限期(?:改正|整改)|指令书")
# 限期 before a corrective act in the provision (职业病防治法第七十一条 责令限期改正,
# 水法第六十九条 限期采取补救措施)
# 森林法第七十六条 责令限期在原地或者异地补种: the place may come between
_LIMIT_IN_LAW = re.compile(
    r"限期(?:在[^，。；]{0,10}?)?(改正|整改|采取|拆除|恢复|治理|补办|消除|清除|清理|补种|缴纳)"
)
# 责令停止违法行为，采取防火措施，并限期补办有关手续 (草原防火条例第四十四条): the period is the
# 补办's and the 缴纳's only; an order to take the measures (清理余烬) asks none
_OWN_PERIOD_ONLY = frozenset({"补办", "缴纳"})


def _period_for_ordered(law_text: str, ordered: str) -> bool:
    """The 罚则 asks a period for an act the orders give (or for correction at large)."""
    acts = {m.group(1) for m in _LIMIT_IN_LAW.finditer(law_text)}
    return any(act not in _OWN_PERIOD_ONLY or act in ordered for act in acts)


_ACTS = r"(?:改正|整改|拆除|补救|恢复|清运|清除|清理|补办|治理|消除|纠正|处置|补种|退还|召回|完成|修建|补建)"
# a line that orders a corrective act (not an order to stop at once), also when the act
# follows the order to stop (水法第六十九条: 责令停止违法行为，限期采取补救措施)
_CORRECTIVE = re.compile(
    rf"(?:责令|限期)(?!(?:立即)?停止)[^，,；;。：:]{{0,32}}?{_ACTS}"
    rf"|责令(?:立即)?停止[^；;。：:]{{0,20}}?[，,、](?:并)?[^，,；;。：:]{{0,16}}?{_ACTS}"
)
# "未写期限" and the like say a period is missing, not that one is set
_NO_PERIOD = re.compile(
    rf"(?:未|没有|无|不)(?:写明?|载明|注明|明确|规定|设定|设置)?{_ACTS}?期限"
    rf"|{_ACTS}?期限栏?(?:空白|为空|未填写?)"  # 修建期限栏空白: the form's blank
)
# 拒不改正/逾期不改正 in the cited 款 itself: the heavier measure beside the fine turns on a
# refusal, which only a period the order sets lets anyone judge. A refusal another 款 answers
# with enforcement (消防法第六十条第三款: 强制执行) sets no penalty on it.
_REFUSAL_IN_LAW = re.compile(
    r"(?:拒不|逾期(?:不|未))(?:改正|整改)的[，,]?(?:责令|处|并处|吊销|没收|暂扣|降低)"
)
# an order to correct at once sets its time too (第二十八条第一款: 责令改正)
PENALTY_LAW_NAME = "行政处罚法"
# a bracketed title that only names the kind of order (卫生监督意见书（责令限期改正）) says
# nothing of its contents
_KIND_ONLY = re.compile(r"^(?:责令)?(?:限期)?(?:改正|整改)(?:违法行为)?$")
# a content line that names the order's period on its own (改正期限、整改时限)
_PERIOD_OF_ORDER = re.compile(r"(?:改正|整改)(?:的)?(?:期限|时限)")
_AT_ONCE = re.compile(r"立即|当场|立刻|即时")
# an order to do a concrete corrective act at once (立即拆除摊棚) sets its time even where the
# law asks 限期; 立即改正 (the law's own 改正, for which it asks a period) and 立即停止…，进行整改
# leave the correction's period open
# (责令立即停止并移走船只: 立即 governs the removal joined to the stop by 并)
_AT_ONCE_ACT = re.compile(
    r"(?:立即|当场|立刻|即时)(?:停止[^，,；;。]{0,8}?并)?(?:予以|自行)?"
    r"(?:拆除|清除|清理|清运|退还|召回|移走|移除|撤离|撤出)"
)
# 超过批准期限的临时展厅: the permit's period, not the order's; 十个工作日 a period in working days
_PERIOD = re.compile(
    r"(?<!批准)(?<!有效)(?<!许可)(?<!使用)期限|(?:\d+\s*|[一二三四五六七八九十]+)(?:个?工作日|日|天|个月)"
    r"|年.{0,3}月.{0,3}日|日前|之前|以前|截至"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
)
_RECEIPT = re.compile(r"送达回证|送达回执|签收单")
# the papers an agency writes to itself (审核、审批、讨论、报告): a bracket in their title names
# the matter, and their lines weigh an order rather than give one
_INTERNAL = re.compile(r"审核|审批|讨论|报告")
# 该项无须先行责令限期改正: a line saying no order is needed gives none
_DENIED = re.compile(r"(?:无须|无需|不需|不必|不用|未|没有)[^，,。；;]{0,6}责令")
# the end of the clause an order in the decision's text stands in: what follows the comma
# (截至决定作出时仍未改正, 当事人于3月12日完成) is the narrative, not the order's period
_CLAUSE_END = re.compile(r"[，,。；;\n]")


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    # 行政处罚法第二十八条 itself (cited for confiscation) is the duty, not a 罚则 asking 限期
    cited = [p for p in penalty_provisions(case, ctx) if p.law != PENALTY_LAW_NAME]
    # the cited 款 asks 限期 (药品管理法第一百一十七条: 第二款 does, the 第一款 cited does not)
    orders = [(d, lines) for d in case.documents if (lines := _order_lines(d))]
    ordered = "".join(line for _, lines in orders for line in lines)
    limited = [p for p in cited if _period_for_ordered(_paragraph(p), ordered)]
    provisions = limited or [p for p in cited if _REFUSAL_IN_LAW.search(_paragraph(p))]
    self_limited = any("限期" in line for _, lines in orders for line in lines)
    if not orders or not (provisions or self_limited):
        return []
    if uncorrected_fine.check(case, ctx):
        return []  # the fine came before any due order: that law finding, not the order's form
    at_once_counts = not limited and not self_limited
    if _states_period(_decided_order_lines(case), at_once_counts):
        return []
    undated = [(d, lines) for d, lines in orders if not _states_period(lines, at_once_counts)]
    if len(undated) < len(orders):
        return []
    order, lines = undated[0]
    return [
        Flag(
            point=ReviewPoint.DOCUMENTS,
            severity=Severity.MUST_FIX,
            reason=f"所引处罚依据要求责令限期改正或以拒不改正为加重条件，但{order.type}未写明改正期限，逾期是否改正无从判断",
            rule=ctx.penalty_law("第二十八条第一款"),
            also_cites=[p.citation for p in provisions],
            evidence=f"{order.type}（{order.date}）：{'；'.join(lines)}",
        )
    ]


def _paragraph(citation: ResolvedCitation) -> str:
    """The cited 款 with its items (the whole article when none is cited): a line opening
    with （…） is an item of the 款 above it."""
    paragraphs: list[str] = []
    for line in citation.article_text.splitlines():
        if paragraphs and line.startswith("（"):
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    index = citation.paragraph
    if index is None or not 1 <= index <= len(paragraphs):
        return citation.article_text
    return paragraphs[index - 1]


def _order_lines(document: Document) -> list[str]:
    """What the document writes of an order to correct: all its stated matters (with the
    details its title carries in brackets) for an order notice, else only the lines that
    order a corrective act (a 意见书's 责令改正, a decision's 责令拆除…)."""
    if _RECEIPT.match(document.type):
        return []  # 送达回证（限期改正指令书）: the receipt of the order, not the order
    details = re.findall(r"[（(]([^）)]+)[）)]", document.type)
    if _INTERNAL.search(document.type):
        details = []  # 法制审核意见书（限期拆除）: the matter reviewed, not an order given
    lines = [d for d in details if not _KIND_ONLY.match(d)] + document.contents
    if _ORDER.search(document.type):
        return lines
    corrective = [
        _order_clause(line)
        for line in lines
        if _CORRECTIVE.search(line) and not _DENIED.search(line)
    ]
    if not corrective:
        return []
    # the order's period may stand in a line of its own (责令改正内容; 改正期限（…）)
    return corrective + [line for line in lines if _PERIOD_OF_ORDER.search(line)]


# 责令改正；罚款48000元，自收到决定书之日起十五日内缴至指定银行: the period after the semicolon is
# the fine's payment, not the order's
_SENTENCE_END = re.compile(r"[；;。\n]")


def _order_clause(line: str) -> str:
    """A line from its order to the end of that sentence (a comma may still carry its period)."""
    start = _CORRECTIVE.search(line)
    begin = start.start() if start else 0
    end = _SENTENCE_END.search(line, begin)
    return line[begin : end.start() if end else len(line)]


def _decided_order_lines(case: CaseFile) -> list[str]:
    """The orders to correct the decision's own text writes, each from its 责令/限期 to the
    end of its clause (the facts around it carry dates that are not the order's)."""
    # the decision's text, and the order its contents list (责令自收到本决定书之日起10日内…)
    texts = [case.facts.description]
    texts += [line for d in case.documents if "处罚决定书" in d.type for line in d.contents]
    lines = []
    for text in texts:
        for match in _CORRECTIVE.finditer(text):
            end = _CLAUSE_END.search(text, match.end())
            lines.append(text[match.start() : end.start() if end else len(text)])
    return lines


def _states_period(lines: list[str], at_once_counts: bool = False) -> bool:
    def states(line: str) -> bool:
        line = _NO_PERIOD.sub("", line)
        at_once = _AT_ONCE if at_once_counts else _AT_ONCE_ACT
        return bool(_PERIOD.search(line) or at_once.search(line))

    return any(states(line) for line in lines)
