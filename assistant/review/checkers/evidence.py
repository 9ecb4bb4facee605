"""证据是否合法充分: statutory types (read from 第四十六条 in the corpus), lawful means,
a verifiable source, collected before the decision."""

from __future__ import annotations

import re
from datetime import date

from assistant.case_file import CaseFile, Event, EvidenceItem
from assistant.review.addressee_fines import core_name
from assistant.review.checkers.testing_body import unqualified_body
from assistant.review.context import ReviewContext
from assistant.review.deciding_organ import first_field_rule
from assistant.review.execution import carries_out_decision
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.penalty_kinds import coercive_only, enforcement_only
from assistant.review.public_order import SOLE_STATEMENT, special_rule
from assistant.review.statutory_fine import penalty_provisions
from corpus.citation_resolver import ResolvedCitation, canonical_citation
from corpus.numerals import article_label

# 撬锁进入住宅 / 破门进入: entering premises by force, which no 行政处罚 power allows
_ILLEGAL = re.compile(
    r"偷拍|偷录|窃听|窃取|胁迫|威胁|引诱|诱骗|欺骗|欺诈|暴力|非法|私自进入|强行进入|未经.{0,8}同意"
    r"|撬(?:锁|门|开)|破门|砸(?:锁|门)|强行(?:打开|开启|开锁)"
)
# Records the officers make themselves (现场笔录, 询问笔录, 执法记录仪视频…): the record
# and its maker are the source; only evidence taken from others needs a named source
# to be 查证属实 (第四十六条第二款).
_SELF_MADE_TYPES = frozenset({"现场笔录", "勘验笔录", "当事人的陈述", "证人证言"})
# Taken by the officers' own act (a seizure, a sample, an electronic capture): the act's
# own record (扣押清单、抽样单) names where it came from.
_SELF_MADE_MEANS = re.compile(
    r"现场|检查|询问|讯问|勘验|勘查|拍摄|录制|录像|录音|执法记录|扣押|查封|先行登记保存|抽样|电子取证"
)
_ITEM_NUMBER = re.compile(r"^[（(][一二三四五六七八九十]+[）)]|[；;。]$")


_flag = PointFlags(ReviewPoint.EVIDENCE)


def statutory_types(ctx: ReviewContext, on: date) -> list[str]:
    """The evidence types listed in 《行政处罚法》第四十六条第一款 on ``on``."""
    types: list[str] = []
    for result in ctx.resolve("《中华人民共和国行政处罚法》第四十六条第一款", on):
        if isinstance(result, ResolvedCitation):
            for line in result.text.splitlines()[1:]:
                types += _ITEM_NUMBER.sub("", line.strip()).split("、")
    return [t for t in types if t]


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not case.evidence:
        return [
            _flag(
                Severity.MUST_FIX,
                "案卷没有任何证据，违法事实无从认定",
                ctx.penalty_law("第四十条"),
                "evidence 为空",
            )
        ]
    on = case.first("决定").date if case.first("决定") else case.act_date
    types = statutory_types(ctx, on)
    flags: list[Flag] = []
    for index, item in enumerate(case.evidence):
        flags += _item_flags(case, ctx, types, index, item)
    flags += _entrapment(case, ctx) or _induced_statement(case, ctx)
    flags += (
        _lapsed_laboratory(case, ctx)
        or _unqualified_laboratory(case, ctx)
        or unqualified_body(case, ctx)
    )
    flags += _disputed_rapid_test(case, ctx)
    flags += _drug_use_untested(case, ctx)
    if all(_own_statement(item) or _proves_nothing(item) for item in case.evidence) and any(
        _own_statement(item) for item in case.evidence
    ):
        flags.append(_sole_statement(case, ctx))
    return flags


# 营业执照及特种行业许可证复印件 / 旅馆业从业人员登记信息: who the party is and what it may do,
# never proof that the act happened
_IDENTITY_PAPER = re.compile(r"营业执照|身份证|户籍|户口|从业人员|许可证复印件|执业证|资格证")


def _identity_only(item: EvidenceItem) -> bool:
    return item.type == "书证" and bool(_IDENTITY_PAPER.search(item.name))


# 当事人的陈述 / 违法嫌疑人的陈述和申辩 (公安's evidence type): the party's own account
_OWN_STATEMENT = re.compile(r"^(?:当事人|违法嫌疑人)的?陈述")
# a report's registration, a records search, a note that the facts could not be found
_NO_PROOF = re.compile(
    r"受案登记|报案登记|接报|违法犯罪记录|人口信息|未能查明|无法查证|未能查证|未能查实|无法查明"
    # 工作情况说明（监控已覆盖、无被骗报案、未找到被骗人）: a note of what could not be had
    r"|未(?:能)?找到|已被?覆盖|未能取得|无[^，、；）]{0,4}报案"
    # 违法犯罪及吸毒记录查询; 走访情况说明（已退租，“阿强”身份不明）
    r"|(?:违法犯罪|吸毒)[^，、；）]{0,4}记录|身份不明|未(?:能)?查获"
)
# 询问同步录音录像: the statement itself on tape, no second proof of the act
_RECORDED_QUESTIONING = re.compile(r"询问|讯问")
# 尿液检测：甲基苯丙胺、吗啡、氯胺酮均为阴性: a test that found nothing proves no use
_NEGATIVE = re.compile(r"阴性")
_POSITIVE = re.compile(r"阳性")


def _own_statement(item: EvidenceItem) -> bool:
    return bool(_OWN_STATEMENT.match(item.type))


def _proves_nothing(item: EvidenceItem) -> bool:
    """Evidence of who the party is, of a report or a search that found nothing, a
    recording of the questioning itself, or a test whose results were all negative."""
    text = f"{item.name}{item.note}"
    return (
        _identity_only(item)
        or (item.type == "书证" and bool(_NO_PROOF.search(text)))
        or (item.type == "视听资料" and bool(_RECORDED_QUESTIONING.search(item.name)))
        or (bool(_NEGATIVE.search(text)) and not _POSITIVE.search(text))
    )


# 胶体金快速检测卡 / 快检结果: a screening method (食品安全法第一百一十二条第一款)
_RAPID_TEST = re.compile(r"快速检测|快检|胶体金|试纸|检测卡")
# 提出异议并申请复检: the party contested the screening within its four hours
_CONTESTED = re.compile(r"异议|申请复检|要求复检|请求复检")
_RETESTED = re.compile(r"(?<!未)(?<!未安排)复检(?:结果|报告|结论)|已(?:安排|进行)复检")


def _cites_food_law(case: CaseFile) -> bool:
    """The file's violated provisions or 处罚依据 are the 食品安全法's."""
    return any("食品安全法" in c for c in [*case.citations.violated, *case.citations.penalty_basis])


def _disputed_rapid_test(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """食品安全法第一百一十二条第二款: a food the rapid test shows may be substandard is tested
    under 第八十七条; only a result so established (确定) grounds a penalty. A finding resting on
    a rapid test alone, which the party contested, with no laboratory report and no retest."""
    if not _cites_food_law(case):
        return []
    rapid = [e for e in case.evidence if _RAPID_TEST.search(e.name)]
    laboratory = [
        e for e in case.evidence if _TEST_REPORT.search(e.name) and not _RAPID_TEST.search(e.name)
    ]
    if not rapid or laboratory:
        return []  # none, or a laboratory report is on file
    told = [case.facts.description, *[e.note for e in case.events]]
    told += [f"{e.name}{e.note or ''}" for e in case.evidence]
    contested = any(_CONTESTED.search(t) for t in told)
    if not contested or any(_RETESTED.search(t) for t in told):
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            "违法事实仅以快速检测结果认定，当事人已提出异议申请复检，案卷既无复检也无食品检验机构的"
            "检验报告；快速检测结果未经确定，不能作为行政处罚的依据",
            ctx.rule(_FOOD_LAW + "第一百一十二条第二款"),
            # the test record, not its video
            next((e.name for e in rapid if "视频" not in e.name), rapid[0].name),
        )
    ]


# 吸食甲基苯丙胺 / 注射毒品: the party's own drug use (治安管理处罚法第七十二条第（三）项)
_DRUG_USE = re.compile(r"吸食|注射|吸毒")
_DRUG_TEST = re.compile(r"尿液|尿检|毛发|血液|唾液|吸毒检测")


def _drug_use_untested(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A 治安 finding that the party used drugs with no drug test of the party — the tests
    on file name only others (伍某、陈某尿液检测报告): the use rests on the party's own
    statement (治安管理处罚法第九十三条)."""
    people = [core_name(p.name) for p in case.parties if p.kind == "个人" and p.name]
    if len(people) != 1 or not _DRUG_USE.search(case.violation.description):
        return []
    tests = [e for e in case.evidence if _DRUG_TEST.search(e.name)]
    if not tests or any(people[0] in f"{e.name}{e.note}" for e in tests):
        return []
    if not all(re.search(r"[\u4e00-\u9fff]某", e.name) for e in tests):
        return []  # a test naming nobody may be the party's
    special = special_rule(case, ctx, SOLE_STATEMENT)
    if special is None:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"认定{people[0]}吸食毒品，但未对其进行吸毒检测，案卷中的检测只涉及他人，该事实只有本人陈述",
            special,
            f"evidence（检测）：{'、'.join(e.name for e in tests)}",
        )
    ]


def _sole_statement(case: CaseFile, ctx: ReviewContext) -> Flag:
    """A confession alone: a question under the general law (第四十六条第二款), a bar in a
    治安 case (治安管理处罚法第九十三条)."""
    special = special_rule(case, ctx, SOLE_STATEMENT)
    return _flag(
        Severity.MUST_FIX if special else Severity.CHECK,
        "只有违法嫌疑人本人陈述，没有其他证据证明，不能作出治安管理处罚决定"
        if special
        else "仅有当事人的陈述，无其他证据印证",
        special or ctx.penalty_law("第四十六条第二款"),
        f"evidence 共{len(case.evidence)}项：{'、'.join(e.name for e in case.evidence)}；"
        + (
            "除当事人的陈述外仅有身份、记录查询或未能查证的材料，不能证明违法事实"
            if any(_proves_nothing(e) for e in case.evidence)
            else "均为当事人的陈述"
        ),
    )


# 资质认定证书…有效期至2024年1月18日: the laboratory's accreditation, and the day it ended
_ACCREDITATION = re.compile(r"资质认定|资质证书|CMA|计量认证|考核合格")
_VALID_UNTIL = re.compile(r"有效期(?:至|到|截至)\s*(\d{4})[年\-./](\d{1,2})[月\-./](\d{1,2})")
_TEST_REPORT = re.compile(r"检验报告|检测报告|检验结果")
_FOOD_LAW = "《中华人民共和国食品安全法》"
# 已延续至2027年 / 换发后有效期至…: renewed (案卷中无延续或换发材料 is the opposite)
_RENEWED = re.compile(r"已(?:延续|换发|重新取得)|延续至|换发后|续期至")


def _lapsed_laboratory(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A test report made after the laboratory's accreditation, as the file records it, had
    lapsed, in a field whose law admits only accredited laboratories (食品安全法第八十四条第一款:
    取得资质认定后，方可从事食品检验活动; 种子法第四十七条第二款: 经…考核合格)."""
    rule = laboratory_rule(case, ctx)
    if rule is None:
        return []
    for item in case.evidence:
        found = _VALID_UNTIL.search(item.note or "")
        if not (_ACCREDITATION.search(item.name + (item.note or "")) and found):
            continue
        until = _day(found)
        if until is None:
            continue  # 有效期至2024年2月30日: no such day, nothing to compare
        late = [
            e
            for e in case.evidence
            if e.date and e.date > until and _TEST_REPORT.search(e.type + e.name)
        ]
        if late and not _RENEWED.search(item.note or ""):
            return [
                _flag(
                    Severity.MUST_FIX,
                    f"检验报告（{late[0].date}）出具时检验机构的资质（考核合格）已于{until}届满，"
                    "不具备检验资质的机构出具的检验结论不能作为定案依据",
                    rule,
                    f"{item.name}：{item.note}；{late[0].name}（{late[0].date}）",
                    also_cites=_commissioning_rules(case, ctx),
                )
            ]
    return []


# 食品安全法第八十七条: 进行抽样检验…应当委托符合本法规定的食品检验机构进行 — the agency's own duty
# to send its samples only to an accredited laboratory, beside the laboratory's
_COMMISSIONING = re.compile(r"委托符合本法规定的[^。，；]{0,10}检[验测]机构")


def _commissioning_rules(case: CaseFile, ctx: ReviewContext) -> list[str]:
    """The article of a cited 罚则's law that binds the agency to accredited laboratories."""
    found = []
    for cited in penalty_provisions(case, ctx):
        for record in ctx.articles_in(cited.law, cited.version):
            if _COMMISSIONING.search(record.text):
                label = article_label(record.number, record.suffix)
                found.append(canonical_citation(record.title, label, None, None))
    return list(dict.fromkeys(found))


# 食品检验机构…取得资质认定后，方可从事食品检验活动 / 承担种子质量检验的机构应当…经…考核合格
_LABORATORY_RULE = re.compile(
    r"检[验测](?:的)?机构[^。]{0,60}?(?:应当|必须|方可)[^。]{0,60}?(?:考核合格|资质认定)"
    r"|检[验测](?:的)?机构[^。]{0,60}?(?:考核合格|资质认定)[^。]{0,6}后，方可"
)


def laboratory_rule(case: CaseFile, ctx: ReviewContext) -> str | None:
    """The paragraph of the cited 罚则's field that admits only accredited laboratories."""
    return first_field_rule(case, ctx, ("资质认定", "考核合格"), _LABORATORY_RULE.search)


# 能力附表仅含“水和废水…”，不含食品检验项目 / 未取得食品检验资质: a laboratory the file itself
# says may not test food
_NO_FOOD_SCOPE = re.compile(
    r"(?:不含|未含|不包括|未包括|未取得|没有|无)[^，。；]{0,8}食品(?:检验|检测)"
)


def _unqualified_laboratory(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """食品安全法第八十四条第一款、第八十七条: the food test that grounds the finding was made
    by a laboratory whose accreditation, as the file records it, does not cover food."""
    if not _cites_food_law(case):
        return []
    texts = [case.facts.description, *case.facts.circumstances]
    texts += [f"{e.name}{e.note or ''}" for e in case.evidence] + [e.note for e in case.events]
    said = next((m.group(0) for t in texts if (m := _NO_FOOD_SCOPE.search(t))), None)
    reports = [e for e in case.evidence if _TEST_REPORT.search(e.type + e.name)]
    if said is None or not reports:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"检验报告由不具备食品检验资质的机构出具（“{said}”），不能作为定案依据；"
            "抽样检验应当委托符合食品安全法规定的食品检验机构",
            ctx.rule(_FOOD_LAW + "第八十七条"),
            f"{reports[0].name}；“{said}”",
            also_cites=[ctx.rule(_FOOD_LAW + "第八十四条第一款")],
        )
    ]


def _day(found: re.Match[str]) -> date | None:
    try:
        return date(*(int(g) for g in found.groups()))
    except ValueError:
        return None


# The police rules' names for the statutory kinds: 《公安机关办理行政案件程序规定》第二十六条
# lists 被侵害人陈述和其他证人证言、违法嫌疑人的陈述和申辩、勘验、检查、辨认笔录，现场笔录
# and 视听资料、电子数据; each is one of 第四十六条第一款's kinds under its police name.
# Keys are written without "的" (see _plain): files write 违法嫌疑人(的)陈述(和申辩) both ways.
TYPE_ALIASES = {
    "被害人陈述": "证人证言",
    "被侵害人陈述": "证人证言",
    "其他证人证言": "证人证言",
    "被侵害人陈述和其他证人证言": "证人证言",
    "违法嫌疑人陈述和申辩": "当事人的陈述",
    "违法嫌疑人陈述": "当事人的陈述",
    "违法嫌疑人申辩": "当事人的陈述",
    "检查笔录": "现场笔录",
    "辨认笔录": "现场笔录",
    "勘查笔录": "勘验笔录",
    "现场勘查笔录": "勘验笔录",
    "现场勘验笔录": "勘验笔录",
}
_PARTS = re.compile(r"[、，,]")


def _plain(kind: str) -> str:
    return kind.strip().replace("的", "")


def statutory_kind(kind: str, types: list[str]) -> str | None:
    """The 第四十六条 kind an evidence type names, or None.

    A combined police heading (勘验、检查笔录; 视听资料、电子数据) is statutory when each
    part is; a bare part (勘验) takes the last part's 笔录 suffix."""
    plain = {_plain(t): t for t in types}
    parts = [p for p in _PARTS.split(kind) if p.strip()] or [kind]
    found = []
    for part in parts:
        if parts[-1].endswith("笔录") and not part.endswith("笔录"):
            part += "笔录"
        key = _plain(part)
        hit = plain.get(key) or plain.get(_plain(TYPE_ALIASES.get(key, "")))
        if not hit:
            return None
        found.append(hit)
    return found[0]


def _item_flags(
    case: CaseFile, ctx: ReviewContext, types: list[str], index: int, item: EvidenceItem
) -> list[Flag]:
    where = f"evidence[{index}]（{item.name}）"
    flags = []
    if types and not statutory_kind(item.type, types):
        flags.append(
            _flag(
                Severity.CHECK,
                f"证据种类“{item.type}”不属于法定证据种类（{'、'.join(types)}）",
                ctx.penalty_law("第四十六条第一款"),
                f"{where}type={item.type}",
            )
        )
    if item.obtained_by and _ILLEGAL.search(item.obtained_by):
        flags.append(
            _flag(
                Severity.MUST_FIX,
                "证据以非法手段取得，不得作为认定案件事实的根据",
                ctx.penalty_law("第四十六条第三款"),
                f"{where}取得方式：{item.obtained_by}",
            )
        )
    if not item.source and not _officers_made(item):
        flags.append(
            _flag(
                Severity.CHECK,
                "证据来源未载明，无法查证属实",
                ctx.penalty_law("第四十六条第二款"),
                f"{where}source 为空",
            )
        )
    decision = _decision_under_review(case)
    # the record of executing the decision (强制拆除现场笔录) is no evidence for it
    executing = carries_out_decision(item.name, item.obtained_by or "", item.note)
    releasing = decision is not None and (
        _grounds_release(case, item, decision.date) or _grounds_enforcement(case, item)
    )
    if decision and item.date and item.date > decision.date and not (executing or releasing):
        flags.append(
            _flag(
                Severity.MUST_FIX,
                "证据在处罚决定作出后才收集，不能作为作出决定的根据",
                ctx.penalty_law("第五十四条第一款"),
                f"{where}取证日期 {item.date}，决定 {decision.date}",
            )
        )
    return flags


# 钓鱼执法: the agency's own people (officers, 协管员, people it engaged) pose as a customer
# and talk the party into the act. Evidence so made is got by 利诱、欺诈 (第四十六条第三款);
# a mere 暗访 where the party offers the service unasked is not.
_POSING = re.compile(
    r"假扮|冒充|伪装成|装扮成|乔装|扮作|扮成|假装(?:成|是)?(?:乘客|顾客|买家|患者|病人)"
)
_INDUCED = re.compile(
    r"诱导|引诱|诱使|利诱|诱骗|恳求|哀求|央求|苦苦|再三(?:要求|请求|恳求)|"
    r"主动(?:给付|塞|付|支付|给)|塞给|硬塞|将[^，。；]{0,8}(?:钱|现金|元)[^，。；]{0,6}放在"
)
_AGENCY_PEOPLE = re.compile(
    r"执法(?:辅助)?人员|辅警|协管员|工作人员|本局|本机关|聘用|委托|暗访|线人|队员|民警"
)
# the party's own account (辩称…) is weighed by the agency, not a finding of the file
_PARTY_CLAIM = re.compile(r"辩称|申辩|声称|否认|称其")


def _entrapment(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The file finds the act was induced by the agency's people posing as customers."""
    narrative = [case.facts.description, *case.facts.circumstances]
    # how the evidence was got, and the investigation steps, tell the same story
    narrative += [e.note for e in case.evidence if e.note]
    narrative += [e.obtained_by for e in case.evidence if e.obtained_by]
    narrative += [e.note for e in case.events if e.note]
    for text in narrative:
        for sentence in re.split(r"[。；;\n]", text):
            if _PARTY_CLAIM.search(sentence):
                continue
            if (
                _POSING.search(sentence)
                and _INDUCED.search(sentence)
                and _AGENCY_PEOPLE.search(sentence)
            ):
                return [
                    _flag(
                        Severity.MUST_FIX,
                        "违法事实由行政机关人员假扮相对人、以利诱或者欺骗手段诱使形成（钓鱼执法），"
                        "由此取得的证据不得作为认定案件事实的根据",
                        ctx.penalty_law("第四十六条第三款"),
                        sentence,
                    )
                ]
    return _talked_round(case, ctx, narrative)


# 着便装暗访 … 当事人答“我不是拉客的” … 经再三请求，当事人同意搭载: an officer in plain clothes
# who talks a refusing party round, told over several sentences of one finding
_PLAIN_CLOTHES = re.compile(r"着便装|便衣|便装")
_REFUSED = re.compile(r"拒绝|不是拉客|不拉客|不愿|推辞|婉拒|不做|不卖|不接")
_FINDING = re.compile(r"\n|(?=[一二三四五六七八九十]、)")


def _talked_round(case: CaseFile, ctx: ReviewContext, narrative: list[str]) -> list[Flag]:
    """One finding (a paragraph) where the agency's people, posing in plain clothes, met a
    refusal and induced the act: the evidence so got is 利诱's (第四十六条第三款)."""
    for text in narrative:
        for finding in _FINDING.split(text):
            told = "。".join(s for s in re.split(r"[。；;]", finding) if not _PARTY_CLAIM.search(s))
            posing = _POSING.search(told) or _PLAIN_CLOTHES.search(told)
            if (
                posing
                and _AGENCY_PEOPLE.search(told)
                and _INDUCED.search(told)
                and _REFUSED.search(told)
            ):
                return [
                    _flag(
                        Severity.MUST_FIX,
                        "执法人员着便装暗访，在当事人拒绝后以利诱、恳求等手段诱使其实施违法行为（钓鱼执法），"
                        "由此取得的证据不得作为认定案件事实的根据",
                        ctx.penalty_law("第四十六条第三款"),
                        finding.strip()[:160],
                    )
                ]
    return []


# 承诺如实交代即不予处罚 / 以不予处罚相许诺 / 威胁…才签字: a statement got by a promise or a
# threat from the officers (以利诱、欺诈、胁迫等非法手段取得), as the record itself says.
_INDUCEMENT = re.compile(
    r"(?:承诺|许诺|答应|保证)[^。；]{0,16}(?:不予处罚|不处罚|免予处罚|从轻|不罚|不追究)"
    r"|以[^。；]{0,12}相许诺|逼供|诱供|刑讯"
    r"|(?:执法人员|民警|办案人员|调查人员|工作人员)[^。；]{0,10}(?:威胁|恐吓|胁迫)"
)
_NO_INDUCEMENT = re.compile(r"(?:无|未|没有|不存在|并无)[^，。；]{0,4}$")


def _induced_statement(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A statement the officers obtained by a promise of no penalty or by a threat (第四十六条
    第三款: 以非法手段取得的证据，不得作为认定案件事实的根据). Only the file's own account of
    the questioning counts; the party's later claim (申辩称曾承诺) is for the reviewer."""
    records = [
        (f"evidence（{e.name}）", f"{e.name}；{e.obtained_by or ''}；{e.note}")
        for e in case.evidence
    ]
    records += [
        (f"events（{e.date} {e.type}）", e.note)
        for e in case.events
        if e.type == "调查取证" and e.note
    ]
    for where, text in records:
        for sentence in re.split(r"[。；;\n]", text):
            found = _INDUCEMENT.search(sentence)
            if found is None or _PARTY_CLAIM.search(sentence):
                continue
            if _NO_INDUCEMENT.search(sentence[: found.start()]):
                continue
            return [
                _flag(
                    Severity.MUST_FIX,
                    f"当事人陈述系执法人员以“{found.group(0)}”等方法取得，属以非法手段取得的证据，"
                    "不得作为认定案件事实的根据",
                    ctx.penalty_law("第四十六条第三款"),
                    f"{where}：{sentence}",
                )
            ]
    return []


# 解除查封/扣押 (行政强制法第二十八条): ending a coercive measure once it is no longer needed
_RELEASE = re.compile(r"解除(?:查封|扣押|冻结|强制措施)|解封|退还(?:扣押|查封)")


def _decision_under_review(case: CaseFile) -> Event | None:
    """The 决定 the evidence must precede: none for a 查封 alone (it decides no case), the
    last one where the file only enforces an earlier decision, else the first."""
    if coercive_only(case):
        return None
    decisions = case.events_of("决定")
    if not decisions:
        return None
    return decisions[-1] if enforcement_only(case) else decisions[0]


def _grounds_release(case: CaseFile, item: EvidenceItem, decided: date) -> bool:
    """An item got after the decision, followed by the release of a 查封/扣押 (a passing
    re-inspection before 解除查封), grounds that release under 行政强制法第二十八条, not
    the decision: 第五十四条 asks only that the decision's own evidence come first."""
    if item.date is None or item.date <= decided:
        return False
    return any(
        event.date >= item.date and _RELEASE.search(f"{event.type}{event.note or ''}")
        for event in case.events
        if event.date is not None
    ) or any(
        doc.date is not None and doc.date >= item.date and _RELEASE.search(doc.type)
        for doc in case.documents
    )


# the party's performance of the decision (罚款缴纳情况, 履行情况): a fact that arises only after it
_PERFORMANCE = re.compile(r"缴纳|缴款|缴费|履行|到账|执行情况")
# a file deciding a demolition, not a fine: re-inspections (复查仍未拆除), a query whether the
# party sought review (复议、诉讼情况查询) and the government's order (城乡规划法第六十八条: 责成)
# are what its 强制拆除决定 rests on, and so are the enforcement's own steps: the party heard
# after the 催告 (行政强制法第三十六条) and the 公告 posted (第四十四条)
_DEMOLITION_PERFORMANCE = re.compile(r"复查|未拆除|复议|诉讼情况|责成|催告|公告")
# a step enforcing the decision (催告, 加处罚款, 申请法院强制执行, 强制执行决定, 强制拆除决定)
_ENFORCING = re.compile(r"催告|加处罚款|强制执行|代履行|强制拆除|强制清除")


def _grounds_enforcement(case: CaseFile, item: EvidenceItem) -> bool:
    """An item on whether the party performed the decision, followed by a step enforcing it,
    grounds that enforcement (行政强制法第三十五条、第五十四条 ask whether the party is 逾期),
    not the decision: 第五十四条第一款 asks only that the decision's own evidence come first."""
    text = f"{item.name}{item.note}"
    demolition = not case.penalty.amount and _DEMOLITION_PERFORMANCE.search(text)
    if item.date is None or not (_PERFORMANCE.search(text) or demolition):
        return False
    return any(
        event.date is not None
        and event.date >= item.date
        and _ENFORCING.search(f"{event.type}{event.note or ''}")
        for event in case.events
    ) or any(
        doc.date is not None and doc.date >= item.date and _ENFORCING.search(doc.type)
        for doc in case.documents
    )


def _officers_made(item: EvidenceItem) -> bool:
    """The officers made this record themselves, so it names its own source."""
    means = item.obtained_by or ""
    return item.type in _SELF_MADE_TYPES or bool(_SELF_MADE_MEANS.search(means))
