"""Fine bases still being verified: a fine computed on 货值金额/违法所得/销售金额 (or any base
the cited 罚则 names) needs that amount established, not recorded as 尚在核实 (《行政处罚法》第四十条)."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.checkers.fact_flags import fact_flag, split_sentences
from assistant.review.context import ReviewContext
from assistant.review.fitting_item import cjk_bigrams
from assistant.review.flag import Flag, ReviewPoint
from assistant.review.statutory_fine import matching_standard, paragraph_text, penalty_provisions
from assistant.review.statutory_range import SERIOUS, fine_clauses, same_base

_PENDING = re.compile(
    r"尚在核实|正在核实|待核实|有待核实|尚未核实|未核实|尚待核实|尚未查清|待查明|待确认"
)
# 违法所得 is 实施违法行为所取得的款项 (行政处罚法第二十八条第二款): the fees a file counts as
# the unlawful work's 维修费收入、经营收入 are that base, verified or not
_BASES = {
    "货值金额": ("货值",),
    "违法所得": ("违法所得", "违法收入", "非法所得", "费收入", "经营收入", "营业收入"),
    "销售金额": ("销售金额", "销售额"),
}


def _fine_bases(case: CaseFile, ctx: ReviewContext) -> set[str]:
    """Amounts the fine is computed on or tiered by, per the penalty article and standard."""
    bases: set[str] = set()
    for citation in penalty_provisions(case, ctx):
        for clause in fine_clauses(citation.article_text):
            bases |= {b for b in (clause.fine.base, clause.tier_base) if b}
    standard = matching_standard(case, ctx)
    if standard is not None and standard.statutory_range and standard.statutory_range.base:
        bases.add(standard.statutory_range.base)
    if any("没收违法所得" in t for t in case.penalty.types):
        bases.add("违法所得")
    bases |= {
        found.group(1)
        for citation in penalty_provisions(case, ctx)
        for found in _RATE_BASE.finditer(citation.article_text)
    }
    return bases


# 处上一年年收入百分之六十至百分之一百的罚款 (安全生产法第一百一十条): a fine written as a share
# of a base, whatever form of range the share takes (至, not only 以上…以下)
_RATE_BASE = re.compile(r"处(?:以)?([\u4e00-\u9fff]{2,12}?)(?:百分之|[0-9]+%)")
# the period a base is counted over (上一年年收入) is written by files as the year itself
# (2024年度年收入): compare the base without it
_BASE_PERIOD = re.compile(r"^(?:上一年度?|上年度?|前一年度?|上一年)")


def _base_core(base: str) -> str:
    return _BASE_PERIOD.sub("", base)


def _named(text: str) -> list[str]:
    return [base for base, words in _BASES.items() if any(w in text for w in words)]


def pending_amounts(case: CaseFile) -> dict[str, str]:
    """Base amounts the file itself records as not yet verified, with the words used."""
    pending = {
        b: f"facts.unverified：{u}"
        for u in case.facts.unverified
        for b in _BASES
        if b[:2] in u or b in _named(u)
    }
    texts = [case.facts.description, *case.facts.circumstances, *(e.note for e in case.evidence)]
    for text in texts:
        for sentence in split_sentences(text):
            if _PENDING.search(sentence):
                pending.update({base: f"“{sentence}”" for base in _named(sentence)})
    return pending


def _pending_own_base(case: CaseFile, base: str) -> str | None:
    """An amount of any base the article names (滥伐林木价值、工程合同价款…), recorded as
    unverified: facts.unverified names it, or a 尚在核实 sentence does."""
    core = _base_core(base)
    listed = next(
        (u for u in case.facts.unverified if same_base(u, base) or (len(core) >= 3 and core in u)),
        None,
    )
    if listed is not None:
        return f"facts.unverified：{listed}"
    for sentence in split_sentences(case.facts.description):
        if _PENDING.search(sentence) and (
            base in sentence or (len(core) >= 3 and core in sentence)
        ):
            return f"“{sentence}”"
    return None


_SALES = re.compile(r"已售|已销售|销售数量|销售金额|销售额")


def _pending_texts(case: CaseFile) -> list[str]:
    """What the file says it is still verifying: ``facts.unverified`` and 尚在核实 sentences."""
    told = [s for s in split_sentences(case.facts.description) if _PENDING.search(s)]
    return [*case.facts.unverified, *told]


def _built_on_pending_sales(case: CaseFile, base: str) -> str | None:
    """货值金额、违法所得 counted over goods already sold (按库存86袋与已售约120袋合计…计算) are as
    unverified as the sales the file says it is still checking."""
    if base not in ("货值金额", "违法所得"):
        return None
    pending = next((t for t in _pending_texts(case) if _SALES.search(t)), None)
    if pending is None:
        return None
    words = _BASES[base]
    counted = any(
        _SALES.search(s) and any(w in s for w in words) and not _PENDING.search(s)
        for s in split_sentences(case.facts.description)
    )
    return f"“{pending}”" if counted else None


_YUAN = re.compile(r"([0-9]+(?:\.[0-9]+)?)元")


def _computed_from(case: CaseFile, totals: list[float]) -> list[float]:
    """Sums the narrative computes a base from, in the sentence that states it (少缴企业所得税
    78500元（314000元×25%）): an unverified part of those is an unverified part of the base."""
    found = []
    for sentence in split_sentences(case.facts.description):
        numbers = [float(n) for n in _YUAN.findall(sentence)]
        if any(abs(n - t) < 0.5 for n in numbers for t in totals):
            found += [n for n in numbers if all(abs(n - t) >= 0.5 for t in totals)]
    return found


def _pending_part(case: CaseFile, base: str) -> str | None:
    """A base summed from parts, one of which the file says is unverified (…推算为11840元，尚待
    结算明细核对。两项合计58600元): the total is as unverified as its part."""
    amounts = case.facts.amounts
    totals = [v for name, v in amounts.items() if same_base(name, base)]
    totals += _computed_from(case, totals)
    # 尚待核实金额（折合人民币）2824000 beside 认定逃汇金额 8904000 and 已查实 6080000: a part
    # the file's own amounts name as unverified
    parts = [(f"“{t}”", float(n)) for t in _pending_texts(case) for n in _YUAN.findall(t)]
    parts += [(f"facts.amounts.{n}", v) for n, v in amounts.items() if _PENDING.search(n)]
    for where, part in parts:
        if any(
            abs(total - part - other) < 0.5 or abs(total - part) < 0.5
            for total in totals
            for other in amounts.values()
        ):
            return where
    return None


def _built_on_pending_item(case: CaseFile, base: str) -> str | None:
    """A base the decision computes from an item the file lists as unverified (按送货单记载的进货
    数量8000升认定…货值金额60640元, while 进货数量 is 尚在核实): the base is as open as its item."""
    words = _BASES.get(base, (base,))
    for listed in case.facts.unverified:
        item = re.split(r"[（(，,：:；]", listed)[0].strip()
        if len(item) < 3 or any(w in item for w in words):
            continue
        if any(
            item in c and any(w in c for w in words) and not _PENDING.search(s)
            for s in split_sentences(case.facts.description)
            for c in re.split(r"[，,]", s)
        ):
            return f"facts.unverified：{listed}"
    return None


def pending_base(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    pending = pending_amounts(case)
    if not pending and not case.facts.unverified and not _PENDING.search(case.facts.description):
        return []
    flags = []
    for base in sorted(_fine_bases(case, ctx)):
        match = next((w for b, w in pending.items() if b in base or base in b), None)
        match = (
            match
            or _pending_own_base(case, base)
            or _built_on_pending_sales(case, base)
            or _pending_part(case, base)
            or _built_on_pending_item(case, base)
        )
        if match is not None:
            flags.append(
                fact_flag(
                    ReviewPoint.FACTS,
                    f"处罚以{base}为基数或档次计算，但案卷载明{base}尚未核实",
                    ctx,
                    f"{match}；facts.amounts：{case.facts.amounts or '无'}",
                )
            )
    return flags


_WAN_YUAN = re.compile(r"([0-9]+(?:\.[0-9]+)?)(万)?元")
# 不计入违法所得 / 未作为处罚依据: an open figure the decision set aside is no fact it rests on
_SET_ASIDE = re.compile(r"未计入|不计入|未作为|不作为|已剔除|未予认定|不予认定|未认定")


def relied_unverified(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """An amount the file records as found (facts.amounts: 认定虚报金额 55500000) that its own
    list of open facts names with the same figure (facts.unverified: 虚报金额5550万元): whatever
    the fine is computed on, the violation is found on a figure not yet established (第四十条)."""
    for listed in case.facts.unverified:
        if _SET_ASIDE.search(listed):
            continue
        for number, wan in _WAN_YUAN.findall(listed):
            value = float(number) * (10000 if wan else 1)
            found = [name for name, v in case.facts.amounts.items() if abs(v - value) < 0.5]
            if found:
                return [
                    fact_flag(
                        ReviewPoint.FACTS,
                        f"案卷将{found[0]}作为认定的金额，同时自认该数额尚未核实，违法事实不清",
                        ctx,
                        f"facts.unverified：{listed}；facts.amounts.{found[0]}={value:g}",
                    )
                ]
    return []


_SERIOUS_FINDING = re.compile(r"情节(?:特别)?严重")
# a count or amount (约300人次, 2.5吨), not a date's year, month or day nor a lone digit
_FIGURE = re.compile(r"(?<![0-9.])(?:[1-9][0-9]+|[0-9]+\.[0-9]+)(?![0-9年月日号时:：\-])")


def serious_on_pending(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The heavier tier (情节严重的，处…) applied on a figure the file says it is still
    verifying (涉及约300人次，属情节严重 — 该人次尚在核实): the fact the tier turns on is not
    established (第四十条)."""
    if not any(
        c.requires == SERIOUS
        for citation in penalty_provisions(case, ctx)
        for c in fine_clauses(citation.article_text)
    ):
        return []
    pending = _pending_texts(case)
    told = [case.facts.description, *case.facts.circumstances]
    for sentence in (s for text in told for s in split_sentences(text)):
        if not _SERIOUS_FINDING.search(sentence) or _PENDING.search(sentence):
            continue
        figures = set(_FIGURE.findall(sentence))
        doubt = next((p for p in pending if figures & set(_FIGURE.findall(p))), None)
        if doubt is not None:
            return [
                fact_flag(
                    ReviewPoint.FACTS,
                    "认定“情节严重”并适用较重一档所依据的数量，案卷自认尚在核实，定档事实不清",
                    ctx,
                    f"“{sentence}”；“{doubt}”",
                )
            ]
    return []


# 情节较重的，处…罚款 / 造成严重后果的，处… : the fine (or its heavier tier) is written for a grave case
_GRAVE_WORDS = r"情节(?:特别)?(?:严重|较重)|严重后果|后果(?:特别)?严重|造成严重"
_GRAVE_FINE = re.compile(rf"(?:{_GRAVE_WORDS})[^；。]{{0,6}}的[，,]?(?:可以)?(?:并)?处[^；。]*罚款")
_ANY_FINE = re.compile(r"处[^；。]*罚款")
_GRAVE_FOUND = re.compile(_GRAVE_WORDS)
_GRAVE_DENIED = re.compile(r"(?:未|没有|不|无|并非|不属)[^，。；]{0,4}$")
# 冒溢影响范围及周边商户损失情况尚在核实: the consequence itself is open, whatever the finding says
_CONSEQUENCE = re.compile(r"损失|影响范围|损害|受损|伤亡|危害|后果")
# words every reason shares (造成, 情况, 认定) are no link between a finding and an open fact
_SHARED_WORDS = 3


def _rests_on_gravity(case: CaseFile, ctx: ReviewContext) -> bool:
    """The fine imposed needs the grave case: every fine of the cited 款 is written for it
    (情节较重的，处一万元以上…), or the amount is above every other fine's maximum."""
    amount = case.penalty.amount
    if amount is None:
        return False
    for citation in penalty_provisions(case, ctx):
        text = paragraph_text(citation, ctx, case) if citation.paragraph else citation.article_text
        fines = [s for s in re.split(r"[；。]", text or "") if _ANY_FINE.search(s)]
        if fines and all(_GRAVE_FINE.search(s) for s in fines):
            return True
        clauses = fine_clauses(text or "")
        base = [c for c in clauses if c.requires is None and not c.lighter]
        if (
            any(c.requires == SERIOUS for c in clauses)
            and base
            and all(c.fine.max_yuan is not None and amount > c.fine.max_yuan for c in base)
        ):
            return True
    return False


def _grave_findings(case: CaseFile) -> list[str]:
    """The file's sentences that find the case grave (not those that deny it)."""
    told = [case.facts.description, *case.facts.circumstances]
    return [
        sentence
        for text in told
        for sentence in split_sentences(text)
        if any(
            not _GRAVE_DENIED.search(sentence[: m.start()]) for m in _GRAVE_FOUND.finditer(sentence)
        )
    ]


def gravity_on_pending(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The fine needs the grave case (情节较重的，处… / 造成严重后果的，处…) and the file's reason
    for it is what the file says it is still verifying (管道位移…检测报告尚未出具, 损失情况尚在核实):
    the fact the fine turns on is not established (第四十条)."""
    pending = [*case.facts.unverified] + [
        s
        for t in [case.facts.description, *case.facts.circumstances]
        for s in split_sentences(t)
        if _PENDING.search(s) or _TO_VERIFY.search(s)
    ]
    if not pending or not _rests_on_gravity(case, ctx):
        return []
    for finding in _grave_findings(case):
        words = cjk_bigrams(_GRAVE_FOUND.sub("", finding))
        doubt = next(
            (
                p
                for p in pending
                if p in finding
                or len(words & cjk_bigrams(p)) >= _SHARED_WORDS
                or ("后果" in finding and _CONSEQUENCE.search(p))
            ),
            None,
        )
        if doubt is not None:
            return [
                fact_flag(
                    ReviewPoint.FACTS,
                    "处罚以情节较重（严重后果）为条件或适用较重一档，而认定该情节所依据的事实，案卷自认尚未核实",
                    ctx,
                    f"“{finding}”；“{doubt}”",
                )
            ]
    return []


# 约4.1吨系按桶数估算，待解除查封后由处置单位过磅核实: a quantity the file has only estimated
_ESTIMATED = re.compile(r"估算|估计|推算")
_TO_VERIFY = re.compile(r"(?:尚|有)?待[^，。；]{0,20}(?:核实|核定|确认|查明|过磅|称重|计量)")
# the standard's columns a quantity decides (涉及量, 数量, 面积)
_QUANTITY_FACTOR = re.compile(r"量|面积|吨|体积")
# 裁量表§4.19：3吨以上5吨以下: the file names the standard's quantity tier it applied
_STATED_TIER = re.compile(
    r"裁量(?:基准|表)[^。；]{0,16}?[0-9.]+(?:吨|立方米|平方米|公斤|千克|亩)以上[^。；，、]{0,8}"
)


def tier_on_estimate(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The discretion standard's tier turns on a quantity (涉及量1吨以上3吨以下) the file says it
    only estimated and has still to weigh: the fact the fine is tiered by is not established
    (第四十条)."""
    told = [case.facts.description, *case.facts.circumstances, *case.facts.unverified]
    standard = matching_standard(case, ctx)
    if standard is not None and any(
        _QUANTITY_FACTOR.search(c.factor or "") for t in standard.tiers for c in t.conditions
    ):
        named = standard.id
    else:
        tier = next((m for t in told if (m := _STATED_TIER.search(t))), None)
        if tier is None:
            return []
        named = tier.group(0)
    for sentence in (s for text in told for s in split_sentences(text)):
        if _ESTIMATED.search(sentence) and _TO_VERIFY.search(sentence):
            return [
                fact_flag(
                    ReviewPoint.FACTS,
                    f"罚款按裁量基准（{named}）的数量档次确定，但所依据的数量案卷自认系估算、"
                    "尚待核实，定档事实不清",
                    ctx,
                    f"“{sentence}”",
                )
            ]
    return []
