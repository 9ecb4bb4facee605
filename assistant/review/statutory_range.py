"""The fine a penalty article sets, read from its own text, clause by clause.

Penalty articles write fines as fixed ranges (处一万元以上十万元以下罚款), multiples of a
base (货值金额等值以上三倍以下), tiers chosen by that base (货值金额不足一万元的，并处五万元
以上十万元以下罚款；货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款) and
item-specific sentences (有前款第一项、第八项行为之一，处…). A case's lawful range is the
envelope of every clause that can apply to it. A heavier clause written for a
circumstance (逾期未改正的，处…; 情节严重的，处…; 再次…) applies only when the file
establishes that circumstance; fines on responsible individuals are not the party's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.discretion.model import PenaltyRange
from assistant.discretion.penalty_amounts import (
    chinese_number,
    parse_penalty,
    resolve_yuan,
    split_unit_and_individual,
)
from corpus.text_normalizer import normalize_text

_NUM = r"[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+"
# 虚开金额在1万元以下的 (发票管理办法), 违法经营额五万元以上的 (商标法第六十条第二款): a tier on
# the amount the conduct itself sums to
_TIER_BASES = ("货值金额", "违法所得", "销售金额", "虚开金额", "违法经营额")
# 尚不够刑事处罚的，没收…，违法经营额1万元以上的，并处… (出版管理条例第六十一条): the 处 of 处罚的
# starts no fine
_FINE = re.compile(r"处(?![置理分]|罚的)[^；。]*?罚款|处(?![置理分]|罚的)[^；。]*倍")
_TIER = re.compile(
    rf"(?:没有({'|'.join(_TIER_BASES)})或者)?({'|'.join(_TIER_BASES)})(?:数额)?在?"
    rf"(不足|不满|低于|超过|高于)?({_NUM})(万元|元)(以上|以下)?"
    # 违法所得不足3万元或者没有违法所得的 (全民健身条例第三十六条): the fallback written after
    rf"(或者没有(?:{'|'.join(_TIER_BASES)}))?的"
)
_NEW_BRANCH = re.compile(r"\s*有违法所得的")
_NO_BASE = re.compile(rf"没有({'|'.join(_TIER_BASES)})的")
# 没有猎获物的，并处… (野生动物保护法第四十六条): the fallback of a multiple whose base the
# article names by its thing; kept only when another clause's base is that thing's amount
_NO_THING = re.compile(r"没有([\u4e00-\u9fa5]{2,8}?)的，?(?:并)?$")
# 有前款第一项、第三项行为 / 有前款第二、四项 / 有前款第（二）、（四）项 (brackets dropped first)
_NUMERAL = r"[一二三四五六七八九十]+"
_ITEMS = re.compile(rf"有(?:前款|本条第{_NUMERAL}款)((?:第?{_NUMERAL}项?[、和或者至]*)+)")
_BRACKETED = re.compile(rf"[（(]({_NUMERAL})[)）]")
# an item of a list that writes its own fine: (一)未取得采矿许可证擅自采矿的，处以违法所得50%以下的罚款
# (the first item follows the lead-in's colon: 分别按照下列规定执行：(一)…)
_LISTED_ITEM = re.compile(r"(?:^|[：:])[（(]([一二三四五六七八九十]+)[)）]")
_MULTIPLE = re.compile(r"倍|[百千]分之|[%％]")
_PERSONS = re.compile(r"主管人员|责任人员|法定代表人|主要负责人|从业人员")
# 对直接负责的主管人员…处: persons fined beside the party, never the party itself
_BESIDE_PARTY = re.compile(r"对[^，。；]{0,20}(?:主管人员|责任人员|法定代表人|主要负责人|从业人员)")
# 对货主以外的承运人处运输费用三倍以上五倍以下罚款 (动物防疫法第一百条): a party other than the
# one the article's conduct names
_OTHER_PARTY = re.compile(r"对[^，。；]{0,10}以外的[^，。；]{1,10}$")
# A multiple of any base the article names (广告费用、建设工程造价…), not only the known ones.
# 百分之五十 and 1% (建设工程质量管理条例第五十七条: 工程合同价款1%以上2%以下) are one rate.
_RATE = rf"(?:({_NUM})倍|百分之({_NUM})|([0-9]+(?:\.[0-9]+)?)[%％])"
_ANY_BASE = r"((?:(?!倍|[百千]分之|以上|以下)[\u4e00-\u9fa5、]){2,30}?)"
# 上一年年收入百分之六十至百分之一百 (安全生产法第一百一十条) writes the range with 至.
_ANY_MULTIPLE = re.compile(rf"^处(?:以)?{_ANY_BASE}{_RATE}(以上|以下|至)?(?:{_RATE}(?:以下)?)?")
# 广告费用无法计算或者明显偏低的，处…: a fine for when the base cannot be had.
_UNCOMPUTABLE = re.compile(
    r"([^，,]{2,12}?)(?:无法计算|难以计算|不能计算|无法确定|难以确定|不能确定|无法核定)"
)
# Circumstances a heavier clause is written for; the file must establish them.
UNCORRECTED = "逾期未改正"
SERIOUS = "情节严重"
REPEATED = "再次违法"
CORRECTABLE = "尚可采取改正措施"
UNCORRECTABLE = "无法采取改正措施"
# 情节较轻的，处五日以下拘留或者五百元以下罚款 (治安管理处罚法): a lighter clause that, once the
# file finds the circumstance, replaces the article's main clause rather than widening it
LIGHTER = "情节较轻"
LIGHTER_PATTERN = re.compile(r"情节较轻")
REQUIREMENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (UNCORRECTABLE, re.compile(r"(?:无法|不能|难以)采取改正措施")),
    (CORRECTABLE, re.compile(r"(?:尚可|可以|能够)采取改正措施")),
    (
        UNCORRECTED,
        # 限期补办手续；逾期不补办手续的，处… (水土保持法第五十三条): any act ordered within a
        # time limit, not only 改正
        re.compile(
            r"逾期(?:未|不|仍未|仍不)(?:改正|整改|采取|履行|完成)|拒不改正|拒不整改"
            # 责令停止使用；拒不停止使用的，扣押…并处罚款 (农业机械安全监督管理条例第五十条)
            r"|拒不停止(?:使用|施工|建设|生产|经营|违法行为)|拒不投保"
            # 在规定期限内不改正的，没收… (彩票管理条例第四十三条)
            r"|期限内(?:不|未|仍未|仍不)(?:改正|整改)"
            r"|逾期(?:未|不|仍未|仍不)(?:补办|办理|恢复|治理|拆除|关闭|消除|清除|补种|补缴|缴纳|申请|"
            r"报送|补报|提交|登记|备案|补正|移交|交回|交还|送回|改造|修复|更换)(?!罚款)"
        ),
    ),
    (SERIOUS, re.compile(r"情节(?:特别)?严重|严重情节|后果(?:特别)?严重|造成严重|重大损失")),
    (REPEATED, re.compile(r"再次|二年内|两年内|一年内|多次|累计")),
)


@dataclass(frozen=True)
class FineClause:
    """One fine sentence of the article and the circumstances it is limited to."""

    fine: PenaltyRange
    tier_base: str | None = None
    below: float | None = None  # applies when the base amount is under this
    at_least: float | None = None  # applies when the base amount is this or more
    no_base: bool = False  # 没有违法所得的…
    items: frozenset[int] = frozenset()  # 有前款第X项…; empty: any item
    requires: str | None = None  # UNCORRECTED, SERIOUS or REPEATED
    # 情节严重或者逾期未改正的，处… (反洗钱法2024年第五十三条): a second circumstance that also opens it
    either: str | None = None
    lighter: bool = False  # 情节较轻的，处…
    # 超过核定载质量百分之三十…的，处…: the graver tier of an excess over a limit (base, percent)
    over_percent: tuple[str, float] | None = None
    over_plain: str | None = None  # 超过核定载质量的，处…: the milder tier of the same excess
    # 对虚报注册资本的公司，处…；对提交虚假材料…的公司，处… (公司法2018年第一百九十八条):
    # the conduct a clause is written for when one article fines several
    conduct: str | None = None
    # 农药使用者为…农民专业合作社等单位的，处…；农药使用者为个人的，处… (农药管理条例第六十条):
    # the kind of party a clause fines when the article fines units and individuals apart
    party: str | None = None
    # …并处五倍以上十五倍以下的罚款；对…进行围海、填海活动的，并处十倍以上二十倍以下的罚款
    # (海域使用管理法第四十二条): the narrower act a sentence adds to the article's fine
    sub_case: str | None = None
    # 处违法经营额…或者违法所得…: one of two bases the decision may choose; a side whose base
    # the file lacks gives way to the other
    alternative: bool = False
    # 对农户，并处五百元以上五千元以下罚款 (农产品质量安全法第七十一条): whom the clause fines
    addressee: str | None = None

    def applies(
        self, amounts: dict[str, float], item: int | None, established: frozenset[str]
    ) -> bool:
        """False when the case's item, base amount or unestablished circumstance rules
        this clause out."""
        if self.items and item is not None and item not in self.items:
            return False
        if self.requires is not None and not {self.requires, self.either} & established:
            return False
        if self.tier_base is None:
            return True
        amount = _amount(self.tier_base, amounts)
        if amount is None:
            return True
        if self.no_base and amount <= 0:
            return True
        if self.below is not None and amount >= self.below:
            return False
        return self.at_least is None or amount >= self.at_least


# Words that qualify a base without changing what is counted: 不缴或者少缴的税款 is the
# 少缴税款 a file records, 被盗伐林木价值（元） the 盗伐林木价值 the article names, 所需处置费用
# the 危险废物处置费用.
# 涉案林木价值 is the 盗伐林木价值 of the case: 涉案 only says which
_BASE_FILLER = re.compile(r"[（(][^）)]*[）)]|的|或者|人民币|被|所需|涉案|（|）")


# 非法经营数额 (the 两高 interpretation's word) counts what 违法经营额 (商标法第六十条、实施条例
# 第七十八条) counts: the value of the infringing goods made, stored, sold. 非法/违法 and
# 数额/额 name one base.
# 不缴或者少缴的税款 (税收征收管理法第六十三条) is the 少缴税款 a file records.
_BASE_SYNONYMS = (
    (re.compile(r"非法经营"), "违法经营"),
    (re.compile(r"经营数额"), "经营额"),
    (re.compile(r"不缴少缴"), "少缴"),
    # 欠缴税款 (declared, not paid: 税收征收管理法第六十八条) is tax 不缴 — the same base
    (re.compile(r"欠缴(?=税款)"), "少缴"),
    # 工程合同价款 (建设工程质量管理条例第六十四条) is the 施工合同价款 a file records
    (re.compile(r"施工合同"), "工程合同"),
    # 野生动物及其制品价值 (野生动物保护法第四十八条) is the 野生动物价值 a file records
    (re.compile(r"及其制品"), ""),
    # 超过采伐许可证规定的数量采伐 is 滥伐 (森林法第七十六条第二款): 超采林木价值 is 滥伐林木价值
    (re.compile(r"超(?:额|量)?采(?:伐)?"), "滥伐"),
    # 采购金额 (政府采购法第七十七条) is the 成交金额 / 中标金额 of the procurement a file records
    (re.compile(r"^(?:成交|中标)(?=金额)"), "采购"),
)


def _bare(name: str) -> str:
    bare = _BASE_FILLER.sub("", name)
    for pattern, word in _BASE_SYNONYMS:
        bare = pattern.sub(word, bare)
    return bare


def same_base(name: str, base: str) -> bool:
    """A file's amount named ``name`` is the base the article calls ``base``: one contains
    the other once unit notes and qualifying words are set aside."""
    if base in name or name in base:
        return True
    if "或者" in base:
        # 应缴或者补缴水资源费 (水法第七十条) is the 应缴水资源费 and the 补缴水资源费 a file records
        parts = base.split("或者")
        tail = parts[-1][2:]
        alternatives = [p if len(p) > 4 else p + tail for p in parts[:-1]] + [parts[-1]]
        if any(same_base(name, a) for a in alternatives if "或者" not in a):
            return True
    elif (alone := _SHARED_TAIL.fullmatch(base)) is not None:
        # 相当于进口或销售额 (进口计量器具监督管理办法第十六条): the 进口额 or the 销售额
        heads, tail = alone.group(1).split("或"), alone.group(2)
        if any(same_base(name, h + tail) for h in heads):
            return True
    bare_name, bare_base = _bare(name), _bare(base)
    if len(bare_name) < 2 or len(bare_base) < 2:
        return False
    if bare_base in bare_name or bare_name in bare_base:
        return True
    # 欠缴数额 (社会保险法第八十六条) is the 欠缴社会保险费 a file records: an amount the
    # article names by its verb alone is any amount the file names by that verb
    verb = _VERB_AMOUNT.fullmatch(bare_base)
    if verb is not None:
        return bare_name.startswith(verb.group(1))
    # 造成损失金额 (医疗保障基金使用监督管理条例第三十八条) is the 医保基金损失 a file records
    if _LOSS_AMOUNT.fullmatch(bare_base) is not None and "损失" in bare_name:
        return True
    # 违法批发的烟草制品价值 (烟草专卖法实施条例第五十四条) is the 违法批发总额 a file records: the
    # same unlawful act's sum, named by its verb
    # 履行绿化、水土保持义务所需费用 (收费公路管理条例第五十五条) is the 恢复绿化及水土保持设施所需费用
    # a file records: the cost of doing what the duty asks, whatever the works are called
    if base.endswith(_COST_NEEDED) and re.sub(r"[（(][^）)]*[）)]$", "", name).endswith(
        _COST_NEEDED
    ):
        return True
    # 所收财物价值 (法律援助条例第二十八条) is the 所收受援人财物 a file records
    received = _RECEIVED.fullmatch(bare_base)
    if received is not None and (named := _RECEIVED.fullmatch(bare_name)) is not None:
        return received.group(2) == named.group(2)  # 所收取报酬 is the 收取报酬总额
    act = _ACT_VALUE.fullmatch(bare_base)
    if act is not None and bare_name in _BUSINESS_SUM:
        return True  # 非法经营数额: the whole unlawful business, here the wholesale itself
    return (
        act is not None
        and bare_name.startswith(act.group(1))
        and _SUM.search(bare_name) is not None
    )


# 进口或销售额: alternatives of two characters or so sharing the amount word after the last
_SHARED_TAIL = re.compile(
    r"(?:相当于)?([\u4e00-\u9fa5]{2,4}(?:或[\u4e00-\u9fa5]{2,4})+)(额|金额|数额)"
)
_BUSINESS_SUM = frozenset({"违法经营额", "违法经营总额"})
_COST_NEEDED = "所需费用"
_RECEIVED = re.compile(
    r"(所收取|所收|收取|收受)[\u4e00-\u9fa5]{0,6}?(财物|费用|款项|报酬)(?:价值|金额|数额|总额)?"
)


_VERB_AMOUNT = re.compile(r"(欠缴|少缴|未缴|骗取|截留|挪用|侵占)(?:数额|金额|税款)")
_ACT_VALUE = re.compile(
    r"(违法(?:批发|零售|销售|经营|生产|运输|收购))[\u4e00-\u9fa5]{0,8}(?:价值|金额|数额)"
)
_SUM = re.compile(r"(?:总|金)?额$|价值$|货值$")
_LOSS_AMOUNT = re.compile(r"造成[\u4e00-\u9fa5]{0,8}?损失(?:数额|金额)")


def _amount(base: str, amounts: dict[str, float]) -> float | None:
    """The file's amount for the base: one named as the base first, else one whose name
    ends in the base's core (同类检疫合格生猪货值 for 货值金额)."""
    for matches in (same_base, _same_core):
        found = [(name, value) for name, value in amounts.items() if matches(name, base)]
        if found:
            # 户外LED屏广告费用 / 公众号推文广告费用 / 广告费用合计: the parts' total is the base
            total = next((v for name, v in found if _TOTAL.search(name)), None)
            return total if total is not None else found[0][1]
    return None


_TOTAL = re.compile(r"合计|总计|总额|共计|累计|总和")


_AMOUNT_WORD = re.compile(r"(?:金额|数额)$")


def _same_core(name: str, base: str) -> bool:
    core = _AMOUNT_WORD.sub("", _bare(base))
    if len(core) >= 2 and core != _bare(base) and _bare(name).endswith(core):
        return True
    # 非法占用海域期间内该海域面积应缴纳的海域使用金 is the 应缴海域使用金 a file records: a
    # base described at length is named by its head noun
    head = base.rsplit("的", 1)[-1] if "的" in base else ""
    if len(head) >= 3 and _bare(name).endswith(head):
        return True
    # 建设工程造价 (城乡规划法第六十四条) is, in practice, the 违法建设部分造价 a file records
    return base.endswith(_COST) and _bare(name).endswith(_COST)


_COST = "造价"


# 依照土地管理法第八十二条的规定处以罚款的，罚款额为违法所得的10%以上30%以下 (土地管理法实施条例
# 第六十条): a regulation writing the range of a law's bare 并处罚款
_AMOUNT_IS = re.compile(r"处以罚款的，罚款额为([^。；]+?)([。；]|$)")


def _clean(text: str) -> str:
    clean = re.sub(r"\s+", "", normalize_text(text))
    clean = _AMOUNT_IS.sub(r"处\1的罚款\2", clean)
    return clean.replace("等值以上", "一倍以上")


def _tier(prefix: str) -> dict:
    """Tier bounds from the condition written before the fine (last one wins)."""
    found = list(_TIER.finditer(prefix))
    if not found:
        no_base = _NO_BASE.search(prefix) or _NO_THING.search(prefix)
        return {"tier_base": no_base.group(1), "no_base": True, "below": 0.0} if no_base else {}
    either, base, below_word, number, unit, direction, either_after = found[-1].groups()
    value = chinese_number(number) * (10_000 if unit == "万元" else 1)
    below = below_word in ("不足", "不满", "低于") or direction == "以下"
    bounds = {"below": value} if below else {"at_least": value}
    return {"tier_base": base, "no_base": bool(either or either_after), **bounds}


def _uncomputable(since_previous: str) -> dict:
    """广告费用无法计算或者明显偏低的，处…: applies only when the file has no such base."""
    found = _UNCOMPUTABLE.search(since_previous.split("，")[-2] if "，" in since_previous else "")
    if found is None:
        return {}
    return {"tier_base": found.group(1), "no_base": True, "below": 0.0}


def _rate(times: str | None, percent: str | None, sign: str | None = None) -> float:
    if times:
        return chinese_number(times)
    return chinese_number(percent or sign or "0") / 100


# 处以采购金额千分之五以上千分之十以下的罚款 (政府采购法第七十七条): a rate per mille
_PER_MILLE = re.compile(rf"千分之({_NUM})")


def _as_percent(found: re.Match[str]) -> str:
    return f"{chinese_number(found.group(1)) / 10:g}%"


def any_base_multiple(fine_text: str) -> PenaltyRange | None:
    """处广告费用三倍以上五倍以下 / 处建设工程造价百分之十以下: a multiple of the base the
    article itself names, for bases the standards' parser does not list."""
    found = _ANY_MULTIPLE.match(_PER_MILLE.sub(_as_percent, fine_text))
    if found is None:
        return None
    base, t1, p1, s1, direction, t2, p2, s2 = found.groups()
    base = base.removesuffix("的")  # 应缴纳的保险费的二倍: the base is the 保险费
    first = _rate(t1, p1, s1)
    if (t2 or p2 or s2) and direction != "以下":
        low, high = first, _rate(t2, p2, s2)
    elif direction == "以下":
        low, high = None, first
    elif direction == "以上":
        low, high = first, None
    else:
        low = high = first
    return PenaltyRange(raw=fine_text, base=base, min_multiple=low, max_multiple=high)


def _previous_base_multiple(
    fine_text: str, clauses: list[FineClause], since_previous: str
) -> PenaltyRange | None:
    """处运输费用三倍以上五倍以下罚款，情节严重的，处五倍以上十倍以下罚款 (动物防疫法第一百条): a
    multiple with no base of its own, in the clause right after one, is of that one's base."""
    if not clauses or clauses[-1].fine.base is None or re.search(r"[。；]", since_previous):
        return None
    return any_base_multiple(fine_text.replace("处", "处" + clauses[-1].fine.base, 1))


def _one_sided(fine: PenaltyRange | None, fine_text: str) -> PenaltyRange | None:
    """处以违法所得50%以下的罚款 caps the fine (矿产资源法实施细则第四十二条): the standards'
    parser reads a lone rate as a fixed one, so a rate the article bounds on one side only
    is read again here."""
    if fine is None or fine.base is None or fine.min_multiple != fine.max_multiple:
        return fine
    bounded = any_base_multiple(fine_text) or _lone_cap(fine.base, fine_text)
    if bounded is None or bounded.min_multiple == bounded.max_multiple:
        return fine
    # a cap (以下) runs from nothing: 违法所得50%以下 is 0 to 50%
    low = 0.0 if bounded.min_multiple is None else bounded.min_multiple
    top = _TOP_SUM.search(fine_text)
    return fine.model_copy(
        update={
            "min_multiple": low,
            "max_multiple": bounded.max_multiple,
            "max_yuan": _sum(top.group(1), top.group(2)) if top else fine.max_yuan,
        }
    )


# 可以单处或者并处警告，违法所得三倍以下、但最高不超过三万元的罚款 (侵害消费者权益行为处罚办法
# 第十五条): the rate follows a warning, not 处, and the sum caps it
_TOP_SUM = re.compile(rf"最高(?:不(?:得)?超过|为)({_NUM})(万)?元")


def _lone_cap(base: str, fine_text: str) -> PenaltyRange | None:
    found = re.search(rf"{re.escape(base)}{_RATE}以下", fine_text)
    if found is None or "以上" in fine_text[: found.end()]:
        return None
    return PenaltyRange(raw=fine_text, base=base, max_multiple=_rate(*found.groups()))


def _sum(number: str, ten_thousand: str | None) -> float:
    return chinese_number(number) * (10_000 if ten_thousand else 1)


def _items(prefix: str) -> frozenset[int]:
    listed = _ITEMS.search(_BRACKETED.sub(r"\1", prefix))
    if not listed:
        return frozenset()
    return frozenset(int(chinese_number(n)) for n in re.findall(_NUMERAL, listed.group(1)))


# 超过核定载质量百分之三十 (道路交通安全法第九十二条): a tier chosen by how far a limit is exceeded
_OVER_PERCENT = re.compile(rf"超过([\u4e00-\u9fa5]{{2,8}}?)百分之({_NUM})")
_OVER_PLAIN = re.compile(r"超过([\u4e00-\u9fa5]{2,8}?)的，?$")
_RATIO_NAME = re.compile(r"比例|百分比|百分率|[%％]|超载率|超限率|超员率")
_LIMIT_WORDS = re.compile(r"^(?:核定|额定|规定|限定)")
# A file names a limit in its own words: 额定乘员 is the 核定载客(人数) of a 行驶证, 核载 for short;
# the count on board is its 实载 (实载人数), as 核定载质量's is 实际载质量.
_LIMIT_ALIASES = {"乘员": re.compile(r"乘员|载客|乘客|载人|核载")}
_LIMIT_NAME = re.compile(r"核定|额定|核载|限定|限载")
_ACTUAL_NAME = re.compile(r"实际|实载")


def _over(prefix: str) -> dict:
    """The excess tier a clause is written for: 超过X百分之N (graver) or plain 超过X的."""
    graver = list(_OVER_PERCENT.finditer(prefix))
    if graver:
        base, number = graver[-1].groups()
        return {"over_percent": (base, chinese_number(number))}
    plain = _OVER_PLAIN.search(prefix)
    return {"over_plain": plain.group(1)} if plain else {}


def excess_percent(base: str, quantities: dict[str, float]) -> float | None:
    """How far the file's measure exceeds the limit ``base`` names, in percent: a stated
    ratio (超载比例百分比: 42.5), else 实际X over 核定X (实际载质量 14250 / 核定载质量 10000)."""
    core = _LIMIT_WORDS.sub("", base)
    for name, value in quantities.items():
        if _RATIO_NAME.search(name) and (core in name or re.search(r"超载|超限|超员", name)):
            return value
    limit = next((v for k, v in quantities.items() if base in k), None)
    actual = next(
        (v for k, v in quantities.items() if core in k and "实际" in k and base not in k), None
    )
    if (not limit or actual is None) and core in _LIMIT_ALIASES:
        limit, actual = _aliased_limit(_LIMIT_ALIASES[core], quantities)
    if not limit or actual is None:
        return None
    return (actual - limit) / limit * 100


def _aliased_limit(
    subject: re.Pattern, quantities: dict[str, float]
) -> tuple[float | None, float | None]:
    """The limit and the measure a file names in its own words (核定载客人数 45, 实载人数 56)."""
    limit = next(
        (v for k, v in quantities.items() if _LIMIT_NAME.search(k) and subject.search(k)), None
    )
    actual = next(
        (
            v
            for k, v in quantities.items()
            if _ACTUAL_NAME.search(k)
            and not _LIMIT_NAME.search(k)
            and (subject.search(k) or "人数" in k)
        ),
        None,
    )
    return limit, actual


def _graver_excess(applicable: list[FineClause], quantities: dict[str, float]) -> list[FineClause]:
    """A file whose excess is over the graver tier's percent (超过 excludes the number itself)
    is outside the milder tier of the same limit: 超载42.5% is fined 500–2000, not 200–500;
    one whose counted excess is not over it (超员3人 of 19, 15.8%) is outside the graver tier."""
    dropped = set()
    for clause in applicable:
        if clause.over_percent is None:
            continue
        base, percent = clause.over_percent
        excess = excess_percent(base, quantities)
        if excess is not None and excess > percent:
            dropped |= {id(c) for c in applicable if c.over_plain == base}
        elif excess is not None and any(c.over_plain == base for c in applicable):
            dropped.add(id(clause))
    return [c for c in applicable if id(c) not in dropped]


def _listed_item(sentence: str) -> frozenset[int]:
    """The item of a list a sentence opens, whose own words carry a fine (矿产资源法实施细则
    第四十二条: (六)…处以相当于矿产资源损失价值50%以下的罚款); its 分号 clauses continue it."""
    own = _LISTED_ITEM.findall(sentence)
    return frozenset({int(chinese_number(own[-1]))}) if own else frozenset()


def _requires(local: str) -> str | None:
    """The circumstance a clause is written for (逾期未改正的，处…), if any."""
    return next((name for name, pattern in REQUIREMENTS if pattern.search(local)), None)


def _either(local: str) -> str | None:
    """The other circumstance of a clause written for one or another (情节严重或者逾期未改正的)."""
    conditions = _LAST_CONDITION.findall(local)
    if not conditions or "或者" not in conditions[-1]:
        return None
    named = [name for name, pattern in REQUIREMENTS if pattern.search(conditions[-1])]
    if len(named) != 2 or (SERIOUS in named and "情节" not in conditions[-1]):
        # 拒不改正或者造成严重后果的 (未成年人保护法第一百二十六条): a consequence the file must
        # show, which a finding of 情节严重 alone is not
        return None
    return named[1]


# the condition opening the clause: the words after the last 分号 or 句号 up to its 的，
_LAST_CONDITION = re.compile(r"[^；;。]*的[，,]")


_CONDUCT = re.compile(r"对([^，。；对]{2,40}?)的(?:公司|单位|企业|个人|当事人)?[，,]?$")
_PARTY_KIND = re.compile(r"为[^，。；]{0,60}?(单位|个人)的[，,]?$")
# 对公证机构给予警告，并处二万元以上…；对公证员给予警告，并处二千元以上… (公证法第四十二条): the
# addressee a clause fines, a person (…员) or an organisation
# 对单位可以处10万元以下罚款，对个人可以处1000元以下罚款 (城镇燃气管理条例第四十九条) too
# 对个人可以并处5000元以下的罚款 (卫星电视广播地面接收设施管理规定第十条第三款): 可以 before 并
_ADDRESSEE = re.compile(r"对([^，。；对]{2,12}?)，?(?:给予警告，)?(?:可以)?并?(?:可以)?$")
_PERSON_WORD = re.compile(r"(?:员|人|师|者|个人)$")
_ORGANISATION_WORD = re.compile(r"(?:机构|单位|公司|企业|组织|经营者)$")
# 对驾驶人处2000元以上…；对车辆所有人处8万元以上… (校车安全管理条例第四十四条): an owner, carrier or
# consignor may be a school or a company as well as a person
_EITHER_KIND = re.compile(r"(?:所有人|经营人|承运人|托运人|收货人|发货人|委托人)$")


# 单位有前款第一项、第七项行为之一，处…；个人有前款…，处… (固废法第一百一十一条第二款): the kind
# of party the sentence opens on
_SUBJECT_KIND = re.compile(r"^[；;。，,\s]*(单位|个人)(?=有|违反|未|擅自)")


def _addressee_kind(since_previous: str) -> str | None:
    """单位 or 个人 for a clause addressed to a kind of party the article names."""
    subject = _SUBJECT_KIND.search(since_previous)
    if subject is not None:
        return subject.group(1)
    found = _ADDRESSEE.search(since_previous)
    if found is None:
        return None
    if _EITHER_KIND.search(found.group(1)):
        return None
    if _PERSON_WORD.search(found.group(1)):
        return "个人"
    return "单位" if _ORGANISATION_WORD.search(found.group(1)) else None


# 违反本条例的规定，货运经营者不按规定维护和检测运输车辆的，由…处… (道路运输条例第六十九条, one
# 款 per conduct): the conduct a sentence's first fine is written for
_LEAD_CONDUCT = re.compile(r"^(?:违反[^，。；]{0,24}规定，)?([^。；]{4,80}?)的，由")


# 对未经批准或者骗取批准，进行围海、填海活动的，并处…: a sentence opening on the article's
# act narrowed to a graver one, whose last phrase names that act
_SUB_CASE = re.compile(
    r"^对[^。；对]{2,40}?，(?:进行|从事)?([^。；，对]{2,20}?)(?:活动|行为)?的，并$"
)


# 不属于围海、填海 / 非围海、填海: the narrower act denied
_DENIED_BEFORE = re.compile(
    r"(?:不属于|不属|不是|并非|非|未|没有|不涉及|不包括|不含|无)[^，。；]{0,2}$"
)


def _sub_case_told(act: str, told: str) -> bool:
    """The facts name one of the narrower act's alternatives (围海、填海 → 填海), not as a
    denial (不属于围海、填海)."""
    alternatives = [p for p in re.split(r"、|或者", act) if len(p) >= 2]
    for found in re.finditer("|".join(map(re.escape, alternatives)), told) if alternatives else []:
        # the list's head carries the denial for all (不属于围海、填海)
        head = re.split(r"[，。；]", told[: found.start()])[-1]
        if not _DENIED_BEFORE.search(
            re.sub(rf"(?:{'|'.join(map(re.escape, alternatives))})、?", "", head)
        ):
            return True
    return False


def _by_sub_case(applicable: list[FineClause], told: str) -> list[FineClause]:
    """A narrower act the facts tell has its own fine, which displaces the article's
    general one (海域使用管理法第四十二条: 填海 is fined ten to twenty times, not five to
    fifteen); untold, the narrower fine is no part of the case."""
    narrower = [c for c in applicable if c.sub_case]
    if not narrower:
        return applicable
    told_ones = [c for c in narrower if _sub_case_told(c.sub_case or "", told)]
    if told_ones:
        return [c for c in applicable if c in told_ones or c.items != told_ones[0].items]
    return [c for c in applicable if not c.sub_case] or applicable


def _conduct_told(conduct: str, told: str) -> bool:
    """The file's narrative names one of the conduct's alternatives (its first words)."""
    parts = [p for p in re.split(r"或者|、|，|以及|和", conduct) if len(p) >= 4]
    return any(p[:4] in told for p in parts)


def _by_conduct(applicable: list[FineClause], told: str) -> list[FineClause]:
    """Of clauses written for different conduct, those whose conduct the facts describe;
    all of them when the facts name none or every one."""
    named = [c for c in applicable if c.conduct]
    if not told or len(named) < 2:
        return applicable
    told_most = _most_told({c.conduct or "" for c in named}, told)
    if told_most is not None:
        return [c for c in applicable if not c.conduct or c.conduct == told_most]
    matching = [c for c in named if _conduct_told(c.conduct or "", told)]
    if not matching or len(matching) == len(named):
        return applicable
    return [c for c in applicable if not c.conduct or c in matching]


def _most_told(conducts: set[str], told: str) -> str | None:
    """The one conduct the facts tell far more of than any other, by the words only it has
    (不按规定维护和检测 against 擅自改装): the two share their actors (客运经营者、货运经营者)."""
    if len(conducts) < 2:
        return None
    grams = {c: {c[i : i + 2] for i in range(len(c) - 1)} for c in conducts}
    scores = sorted(
        (
            (sum(g in told for g in own - set().union(*(grams[o] for o in conducts if o != c))), c)
            for c, own in grams.items()
        ),
        reverse=True,
    )
    (best, conduct), (second, _) = scores[0], scores[1]
    # a conduct only the facts name (second 0) needs fewer of its own words
    return conduct if (best >= 4 and best >= 2 * second) or (best >= 3 and second == 0) else None


def fine_clauses(article_text: str) -> list[FineClause]:
    """Every fine on the party of an article, with its tier, item and circumstance; none
    at all when one fine is a multiple of a base the parser does not know (广告费用…),
    since the others are then only its alternatives.

    An article that fines persons only (安全生产法第一百一十条: 生产经营单位的主要负责人…
    处上一年年收入百分之六十至百分之一百的罚款) has no other party: its fines are the party's."""
    return _fine_clauses(article_text, persons=False) or _fine_clauses(article_text, persons=True)


def responsible_person_clauses(article_text: str) -> list[FineClause]:
    """The fines an article sets on the persons beside its party (对其直接负责的主管人员和其他
    直接责任人员处一万元以下的罚款, 安全生产法第一百零三条第二款): the range of a file whose
    one party is such a person."""
    return _fine_clauses(article_text, persons=True, beside=True)


_ITEM_START = re.compile(r"^（[一二三四五六七八九十]+）")


def _fine_clauses(article_text: str, persons: bool, beside: bool = False) -> list[FineClause]:
    """``persons``: read fines on 主要负责人、责任人员 as the party's too; ``beside``: read only
    the fines on the persons beside the party (对直接负责的主管人员…处)."""
    clauses = []
    listed: frozenset[int] = frozenset()  # the item a 分号-separated clause continues
    # 逾期不改正的，没收…；货值金额不足1万元的，并处… (医疗器械监督管理条例第八十四条): the
    # tiers after a condition's own sentence are that condition's, until the 款 ends
    carried: str | None = None
    lead: str | None = None  # the 款's conduct (…未按规定进行备案的，由…；拒不改正的，处…)
    # 逾期不恢复原状…的，依照下列规定处以罚款：（一）…；（二）… (古树名木保护条例第二十八条):
    # the lead-in's condition is every item's
    listed_condition: str | None = None
    # 拒不改正的，没收…，并处5万元以上20万元以下的罚款；对船舶…产生有害干扰的，并处20万元以上…
    # (无线电管理条例第七十三条): a 并处 for a sub-case after a condition's branch is that branch's
    branch: str | None = None
    opening = True
    for sentence, end in re.findall(r"([^；。\n]*)([；。\n]?)", _clean(article_text)):
        if not _ITEM_START.match(sentence):
            listed_condition = None
        if opening:
            found_lead = _LEAD_CONDUCT.search(sentence)
            lead = found_lead.group(1) if found_lead else None
            branch = None
        opening = end != "；"
        before = len(clauses)
        previous_end = 0
        elsewhere = False
        for found in _FINE.finditer(sentence):
            previous_start = previous_end
            since_previous, previous_end = sentence[previous_end : found.start()], found.end()
            on_persons = _PERSONS.search(since_previous) and _BESIDE_PARTY.search(since_previous)
            if beside and not on_persons:
                continue
            if not beside and _PERSONS.search(since_previous) and (not persons or on_persons):
                continue  # 对直接负责的主管人员…处: a fine on individuals, not the party
            if _OTHER_PARTY.search(since_previous):
                elsewhere = True  # 对货主以外的承运人处…: another party's fines, to the 句 end
            if elsewhere:
                continue
            unit_part = split_unit_and_individual(found.group(0))[0]
            own_words = sentence[previous_start : found.end()]
            per_unit = per_unit_fine(own_words)
            if per_unit is not None:
                # 处每立方米十元以上二十元以下 / 每人100元以上500元以下的标准…处以罚款: a rate
                # per unit, never a fixed range of ten to twenty yuan
                conditions = _tier(sentence[: found.start()])
                clauses.append(
                    FineClause(
                        fine=per_unit,
                        party=_addressee_kind(since_previous),
                        items=_items(sentence[: found.start()])
                        or _listed_item(sentence[: found.start()])
                        or listed,
                        # 拒不停止违法行为…的，依照下列规定处以罚款：(三)…处每株5万元以上 (古树名木
                        # 保护条例第二十八条): the lead-in's condition binds every item
                        requires=_requires(sentence[: found.end()]) or listed_condition,
                        **conditions,
                    )
                )
                continue
            try:
                fine = _one_sided(parse_penalty(unit_part), unit_part)
                conditions = _tier(sentence[: found.start()])
            except ValueError:
                fine = None
            if (fine is None or not fine.has_numbers) and _MULTIPLE.search(unit_part):
                fine = any_base_multiple(unit_part) or _previous_base_multiple(
                    unit_part, clauses, since_previous
                )
                if fine is None:
                    return []  # a multiple of a base we cannot read: no bounds are safe
                conditions = _tier(sentence[: found.start()])
            if fine is None or not fine.has_numbers:
                fine = per_unit_fine(sentence[found.start() :])
                conditions = {}
            if fine is None or not fine.has_numbers:
                continue
            conditions = conditions or _uncomputable(since_previous)
            prefix = sentence[: found.start()]
            named = _CONDUCT.search(since_previous) or (
                _LEAD_CONDUCT.search(since_previous) if previous_start == 0 else None
            )
            party = _PARTY_KIND.search(since_previous)
            sub_case = _SUB_CASE.match(since_previous) if previous_start == 0 else None
            clauses.append(
                FineClause(
                    fine=fine,
                    conduct=named.group(1) if named else lead,
                    party=party.group(1) if party else _addressee_kind(since_previous),
                    addressee=(a := _ADDRESSEE.search(since_previous)) and a.group(1),
                    sub_case=sub_case.group(1) if sub_case else None,
                    items=_items(prefix) or _listed_item(prefix) or listed,
                    either=_either(sentence[: found.end()]),
                    requires=_requires(sentence[: found.end()])
                    or (carried if conditions.get("tier_base") else None)
                    or listed_condition
                    or (
                        branch
                        if since_previous.startswith("对") and since_previous.endswith("并")
                        else None
                    ),
                    lighter=bool(LIGHTER_PATTERN.search(sentence[: found.start()])),
                    **_over(prefix),
                    **conditions,
                )
            )
            alternative = _alternative_multiple(unit_part, fine)
            if alternative is not None:
                clauses[-1] = replace(clauses[-1], alternative=True)
                clauses.append(replace(clauses[-1], fine=alternative))
        listed = (
            _listed_item(sentence) or listed
        )  # a lead-in's fine before 下列…：(一) is no item's
        head, colon, _ = sentence.partition("：")
        if colon and "下列" in head and _requires(head):
            listed_condition = _requires(head)
        if not _FINE.search(sentence) and _requires(sentence) == UNCORRECTED:
            carried = UNCORRECTED
        elif _NEW_BRANCH.match(sentence):
            # 逾期不改正的，吊销许可证；有违法所得的，没收违法所得；违法所得10万元以上的，并处…
            # (放射性同位素与射线装置安全和防护条例第五十二条): the confiscation's own branch
            carried = None
        if len(clauses) > before:
            branch = clauses[-1].requires
        if end != "；":
            listed = frozenset()  # an item ends at its 句号; the next 款 is no part of it
            carried = None
    return _complemented(_things_named(clauses))


def _alternative_multiple(fine_text: str, fine: PenaltyRange) -> PenaltyRange | None:
    """处违法经营额1倍以上3倍以下或者违法所得3倍以上5倍以下的罚款 (社会团体登记管理条例第三十条):
    the decision may take either base; the parser reads the last, this the first."""
    head, found, _ = fine_text.partition("或者")
    if not found or fine.base is None:
        return None
    first = any_base_multiple(head)
    if first is None or first.base in (None, fine.base) or first.min_multiple is None:
        return None
    return first.model_copy(update={"raw": fine.raw})


def _things_named(clauses: list[FineClause]) -> list[FineClause]:
    """A 没有X的 fallback names the base of the article's multiple (猎获物 → 猎获物价值);
    one naming nothing the article multiplies is no tier at all."""
    bases = [c.fine.base for c in clauses if c.fine.base]
    out = []
    for clause in clauses:
        if clause.no_base and clause.tier_base and clause.tier_base not in _TIER_BASES:
            base = next((b for b in bases if same_base(b, clause.tier_base)), None)
            if base is None:
                clause = replace(clause, tier_base=None, no_base=False, below=None)
            else:
                clause = replace(clause, tier_base=base)
        out.append(clause)
    return out


def _complemented(clauses: list[FineClause]) -> list[FineClause]:
    """有违法所得的，处违法所得二倍以上十倍以下罚款；没有违法所得或者违法所得不足二万元的，处三万元
    以上: the multiple is the other branch of the tier, so it applies only from the tier's
    amount up (道路运输条例2022年版第六十三条); a 违法所得 under it takes the fixed range alone."""
    floors = {
        clause.tier_base: clause.below
        for clause in clauses
        if clause.no_base and clause.tier_base and clause.below
    }
    if not floors:
        return clauses
    out = []
    for clause in clauses:
        base = clause.fine.base
        floor = next((v for name, v in floors.items() if base and same_base(base, name)), None)
        if clause.tier_base is None and floor is not None:
            clause = replace(clause, tier_base=base, at_least=floor)
        out.append(clause)
    return out


# 罚款额为非法占用土地每平方米100元以上1000元以下: a fine per unit of a quantity.
PER_UNITS = ("平方米", "亩", "公顷", "立方米", "吨", "千克", "公斤", "株", "棵", "头", "只", "人")
# units counted one by one that a 罚则 fines a fixed sum for (每辆机动车五千元)
COUNTED_UNITS = ("辆", "台", "艘")
# 每人…: the persons harmed (劳动保障监察条例第二十五条: 受侵害的劳动者每人), counted by a
# quantity that names people, never by any key that merely contains 人.
_PERSONS_COUNTED = re.compile(r"人数|[（(](?:人|名)[)）]|劳动者|职工|员工|工人|学员|学生")
# 处每株5万元以上10万元以下的罚款 (古树名木保护条例第二十八条): the rate in 万 too
_PER_UNIT = re.compile(
    rf"每({'|'.join(PER_UNITS)})({_NUM})(万)?元(?:以上|至)({_NUM})(万)?元(?:以下)?"
    rf"|每({'|'.join(PER_UNITS)})({_NUM})(万)?元以下"
)


# 处每非法聘用一人一万元，总额不超过十万元的罚款 (出境入境管理法第八十条第三款): a rate per
# person whose total the law caps; the cap is the ceiling whatever the count
_CAPPED_RATE = re.compile(
    rf"每[^，。；]{{1,10}}?[一1]人[^，。；]{{0,6}}?元，总额不超过({_NUM})(万)?元"
)


# 按照每使用一名童工每月处5000元罚款的标准 (禁止使用童工规定第六条): a fixed rate per person
# and month, counted by the persons and the months the file gives.
PERSON_MONTH = "人月"
_PER_PERSON_MONTH = re.compile(
    rf"每(?:使用|招用|雇用|非法使用)?(?:一|1)?名[\u4e00-\u9fa5]{{0,6}}每月(?:处|罚款)?({_NUM})(万)?元"
)
_MONTHS_COUNTED = re.compile(r"月数|个月|[（(]月[)）]")


# 对机动车维修单位处每辆机动车五千元的罚款 (大气污染防治法第一百一十二条第三款): a fixed sum per
# vehicle, counted by the vehicles the file gives
_FIXED_PER_UNIT = re.compile(
    rf"每({'|'.join(COUNTED_UNITS)})[\u4e00-\u9fa5]{{0,6}}?({_NUM})(万)?元的?罚款"
)


# 处每非法居留一日五百元，总额不超过一万元的罚款 (出境入境管理法第七十八条第一款): a rate per day
# with a ceiling on the total
DAY = "日"
_CAPPED_DAILY = re.compile(
    rf"每[^，。；]{{1,10}}?[一1]日({_NUM})(万)?元，总额不超过({_NUM})(万)?元"
)
_DAYS_COUNTED = re.compile(r"天数|日数")


def per_unit_fine(sentence: str) -> PenaltyRange | None:
    """每平方米100元以上1000元以下 as a multiple of the quantity (base = the unit).

    A rate per person and month sets only the ceiling: a file's 使用月数 may be the
    longest stay, not every person's, so the floor is not safe to read."""
    daily = _CAPPED_DAILY.search(sentence)
    if daily is not None:
        rate = chinese_number(daily.group(1)) * (10_000 if daily.group(2) else 1)
        cap = chinese_number(daily.group(3)) * (10_000 if daily.group(4) else 1)
        return PenaltyRange(raw=daily.group(0), base=DAY, max_multiple=rate, max_yuan=cap)
    capped = _CAPPED_RATE.search(sentence)
    if capped is not None:
        cap = chinese_number(capped.group(1)) * (10_000 if capped.group(2) else 1)
        return PenaltyRange(raw=capped.group(0), max_yuan=cap)
    monthly = _PER_PERSON_MONTH.search(sentence)
    if monthly is not None:
        rate = chinese_number(monthly.group(1)) * (10_000 if monthly.group(2) else 1)
        return PenaltyRange(raw=monthly.group(0), base=PERSON_MONTH, max_multiple=rate)
    found = _PER_UNIT.search(sentence)
    fixed = _FIXED_PER_UNIT.search(sentence) if found is None else None
    if fixed is not None:
        rate = chinese_number(fixed.group(2)) * (10_000 if fixed.group(3) else 1)
        return PenaltyRange(
            raw=fixed.group(0), base=fixed.group(1), min_multiple=rate, max_multiple=rate
        )
    if found is None:
        return None
    unit, low, low_wan, high, high_wan, unit_only, high_only, only_wan = found.groups()
    if unit_only:
        return PenaltyRange(
            raw=found.group(0), base=unit_only, max_multiple=_sum(high_only, only_wan)
        )
    return PenaltyRange(
        raw=found.group(0),
        base=unit,
        min_multiple=_sum(low, low_wan),
        max_multiple=_sum(high, high_wan),
    )


# 货值金额不足十万元的，按十万元计算: the base a multiple is applied to has a floor.
_FLOOR = re.compile(
    rf"([\u4e00-\u9fa5]{{2,20}}?)(?:不足|不满|低于)({_NUM})(万元|元)的，?(?:按|以)({_NUM})(万元|元)计算"
)


def base_floors(article_text: str) -> list[tuple[str, float]]:
    """(words naming the base, floor in yuan) for every 不足…按…计算 the article writes."""
    floors = []
    for found in _FLOOR.finditer(_clean(article_text)):
        where, _, _, number, unit = found.groups()
        floors.append((where, chinese_number(number) * (10_000 if unit == "万元" else 1)))
    return floors


def _floored(
    clause: FineClause,
    amounts: dict[str, float],
    floors: list[tuple[str, float]],
    low: float | None,
    high: float | None,
) -> tuple[float | None, float | None]:
    """Bounds of a multiple whose base has a floor; several floors (批发 / 零售) are
    alternatives, so the lowest bounds the minimum and the highest the maximum."""
    base = clause.fine.base
    own = [value for where, value in floors if base and base in where]
    amount = _amount(base, amounts) if base else None
    if not own or amount is None:
        return low, high
    fine = clause.fine
    if fine.min_multiple is not None:
        low = fine.min_multiple * max(amount, min(own))
    if fine.max_multiple is not None:
        high = fine.max_multiple * max(amount, max(own))
    return low, high


# amounts written to the yuan against a range computed to the fen
RANGE_TOLERANCE_YUAN = 0.5


def outside_range(amount: float, low: float | None, high: float | None) -> bool:
    """The amount lies below the floor or above the ceiling (None: no such bound), past rounding."""
    too_low = low is not None and amount < low - RANGE_TOLERANCE_YUAN
    return too_low or (high is not None and amount > high + RANGE_TOLERANCE_YUAN)


@dataclass(frozen=True)
class StatutoryBounds:
    """The lawful fine for this case, in yuan; None where the law sets no such bound."""

    low: float | None
    high: float | None
    wording: str
    base: str | None  # the base amount a multiple needs, when the fine is one


def _uncomputable_told(
    applicable: list[FineClause], clauses: list[FineClause], told: str
) -> list[FineClause]:
    """广告费用无法计算或者明显偏低的，处… (广告法第五十五条): the file saying its base cannot be
    computed, or is obviously low, puts that clause in the multiple's place — also where
    the file states the low base (合同广告费用1500元, 明显偏低)."""
    bases = {
        c.tier_base
        for c in clauses
        if c.no_base and c.tier_base and _base_lacking(c.tier_base, told)
    }
    if not bases:
        return applicable
    kept: list[FineClause] = []
    for clause in applicable:
        if clause.fine.base in bases:
            clause = _fallback(clause, clauses) or clause
        if clause.fine.base not in bases and clause not in kept:
            kept.append(clause)
    return kept


# 不属明显偏低 / 并非无法计算: the file denies it; 以“广告费用明显偏低”为由: the decision's claim,
# which the facts must bear out
_LACKING_DENIED = re.compile(r"不属|不是|并非|非|不能认定|不构成|未|不$")
_CLAIMED = re.compile(r"以[“\"「]?$")


def _base_lacking(base: str, told: str) -> bool:
    """The facts say the base cannot be computed or is obviously low (not denied, not a
    claim quoted as the decision's ground)."""
    pattern = (
        rf"{re.escape(base)}([^。；]{{0,10}}?)(?:(?:无法|难以|不能)(?:计算|确定|核定)|明显偏低)"
    )
    return any(
        not _LACKING_DENIED.search(found.group(1))
        and not _CLAIMED.search(told[max(0, found.start() - 2) : found.start()])
        for found in re.finditer(pattern, told)
    )


def _fallback(multiple: FineClause, clauses: list[FineClause]) -> FineClause | None:
    """The clause the article writes after a multiple for its base's absence, under the
    same circumstance (情节严重的，处广告费用三倍…，广告费用无法计算或者明显偏低的，处二十万元…)."""
    after = clauses[clauses.index(multiple) + 1 :] if multiple in clauses else []
    return next(
        (
            c
            for c in after
            if c.no_base and c.tier_base == multiple.fine.base and c.requires == multiple.requires
        ),
        None,
    )


def statutory_bounds(
    article_text: str,
    amounts: dict[str, float],
    item: int | None,
    established: frozenset[str] = frozenset(),
    quantities: dict[str, float] | None = None,
    told: str = "",
    party_kind: str | None = None,
) -> StatutoryBounds | None:
    """The envelope of the clauses that can apply; None when no clause is readable or
    an applicable multiple lacks its base amount (the facts checker flags that). A fine
    per unit (每平方米…) reads the quantity named with that unit; without it, None.

    A clause written for a circumstance (逾期未改正, 情节严重, 再次) applies only when the
    file establishes it; if every clause needs one the file lacks, all are kept. Clauses
    written for different conduct keep those whose conduct ``told`` (the facts) names;
    clauses written for a kind of party (单位 / 个人) keep those of ``party_kind``.
    """
    own = fine_clauses(article_text)
    # 对有关责任人员处2000元以上…，对有关责任单位处5000元以上… (草原防火条例第四十四条): a person
    # fined where the party's own clauses are all a unit's is one of those persons
    only_units = bool(own) and all(c.party == "单位" for c in own)
    if party_kind == "个人" and (
        _RESPONSIBLE_PARTY.search(told) or only_units or _role_told(article_text, told)
    ):
        own = responsible_person_clauses(article_text) or own
    clauses = _by_party(_by_sub_case(_by_conduct(own, told), told), party_kind)
    clauses = _by_status(clauses, told)
    amounts = _named_as_article(amounts, clauses)
    applicable = [c for c in clauses if c.applies(amounts, item, established)]
    if not applicable:
        everything = frozenset(name for name, _ in REQUIREMENTS)
        applicable = [c for c in clauses if c.applies(amounts, item, everything)]
    if not applicable:
        return None
    if LIGHTER in established and any(c.lighter for c in applicable):
        applicable = [c for c in applicable if c.lighter]  # 情节较轻: only its own clause
    applicable = _graver_excess(applicable, quantities or {})
    applicable = _uncomputable_told(applicable, clauses, told)
    applicable = _amount_below_exception(applicable)
    applicable = _amount_above_tier(applicable, amounts)
    lows, highs = [], []
    floors = base_floors(article_text)
    skipped: list[FineClause] = []
    for clause in applicable:
        if _none_of_base(clause, amounts, article_text):
            if not any(c.no_base for c in applicable):
                return None  # 没有违法所得的，予以警告，可以并处罚款: no sum written for none
            skipped.append(clause)
            continue
        if clause.fine.base in (*PER_UNITS, *COUNTED_UNITS, PERSON_MONTH, DAY):
            counted = _counted(clause.fine.base, quantities or {})
            if counted is None:
                return None
            fine = clause.fine
            low = None if fine.min_multiple is None else fine.min_multiple * counted
            if fine.base == PERSON_MONTH and _stated_person_months(quantities or {}) is not None:
                low = fine.max_multiple * counted  # a fixed rate times the months each served
            lows.append(low)
            high = fine.max_multiple * counted
            highs.append(high if fine.max_yuan is None else min(high, fine.max_yuan))
            continue
        low, high = _floored(clause, amounts, floors, *resolve_yuan(clause.fine, amounts))
        if (
            clause.alternative
            and low is None
            and high is None
            and _other_side_read(clause, applicable, amounts)
        ):
            skipped.append(clause)
            continue
        if clause.fine.base is not None and low is None and high is None:
            if any(c.no_base and c.tier_base == clause.fine.base for c in applicable):
                return None  # 没有违法所得的… : an unrecorded base may lawfully be none
            if _other_items_fixed(clause, applicable, item, amounts) or _other_conduct_fixed(
                clause, applicable, amounts
            ):
                skipped.append(clause)
                continue  # 有前款第七项行为…: the file names no item, so no base is due
            return StatutoryBounds(None, None, clause.fine.raw, clause.fine.base)
        lows.append(low)
        highs.append(high)
    applicable = [c for c in applicable if c not in skipped]
    wording = "；".join(dict.fromkeys(c.fine.raw for c in applicable))
    low = None if None in lows else min(lows)
    high = None if None in highs else max(highs)
    if (floor := fine_floor(article_text)) is not None and high is not None and high < floor:
        low = high = floor  # 货值的20倍不足1万元的，按1万元罚款: the fine is the floor itself
    return StatutoryBounds(
        low=low,
        high=high,
        wording=wording,
        base=next((c.fine.base for c in applicable if c.fine.base), None),
    )


def _none_of_base(clause: FineClause, amounts: dict[str, float], article_text: str) -> bool:
    """A multiple of a base the file established as none (违法所得无法确定 / 没有违法所得) where
    the article writes a branch for that case (价格法第四十条: 没有违法所得的，予以警告，可以并处
    罚款): the multiple is not the fine, the branch is — not a range of 0 to 0."""
    base = clause.fine.base
    if base is None or clause.no_base or _amount(base, amounts) != 0:
        return False
    return f"没有{base}" in _clean(article_text)


# 处…货值10倍以上20倍以下的罚款，货值的20倍不足1万元的，按1万元罚款 (易制毒化学品管理条例第三十八条):
# a multiple's top under the sum makes the sum the fine
_FINE_FLOOR = re.compile(rf"的(?:{_NUM})倍不足({_NUM})(万元|元)的，按({_NUM})(万元|元)罚款")


def fine_floor(article_text: str) -> float | None:
    """The sum a multiple's fine is raised to where its top falls under it."""
    found = _FINE_FLOOR.search(_clean(article_text))
    if found is None:
        return None
    return chinese_number(found.group(3)) * (10_000 if found.group(4) == "万元" else 1)


def unmet_requirement(
    article_text: str,
    amounts: dict[str, float],
    item: int | None,
    established: frozenset[str] = frozenset(),
    told: str = "",
    party_kind: str | None = None,
) -> str | None:
    """The circumstance every fine of the article is written for (情节严重的，处…) when the
    file does not establish it: the article then fines this case not at all, though
    `statutory_bounds` keeps such clauses for a file silent on circumstances."""
    own = fine_clauses(article_text)
    clauses = _by_party(_by_sub_case(_by_conduct(own, told), told), party_kind)
    clauses = _by_status(clauses, told)
    if not clauses or any(c.applies(amounts, item, established) for c in clauses):
        return None
    needed = {c.requires for c in clauses}
    return needed.pop() if len(needed) == 1 and None not in needed else None


# 区嘉豪作为出租单位直接负责的主管人员: the one party fined is the person beside the unit
_RESPONSIBLE_PARTY = re.compile(r"(?:作为|系|是)[^，。；]{0,20}(?:直接负责的主管人员|直接责任人员)")


# 对船长、责任船员或者其他责任人员处五百元以上… (海洋环境保护法第一百零六条第二款): the roles a
# persons' clause names; a party told as holding one (担任船长) is fined as that person
_PERSONS_ADDRESSED = re.compile(r"对([^，。；对]{2,30}?(?:主管人员|责任人员|责任船员))处")
_HOLDS_ROLE = r"(?:系|是|担任|作为|任)"


def _role_told(article_text: str, told: str) -> bool:
    for found in _PERSONS_ADDRESSED.finditer(article_text):
        for role in re.split(r"、|或者|和", found.group(1)):
            if (
                len(role) >= 2
                and "其他" not in role
                and re.search(_HOLDS_ROLE + re.escape(role), told)
            ):
                return True
    return False


def _other_side_read(
    clause: FineClause, applicable: list[FineClause], amounts: dict[str, float]
) -> bool:
    """The other base of an either-or fine is one the file gives."""
    return any(
        other.alternative
        and other.fine.raw == clause.fine.raw
        and other.fine.base != clause.fine.base
        and resolve_yuan(other.fine, amounts) != (None, None)
        for other in applicable
    )


def _by_status(clauses: list[FineClause], told: str) -> list[FineClause]:
    """The clauses for the party's stated status (当事人为农户) when the article writes one for
    it apart (对农户，并处…)."""
    kept = [
        c
        for c in clauses
        if c.addressee
        # 不属于农户 / 不是农户 denies the status
        and re.search(
            rf"(?<![不非])(?:系|是|为|属于?|作为)[^，。；不非]{{0,8}}{re.escape(c.addressee)}", told
        )
    ]
    # a status the file does not give (a 有限公司 is no 农户): its clause is not this party's
    return kept or [c for c in clauses if not c.addressee] or clauses


def _by_party(clauses: list[FineClause], party_kind: str | None) -> list[FineClause]:
    """The clauses for the fined party's kind, when the article splits them by kind."""
    if party_kind is None or not any(c.party for c in clauses):
        return clauses
    kept = [c for c in clauses if c.party in (None, party_kind)]
    return kept or clauses


def _amount_below_exception(applicable: list[FineClause]) -> list[FineClause]:
    """处5万元以上20万元以下的罚款；货值金额不足1万元的，处货值金额2倍以下的罚款 (认证认可条例
    2023年第六十六条): a clause written for an amount under a threshold is the article's own
    exception for that case, and displaces the unconditioned clause it follows — the two are
    not alternatives whose envelope the party could be fined in."""
    # a threshold in money (不足1万元), not 无法计算或者明显偏低 nor 没有违法所得 (fallbacks)
    below = [c for c in applicable if c.tier_base is not None and c.below and not c.no_base]
    if not below:
        return applicable
    return [
        c
        for c in applicable
        if c.tier_base is not None
        or c.requires is not None
        or c.lighter
        or any(c.items != b.items for b in below)
    ]


def _amount_above_tier(applicable: list[FineClause], amounts: dict[str, float]) -> list[FineClause]:
    """处一万元以上十万元以下罚款；违法所得十万元以上的，并处违法所得一倍以上五倍以下罚款 (旅游法
    第九十五条): once the file's base reaches the tier, the tier's multiple is the fine and the
    fixed range before it is the one for smaller amounts, not an alternative."""
    reached = [
        c
        for c in applicable
        if c.tier_base is not None
        and c.at_least is not None
        and not c.no_base
        and _amount(c.tier_base, amounts) is not None
    ]
    if not reached:
        return applicable
    return [
        c
        for c in applicable
        if c.tier_base is not None
        or c.fine.base is not None
        or c.requires is not None
        or c.lighter
        or any(c.items != r.items for r in reached)
    ]


def _named_as_article(amounts: dict[str, float], clauses: list[FineClause]) -> dict[str, float]:
    """The file's amounts, each base also under the article's own words for it (少缴税款 as
    不缴或者少缴的税款), so every reader of a base finds the same amount."""
    named = dict(amounts)
    for clause in clauses:
        base = clause.fine.base
        if base and base not in (*PER_UNITS, *COUNTED_UNITS) and base not in named:
            value = _amount(base, amounts)
            if value is not None:
                named[base] = value
    return named


def _counted(unit: str, quantities: dict[str, float]) -> float | None:
    """The quantity a per-unit fine multiplies: the one named with its unit."""
    if unit == PERSON_MONTH:
        stated = _stated_person_months(quantities)
        if stated is not None:
            return stated
        persons = _counted("人", quantities)
        months = next((v for k, v in quantities.items() if _MONTHS_COUNTED.search(k)), None)
        return None if persons is None or months is None else persons * months
    if unit == DAY:
        return next((v for k, v in quantities.items() if _DAYS_COUNTED.search(k)), None)
    if unit != "人":
        return _amount(unit, quantities)
    return next((v for k, v in quantities.items() if _PERSONS_COUNTED.search(k)), None)


def _other_items_fixed(
    clause: FineClause, applicable: list[FineClause], item: int | None, amounts: dict[str, float]
) -> bool:
    """A multiple written for some items only (固废法第一百零二条: 有前款第七项行为，处所需处置
    费用…) while other items carry fixed ranges, or multiples of a base the file has
    established (违法所得): a file citing the article without its item does not rest on that
    base, so its absence is no unclear fact."""
    if item is not None or not clause.items:
        return False
    return any(c is not clause and _readable(c, amounts) for c in applicable)


def _other_conduct_fixed(
    clause: FineClause, applicable: list[FineClause], amounts: dict[str, float]
) -> bool:
    """对虚报注册资本的公司，处虚报注册资本金额百分之五…；对提交虚假材料…的公司，处五万元以上
    (公司法2018年第一百九十八条): a multiple for one conduct whose base the file never records,
    beside a readable fine for another conduct, is not the file's conduct."""
    if not clause.conduct:
        return False
    return any(
        c.conduct and c.conduct != clause.conduct and _readable(c, amounts) for c in applicable
    )


def _readable(clause: FineClause, amounts: dict[str, float]) -> bool:
    """A fixed range, or a multiple of a base the file records."""
    return clause.fine.base is None or resolve_yuan(clause.fine, amounts) != (None, None)


# 使用童工人月数: 5 — the persons' months summed by the file (2人各2个月、1人1个月), the count a
# rate per person and month multiplies; with it the fixed rate is the floor as well
_PERSON_MONTHS = re.compile(r"人月|人·月|人\*月")


def _stated_person_months(quantities: dict[str, float]) -> float | None:
    return next((v for k, v in quantities.items() if _PERSON_MONTHS.search(k)), None)
