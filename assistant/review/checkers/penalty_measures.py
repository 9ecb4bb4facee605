"""Non-fine measures under 适用法律: each penalty type the file imposes must be one the cited
penalty article itself provides (《行政处罚法》第三十八条第一款: 行政处罚没有依据的无效).

A type outside the agency's powers, or 行政拘留 by a non-police agency, is the authority
point's finding and a duty cited as 处罚依据 the law checker's, so neither is repeated here; an article that punishes by reference
(依照前款/第X条规定处罚) is not judged, since its measures are written elsewhere.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.norm_links import is_order_only_sanction, is_penalty_norm
from assistant.review.addressee_fines import core_name
from assistant.review.case_text import Passage, mentions
from assistant.review.checkers.pending_facts import pending_amounts
from assistant.review.conduct_sanction import fitted_sanction, old_number_note, plain_fit
from assistant.review.context import ReviewContext
from assistant.review.criminal_thresholds import reached
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.mitigation import reduction_grounds
from assistant.review.penalty_kinds import imposes_penalty
from assistant.review.public_order_reduction import article_19_grounds
from assistant.review.sanction_versions import (
    later_sanction,
    superseded_item,
    superseded_sanction,
)
from assistant.review.statutory_fine import (
    GAINS_RULE_FROM,
    OTHER_PARAGRAPH,
    is_general_law,
    penalty_provisions,
)
from corpus.citation_resolver import ResolvedCitation, canonical_citation
from corpus.numerals import article_label

# A penalty type (as files write it) → the words the article uses for it.
MEASURE_WORDS: tuple[tuple[str, str], ...] = (
    ("警告", "警告"),
    ("通报批评", "通报"),  # 予以通报 (物业管理条例第五十八条) is the same penalty
    # 补种毁坏株数一倍以上三倍以下的树木 (森林法第七十四条第二款) is an order, not a fine
    ("罚款", "罚款|倍(?![^，。；]{0,12}(?:树木|株))"),
    ("没收", "没收"),
    ("暂扣", "暂扣"),
    ("吊销", "吊销"),
    ("降低资质", "降低[^，。；、]{0,6}资质"),  # 降低测绘资质等级 (测绘法第六十六条)
    ("停产停业|停业|停产", "停产|停业|停止生产|停止营业"),
    ("关闭", "关闭"),
    # 禁止其一定期限内直至终身从事学前教育工作 (学前教育法第八十条)
    ("限制从业", "限制从业|不得担任|禁止(?:其)?[^，。；]{0,12}?从事|不得从事"),
    ("拘留", "拘留"),
)
# The gains go back to those harmed (应当退赔) instead of being confiscated.
_RETURNED = re.compile(r"退赔|退还|返还|退回|发还|赔偿")
_NEGATED = re.compile(r"未|无|没有|不|尚未|拒")
# 追缴 (e.g. 治安管理处罚法第十一条第二款) takes the gains from the party without a penalty type.
_COLLECTED = re.compile(r"追缴|收缴")
_GAIN_WORD = re.compile(r"违法所得|非法所得|非法获利|违法获利")
# A cost the party spent (第二十八条第二款: 违法所得 is 实施违法行为所取得的款项, costs included).
_COST_KEY = re.compile(r"成本|费用|油费|过路费|支出|开支|进货|原料|工资")
_BY_REFERENCE = re.compile(
    r"依照[^，。；]{0,20}(?:规定|第[^，。；]{1,10}条)[^，。；]{0,6}(?:处罚|处理)"
)

# 本法另有规定的，依照规定处罚: a saving clause sending other conduct to another article (which
# must then be cited itself); the measures of this article stay its own.
_SAVING = re.compile(r"[^，。；]*另有规定的，(?:依照|从其)[^。；]*")
# 除依照前款规定处罚外: a reference inside the article, whose measures are all read here.
_WITHIN_ARTICLE = re.compile(r"依照(?:前款|前两款|前三款|本条[^，。；]{0,8})规定")
# 对其中的电子商务平台经营者，依照本法第八十一条第一款的规定处罚 (电子商务法第七十六条): only
# that class of party is sent elsewhere; for any other the article's own measures are all.
_SUBSET = re.compile(r"对其中的([^，。；]{1,20})，依照[^。；]*")


# What a 吊销/暂扣 takes away, by its head noun; an article's generic 许可证件/证照 covers
# any permit but not a 营业执照 it does not name.
_REVOKED = re.compile(
    r"(?:吊销|暂扣)([^，。；、]{0,24}?(?:执照|许可证件|许可证|证照|证书|驾驶证|证))"
)
_PERMIT_HEADS = ("营业执照", "驾驶证", "行驶证", "执业证书", "资格证书", "资质证书", "许可证")
_GENERIC_PERMIT = re.compile(r"许可证件|证照")


def words_for(kind: str) -> str | None:
    """The words a 罚则 writes a penalty kind with (责令停业 → 停产|停业|停止生产|停止营业)."""
    return next((words for name, words in MEASURE_WORDS if re.search(name, kind)), None)


def _detention_elsewhere(case: CaseFile, kind: str) -> bool:
    """拘留 by an agency other than 公安 is the authority point's (第十八条第三款)."""
    return "拘留" in kind and "公安" not in case.agency.name


def _article(citation: ResolvedCitation) -> str:
    """The measures are read from the whole article, so the finding is the article's
    (the cited 款/项 rides along in ``also_cites``)."""
    label = article_label(citation.article, citation.suffix)
    return canonical_citation(citation.title, label, None, None)


def _cited_levels(provisions: list[ResolvedCitation]) -> list[str]:
    """Each cited 款/项 below its article, and the 款 of a cited 项: the same 罚则 read at
    the level a reviewer names it."""
    levels: list[str] = []
    for c in provisions:
        label = article_label(c.article, c.suffix)
        paragraph = canonical_citation(c.title, label, c.paragraph, None)
        for text in (c.citation, paragraph):
            if text != _article(c) and text not in levels:
                levels.append(text)
    return levels


def _is_sanction(ctx: ReviewContext, citation: ResolvedCitation) -> bool:
    """A duty cited as 处罚依据 is the law checker's finding, not a missing measure."""
    record = ctx.record(citation)
    return record is not None and is_penalty_norm(record)


def _orders_only(ctx: ReviewContext, citation: ResolvedCitation) -> bool:
    record = ctx.record(citation)
    return record is not None and is_order_only_sanction(record)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    return (
        _unprovided(case, ctx)
        + _gains_kept(case, ctx)
        + _gains_net_of_costs(case, ctx)
        + _gains_below_income(case, ctx)
    )


def _returned(narrative: str) -> bool:
    """The facts say the gains go back (a clause naming 退赔 without 未/无/不: "无人要求退赔"
    is no return)."""
    clauses = re.split(r"[，。；,;（）()]", narrative)
    return any(_RETURNED.search(c) and not _NEGATED.search(c) for c in clauses)


def _decision_contents(case: CaseFile) -> list[str]:
    return [c for d in case.documents if "处罚决定书" in d.type for c in d.contents]


def _collected(narrative: str) -> bool:
    """The facts say the gains are 追缴 (a clause naming the gains and 追缴 without 未/无/不)."""
    clauses = re.split(r"[，。；,;（）()]", narrative)
    return any(
        _COLLECTED.search(c) and _GAIN_WORD.search(c) and not _NEGATED.search(c) for c in clauses
    )


# 罚款及没收违法所得已由惠州市住房和城乡建设局作出 / 违法所得已另案没收: the gains were taken by
# another decision (a licensing organ's 降低资质等级 after the local department's fine)
_ELSEWHERE = re.compile(
    r"没收违法所得[^，。；]{0,6}(?:已由|由)[^，。；]{2,24}(?:作出|决定|没收)"
    r"|违法所得[^，。；]{0,6}已(?:另案|另行|由[^，。；]{2,24})没收"
)


def _confiscated_elsewhere(texts: list[str]) -> bool:
    return any(mentions(Passage("facts", t, None), _ELSEWHERE, _NEGATED) for t in texts)


_ITEMLESS = re.compile(r"第[（(][一二三四五六七八九十]+[)）]项$")
# 罚则 that confiscate without a 可以 (没收违法所得和测绘成果, 测绘法第五十六条): the decision must
_MANDATED_GAINS = re.compile(r"(?<!可以)(?<!并可)没收违法所得")
# money the party took for the unlawful work, by the names files give it (已收取报酬)
_TAKINGS = re.compile(r"已收取|已收|收取的?(?:报酬|费用|款项?)|实收")


def _mandating(case: CaseFile, ctx: ReviewContext) -> ResolvedCitation | None:
    """The cited 罚则 whose own words confiscate the gains, not as a 可以."""
    for citation in penalty_provisions(case, ctx):
        if is_general_law(citation):
            continue
        lead = citation.article_text.split("\n")[0]
        if _MANDATED_GAINS.search(lead) and "有违法所得的" not in lead:
            return citation
    return None


def _gains_kept(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第二十八条第二款: 当事人有违法所得，除依法应当退赔的外，应当予以没收. A 罚则 that itself
    confiscates (测绘法第五十六条) is the rule, and the fee already taken is its gains."""
    if not imposes_penalty(case):
        return []
    mandating = _mandating(case, ctx)
    gains = {
        k: v
        for k, v in case.facts.amounts.items()
        if v > 0 and ("违法所得" in k or (mandating is not None and _TAKINGS.search(k)))
    }
    if not gains:
        return []
    if any("违法所得" in t for t in case.penalty.types) or "违法所得" in pending_amounts(case):
        return []
    narrative = "".join([case.facts.description, *case.facts.circumstances])
    # the decision's own order to refund (责令…退还所收费用) returns the gains too
    decided = "。".join([*case.penalty.types, *_decision_contents(case)])
    # 追缴违法所得 written as the amount's own name: the gains are collected
    named_collected = all(_COLLECTED.search(k) for k in gains)
    if _returned(narrative) or _returned(decided) or _collected(narrative) or named_collected:
        return []
    if _confiscated_elsewhere([case.facts.description, *case.facts.circumstances]):
        return []  # 没收违法所得已由…作出: another decision disposed of the gains
    if reached(case):
        return []  # a case to transfer: the criminal court disposes of the gains (刑法第六十四条)
    shown = "、".join(f"{k}={v:.10g}元" for k, v in gains.items())
    return [
        Flag(
            point=ReviewPoint.LAW,
            severity=Severity.MUST_FIX,
            reason=f"案卷认定当事人有违法所得（{shown}），未载明应当退赔，处罚却未没收违法所得"
            + (f"（{mandating.citation}规定没收违法所得）" if mandating else ""),
            rule=ctx.rule(_ITEMLESS.sub("", mandating.citation))
            if mandating
            else ctx.penalty_law("第二十八条第二款"),
            also_cites=[ctx.penalty_law("第二十八条第二款")] if mandating else [],
            evidence=f"facts.amounts：{shown}；penalty.types：{'、'.join(case.penalty.types)}",
        )
    ]


def _sanctions(case: CaseFile, ctx: ReviewContext) -> list[ResolvedCitation]:
    """The cited 罚则 whose measures are all their own (none sent to another article).

    A provision cited by the superseded version's numbering (a 罚则 there, none now), or by
    a later version's not yet in force on the act date, or by a number whose act-date 罚则 the
    conduct plainly is, is read as the file applied it: that the version is wrong is the law
    checker's 第三十七条 finding, and the kinds it provided are no second error."""
    provisions = []
    for citation in penalty_provisions(case, ctx):
        if (numbered := superseded_item(case, ctx, citation)) is not None:
            provisions.append(numbered)  # the old text's number: the 罚则 the file applied
        elif _is_sanction(ctx, citation):
            provisions.append(citation)
        elif (earlier := superseded_sanction(ctx, citation)) is not None:
            provisions.append(earlier)
        elif (later := later_sanction(case, ctx, citation)) is not None:
            provisions.append(later)
        elif _orders_only(ctx, citation):
            provisions.append(citation)  # a 罚则 of orders only: it provides no penalty kind
        elif (fitted := fitted_sanction(case, ctx, citation)) is not None:
            provisions.append(fitted)  # an old number whose act-date 罚则 stands clear
    provisions = [c for c in provisions if not _refers_to_cited(ctx, c, provisions)]
    texts = "".join(_cited_paragraph(ctx, c) for c in provisions)
    own = _WITHIN_ARTICLE.sub("", _SAVING.sub("", _other_class(case, texts)))
    return [] if _BY_REFERENCE.search(_PUBLIC_ORDER_REFERRAL.sub("", own)) else provisions


# 构成违反治安管理行为的，依照《中华人民共和国治安管理处罚法》的规定处罚 (抗旱条例第六十二条): the
# police's measures for conduct of another class, not a reference the agency punishes by
_PUBLIC_ORDER_REFERRAL = re.compile(r"构成违反治安管理行为的，[^。；]*?处罚")


# 依照民办教育促进法第六十二条规定给予处罚 (民办教育促进法实施条例第六十三条): the article named
_REFERRED_ARTICLE = re.compile(
    r"依照《?(?:中华人民共和国)?([\u4e00-\u9fff]{2,30}?)》?(第[零〇一二两三四五六七八九十百]+条)"
    r"[^，。；]{0,6}规定[^，。；]{0,6}(?:处罚|处理)"
)


def _refers_to_cited(
    ctx: ReviewContext, citation: ResolvedCitation, provisions: list[ResolvedCitation]
) -> bool:
    """A regulation's article that punishes by its law's 罚则 (依照…法第六十二条规定给予处罚),
    cited beside that 罚则: the measures are read from the 罚则 itself."""
    found = _REFERRED_ARTICLE.search(_cited_paragraph(ctx, citation))
    if found is None:
        return False
    law, article = found.groups()
    return any(
        other is not citation
        and other.law.endswith(law)
        and other.citation.split("》")[-1].startswith(article)
        for other in provisions
    )


def _cited_paragraph(ctx: ReviewContext, citation: ResolvedCitation) -> str:
    """The cited 款 (its items in it); the article where none is cited. 电子商务法第八十一条第二款
    sends 竞价排名 to the 广告法: 第一款 cited keeps its own measures."""
    record = ctx.record(citation)
    if citation.paragraph is None or record is None or len(record.paragraphs) < 2:
        return citation.article_text
    return next(
        (p.text for p in record.paragraphs if p.number == citation.paragraph),
        citation.article_text,
    )


def _other_class(case: CaseFile, texts: str) -> str:
    """The text without a clause sending another class of party to another article, when
    nothing in the file names the party as of that class (a 网店 is no 电子商务平台经营者)."""
    about = "".join([case.title, case.facts.description, *(p.name for p in case.parties)])

    def drop(m: re.Match[str]) -> str:
        return m.group(0) if m.group(1) in about else ""

    return _SUBSET.sub(drop, texts)


# 没收违法所得 rests on 行政处罚法第二十八条第二款 for every act since 2021-07-15.
ILLEGAL_GAINS_KIND = "违法所得"


def unprovided_kinds(case: CaseFile, ctx: ReviewContext) -> list[str]:
    """The penalty types the cited 罚则 does not provide: no agency may impose them on that
    basis (第三十八条第一款), whatever its powers list."""
    texts = _for_this_offence(case, "".join(_applied_text(c) for c in _sanctions(case, ctx)))
    if not texts:
        return []
    return [
        kind
        for kind in case.penalty.types
        if (words := words_for(kind)) is not None
        and not _detention_elsewhere(case, kind)
        and not (
            ILLEGAL_GAINS_KIND in kind
            and case.act_date >= GAINS_RULE_FROM
            and not _INCOME_DISPOSED.search(texts)
        )
        and (not re.search(words, texts) or _other_permit(kind, texts))
    ]


# 有收益的，所得收益用于物业管理区域内物业共用部位…的维修 (物业管理条例第六十二条): the 罚则 itself
# disposes of the income, which 第二十八条第二款 (除依法应当退赔的外) then does not confiscate
_INCOME_DISPOSED = re.compile(
    r"所得收益用于|收益[^，。；]{0,6}(?:归|用于)[^，。；]{0,10}(?:业主|共有|共用)"
)


# 因饮酒后驾驶机动车被处罚，再次饮酒后驾驶机动车的，处…吊销: a sentence for a repeat offence
_REPEAT = re.compile(r"再次|[二两三]次以上|多次")


def _applied_text(citation: ResolvedCitation) -> str:
    """The words of the paragraph the file applies and of those building on it (除依照前款
    规定处罚外…吊销, 旅游法第九十五条第二款): 道路交通安全法第九十一条第一款 is read without the
    醉酒 paragraphs and their 吊销, each a different act standing alone. A paragraph that
    borrows another's measures, or an item (its text lacks its paragraph's), keeps the article."""
    if (
        citation.paragraph is None
        or citation.item is not None
        or OTHER_PARAGRAPH.search(citation.text)
    ):
        return citation.article_text
    building = [
        p
        for p in citation.article_text.split("\n")
        if p.strip() != citation.text.strip() and OTHER_PARAGRAPH.search(p)
    ]
    return "\n".join([citation.text, *building])


def _for_this_offence(case: CaseFile, texts: str) -> str:
    """The 罚则's sentences that reach the act: where the file says it is a first offence,
    the sentences for one punished before and doing it again (道路交通安全法第九十一条第一款
    后句) provide nothing for it — their 吊销、拘留 are no kind this act may be given."""
    first = case.facts.first_offence is True or case.facts.prior_offences == 0
    if not first:
        return texts
    return "".join(s for s in re.split(r"(?<=[。；])", texts) if not _REPEAT.search(s))


def provides_kind(case: CaseFile, ctx: ReviewContext, kind: str) -> bool:
    """The cited 罚则 name this kind of penalty for the act (whoever may decide it)."""
    texts = "".join(c.article_text for c in _sanctions(case, ctx))
    words = words_for(kind)
    return bool(texts) and words is not None and re.search(words, texts) is not None


# How heavy each kind is, by 行政处罚法第九条's order: 警告、通报批评 the lightest, 拘留 the
# heaviest; kinds of one step are not weighed against each other.
_KIND_WEIGHT: tuple[tuple[str, int], ...] = (
    ("警告|通报批评", 0),
    ("罚款|没收|倍", 1),
    ("暂扣|降低资质", 2),
    ("吊销|停产|停业|关闭|限制从业|不得担任|禁止(?:其)?[^，。；]{0,12}?从事|不得从事", 3),
    ("拘留", 4),
)


def _weight(text: str) -> int | None:
    return next((w for words, w in _KIND_WEIGHT if re.search(words, text)), None)


def _reduced_kind(case: CaseFile, ctx: ReviewContext, kind: str) -> str:
    """The recorded 减轻 grounds when ``kind`` is lighter than every kind the 罚则 provides,
    else ''. 减轻处罚 (行政处罚法第三十二条, 治安管理处罚法第十二条、第十九条) goes below the
    statutory penalty, and neither law says whether it stays within the article's kinds
    (a 16-year-old's theft, 拘留 under 第四十九条, reduced to 警告): a reviewer checks it, it is
    no 处罚没有依据 for certain."""
    texts = _for_this_offence(case, "".join(_applied_text(c) for c in _sanctions(case, ctx)))
    provided = [w for words, w in _KIND_WEIGHT if re.search(words, texts)]
    own = _weight(kind)
    if own is None or not provided or own >= min(provided):
        return ""
    grounds = reduction_grounds(case) + article_19_grounds(case)
    return "、".join(dict.fromkeys(grounds))


def _unprovided(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    provisions = _sanctions(case, ctx)
    cited = "、".join(c.citation for c in provisions)
    return [
        _unprovided_flag(case, ctx, provisions, kind, cited) for kind in unprovided_kinds(case, ctx)
    ]


def _unprovided_flag(
    case: CaseFile,
    ctx: ReviewContext,
    provisions: list[ResolvedCitation],
    kind: str,
    cited: str,
) -> Flag:
    reason = f"拟处“{kind}”，但所引处罚依据{cited}未规定该处罚种类，处罚没有依据"
    severity = Severity.MUST_FIX
    also_cites = [*_cited_levels(provisions), ctx.penalty_law("第三十八条第一款")]
    fit = plain_fit(case, ctx, provisions[0])
    if fit is not None:
        suffix, old_number = old_number_note(ctx, provisions[0], fit)
        reason += suffix
        also_cites += old_number
    grounds = _reduced_kind(case, ctx, kind)
    if grounds:
        severity = Severity.CHECK
        reason = (
            f"拟处“{kind}”，轻于所引处罚依据{cited}规定的处罚种类；案卷载明减轻处罚情形"
            f"（{grounds}），法律未明确减轻处罚可否降为较轻的处罚种类，请核实减轻至该种类的依据"
        )
    return Flag(
        point=ReviewPoint.LAW,
        severity=severity,
        reason=reason,
        rule=_article(provisions[0]),
        also_cites=also_cites,
        evidence=f"penalty.types：{'、'.join(case.penalty.types)}",
    )


def _other_permit(kind: str, texts: str) -> bool:
    """吊销营业执照 where the article revokes only a named permit (旅游法第九十五条: 吊销旅行社
    业务经营许可证): the measure's kind is there, its object is not (第三十八条第一款). A file
    writing 第九条's own kind (暂扣、吊销许可证件) names no object, so any licence the article
    takes away (道路交通安全法第九十一条: 吊销机动车驾驶证) is that kind."""
    wanted = _REVOKED.search(kind)
    if wanted and _GENERIC_PERMIT.fullmatch(wanted.group(1)):
        return False  # 吊销许可证件 is 第九条's kind itself: any licence the article revokes
    head = next((h for h in _PERMIT_HEADS if wanted and h in wanted.group(1)), None)
    provided = [m.group(1) for m in _REVOKED.finditer(texts)]
    if head is None or not provided or any(head in p for p in provided):
        return False
    return head == "营业执照" or not any(_GENERIC_PERMIT.search(p) for p in provided)


def _gains_net_of_costs(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第二十八条第二款: 违法所得是指实施违法行为所取得的款项 — the whole sum taken in. A
    违法所得 the file's own amounts show as an income less the party's costs is too small
    (a law, administrative regulation or ministry rule setting another way is cited nowhere)."""
    market = _MARKET_REGULATION.search(case.agency.acts_in_name_of or case.agency.name)
    amounts = case.facts.amounts
    gains = {k: v for k, v in amounts.items() if "违法所得" in k and v > 0}
    if not gains:
        gains = _confiscated_gains(case)
    # money given back to those who paid it (已退还费用) is 退赔 (第二十八条第一款), not a cost
    costs = {
        k: v
        for k, v in amounts.items()
        if _COST_KEY.search(k) and not _REFUNDED.search(k) and "违法所得" not in k and v > 0
    }
    for (gain_key, gain), (cost_key, cost) in (
        (g, c) for g in gains.items() for c in costs.items()
    ):
        income = next(
            (
                (k, v)
                for k, v in amounts.items()
                if k not in (gain_key, cost_key) and abs(v - cost - gain) < 1
            ),
            None,
        )
        if income is None or (market and _PURCHASE.search(cost_key)):
            continue  # the ministry rule nets the purchase price of what was sold
        shown = (
            f"{income[0]}={income[1]:.10g}元，{cost_key}={cost:.10g}元，{gain_key}={gain:.10g}元"
        )
        why = f"案卷却扣除当事人支出的{cost_key}后认定违法所得（{shown}），少没收{cost:.10g}元"
        return [_gains_flag(case, ctx, why, shown)]
    return []


# A market regulator's cases fall under the ministry rule 第二十八条第二款 defers to (部门规章对
# 违法所得的计算另有规定的，从其规定; 市场监督管理行政处罚案件违法所得认定办法, not in the corpus):
# 销售收入 less the 购进价款 of the goods sold (or of the raw materials made into them, or the
# price paid to the 服务商 for a service resold: 延保服务收入 less 支付延保服务商费用).
_MARKET_REGULATION = re.compile(r"市场监督管理|市场监管")
# (收购支出 of scrap resold, 配件 fitted in a repair, the goods' 成本: what was bought to be sold)
_PURCHASE = re.compile(r"进货|购进|进价|采购|收购|原材料|原料|服务商|配件|成本")
# 营业收入14600元，扣除配件购进价款8800元: the narrative's own netting of what was bought
_NETTED_PURCHASE = re.compile(
    r"扣除[^，。；]{0,12}(?:进货|购进|进价|采购|收购|配件|原材料|原料|成本)"
)
_REFUNDED = re.compile(r"退还|退赔|退回|返还|退费")


def _gains_flag(case: CaseFile, ctx: ReviewContext, why: str, shown: str) -> Flag:
    """第二十八条第二款: 违法所得 is the whole sum the act took in; ``why`` says how the file
    came to confiscate less."""
    kept = case.penalty.confiscation_yuan
    return Flag(
        point=ReviewPoint.LAW,
        severity=Severity.MUST_FIX,
        reason=f"违法所得是实施违法行为所取得的款项，{why}",
        rule=ctx.penalty_law("第二十八条第二款"),
        evidence=f"facts.amounts：{shown}"
        + (f"；penalty.confiscation_yuan={kept:.10g}" if kept is not None else ""),
    )


# What the act took in, as files key it (团费收入、运费收入): 违法所得 in the law's sense.
# 销售金额/销售额 are left out: the product laws use them as a fine's base (货值-like), and
# a ministry rule may net them (第二十八条第二款: 另有规定的，从其规定).
_INCOME_KEY = re.compile(r"(?<!销售)收入|团费|营业额|收取|票款|运费")


def _gains_below_income(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第二十八条第二款: the file's own record of what the act took in exceeds the 违法所得 it
    confiscates, with no cost deducted (that is ``_gains_net_of_costs``) and nothing owed back."""
    amounts = case.facts.amounts
    gains = {k: v for k, v in amounts.items() if "违法所得" in k and v > 0}
    if len(gains) != 1 or any(_COST_KEY.search(k) for k in amounts):
        return []
    told = "".join([case.facts.description, *case.facts.circumstances])
    if _returned(told):
        return []
    market = _MARKET_REGULATION.search(case.agency.acts_in_name_of or case.agency.name)
    if market and _NETTED_PURCHASE.search(told):
        return []  # the ministry rule's netting, written out in the facts
    (gain_key, gain), kept = next(iter(gains.items())), case.penalty.confiscation_yuan
    persons = [p.name for p in case.parties if p.kind == "个人" and p.name]
    incomes = [
        (k, v)
        for k, v in amounts.items()
        if _INCOME_KEY.search(k) and "违法所得" not in k and not _personal_income(k, persons)
    ]
    above = [(k, v) for k, v in incomes if v > gain + 1 and (kept is None or v > kept + 1)]
    if not above:
        return []
    income_key, income = max(above, key=lambda kv: kv[1])
    shown = f"{income_key}={income:.10g}元，{gain_key}={gain:.10g}元"
    why = (
        f"案卷所载{income_key}为{income:.10g}元、未载明应当退赔，认定的违法所得却只有{gain:.10g}元，"
        f"少没收{income - gain:.10g}元"
    )
    return [_gains_flag(case, ctx, why, shown)]


# 何丽娟上一年度收入 / 法定代表人年收入 / 张国华所获收入: a person's own income (the base of a fine
# on the person, 化妆品监督管理条例第六十条), not what the act took in
_PERSONAL_INCOME = re.compile(
    r"年度?收入|年收入|工资|薪酬|法定代表人|负责人|主管人员|责任人员|个人所获"
    # 提前确认收入 / 虚增营业收入 / 被审计单位实际营业收入: an audited entity's accounts (the
    # party audited or appraised them), 上一年度营业额: the base of a turnover fine
    r"|确认收入|虚[增减列]|[少多]计|账面|报表|审计单位|实际营业收入|上一?年度?营业额"
)


def _personal_income(key: str, persons: list[str]) -> bool:
    return bool(_PERSONAL_INCOME.search(key)) or any(core_name(name) in key for name in persons)


def _confiscated_gains(case: CaseFile) -> dict[str, float]:
    """The gains the decision confiscates, when the file's amounts name no 违法所得 (收入
    and 成本 listed, the gains only in the confiscation)."""
    kept = case.penalty.confiscation_yuan
    if kept is None or kept <= 0 or not any("违法所得" in t for t in case.penalty.types):
        return {}
    return {"没收违法所得": kept}
