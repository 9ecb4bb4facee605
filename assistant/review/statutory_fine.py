"""The penalty provisions a file cites, their statutory fine, and the matching standard row.

Shared by the facts, law and discretion checkers so that each reads the same
verified provisions: the cited 处罚依据 resolved on the act date, the fine its own
text sets for this case (assistant.review.statutory_range), and the discretion-standard violation whose 法律依据 is that article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.case_file import CaseFile
from assistant.cases.penalty_text import AMOUNT_NUMBER, amount_yuan
from assistant.discretion.model import Violation
from assistant.discretion.penalty_amounts import SOLD_WORDS
from assistant.discretion.text_match import similarity
from assistant.review.context import ReviewContext
from assistant.review.fitting_item import fitting_item
from assistant.review.sanction_versions import act_date_counterpart
from assistant.review.statutory_range import (
    LIGHTER,
    LIGHTER_PATTERN,
    REPEATED,
    REQUIREMENTS,
    SERIOUS,
    UNCORRECTED,
    StatutoryBounds,
    statutory_bounds,
)
from corpus.citation_resolver import ResolvedCitation, canonical_citation
from corpus.model import ArticleRecord
from corpus.numerals import to_chinese

_STILL_UNCORRECTED = re.compile(
    r"仍未改正|未按期改正|到期未改正|逾期仍未|整改不到位|未按要求改正|拒不"
    # 7月19日复查，流量计仍未修复: the act the order asked, still undone
    r"|仍未(?:修复|拆除|补办|恢复|清除|整改|补种|更换)"
)
_ITEM_SUFFIX = re.compile(r"第（[一二三四五六七八九十]+）项$")
_OWN_FINE = re.compile(r"处[^；。]*罚款")
# 处…一万元的罚款 / 处…三倍以下的罚款: a fine with its amount (not 处以罚款, whose range the
# next 款 writes: 固体废物污染环境防治法第一百一十二条第一款)
_OWN_AMOUNT = re.compile(r"处[^；。]*[0-9零一二两三四五六七八九十百千万](?:元|倍)[^；。]{0,12}罚款")
GOODS_VALUE = "货值金额"
_PART_VALUE = re.compile(r"货值")
_SOLD = re.compile(r"销售金额|销售额")
# 已售出食品货值: the sold part of the goods named by its value
_SOLD_PART = re.compile(r"(?:已|售出|已经)(?:销售|售出|售)[^，。；]{0,6}货值")
# A 货值金额 qualified as held or left (库存货值金额) is a part of the whole, not the whole.
_PART = re.compile(r"库存|剩余|未售|未销售|在库|现场|扣押|查封|查获")
ILLEGAL_GAINS = "违法所得"
# 没有违法所得的，处…: a file that states none (or none established) is in that tier; so is
# one whose gains cannot be established (违法所得无法认定) — 价格违法行为行政处罚规定第十八条:
# 违法所得无法确定时，按照没有违法所得的规定处罚.
_NO_GAINS = re.compile(
    r"(?:没有|无|未查实|未查明|未发现|未取得|未获得|未产生|尚无|不存在)(?:任何)?违法所得"
    # 未发现当事人因上述格式条款取得违法所得
    r"|(?:未发现|未查实|未查明)[^，。；]{1,16}?(?:取得|获得|产生)违法所得"
    r"|违法所得(?:金额|数额)?(?:均|亦)?(?:无法|难以|不能)(?:认定|确定|计算|查清|查实|核定)"
)


def narrative(case: CaseFile) -> str:
    """What the file says happened: the act and the established facts."""
    return "。".join([case.violation.description, case.facts.description])


# 货值金额8160元 / 违法所得为1.56万元 / 货值金额人民币8,160元 / 违法所得叁仟贰佰元, written in
# the established facts as decisions write sums (figures, thousands commas or 大写)
_NARRATED = re.compile(
    r"(货值金额|违法所得|销售金额)(?:为|共计?|合计|计|约|达)?[:：]?(?:人民币)?\s*[¥￥]?"
    rf"({AMOUNT_NUMBER})(万)?元"
)


def narrated_amounts(case: CaseFile) -> dict[str, float]:
    """Bases the established facts state in words and the file left out of
    ``facts.amounts``; a held part (库存货值金额) is no whole, an amount still being
    verified (尚在核实) is left to the fact checker."""
    found: dict[str, float] = {}
    text = case.facts.description
    for match in _NARRATED.finditer(text):
        before = text[max(0, match.start() - 4) : match.start()]
        if _PART.search(before) or match.group(1) in found:
            continue
        value = amount_yuan(match.group(2), match.group(3))
        if value is not None:
            found[match.group(1)] = value
    return found


def fined_kind(case: CaseFile) -> str | None:
    """单位 or 个人 when every party of the file is of that kind (one kind is fined)."""
    kinds = {party.kind for party in case.parties}
    return kinds.pop() if len(kinds) == 1 else None


def fine_bases(case: CaseFile) -> dict[str, float]:
    """The file's amounts, with 货值金额 composed when the file splits it: the value of all
    goods unlawfully produced or sold (两高伪劣商品解释第二条第三款: 以…伪劣产品的标价计算) is
    what was sold (销售金额) plus what was still held (库存货值、库存货值金额、剩余货值). A narrative that
    states no 违法所得 was had (or established) puts the file in the 没有违法所得 tier, and
    a base the narrative states (货值金额8160元) counts when ``facts.amounts`` lacks it."""
    amounts = dict(case.facts.amounts)
    told = "。".join([narrative(case), *case.facts.circumstances])  # 情节：没有违法所得
    if not any(ILLEGAL_GAINS in name for name in amounts) and _NO_GAINS.search(told):
        amounts[ILLEGAL_GAINS] = 0.0
    for name, value in narrated_amounts(case).items():
        if not any(name in written for written in amounts):
            amounts[name] = value
    whole = next((n for n in amounts if GOODS_VALUE in n and not _PART.search(n)), None)
    if whole is not None:
        # the held part's value stated as the whole: the law counts the sold part too
        counted = counted_goods(amounts, case.facts.quantities)
        if counted and counted.whole > amounts[whole] * 1.01 and counted.held_only(amounts[whole]):
            amounts[whole] = counted.whole
        return amounts
    held = [v for n, v in amounts.items() if _PART_VALUE.search(n) and not _SOLD_PART.search(n)]
    sold = [v for n, v in amounts.items() if _SOLD.search(n) or _SOLD_PART.search(n)]
    if held and sold:
        amounts[GOODS_VALUE] = sum(held) + max(sold)
    elif (priced := priced_goods(amounts, case.facts.quantities)) is not None:
        amounts[GOODS_VALUE] = priced
    elif len(kinds := _valued_kinds(amounts)) > 1:
        amounts[GOODS_VALUE] = sum(kinds.values())
    return amounts


# 生猪产品货值 / 待宰活猪价值: the value of one kind of the act's goods
_KIND_VALUE = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:货值|价值)$")
_NOT_GOODS = re.compile(r"工具|设备|车辆|船|器具|场所|违法所得|销售|损失|费")


def _valued_kinds(amounts: dict[str, float]) -> dict[str, float]:
    """Several kinds of goods each valued, none the whole (生猪产品货值 4836, 待宰活猪价值 6900):
    货值金额 is the value of all the goods of the act, the kinds added up; a seized or held
    share (扣押鹩哥价值) is part of a kind, not another."""
    return {
        n: v
        for n, v in amounts.items()
        if _KIND_VALUE.match(n) and not _NOT_GOODS.search(n) and not _PART.search(n)
    }


# 饼干标价 / 饮品售价: the marked or selling price of one kind of goods (两高伪劣商品解释第二条第三款:
# 货值金额以…标价计算；没有标价的，按照其实际销售价格计算), never the purchase price
PRICE_NAME = re.compile(r"(标价|零售价|销售价|售价|单价|批发价)(?:（元）)?$")
_PURCHASE = re.compile(r"进货|进价|采购|购入|成本")


def priced_goods(amounts: dict[str, float], quantities: dict[str, float]) -> float | None:
    """货值金额 as each kind's price times every count of that kind (饼干标价 × 过期饼干库存盒 +
    过期后售出饼干盒): None unless every priced kind has a count and every count one kind.
    A price written among the quantities (乳酸菌饮品单价: 52) is a price, not a count."""
    priced = {**amounts, **{n: v for n, v in quantities.items() if PRICE_NAME.search(n)}}
    quantities = {n: v for n, v in quantities.items() if not PRICE_NAME.search(n)}
    prices = {
        PRICE_NAME.sub("", name): value
        for name, value in priced.items()
        if PRICE_NAME.search(name) and not _PURCHASE.search(name)
    }
    prices = {kind: value for kind, value in prices.items() if len(kind) >= 2}
    if not prices:
        return None
    total = 0.0
    counted = {kind: False for kind in prices}
    for name, count in quantities.items():
        kinds = [kind for kind in prices if kind in name]
        if len(kinds) > 1:
            return None
        if kinds:
            total += prices[kinds[0]] * count
            counted[kinds[0]] = True
    return total if all(counted.values()) else None


_SALE_PRICE = re.compile(r"销售单价|售价|标价|销售价|零售价")
# 进价 is no sale price; 库存货值（标价）is a sum at the list price, not a price
_NOT_UNIT_PRICE = re.compile(r"进|货值|金额|合计|总")
_BOUGHT = re.compile(r"购进|进货|采购|生产|加工")
_SOLD_COUNT = re.compile(rf"{SOLD_WORDS}|销售数量")
_HELD_COUNT = re.compile(r"库存|扣押|查扣|查封|未售|剩余|登记保存|在库")


@dataclass(frozen=True)
class CountedGoods:
    """The goods the file counts at one sale price: all of them (bought, or sold plus held)
    and the held part alone."""

    count: float
    price: float
    held: float | None
    sold: float | None = None

    @property
    def whole(self) -> float:
        return self.count * self.price

    def held_only(self, value: float) -> bool:
        """``value`` is the held part at the price: the sold part left out of the 货值."""
        return self.held is not None and abs(self.held * self.price - value) <= value * 0.01

    def sold_only(self, value: float) -> bool:
        """``value`` is the sold part at the price (违法销售的设备货值: the base the law names)."""
        return self.sold is not None and abs(self.sold * self.price - value) <= value * 0.01


def counted_goods(amounts: dict[str, float], quantities: dict[str, float]) -> CountedGoods | None:
    """One kind of goods counted and priced (标价（元/瓶）: 25, 购进（瓶）: 1800): 货值金额 is
    every unit made or bought for sale, sold and unsold, at its list price (两高伪劣商品解释
    第二条第三款). The price may be written among the amounts or, with its unit, the quantities."""
    prices = [
        v
        for k, v in [*amounts.items(), *quantities.items()]
        if _SALE_PRICE.search(k) and not _NOT_UNIT_PRICE.search(k)
    ]
    counts = {k: v for k, v in quantities.items() if not _SALE_PRICE.search(k) and "价" not in k}
    bought = [v for k, v in counts.items() if _BOUGHT.search(k)]
    sold = [v for k, v in counts.items() if _SOLD_COUNT.search(k)]
    held = [v for k, v in counts.items() if _HELD_COUNT.search(k)]
    if len(prices) != 1 or not prices[0]:
        return None
    count = bought[0] if len(bought) == 1 else (sold[0] + held[0] if sold and held else None)
    if count is None:
        return None
    return CountedGoods(
        count,
        prices[0],
        held[0] if len(held) == 1 else None,
        sold[0] if len(sold) == 1 else None,
    )


def penalty_provisions(case: CaseFile, ctx: ReviewContext) -> list[ResolvedCitation]:
    """Every 处罚依据 of the file that resolves on the act date."""
    return _resolved(case.citations.penalty_basis, case, ctx)


def violated_provisions(case: CaseFile, ctx: ReviewContext) -> list[ResolvedCitation]:
    """Every 违法依据 of the file that resolves on the act date."""
    return _resolved(case.citations.violated, case, ctx)


def _resolved(written: list[str], case: CaseFile, ctx: ReviewContext) -> list[ResolvedCitation]:
    return [r for citation in written for r in ctx.resolved(citation, case.act_date)]


GENERAL_LAW = "中华人民共和国行政处罚法"
# 行政处罚法第二十八条第二款 (since the 2021 revision): 违法所得 is confiscated under the
# general law itself, whatever the special 罚则 says.
GAINS_RULE_FROM = date(2021, 7, 15)


def is_general_law(citation: ResolvedCitation) -> bool:
    """A provision of the 行政处罚法 itself (第二十八条 confiscation, 第三十二条 mitigation…):
    a lawful part of any agency's basis beside the 罚则, never a 罚则 for a party."""
    return GENERAL_LAW in (citation.law, citation.title) or citation.law == GENERAL_LAW[7:]


def daily_penalty(case: CaseFile, ctx: ReviewContext) -> bool:
    """A cited 罚则 is 按日连续处罚 (环境保护法第五十九条): its fine is a day's, counted over days."""
    return any("按日连续处罚" in c.text for c in penalty_provisions(case, ctx))


def paragraph_text(citation: ResolvedCitation, ctx: ReviewContext, case: CaseFile) -> str:
    """The cited 款 (an item citation reads its whole paragraph), else the article."""
    if citation.paragraph is None:
        return citation.article_text
    if citation.item is None:
        return citation.text
    paragraph = _ITEM_SUFFIX.sub("", citation.citation)
    found = [r for r in ctx.resolve(paragraph, case.act_date) if isinstance(r, ResolvedCitation)]
    return found[0].text if found else citation.article_text


# 无…严重情节 / 未造成严重后果 / 不属于情节严重: a clause denying the circumstance.
# 未经复查确认逾期不改正: a denial of the finding that would establish it
_DENIAL_NEAR = re.compile(
    r"(?:无|没有|不存在|未|不属于?|不构成|不适用|并非|非)[^，。；]{0,2}$"
    # 因有同类违法前科，不认定情节较轻: the file declines the circumstance
    r"|(?:不|难以)(?:予|宜|能|应)?认定(?:为|属于?|存在)?$"
    r"|(?:未|没有|无)[^，。；]{0,6}(?:确认|认定|查实|证实|证明)(?:任何|其他)?$"
    # 案卷未载明此前曾责令改正或当事人拒不改正的情况: the file says it does not record it
    r"|(?:未|没有|无)(?:载明|记载|显示|发现|见)[^，。；]{0,16}$"
    # 依条例第六十五条只有逾期未改正才可…: the condition the law sets, no finding
    r"|(?:只有|唯有|仅在|如果|倘若|若|如)$"
)
_DENIAL_START = re.compile(r"^(?:当事人|且|也|亦|并|均)?(?:无|没有|不存在|不属于|不构成|并非)")


# 未拒不停止违法行为或者拒不采取补救措施: a denial governs every item of the list it heads
_LIST_JOIN = re.compile(r"[^，。；]{0,16}?(?:或者|或|、|以及|及)")


def _affirmed(pattern: re.Pattern[str], text: str) -> bool:
    """Some clause states the circumstance: neither a denial just before the words, nor a
    clause opening with one (无两年内三次以上违法或其他严重情节), nor a later item of a
    denied list."""
    for clause in re.split(r"[，。；,;\n]", text):
        denied_end: int | None = None
        for m in pattern.finditer(clause):
            before = clause[: m.start()]
            in_denied_list = denied_end is not None and _LIST_JOIN.fullmatch(
                clause[denied_end : m.start()]
            )
            if (
                _DENIAL_NEAR.search(before)
                or (before and _DENIAL_START.search(clause))
                or in_denied_list
            ):
                denied_end = m.end()
                continue
            return True
    return False


# 依照…第一百零一条“逾期未改正的，责令停产停业整顿…”的规定 / 按“逾期不改正的，处…”档确定: the law
# quoted, not a finding
_QUOTED_LAW = re.compile(
    r"(?:依照|依据|根据|按照|适用|按)[^“”\"。；]{0,40}?[“\"][^“”\"]{0,200}[”\"]"
)


def established_circumstances(case: CaseFile) -> frozenset[str]:
    """The circumstances heavier fine clauses are written for that the file establishes
    (the words of a 罚则 the file quotes are not findings)."""
    facts = case.facts
    text = "。".join(
        [case.violation.description, facts.description, *facts.circumstances]
        + [e.note for e in case.events]
    )
    text = _QUOTED_LAW.sub("", text)
    found = {name for name, pattern in REQUIREMENTS if _affirmed(pattern, text)}
    if facts.harm in ("严重", "重大") or facts.aggravating:
        found.add(SERIOUS)
    if (facts.prior_offences or 0) >= 1 or facts.first_offence is False:
        found.add(REPEATED)
    if _affirmed(_STILL_UNCORRECTED, text):
        found.add(UNCORRECTED)
    if _affirmed(LIGHTER_PATTERN, text):
        found.add(LIGHTER)
    return frozenset(found)


_PARAGRAPH_SUFFIX = re.compile(r"第[一二三四五六七八九十]+款$")


def _paragraphs(article_text: str) -> int:
    """款 of an article: its lines that are not items (（一）…)."""
    lines = [line for line in article_text.splitlines() if line.strip()]
    return sum(1 for line in lines if not line.lstrip().startswith(("（", "(")))


def paragraph_citation(record: ArticleRecord, number: int) -> str:
    """The citation of one 款 of an article: the 款 named only where the article has several."""
    many = len(record.paragraphs) > 1
    return canonical_citation(record.title, record.label, number if many else None, None)


def range_rule(citation: ResolvedCitation, in_paragraph: bool) -> str:
    """Where the fine range is written: the cited 款 (an item's range sits in its 款's
    lead-in), else — or when the article has one 款 only — the article."""
    rule = _ITEM_SUFFIX.sub("", citation.citation)
    if in_paragraph and _paragraphs(citation.article_text) > 1:
        return rule
    return _PARAGRAPH_SUFFIX.sub("", rule)


def _item_fine(
    citation: ResolvedCitation,
    amounts: dict[str, float],
    established: frozenset[str],
    case: CaseFile,
) -> StatutoryBounds | None:
    """A cited 项 that writes its own fine (道路运输条例第六十三条第（二）项: 处1万元以上10万元
    以下的罚款) is the range, pinned to that 项 — not the envelope of every item."""
    if citation.item is None or not _OWN_FINE.search(citation.text):
        return None
    return statutory_bounds(
        citation.text, amounts, None, established, case.facts.quantities, "", fined_kind(case)
    )


def _fitting_item_fine(
    citation: ResolvedCitation,
    amounts: dict[str, float],
    established: frozenset[str],
    case: CaseFile,
) -> StatutoryBounds | None:
    """A bare article whose items each write their own fine (道路运输条例第六十三条 since 2023:
    普通货物 3000元至1万元, 客运 1万至10万元): the range is the item the file's act fits
    (fitting_item), not the envelope of every item."""
    if citation.item is not None:
        return None
    fitting = fitting_item(case, citation)
    if fitting is None or not _OWN_FINE.search(fitting[1]):
        return None
    return statutory_bounds(
        fitting[1], amounts, None, established, case.facts.quantities, "", fined_kind(case)
    )


# 吸收公众存款的，依照有关法律、行政法规予以处罚 (融资担保公司监督管理条例第三十九条第二款): the 款
# leaves the penalty to other laws; the article's other 款 fines another act
_REFERS_ELSEWHERE = re.compile(
    r"依照(?:有关|其他)?(?:法律|行政法规|《[^》]{2,40}》)[^。；]{0,30}?(?:予以|给予)?处罚"
)


# 在幼林地…放牧造成林木毁坏的，由县级以上人民政府林业主管部门责令停止违法行为，限期…补种 (森林法第七十四条
# 第二款): a 款 naming its own act and measures, which the article's other 款 do not fine
_OWN_ORDERS = re.compile(r"的，由[^。；]{2,40}?(?:部门|机关|机构)责令")
# 依照前款、第二款、本条规定处罚: a 款 that takes something from another of its article
OTHER_PARAGRAPH = re.compile(r"前[一二两三]?款|第[一二三四五六七八九十]+款|本条(?!例)")


def _stands_alone(own_text: str | None) -> bool:
    """The cited 款 names its act and its own measures and no fine at all (not 并处以罚款 whose
    sum the next 款 writes), nor another 款: the article's fines are other acts'."""
    return bool(
        own_text
        and _OWN_ORDERS.search(own_text)
        and "罚款" not in own_text
        and not OTHER_PARAGRAPH.search(own_text)
    )


def _writes_fine(citation: ResolvedCitation, own_text: str) -> bool:
    """The cited 款 writes a fine of its own (出境入境管理法第七十八条第一款: 每非法居留一日
    五百元，总额不超过一万元的罚款): when its wording is unreadable the range is unknown —
    another 款's range (第二款: 监护人…一千元以下罚款) is for another act."""
    return citation.paragraph is not None and bool(_OWN_AMOUNT.search(own_text))


def statutory_fine(
    case: CaseFile, ctx: ReviewContext
) -> tuple[StatutoryBounds, ResolvedCitation, str] | None:
    """The lawful fine the cited penalty provision sets for this case, and the 款 or
    article that writes it: its own 款 first, else the whole article (fines often sit in
    the next 款: 有前款第X项行为的，处…)."""
    read = _read(case)
    return next(
        (
            found
            for cited in _persons_first(case, penalty_provisions(case, ctx))
            if (found := _provision_fine(case, ctx, cited, *read))
        ),
        None,
    )


# 对负有责任的董事、监事、高级管理人员或者其他直接责任人员…处二十万元以下罚款 (反洗钱法第五十六条
# 第一款): the fine of the persons in charge, cited beside the organisation's 罚则
_PERSONS_FINE = re.compile(
    r"对[^。；]{0,30}?(?:直接负责的主管人员|直接责任人员|负有责任的[^。；]{0,20}?人员)[^。；]{0,30}?处"
)


def _persons_first(case: CaseFile, cited: list[ResolvedCitation]) -> list[ResolvedCitation]:
    """A person punished as the one in charge of an organisation: the provision fining such
    persons sets the range, not the organisation's 罚则 cited for the act."""
    if not case.parties or any(p.kind != "个人" for p in case.parties):
        return cited
    return sorted(cited, key=lambda c: not _PERSONS_FINE.search(c.text))


def provision_fine(
    case: CaseFile, ctx: ReviewContext, cited: ResolvedCitation
) -> tuple[StatutoryBounds, ResolvedCitation, str] | None:
    """As statutory_fine, for one cited penalty provision."""
    return _provision_fine(case, ctx, cited, *_read(case))


def _read(case: CaseFile) -> tuple[dict[str, float], frozenset[str], str]:
    """The bases, established circumstances and told facts every cited range is read against
    (read once per file, not once per provision)."""
    # the circumstances name what the narrative may only describe (广告费用明显偏低)
    told = "。".join([narrative(case), *case.facts.circumstances])
    return fine_bases(case), established_circumstances(case), told


def _provision_fine(
    case: CaseFile,
    ctx: ReviewContext,
    cited: ResolvedCitation,
    amounts: dict[str, float],
    established: frozenset[str],
    told: str,
) -> tuple[StatutoryBounds, ResolvedCitation, str] | None:
    citation = act_date_counterpart(case, ctx, cited) or cited
    own = _item_fine(citation, amounts, established, case) or _fitting_item_fine(
        citation, amounts, established, case
    )
    if own is not None:
        return own, citation, citation.citation
    own_text = paragraph_text(citation, ctx, case)
    texts = [(own_text, True)]
    if (
        not _writes_fine(citation, own_text)
        and not _REFERS_ELSEWHERE.search(own_text or "")
        and not _stands_alone(own_text)
    ):
        texts.append((citation.article_text, False))
    for text, in_paragraph in texts:
        bounds = statutory_bounds(
            text,
            amounts,
            citation.item,
            established,
            case.facts.quantities,
            told,
            fined_kind(case),
        )
        if bounds is not None:
            rule = range_rule(citation, in_paragraph)
            return bounds, citation, _writing_paragraph(citation, ctx, bounds.wording, rule)
    return None


def _writing_paragraph(
    citation: ResolvedCitation, ctx: ReviewContext, wording: str, rule: str
) -> str:
    """A range read from the whole article but written in one of its 款 only (社会团体登记管理
    条例第三十条第二款: 前款规定的行为有违法经营额或者违法所得的，…并处…罚款; 固废法第一百一十二条
    第一款第（三）项 cited, its fine in 第二款): that 款 is where the range is."""
    record = None if _PARAGRAPH_SUFFIX.search(rule) else ctx.record(citation)
    if record is None or len(record.paragraphs) < 2:
        return rule
    clauses = [c for c in wording.split("；") if c]
    holding = [
        p.number
        for p in record.paragraphs
        if clauses and all(c in re.sub(r"\s+", "", p.text) for c in clauses)
    ]
    if len(holding) > 1 and citation.item is not None:
        # 单位有前款第一项…行为之一，处五万元以上… beside another 款's 对单位处五万元以上…: the 款
        # fining the cited item by its number
        named = f"前款第{to_chinese(citation.item)}项"
        holding = [n for n in holding if named in record.paragraphs[n - 1].text] or holding
    if len(holding) != 1:
        return rule
    return f"{_PARAGRAPH_SUFFIX.sub('', rule)}第{to_chinese(holding[0])}款"


def matching_standard(case: CaseFile, ctx: ReviewContext) -> Violation | None:
    """The standard row named in the file, else the row citing the penalty article that
    reads most like the described violation."""
    if ctx.standards is None:
        return None
    if case.violation.standard_id:
        return ctx.standards.get(case.violation.standard_id)
    candidates: list[Violation] = []
    for citation in penalty_provisions(case, ctx):
        candidates += ctx.standards.search_article(
            citation.law, citation.article, citation.paragraph
        )
    if not candidates:
        return None
    text = case.violation.description
    best = max(candidates, key=lambda v: similarity(v.title, text))
    return best if similarity(best.title, text) >= 0.5 else None


# 可以免予处罚，但应当依法没收其不符合食品安全标准的食品 (食品安全法第一百三十六条): the law
# exempts the party and keeps the confiscation
EXEMPTING_CONFISCATION = re.compile(
    r"(?:免予|不予)(?:行政)?处罚[^。；]{0,4}(?:但|并)[^。；]{0,8}没收"
)


def exempted_but_confiscated(case: CaseFile, ctx: ReviewContext) -> bool:
    """The decision only confiscates, on a provision that exempts the party from penalty
    but orders that confiscation: the exemption is already applied."""
    types = case.penalty.types
    return (
        bool(types)
        and all(t.startswith("没收") for t in types)
        and any(
            EXEMPTING_CONFISCATION.search(c.article_text) for c in penalty_provisions(case, ctx)
        )
    )


def cited_article(
    case: CaseFile, ctx: ReviewContext, law: str, article: int, holding: tuple[str, ...] = ()
) -> ResolvedCitation | None:
    """The cited 罚则 of ``law`` numbered ``article`` whose text (the version applied) holds
    every word of ``holding``: a checker keyed to one article reads it only as in force."""
    return next(
        (
            c
            for c in penalty_provisions(case, ctx)
            if c.law == law and c.article == article and all(w in c.article_text for w in holding)
        ),
        None,
    )


def rule_in_force(ctx: ReviewContext, written: str, day: date, *holding: str) -> str | None:
    """The canonical citation of ``written`` on ``day`` when its text holds every word of
    ``holding`` (None where the corpus lacks it or the text in force says otherwise)."""
    for found in ctx.resolve(written, day):
        if isinstance(found, ResolvedCitation) and all(w in found.text for w in holding):
            return found.citation
    return None
