"""Administrative → criminal transfer catalogue (移送标准): the criminal act and the
threshold it must reach, each line with its source.

The lines live in ``assistant/data/review/criminal_transfer.yaml``. A line fires only
when the file describes the act (``act``: every pattern found in the narrative, none of
``not_act``) *and* a measured fact reaches the threshold: a quantity
alone never triggers (a lawful disposal without a transfer manifest is no dumping),
and the act alone never suffices — except for the crimes the 刑法 defines by the act
itself (``act_only``: 生产、销售假药, 有毒、有害食品). ``quote`` is the exact wording of ``source``; a test
checks it against the 刑法/道路交通安全法 in the corpus or the 两高 interpretation in the
shared law library. The review flags a file that reaches a line without a 移送 step
(《行政处罚法》第二十七条第一款: 涉嫌犯罪的，应当及时移送).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from assistant.case_file import CaseFile
from assistant.discretion.penalty_amounts import chinese_number
from assistant.shipped_data import CRIMINAL_TRANSFER

CATALOGUE = CRIMINAL_TRANSFER
PRIOR_PENALTIES = "此前受行政处罚次数"  # facts.prior_offences, for lines counting repeats
# A clause that denies what follows ("未发现非法排放、倾倒…行为") states no act.
DENIAL = re.compile(
    r"(?:未发现|未发生|不属|不构成|没有发生|不涉及|未见|未查见|未查实|没有发现|没有证据|无证据|不存在|并无|并未|排除|均无|无任何"
    r"|[无未]私设|未(?:通过|采用|利用|设置)|未(?:被)?列入|没有列入"
    # 现有证据不能证明当事人明知…而以不合格产品冒充合格产品: the act the evidence does not prove
    r"|(?:不能|无法|不足以|难以)证明"
    # 不涉嫌生产、销售伪劣产品罪: the crime the file rules out names its act
    r"|[不未]涉嫌"
    # 不含住宿、通信记录、健康生理、交易信息: the kinds of information the act did not touch
    r"|不(?:含|包括|包含)"
    # 均为一般文物，无三级以上珍贵文物: none of the grade or above the line names
    r"|无[^，,。；]{0,4}以上"
    # a clause heading a list with 非 denies each item: 非入户盗窃、扒窃、携带凶器盗窃 (not 非法)
    r"|^\s*(?:非|不属于|不是)(?!法)"
    # 称系自由职业、非在履行职责或者提供服务过程中获取: 非在… denies the parts it heads
    r"|非(?:在|系|于|属)|非$"
    # 上述信息非黄志强在履行职责或者提供服务过程中获得: the party named between 非 and 在
    r"|非(?!法)[\u4e00-\u9fff]{1,4}(?:在|系)[^，。；]{0,12}$)"
)
# A number written as not reached ("抽头渔利未达5000元", "参赌人数不足20人") is a bound the
# file compares its fact with, never the fact itself.
BELOW = re.compile(r"(?:未达|未满|不满|不足|不到|低于|少于|未超过|没有达到|没达到)")


@dataclass(frozen=True)
class CriminalThreshold:
    """A criminal act and the measured fact at or above which it is suspected a crime."""

    id: str
    crime: str
    article: str  # the 刑法 article, resolvable in the corpus
    act: tuple[re.Pattern[str], ...]  # every one must be in the file's narrative
    measures: re.Pattern[str]  # names of facts.amounts / facts.quantities / measurements
    minimum: float
    unit: str
    source: str  # where the number (or the act) is written
    source_file: str | None  # file under shared/data/laws/司法解释, None = ``source`` in corpus
    quote: str
    not_act: re.Pattern[str] | None = None
    narrative: re.Pattern[str] | None = None  # reads the value from the text: (number)(unit)
    note: str = ""
    scale: dict[str, float] = field(default_factory=dict)  # unit in a name → factor to ``unit``
    threshold_rule: bool = False  # ``source`` is the 司法解释 line that writes the number
    act_only: bool = False  # the 刑法 sets no number: writing the act is reaching the line
    # the file's own cited provision whose text is the act (产品质量法第三十九条: 以假充真…)
    act_cited: re.Pattern[str] | None = None
    # the 刑法 item that writes the act, when the article lists several (醉酒驾驶机动车的)
    act_item: str | None = None
    # conditions of the line written anywhere in the file, not in the act's own sentence
    # (交通肇事: 负事故全部或者主要责任 is the accident finding's, apart from the escape)
    condition: tuple[re.Pattern[str], ...] = ()
    # the special law's own duty to transfer (药品管理法第一百一十三条第一款), cited beside
    # 行政处罚法第二十七条第一款 when in force on the act date
    special_duty: str | None = None
    # a measure that, when the file states one, is the finding and the others are not
    # (血液酒精含量 over 呼气: a breath result in dispute is settled by the blood test)
    prevails: re.Pattern[str] | None = None
    # the kind of offender the number is written for (1998 非法出版物解释: 个人 第十二条, 单位
    # 第十三条): the line applies only when every fined party is of that kind
    offender: str | None = None

    @classmethod
    def from_row(cls, row: dict) -> CriminalThreshold:
        optional = {
            k: re.compile(row[k])
            for k in ("not_act", "narrative", "act_cited", "prevails")
            if row.get(k)
        }
        return cls(
            id=row["id"],
            crime=row["crime"],
            article=row["article"],
            act=tuple(re.compile(p) for p in row["act"]),
            condition=tuple(re.compile(p) for p in row.get("condition", ())),
            measures=re.compile(row["measures"]),
            minimum=float(row["minimum"]),
            unit=row["unit"],
            source=row["source"],
            source_file=row.get("source_file"),
            quote=row["quote"],
            note=row.get("note", ""),
            scale=row.get("scale", {}),
            threshold_rule=bool(row.get("threshold_rule", False)),
            act_only=bool(row.get("act_only", False)),
            act_item=row.get("act_item"),
            special_duty=row.get("special_duty"),
            offender=row.get("offender"),
            **optional,
        )


@cache
def load_thresholds(path: Path = CATALOGUE) -> tuple[CriminalThreshold, ...]:
    """The catalogue's lines (read once; the shipped file is part of the package)."""
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))["lines"]
    return tuple(CriminalThreshold.from_row(row) for row in rows)


THRESHOLDS = load_thresholds()


@dataclass(frozen=True)
class ThresholdHit:
    threshold: CriminalThreshold
    measure: str
    value: float


def case_text(case: CaseFile) -> str:
    parts = [case.violation.description, case.facts.description, *case.facts.circumstances]
    return "。".join(parts)


def _number(written: str) -> float:
    """12 or 两/十二 as written in a narrative."""
    try:
        return float(written)
    except ValueError:
        return chinese_number(written)


def _scaled(threshold: CriminalThreshold, name: str, value: float) -> float:
    factor = next((f for unit, f in threshold.scale.items() if unit in name), 1.0)
    return value * factor


# 废机油桶数: 12 is a count of drums, never 12 吨 of the hazardous-waste line
_COUNT_KEY = re.compile(r"(?:桶|袋|箱|件|个|只|瓶|包|车)数(?:量)?$")
_WEIGHTS = ("吨", "千克", "公斤", "克", "立方米", "升", "亩", "平方米", "公顷")


def _counted_against_weight(threshold: CriminalThreshold, name: str) -> bool:
    """A count of containers or pieces read against a line measured by weight, volume or area."""
    return threshold.unit in _WEIGHTS and bool(_COUNT_KEY.search(name))


def _measured(case: CaseFile, threshold: CriminalThreshold) -> list[tuple[str, float]]:
    """Values the file states for this line: facts, evidence measurements, the narrative."""
    named = [*case.facts.amounts.items(), *case.facts.quantities.items()]
    named += [(f"{m.item}（{m.unit}）", m.value) for e in case.evidence for m in e.measurements]
    if threshold.unit == "倍" and any(m.limit for e in case.evidence for m in e.measurements):
        # measured pollutants tell which substance exceeded: a bare 超标倍数 (of 总镍) is no
        # multiple of the line's own substances (铅、汞、镉、铬…)
        named = [(n, v) for n, v in named if threshold.act[0].search(n)]
    named += _exceedances(case, threshold)
    if case.facts.prior_offences is not None:
        named.append((PRIOR_PENALTIES, float(case.facts.prior_offences)))
    values = [
        (name, _scaled(threshold, name, value))
        for name, value in named
        if threshold.measures.search(name) and not _counted_against_weight(threshold, name)
    ]
    profit = [(n, v) for n, v in case.facts.amounts.items() if _PROFIT.search(n)]
    if profit and threshold.measures.search("违法所得"):
        # a criminal line's 违法所得 is the profit (获利数额); the administrative 违法所得 the file
        # confiscates is the whole takings (行政处罚法第二十八条第二款)
        values = [(n, v) for n, v in values if "违法所得" not in n] + profit
    stated = {*case.facts.amounts, *case.facts.quantities}
    parts = dict((n, v) for n, v in values if n in stated)  # a name restated once is one part
    values += _summed_parts(threshold, list(parts.items()))
    if threshold.narrative is not None:
        written = case_text(case) + "".join(f"{e.name}{e.note}。" for e in case.evidence)
        for found in threshold.narrative.finditer(written):
            between = written[found.start() : found.start(1)]
            clause = re.split(r"[，,。；]", written[: found.start()])[-1]
            if BELOW.search(between) or _THE_LINE.search(between) or BELOW.search(clause):
                # the number is the bound the fact stays under, or the line itself
                # (未达到非法占用农用地罪“基本农田以外的耕地10亩以上”的标准)
                continue
            if DENIAL.search(clause):
                continue  # 不属于被行政处罚两次以后…: the count the fact is denied to reach
            if _PERMITTED.search("".join(re.split(r"[，,。；]", written[: found.start()])[-2:])):
                continue  # 许可在11小班皆伐杉木，面积1.1公顷、蓄积42.0立方米: what the permit allowed
            name = f"案情叙述“{found.group(0)}”"
            values.append((name, _scaled(threshold, found.group(2), _number(found.group(1)))))
    return _prevailing(threshold, values)


# 许可在…皆伐 / 批准采伐 / 采伐限额: the quantity a permit allows, not the act's
_PERMITTED = re.compile(r"许可(?:在|采伐|数量|蓄积)|批准采伐|准予采伐|采伐限额")
# 获利 / 获利数额 / 非法获利 / 利润: what the party gained over its costs
_PROFIT = re.compile(r"获利|利润")


# 未达非法占用农用地罪立案追诉标准（永久基本农田5亩）: the file quoting the line, not a fact
_THE_LINE = re.compile(r"追诉标准|立案标准|入罪标准|定罪标准|门槛")
_TOTAL = re.compile(r"合计|共计|总计|累计|总额|总")
_SHARE = re.compile(r"其中|含|包括")
_ADDITIVE_UNITS = frozenset({"元", "册", "千克", "吨", "支", "立方米", "亩", "份"})


def _summed_parts(
    threshold: CriminalThreshold, values: list[tuple[str, float]]
) -> list[tuple[str, float]]:
    """甲店货款6850、乙店货款7420…: one measure stated per shop, batch or year adds up to the
    act's amount (两高 interpretations count 非法经营数额 over the whole act); a file giving the
    total itself (a bare 货款, or one named 合计) is read as written. Only the file's own named
    facts are parts: a measurement or the narrative restating one of them is no second part,
    nor is a 其中 share of a total."""
    if threshold.unit not in _ADDITIVE_UNITS:
        return []  # 超标倍数 or 血液酒精含量 of two samples add up to nothing
    groups: dict[str, list[tuple[str, float]]] = {}
    for name, value in values:
        found = threshold.measures.search(name)
        if found is not None and not _TOTAL.search(name) and not _SHARE.search(name):
            groups.setdefault(found.group(0), []).append((name, value))
    sums = []
    for measure, parts in groups.items():
        bare = any(name.strip() == measure for name, _ in parts)
        # 复制品数量480、已销售300、库存180: one part is the total of the others
        total = any(abs(v * 2 - sum(x for _, x in parts)) < 0.5 for _, v in parts)
        if len(parts) > 1 and not bare and not total:
            names = "、".join(name for name, _ in parts)
            sums.append((f"{names}合计", sum(v for _, v in parts)))
    return sums


def _prevailing(
    threshold: CriminalThreshold, values: list[tuple[str, float]]
) -> list[tuple[str, float]]:
    """Only the measure the law makes the finding, where the file states one."""
    if threshold.prevails is None:
        return values
    kept = [(n, v) for n, v in values if threshold.prevails.search(n)]
    return kept or values


def _exceedances(case: CaseFile, threshold: CriminalThreshold) -> list[tuple[str, float]]:
    """超过排放标准N倍: a measured pollutant of the line's own list (its first act pattern:
    铅、汞、镉、铬…) over its limit, as 超标倍数 = (实测值 − 限值) / 限值 — the monitoring
    convention, and the lower of the two readings of 超过…三倍以上."""
    if threshold.unit != "倍":
        return []  # only a line counted in multiples of the standard
    substance = threshold.act[0]
    return [
        (
            f"{m.item}超标倍数（{m.value:.10g}/{m.limit:.10g}{m.unit}）",
            (m.value - m.limit) / m.limit,
        )
        for e in case.evidence
        for m in e.measurements
        if m.limit and m.limit > 0 and substance.search(m.item)
    ]


def _cited_as_act(case: CaseFile, threshold: CriminalThreshold) -> list[str]:
    """The file characterises its act under a provision whose text is the criminal act."""
    if threshold.act_cited is None:
        return []
    cited = [*case.citations.violated, *case.citations.penalty_basis]
    return [f"案卷引用{c}" for c in cited if threshold.act_cited.search(c)]


# 无入户、携带凶器或扒窃情节: a clause denying the circumstances it lists (not 无证经营)
_DENIED_CIRCUMSTANCES = re.compile(r"^\s*无[^，,。；]{0,40}(?:情节|情形)$")


def _named_as_act(case: CaseFile, threshold: CriminalThreshold) -> list[str]:
    """A fact whose name writes the whole act (采挖国家二级保护野生植物株数), where the narrative
    gives the act and the species in two sentences."""
    named = [*case.facts.quantities, *case.facts.amounts]
    return [f"facts：{n}" for n in named if all(_affirmed(p, n) for p in threshold.act)]


def _affirmed(pattern: re.Pattern[str], sentence: str) -> bool:
    """The sentence writes the act part, not inside a denial of it."""
    return any(
        not DENIAL.search(re.split(r"[，,]", sentence[: m.start()])[-1])
        and not _DENIED_CIRCUMSTANCES.search(_clause_at(sentence, m))
        for m in pattern.finditer(sentence)
    )


def _clause_at(sentence: str, m: re.Match[str]) -> str:
    """The whole clause (between commas) the match lies in."""
    start = max(sentence.rfind("，", 0, m.start()), sentence.rfind(",", 0, m.start())) + 1
    ends = [k for k in (sentence.find("，", m.end()), sentence.find(",", m.end())) if k >= 0]
    return sentence[start : min(ends, default=len(sentence))]


def _offenders_are(case: CaseFile, kind: str) -> bool:
    return bool(case.parties) and all(p.kind == kind for p in case.parties)


def reached(case: CaseFile) -> list[ThresholdHit]:
    """Every line whose act the file describes and whose number a stated fact reaches."""
    text = case_text(case)
    sentences = [s for s in re.split(r"[。；;！？\n]", text) if s]
    hits = []
    for threshold in THRESHOLDS:
        written = [s for s in sentences if all(_affirmed(p, s) for p in threshold.act)]
        written += _cited_as_act(case, threshold)
        written += _named_as_act(case, threshold)
        if not written:
            continue  # the act's parts must be written together, in one sentence
        if threshold.not_act is not None and threshold.not_act.search(text):
            continue
        if not all(any(_affirmed(p, s) for s in sentences) for p in threshold.condition):
            continue
        if threshold.offender and not _offenders_are(case, threshold.offender):
            continue
        if threshold.act_only:
            hits.append(ThresholdHit(threshold, f"案情叙述“{written[0]}”", 0.0))
            continue
        reaching = [(n, v) for n, v in _measured(case, threshold) if v >= threshold.minimum]
        if reaching:
            name, value = max(reaching, key=lambda pair: pair[1])
            hits.append(ThresholdHit(threshold, name, value))
    return hits
