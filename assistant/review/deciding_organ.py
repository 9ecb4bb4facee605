"""Who may decide a measure: a 罚则 or a general article of the same law that reserves it to
the organ that issued the certificate (建设工程质量管理条例第七十五条第一款: 降低资质等级和吊销资质
证书的行政处罚，由颁发资质证书的机关决定; 原发证机关决定). Another organ deciding it acts beyond
its power (是否超越法定权限), whatever its powers list says."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.case_file import CaseFile
from assistant.review.checkers.penalty_measures import words_for
from assistant.review.context import ReviewContext
from assistant.review.labour_inspection import JURISDICTION, labour_rule
from assistant.review.statutory_fine import (
    paragraph_citation,
    penalty_provisions,
    range_rule,
    violated_provisions,
)
from corpus.citation_resolver import canonical_citation
from corpus.model import ArticleRecord
from corpus.numerals import article_label, parse_number

# …的行政处罚，由颁发资质证书的机关决定 / 给予吊销…处罚的，须由原发证机关决定 / 由颁发测绘资质证书
# 的部门决定 (测绘法第六十六条第一款) / 吊销许可证件的，由原批准、发证的部门决定 (药品管理法
# 第一百三十九条)
_RESERVED = re.compile(
    r"([^。；\n]*?)(?:须|应当)?由((?:原批准、|原审批、)?(?:颁发|核发|原发证|发证)[^，。；]{0,24}?"
    r"(?:机关|部门))决定"
)
# 已取得许可证的，原发证部门可以依法暂扣或者吊销许可证 (传染病防治法第七十三条): the issuing
# organ named as the subject of the measure
# 情节严重的，由发证机关吊销农药经营许可证 (农药管理条例第五十五条): 由 marks the organ as the subject;
# 由原许可机关吊销道路运输经营许可证 (道路运输条例第六十七条) names the licensing organ; 由登记管理机关
# 吊销其登记证书 (宗教事务条例第七十二条第二款) the registering one
_RESERVED_SUBJECT = re.compile(
    # 由原登记部门吊销该医疗机构的人体器官移植诊疗科目 (人体器官捐献和移植条例第四十二条) too
    r"(?:原批准、|原审批、)?(?:原发证|由发证|原许可|由登记管理|原(?:执业)?登记(?:管理)?|由原?审批|由原?批准"
    r"|颁发[^，。；]{0,24}?)"
    # 由颁发海域使用权证书的人民政府注销海域使用权证书 (海域使用管理法第四十六条)
    r"(?:机关|部门|(?<=的)人民政府)"
    r"(?:可以|应当)?(?:依法)?"
    # 由颁发资质证书的部门责令停业整顿，降低资质等级或者吊销资质证书 (民用建筑节能条例第三十九条):
    # the measures listed on after the comma are reserved alike
    r"(?P<measure>[^。；，]*(?:，(?:降低|吊销|暂扣|撤销)[^。；，]*)*)"
)
# 由原发证机关或其上级机关决定: another organ may decide as well
_ALTERNATIVE = re.compile(r"^或")
# 发证机关为广东省住房和城乡建设厅 / 由广东省住房和城乡建设厅颁发 / 持有…颁发的
_ISSUER = (
    re.compile(
        r"(?:发证机关|颁发机关|核发机关|登记管理机关)(?:为|是|系|：|:)\s*([^，。；、）)\s]{2,30})"
    ),
    # 资质证书编号D244058713，发证机关广东省住房和城乡建设厅: the organ named straight after
    re.compile(
        r"(?:发证机关|颁发机关|核发机关)([^，。；、）)\s为是系：:应由]{2,30}?"
        r"(?:厅|局|委员会|人民政府|部))"
    ),
    re.compile(r"由([^，。；、（(]{2,30}?)(?:颁发|核发)"),
    # 经广东省文物局批准设立、持有文物商店许可证书: the organ that approved and licensed it;
    # 广东省教育厅2022年6月15日批准筹备设立 names the approving organ before the date
    re.compile(r"经([^，。；、（(]{2,30}?(?:厅|局|委员会|人民政府|部))批准(?:筹备)?设立"),
    re.compile(
        r"([^，。；、（(\d\s：:]{2,30}?(?:厅|局|委员会|人民政府|部))(?:于)?\d{4}年\d{1,2}月\d{1,2}日"
        r"(?:批准|核准)(?:筹备)?设立"
    ),
    # 持有广东省住房和城乡建设厅颁发的…资质证书 / 持江门市市场监督管理局核发的《药品经营许可证》
    re.compile(r"持有?([^，。；、（(《]{2,30}?)(?:颁发|核发)的"),
    # 二级资质（广东省住房和城乡建设厅颁发）: the issuer in brackets after the certificate
    re.compile(r"[（(]([^，。；、（()）]{2,30}?)(?:颁发|核发)[)）]"),
    # 诊疗科目系广东省卫生健康委员会登记: the organ that registered it (read last: a licence's
    # issuer named in the same text comes first)
    re.compile(
        r"(?:系|由|经)([^，。；、（(系由经]{2,30}?(?:厅|局|委员会|人民政府|部))(?:核准)?登记"
    ),
)
# 江门市江海区 of 江门市江海区市场监督管理局: every place unit the name opens with (市场 is no 市)
_REGION = re.compile(
    r"^((?:[\u4e00-\u9fff]{2,6}?(?:省|自治区|自治州|市(?!场|政|容)|县|区(?!域)))+)"
)
_SELF = re.compile(r"本局|本机关|我局|本厅")
# 住房和城乡建设部 / 国家…局: a central organ, never a local agency
_CENTRAL = re.compile(r"^(?:国务院|国家|中华人民共和国)|部$")


@dataclass(frozen=True)
class Reserved:
    """A measure the file imposes that the law reserves to the issuing organ."""

    kind: str
    issuer: str
    rule: str


def _same_organ(agency: str, issuer: str) -> bool:
    """Conservative: organs differ only where both names start with a different place."""
    if _SELF.search(issuer):
        return True
    if issuer.endswith("人民政府") and "人民政府" not in agency:
        return False  # 台山市人民政府 issued it: its 自然资源局 is a department, not the government
    ours, theirs = _REGION.match(agency), _REGION.match(issuer)
    if ours is not None and theirs is None and _CENTRAL.search(issuer):
        return False
    if ours is None or theirs is None:
        return True
    ours_name, theirs_name = ours.group(1), theirs.group(1)
    # 江门市 within 广东省江门市; 蓬江区 for 江门市蓬江区: the same place named more or less fully
    return ours_name in theirs_name or ours_name.endswith(theirs_name)


def issuer(case: CaseFile) -> str | None:
    """The organ the file says issued the party's certificate."""
    texts = [case.violation.description, case.facts.description, *case.facts.circumstances]
    texts += [f"{e.name}{e.source or ''}" for e in case.evidence]
    for text in texts:
        for pattern in _ISSUER:
            if found := pattern.search(text or ""):
                return found.group(1)
    return None


def reserved_kinds(case: CaseFile, ctx: ReviewContext) -> list[Reserved]:
    """Kinds the file imposes that an article of a cited 罚则's law (in the version applied)
    reserves to the issuing organ, where the file names an issuer other than the agency; a
    law and its regulation both cited (建筑法第七十六条, 建设工程质量管理条例第七十五条) give one each."""
    organ = issuer(case)
    if organ is None or _same_organ(case.agency.name, organ):
        return []
    found: list[Reserved] = []
    for citation in penalty_provisions(case, ctx):
        records = ctx.articles_in(citation.law, citation.version)
        own = [r for r in records if (r.number, r.suffix) == (citation.article, citation.suffix)]
        # the cited 罚则's own reservation is the one the decision breaches; the law's other
        # articles speak only where it is silent
        mine = _reserved_in(case, own, organ)
        found += mine or _reserved_in(case, [r for r in records if r not in own], organ)
    return list(dict.fromkeys(found + _reserved_by_powers(case, ctx, organ)))


def _reserved_by_powers(case: CaseFile, ctx: ReviewContext, organ: str) -> list[Reserved]:
    """The article the agency's own jurisdiction rests on may reserve a measure to the issuing
    organ (特种设备安全监督检查办法第三十二条: the local organ 将证据材料移送发证机关，由发证机关依法
    予以吊销): the power it invokes comes without that measure. A 款 reserving the licences
    of 单位/机构 binds only a case against one."""
    against_unit = any(p.kind == "单位" for p in case.parties)
    found: list[Reserved] = []
    for written in case.agency.powers.basis:
        for citation in ctx.resolved(written, case.violation.date):
            record = ctx.record(citation)
            if record is not None:
                found += _reserved_in(case, [record], organ, units_bound=against_unit)
    return found


_UNITS = re.compile(r"单位|机构|企业")


def _holding(record: ArticleRecord, clause: str) -> str:
    """The 款 whose text holds ``clause`` (the whole article where none does)."""
    return next((p.text for p in record.paragraphs if clause in p.text), record.text)


def _clause_rule(record: ArticleRecord, clause: str) -> str:
    """The citation of the 款 that holds ``clause``, the article where none does."""
    paragraph = next((p for p in record.paragraphs if clause in p.text), None)
    if paragraph is None:
        return canonical_citation(record.title, record.label, None, None)
    return paragraph_citation(record, paragraph.number)


def _reserved_in(
    case: CaseFile, records: list[ArticleRecord], organ: str, units_bound: bool = True
) -> list[Reserved]:
    """Reservations of the kinds imposed; ``units_bound`` False leaves out a 款 that reserves
    the licences of 单位/机构 only."""
    found = []
    for record in records:
        for clause, measure in _reservations(record.text):
            if not units_bound and _UNITS.search(_holding(record, clause)):
                continue
            rule = _clause_rule(record, clause)
            for kind in case.penalty.types:
                # 由审批机关撤销筹备设立批准书 (中外合作办学条例第五十二条): 撤销 is no penalty kind
                # of 行政处罚法第九条, but the organ the 罚则 names for it decides it alike
                # 由颁发海域使用权证书的人民政府注销海域使用权证书 alike
                words = words_for(kind) or (kind[:2] if kind.startswith(("撤销", "注销")) else None)
                if words and re.search(words, measure) and _same_certificate(kind, measure):
                    found.append(Reserved(kind, organ, rule))
    return found


_CERTIFICATE_KIND = re.compile(r"许可|登记|执照|资质|资格|执业")


def _same_certificate(kind: str, measure: str) -> bool:
    """吊销办学许可证 is no 吊销其登记证书 (宗教事务条例第七十二条第二款): where both name the kind of
    certificate, it must be the same."""
    if _GENERIC_CERTIFICATE.search(kind):
        return True  # 吊销许可证件 (行政处罚法第九条's own word) names any permit
    ours = set(_CERTIFICATE_KIND.findall(kind))
    theirs = set(_CERTIFICATE_KIND.findall(measure))
    if not ours or not theirs:
        return True
    # 办学许可证 against 设立许可: the certificate's own name, where the kind gives one
    named = _NAMED_CERTIFICATE.search(kind)
    # 吊销许可证件的，由原批准、发证的部门决定 (药品管理法第一百三十九条) reserves any permit
    generic = _GENERIC_MEASURE.search(measure)
    return bool(ours & theirs) and (named is None or generic or named.group(1) in measure)


_GENERIC_CERTIFICATE = re.compile(r"吊销(?:许可证件|许可证|证照|证件|执照)$")
_GENERIC_MEASURE = re.compile(r"许可证件|证照")
_NAMED_CERTIFICATE = re.compile(r"吊销([\u4e00-\u9fff]{2,6}?)(?:许可证|许可|执照|证书)")


def _reservations(text: str) -> list[tuple[str, str]]:
    """(clause, the measure it reserves) for each reservation to the issuing organ."""
    found = [
        (m.group(0), m.group(1))
        for m in _RESERVED.finditer(text)
        if not _ALTERNATIVE.search(text[m.end() :])
    ]
    return found + [(m.group(0), m.group("measure")) for m in _RESERVED_SUBJECT.finditer(text)]


# 罚款额在二千元以下的，可以由税务所决定: a law lets an office below the agency decide small fines
# only; a larger fine in that office's own name exceeds its power (税收征收管理法第七十四条).
# 其中警告或者五千元以下罚款，可以由…公安机关出入境管理机构决定 (出境入境管理法第七十条) alike.
_AMOUNT = r"([零〇一二两三四五六七八九十百千万\d]+)"
_CEILING = re.compile(
    rf"(?:罚款(?:额)?在{_AMOUNT}元以下的|(?:警告或者)?{_AMOUNT}元以下(?:的)?罚款)"
    r"[，,]?(?:可以)?由([^，。；、]{2,30}?)决定"
)
# 县级以上地方人民政府公安机关出入境管理机构 → 出入境管理: the office's own name in an agency's.
_ORGAN_PREFIX = re.compile(r"^.*(?:公安机关|人民政府|部门)")


def _is_organ(acting: str, organ: str) -> bool:
    """The agency is the kind of office the article names: 某税务所 for 税务所, 某公安局出入境
    管理支队 for 出入境管理机构 (the office, not the 公安局 above it)."""
    if acting.endswith(organ):
        return True
    core = _ORGAN_PREFIX.sub("", organ).removesuffix("机构")
    return (
        organ.endswith("机构") and len(core) >= 2 and core in acting and not acting.endswith("局")
    )


@dataclass(frozen=True)
class FineCeiling:
    """The most an office (税务所) may fine in its own name, and the article saying so."""

    organ: str
    ceiling: int
    rule: str


def fine_ceiling(case: CaseFile, ctx: ReviewContext) -> FineCeiling | None:
    """The ceiling an article of the cited 罚则's law (in the version applied) sets for the
    kind of office the agency is (its name ends in the organ the article names)."""
    acting = case.agency.acts_in_name_of or case.agency.name
    for citation in penalty_provisions(case, ctx):
        records = ctx.articles_in(citation.law, citation.version)
        own = [r for r in records if (r.number, r.suffix) == (citation.article, citation.suffix)]
        # the cited 罚则's own reservation first: it is the one the decision breaches
        for record in own + [r for r in records if r not in own]:
            for match in _CEILING.finditer(record.text):
                organ = match.group(3)
                if not _is_organ(acting, organ):
                    continue
                try:
                    ceiling = parse_number(match.group(1) or match.group(2))
                except ValueError:
                    continue
                return FineCeiling(organ, ceiling, _clause_rule(record, match.group(0)))
    return None


# 情节严重的，由设区的市级人民政府吊销生猪定点屠宰证书: the 罚则 reserves one measure to a
# government or a higher level than the department that imposes the rest
# 可以提请省、自治区、直辖市人民政府责令停产整顿 (监控化学品管理条例第二十一条): the government the
# department asks decides the measure
_NAMED_ORGAN = (
    r"(?:由|提请|报请)[^，。；、]{0,12}?(?:人民政府|设区的市|省级|省、自治区、直辖市|国务院)[^，。；、]{0,12}?"
    r"(?:依法)?(?:%s)"
)


# 并移送工商行政管理机关依法吊销营业执照 (棉花质量监督管理条例第三十条): the measure the 罚则
# leaves to the organ it sends the case to
_SENT_TO_ORGAN = r"移送[^，。；、]{0,16}?(?:机关|部门)[^，。；、]{0,4}?(?:依法)?(?:%s)"
# 有违法所得的，由工商行政管理部门没收违法所得 (保守国家秘密法实施条例第四十三条第二款): the 罚则
# gives the measure to a department; read only for a measure already outside the agency's powers
_DEPARTMENT_ORGAN = r"由([^，。；、]{2,16}?(?:部门|机关))(?:依法)?(?:%s)"


def _another_department(department: re.Pattern[str], text: str, case: CaseFile) -> bool:
    """The 罚则 gives the measure to a department of another kind than the agency's (工商 for a
    保密局); one of its own kind (公安机关交通管理部门 for a county 交警大队) leaves the level
    rules to say which of them."""
    acting = case.agency.acts_in_name_of or case.agency.name
    return any(m.group(1)[:2] not in acting for m in department.finditer(text))


def reserving_organ(text: str, kind: str) -> str | None:
    """The government or level a 罚则's text gives ``kind`` to (由设区的市级人民政府吊销…)."""
    words = words_for(kind)
    found = re.search(_NAMED_ORGAN % words, text) if words else None
    return found.group(0) if found else None


# 由其审批机关或者其他有关部门责令…；情节严重的，责令停止招生、吊销办学许可 (宗教事务条例第七十条
# 第二款): the cited 款 gives its measures to the organ that approved the party
_BY_LICENSER = re.compile(r"由(?:其|原)?(?:审批|发证|许可|批准)机关")


def organ_named_rules(case: CaseFile, ctx: ReviewContext, kind: str) -> list[str]:
    """The provisions naming who imposes ``kind`` itself — the cited 罚则 when it does, else
    the rules that assign the measure to an organ level — best first. A measure outside the
    agency's powers breaches them before the general 第十七条."""
    words = words_for(kind)
    if words is None:
        return []
    pattern = re.compile(f"{_NAMED_ORGAN % words}|{_SENT_TO_ORGAN % words}")
    department = re.compile(_DEPARTMENT_ORGAN % words)
    for cited in penalty_provisions(case, ctx):
        if pattern.search(cited.article_text) or _another_department(
            department, cited.article_text, case
        ):
            label = article_label(cited.article, cited.suffix)
            rule = canonical_citation(cited.title, label, None, None)
            # 提请地方人民政府予以关闭 (安全生产法第一百一十三条) beside the law's own article on
            # how the government decides it (第一百一十五条)
            return [rule, *(r for r in _law_reserved(case, ctx, words) if r != rule)]
        if cited.paragraph and _BY_LICENSER.search(cited.text) and re.search(words, cited.text):
            return [range_rule(cited, in_paragraph=True)]
    reserved = _law_reserved(case, ctx, words)
    return reserved + [r for r in _level_rules(case, ctx, kind) if r not in reserved]


def _law_reserved(case: CaseFile, ctx: ReviewContext, words: str) -> list[str]:
    """An article of the cited 罚则's own law reserving the measure to a government (安全生产法
    第一百一十五条: 予以关闭的行政处罚，由负有安全生产监督管理职责的部门报请县级以上人民政府…决定)
    or to a level of police (道路交通安全法第一百一十一条: 予以拘留的行政处罚，由县、市公安局…裁决)."""
    pattern = re.compile(rf"(?:{words})的行政处罚，由[^。；]{{0,40}}?(?:人民政府|国务院|公安机关)")
    rules: list[str] = []
    for cited in penalty_provisions(case, ctx):
        for record in ctx.articles_in(cited.law, cited.version):
            if pattern.search(record.text):
                rule = canonical_citation(record.title, record.label, None, None)
                rules += [rule] if rule not in rules else []
    return rules


_RANK = {"法律": 0, "行政法规": 1, "部门规章": 2}
# 道路交通安全法 → 道路交通安全: a level rule belongs to the cited law's field (its 实施条例,
# its 处理程序规定), never to another field that happens to use the same words
_LAW_KIND = re.compile(r"(?:实施条例|条例|法|规定|办法)$")


def _level_rules(case: CaseFile, ctx: ReviewContext, kind: str) -> list[str]:
    """Rules of the cited 罚则's field assigning the measure to an organ level (道路交通安全法
    实施条例第一百零九条, 道路交通安全违法行为处理程序规定第六条第二款: 处以吊销机动车驾驶证处罚的，
    由设区的市公安机关交通管理部门作出决定), in force on the decision's day, the higher rank first."""
    fragment = f"处以{kind}处罚的，由"
    # 校车安全管理条例第四十四条 fines a bus driver whose duty is 道路交通安全法第十四条: the
    # traffic field's level rule binds the revocation too
    return field_rules(case, ctx, fragment, lambda text: fragment in text, with_duties=True)


# 特种设备安全行政处罚由违法行为发生地的县级以上市场监督管理部门实施; 对用人单位的劳动保障监察，
# 由用人单位用工所在地的县级或者设区的市级劳动保障行政部门管辖
_TERRITORIAL = re.compile(
    r"(?:行政处罚|监察|监督检查|查处|违法行为)[^。；]{0,20}由[^。；]{0,20}(?:发生地|所在地)"
    r"[^。；]{0,30}(?:管辖|实施|查处)"
)


def territorial_rules(case: CaseFile, ctx: ReviewContext) -> list[str]:
    """Rules of the cited 罚则's field naming the place whose organ punishes (行政处罚法第二十二条
    "法律、行政法规、部门规章另有规定的，从其规定"), the higher rank first."""
    labour = labour_rule(case, ctx, JURISDICTION, "用工所在地")
    rules: list[str] = [labour] if labour else []
    for fragment in ("发生地", "所在地"):
        for rule in field_rules(case, ctx, fragment, _TERRITORIAL.search):
            if rule not in rules:
                rules.append(rule)
    return rules


def field_rules(
    case: CaseFile,
    ctx: ReviewContext,
    fragment: str,
    says: Callable[[str], object],
    with_duties: bool = False,
) -> list[str]:
    """The paragraphs of the cited 罚则's field (its law, 实施条例, 规定) holding ``fragment``
    that ``says`` accepts, in force on the decision's day, the higher rank first;
    ``with_duties``: the fields of the duties cited as violated too."""
    decision = case.first("决定")
    day = decision.date if decision is not None else case.act_date
    cited = penalty_provisions(case, ctx) + (violated_provisions(case, ctx) if with_duties else [])
    cores = {_LAW_KIND.sub("", c.law) for c in cited}
    found = [
        r
        for r in ctx.store.articles_containing(fragment)
        if r.in_force_on(day) and any(len(core) >= 2 and core in r.law for core in cores)
    ]
    found.sort(key=lambda r: _RANK.get(r.level or "", len(_RANK)))
    rules = []
    for record in found:
        paragraph = next((p.number for p in record.paragraphs if says(p.text)), None)
        if paragraph is None:
            continue
        rules.append(paragraph_citation(record, paragraph))
    return rules


def first_field_rule(
    case: CaseFile, ctx: ReviewContext, fragments: tuple[str, ...], says: Callable[[str], object]
) -> str | None:
    """The first of field_rules over fragments a law writes two ways (不得少于2人/两人)."""
    for fragment in fragments:
        found = field_rules(case, ctx, fragment, says)
        if found:
            return found[0]
    return None
