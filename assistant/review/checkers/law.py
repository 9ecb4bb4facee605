"""适用法律是否准确: every cited article exists and is in force on the act date, the
处罚依据 is a sanction clause, and it sanctions the cited duty (from the statute text
or the discretion standard's own 法律依据)."""

from __future__ import annotations

import datetime as dt
import re

from assistant.case_file import CaseFile
from assistant.discretion.text_match import similarity
from assistant.norm_links import is_order_only_sanction, is_penalty_norm
from assistant.review.checkers.discretion import range_flags
from assistant.review.conduct_sanction import (
    conduct_fit,
    conduct_sanction,
    old_number_note,
    renumbered_sanction,
)
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.higher_law import higher_law
from assistant.review.lawful_source import lawful_source
from assistant.review.lighter_new_law import lighter_new_law
from assistant.review.penalty_kinds import coercive_only, imposes_penalty
from assistant.review.quoted_version import LabelledVersion, labelled_superseded, quoted_superseded
from assistant.review.sanction_versions import (
    later_pairing,
    later_sanction,
    renumbered_item,
    superseded_item,
    superseded_sanction,
)
from assistant.review.statutory_fine import (
    EXEMPTING_CONFISCATION,
    is_general_law,
    matching_standard,
    penalty_provisions,
    violated_provisions,
)
from corpus.citation_resolver import CitationError, CitationErrorCode, ResolvedCitation
from corpus.model import ArticleRecord
from corpus.numerals import to_chinese

# 从轻或者减轻处罚 / 不予处罚 / 从重处罚: how a sanction is measured, cited beside it.
_ADJUSTS = re.compile(r"从轻|减轻|从重|不予处罚|不予行政处罚")
# 收缴、追缴 (of 赌资、违禁品、违法所得) are measures, not penalties: the article ordering them
# is cited beside the 罚则 as the basis of that measure (治安管理处罚法第十一条第一款).
# 责令经营者限期退还 (价格违法行为行政处罚规定第十六条) returns the overcharge: a measure too.
# 可以责令其采取限制生产措施 (限制生产、停产整治办法第五条): the measure, cited beside the 罚则
# 可以遣送出境 (出境入境管理法第六十二条): a 强制措施 of 第六章 调查和遣返, cited beside the
# 罚则 for the removal the decision orders alike.
# 责令其接受社区戒毒 / 强制隔离戒毒 (禁毒法第三十三条、第三十八条, 戒毒条例第十三条): 戒毒措施 the
# police order beside the detention for 吸毒, no penalty of their own.
_MEASURE = re.compile(
    r"收缴|追缴|退还|限制生产措施|停产整治措施|遣送出境|社区戒毒|强制隔离戒毒|社区康复"
)
# 分别处罚 (共同违法, 治安管理处罚法第十七条第一款), 按日连续处罚 and its 计罚日数 (环境保护法第五十九条,
# 按日连续处罚办法第十七条): how the 罚则 is applied to each offender or each day, cited beside it.
# 对医疗机构放射性职业病危害控制的监督管理，由卫生行政部门依照本法的规定实施 (职业病防治法第八十七条):
# which department applies the 罚则, cited beside it alike.
# 由海事管理机构依法予以处罚 (国内水路运输管理条例第三十八条): a 罚则 that refers the act to
# another law's penalty, cited beside the 罚则 it refers to; so is 依照《中华人民共和国产品质量法》
# …等法律、行政法规的规定查处 (标准化法第三十七条).
_APPLIES = re.compile(
    r"分别(?:处罚|决定)|按日连续处罚|计罚日数|依照本法(?:的)?规定实施|依法(?:予以|给予)(?:行政|治安管理)?处罚"
    r"|依照《[^。；]{2,80}?(?:法律|行政法规)的规定查处"
    # 违法所得无法确定时，按照没有违法所得的规定处罚 (价格违法行为行政处罚规定第十八条)
    r"|无法确定时，按照[^。；]{0,12}的规定处罚"
    # 依照《土地管理法》第七十四条、第七十七条的规定…没收…的，应当于九十日内交由… (土地管理法实施
    # 条例第五十八条): how the confiscation another 罚则 orders is carried out
    r"|依照《[^。；》]{2,40}》第[^。；]{1,24}条的规定[，,]?[^。；]{0,40}没收"
    # 法律、法规未作规定的，由市场监督管理部门依照《消费者权益保护法》第五十六条予以处罚
    # (侵害消费者权益行为处罚办法第十四条): refers the act to the 罚则 cited beside it
    r"|依照《[^。；》]{2,40}》第[^。；]{1,24}条(?:的规定)?予以处罚"
    # 由口岸出入境检验检疫机构比照进出境动植物检疫法的有关规定处罚 (农业转基因生物安全管理条例
    # 第四十九条): the other law's 罚则, cited beside it
    r"|比照[^。；]{2,40}?(?:的有关规定|的规定)处罚"
    # 确定具体罚款数额时，应当考虑违法行为的性质、程度… (反垄断法第五十九条): how the fine the
    # 罚则 sets is fixed, cited beside it
    r"|确定具体罚款数额时"
    # 登记机关确定罚款金额时，应当综合考虑… (市场主体登记管理条例第四十九条) alike
    r"|确定罚款(?:数额|金额)时"
    # 代履行应当遵守下列规定 / 当事人逾期不履行…可以代履行 (行政强制法第五十条、第五十一条): how
    # the order beside the 罚则 is carried out, cited with it
    r"|代履行"
    # 有下列行为之一的，适用《中华人民共和国治安管理处罚法》第二十三条的处罚规定 (军事设施保护法
    # 第六十条) / 依照《中华人民共和国治安管理处罚法》的规定处罚: the other law's 罚则, cited beside it
    r"|适用《[^。；》]{2,40}》[^。；]{0,24}?的处罚规定"
    # 依照《中华人民共和国水法》的规定处理 (农田水利条例第四十四条第一款) alike; so is 依照《治安管理
    # 处罚法》关于阻碍人民警察依法执行职务的规定予以处罚 (海警法第七十三条)
    r"|依照《[^。；》]{2,40}》(?:第[^。；]{1,24}条|关于[^。；]{1,30}?)?的(?:有关)?规定(?:予以|给予)?(?:治安管理)?(?:处罚|处理)"
    # 依照《水法》、《水污染防治法》…等法律、行政法规的规定处罚 (地下水管理条例第五十五条)
    r"|依照《[^。；]{2,120}?等(?:有关)?(?:法律|行政法规|法律、行政法规)的规定(?:予以|给予)?处罚"
)
# 下列情形属于统计法第四十一条第二款规定的情节严重行为 (统计法实施条例第五十条): what a 罚则's
# tier means, cited beside the 罚则 it defines.
_DEFINES = re.compile(
    r"第[一二三四五六七八九十百零]+条(?:第[一二三四五六七八九十]+款)?(?:规定的|所称)"
    r"[^。；，]{0,10}(?:情节|行为|情形)"
)
_OUT_OF_FORCE = (CitationErrorCode.NOT_YET_IN_FORCE, CitationErrorCode.REPEALED)


_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    flags = _missing(case, ctx) + _resolvable(case, ctx)
    flags += [] if flags else _repealed_while_continuing(case, ctx)
    flags += _penalty_clause(case, ctx)
    flags += _duty_link(case, ctx)
    flags += _standard_basis(case, ctx)
    flags += _quoted_superseded(case, ctx)
    flags += lighter_new_law(case, ctx)
    flags += higher_law(case, ctx)
    flags += lawful_source(case, ctx)
    return flags


def _missing(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第三十八条第一款 voids a penalty without a basis; where the file imposes no penalty
    (a case transferred for prosecution, only 责令改正 — not a penalty, 第二十八条) there is
    no penalty to rest on a 处罚依据, and its absence is no finding. A 查封/扣押 alone is a
    行政强制措施, no penalty at all: 第三十八条 asks it for neither 依据 (its own basis is a
    行政强制法 question)."""
    if coercive_only(case):
        return []
    flags = []
    imposed = imposes_penalty(case)
    fields = (("violated", "违法依据"), ("penalty_basis", "处罚依据"))
    for field, label in fields if imposed else fields[:1]:
        if not getattr(case.citations, field):
            flags.append(
                _flag(
                    Severity.MUST_FIX,
                    f"未引用{label}，行政处罚没有依据",
                    ctx.penalty_law("第三十八条第一款"),
                    f"citations.{field} 为空",
                )
            )
    return flags


def _resolvable(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """Each citation resolves in the version in force when the act was committed."""
    flags = []
    for field in ("violated", "penalty_basis"):
        for index, written in enumerate(getattr(case.citations, field)):
            for result in ctx.resolve(written, case.act_date):
                if isinstance(result, CitationError):
                    flags.append(
                        _citation_flag(ctx, result, f"citations.{field}[{index}]：{written}")
                    )
    return flags


# 此后一直闲置未复装，至2022年10月13日检查时仍未恢复: the act went on until at least that day
_CONTINUED_UNTIL = re.compile(
    r"(?:一直|持续|继续)[^。；]{0,30}?至(\d{4})年(\d{1,2})月(\d{1,2})日[^。；]{0,12}仍"
)


def _continued_until(case: CaseFile) -> dt.date | None:
    """The day the file says an act with no end date was still going on, when later."""
    if case.violation.end_date is not None:
        return None
    text = "".join([case.violation.description, case.facts.description, *case.facts.circumstances])
    days = []
    for found in _CONTINUED_UNTIL.finditer(text):
        try:
            days.append(dt.date(*(int(g) for g in found.groups())))
        except ValueError:
            continue
    latest = max(days, default=None)
    return latest if latest is not None and latest > case.violation.date else None


def _repealed_while_continuing(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第三十六条第二款、第三十七条: an act in a continuing state (一直…至…仍未恢复) ends on its
    last day; a provision cited from a law repealed before that day is not the law of the act."""
    until = _continued_until(case)
    if until is None:
        return []
    flags = []
    for field in ("violated", "penalty_basis"):
        for index, written in enumerate(getattr(case.citations, field)):
            for result in ctx.resolve(written, until):
                if isinstance(result, CitationError) and result.code in _OUT_OF_FORCE:
                    flags.append(
                        _flag(
                            Severity.MUST_FIX,
                            f"违法行为处于继续状态，持续至{until}，应适用行为终了时有效的规定，"
                            f"所引条文届时已不是有效的规定：{result.message}",
                            ctx.penalty_law("第三十七条"),
                            f"citations.{field}[{index}]：{written}；持续至{until}",
                            also_cites=[ctx.penalty_law("第三十六条第二款")],
                        )
                    )
    return flags[:1]  # one finding: the act's law, however many of its articles are cited


def _citation_flag(ctx: ReviewContext, error: CitationError, evidence: str) -> Flag:
    if error.code in _OUT_OF_FORCE:
        return _flag(
            Severity.MUST_FIX,
            f"所引条文在违法行为发生时不是有效的规定：{error.message}",
            ctx.penalty_law("第三十七条"),
            evidence,
        )
    if error.code is CitationErrorCode.UNKNOWN_LAW:
        return _flag(
            Severity.CHECK,
            f"所引法律不在本地法规库中，无法核实其存在与条文（导入后重新审核）：{error.message}",
            ctx.penalty_law("第三十八条第一款"),
            evidence,
        )
    return _flag(
        Severity.MUST_FIX,
        f"所引条文在语料库中无法核实：{error.message}",
        ctx.penalty_law("第三十八条第一款"),
        evidence,
    )


def _listed_by_another(citation: ResolvedCitation, provisions: list[ResolvedCitation]) -> bool:
    """Another cited 罚则 of the same act fines the acts this article lists (具有本细则第一百零九条
    所列第(一)至第(五)项行为的，处以… — 国境卫生检疫法实施细则第一百一十条): the list is that
    罚则's conduct, cited beside it."""
    number = f"第{to_chinese(citation.article)}条"
    return any(
        other.law == citation.law
        and other.article != citation.article
        and re.search(rf"本(?:细则|条例|办法|规定|法){number}(?:所列|规定的)", other.article_text)
        for other in provisions
    )


def _penalty_clause(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A 处罚依据 must be a sanction clause (罚则), not a duty; a rule for mitigating or
    aggravating (从轻、减轻…处罚) may stand beside the 罚则 it adjusts, and so may a rule on how
    it applies to each joint offender or each day (分别处罚, 按日连续处罚). A file that imposes
    no penalty (transferred, or a 查封/扣押 alone) cites the provisions its measure rests
    on, which need be no 罚则."""
    if not imposes_penalty(case):
        return []
    flags = []
    provisions = penalty_provisions(case, ctx)
    records = [ctx.record(c) for c in provisions]
    has_sanction = any(r is not None and is_penalty_norm(r) for r in records)
    for citation, record in zip(provisions, records, strict=True):
        renumbered = renumbered_item(case, ctx, citation) or superseded_item(case, ctx, citation)
        if renumbered is not None:
            flag = _version_flag(ctx, citation, renumbered, item=True)
            flags.append(_naming(flag, renumbered_sanction(case, ctx, citation)))
            continue
        labelled = labelled_superseded(case, ctx, citation)
        if labelled is not None and superseded_sanction(ctx, citation) is None:
            flags.append(_label_flag(ctx, labelled))
            continue  # its number is the old text's: the in-force text says nothing of it
        if has_sanction and (
            _ADJUSTS.search(citation.text)
            or _ADJUSTS.search(_lead_in(citation.article_text))
            or is_general_law(citation)
            or _MEASURE.search(citation.article_text)
            or EXEMPTING_CONFISCATION.search(citation.article_text)
            or _APPLIES.search(citation.article_text)
            or _DEFINES.search(_lead_in(citation.article_text))
            or _listed_by_another(citation, provisions)
        ):
            continue  # a general rule, a measure's basis or how the 罚则 applies is no second 罚则
        other = conduct_sanction(case, ctx, citation)
        if other is not None:
            flags.append(_other_conduct_flag(ctx, citation, other))
            continue
        if record is not None and not is_penalty_norm(record):
            earlier = superseded_sanction(ctx, citation)
            if earlier is not None:
                flag = _version_flag(ctx, citation, earlier)
                flags.append(_naming(flag, renumbered_sanction(case, ctx, citation)))
                continue
            later = later_sanction(case, ctx, citation)
            if later is not None:
                flags.append(_version_flag(ctx, citation, later))
                continue
            if is_order_only_sanction(record):
                continue  # the 罚则 of the act; a penalty it lacks is penalty_measures' finding
            flags.append(_no_sanction_flag(case, ctx, citation))
    return flags


def _label_flag(ctx: ReviewContext, labelled: LabelledVersion) -> Flag:
    """第三十七条: the file names the version it applied (（2016年修正）第七十五条), older than
    the one in force on the act date — a continuing act ends under the new text."""
    citation = labelled.citation
    return _flag(
        Severity.MUST_FIX,
        f"处罚依据标明适用{labelled.label}文本，违法行为发生（终了）时施行的是"
        f"{citation.version}起的版本，适用了已被修订的旧版本",
        ctx.penalty_law("第三十七条"),
        f"citations.penalty_basis：《{citation.title}》{labelled.label}"
        f"{citation.citation.split('》')[-1]}",
    )


def _naming(flag: Flag, sanction: str | None) -> Flag:
    """A version finding also cites the act-date 罚则 the conduct is, when it stands clear."""
    if sanction is None or sanction in flag.also_cites:
        return flag
    return flag.model_copy(update={"also_cites": [*flag.also_cites, sanction]})


def _no_sanction_flag(case: CaseFile, ctx: ReviewContext, citation: ResolvedCitation) -> Flag:
    """第三十八条第一款: no 罚则, no penalty. When a 罚则 of the same text is plainly the
    conduct's, the number is likely an old text's (第三十七条: the law in force, by its own
    numbers); naming that 罚则, when it stands clear, tells the officer what to cite."""
    evidence = f"citations.penalty_basis：{citation.citation}：{citation.article_text[:60]}"
    reason = f"{citation.citation}不是罚则（未规定处罚），不能作为处罚依据"
    fit = conduct_fit(case, ctx, citation)
    if fit is None:
        # the provision misused is the finding's too (住房公积金管理条例第三十八条 sets no fine)
        return _flag(
            Severity.MUST_FIX,
            reason,
            ctx.penalty_law("第三十八条第一款"),
            evidence,
            also_cites=[citation.citation],
        )
    suffix, also_cites = old_number_note(ctx, citation, fit)
    return _flag(
        Severity.MUST_FIX,
        reason + suffix,
        ctx.penalty_law("第三十八条第一款"),
        evidence,
        also_cites=also_cites,
    )


def _other_conduct_flag(
    ctx: ReviewContext, citation: ResolvedCitation, other: ArticleRecord
) -> Flag:
    """第三十七条: the 处罚依据 in force on the act date is the article that punishes the
    conduct; the cited number punishes another one (often the number an earlier text gave)."""
    return Flag(
        point=ReviewPoint.LAW,
        severity=Severity.MUST_FIX,
        reason=(
            f"所引处罚依据{citation.citation}（{citation.version}起施行的文本）处罚的是另一违法行为，"
            f"与案卷认定的行为无一处相同表述；本案行为是同一文本{other.label}所罚的行为，"
            "处罚依据引用错误（可能沿用了修订前的条文序号）"
        ),
        rule=ctx.penalty_law("第三十七条"),
        also_cites=[
            ctx.penalty_law("第三十八条第一款"),
            ctx.rule(f"《{citation.title}》{other.label}"),
        ],
        evidence=(
            f"citations.penalty_basis：{citation.citation}：{citation.article_text[:40]}；"
            f"{other.label}：{other.text[:40]}"
        ),
    )


def _lead_in(article_text: str) -> str:
    """有下列行为之一的，在本法规定的处罚幅度内从重处罚： (药品管理法第一百三十七条): what an
    item cited alone (第（五）项) is a case of; the corpus writes the colon either way."""
    found = re.match(r"([^：:\n]*)[：:]", article_text)
    return found.group(1) if found else ""


def _version_flag(
    ctx: ReviewContext,
    citation: ResolvedCitation,
    other: ResolvedCitation,
    paired: bool = False,
    item: bool = False,
) -> Flag:
    """第三十七条: 实施行政处罚，适用违法行为发生时的法律、法规、规章的规定 — the 处罚依据 is
    numbered as another version's 罚则 (an earlier one, or one not yet in force)."""
    if paired:
        which, effect = (
            "新版本",
            "行为时版本的该条不罚所引违法条款（两条只在新版本中对应），适用了违法行为发生时尚未施行的法律",
        )
    elif item:
        later = other.version > citation.version
        which = "新版本" if later else "旧版本"
        effect = f"行为时版本的{'该项' if citation.item else '该条'}是另一违法行为，" + (
            "适用了违法行为发生时尚未施行的条文序号"
            if later
            else "仍按已被修订的条文序号引用，未适用违法行为发生时的法律"
        )
    elif other.version > citation.version:
        which, effect = "新版本", "该条不是罚则，适用了违法行为发生时尚未施行的法律"
    else:
        which, effect = "旧版本", "该条已不是罚则，未适用违法行为发生时的法律"
    return Flag(
        point=ReviewPoint.LAW,
        severity=Severity.MUST_FIX,
        reason=(
            f"所引处罚依据{citation.citation}按{other.version}起施行的{which}条文序号引用"
            f"（{which}该条为罚则），违法行为发生时施行的是{citation.version}起的版本，{effect}"
        ),
        rule=ctx.penalty_law("第三十七条"),
        also_cites=[ctx.penalty_law("第三十八条第一款")],
        evidence=f"citations.penalty_basis：{citation.citation}：{citation.article_text[:60]}",
    )


def _linked(ctx: ReviewContext, citation: ResolvedCitation) -> set[str]:
    """unit_ids of the articles the statute itself links to this one (explicit or text)."""
    record = ctx.record(citation)
    if record is None:
        return set()
    linked = ctx.graphs.violated_by(record) + ctx.graphs.penalties_for(record)
    linked += [other for other, _ in ctx.graphs.text_links_of(record)]
    return {other.unit_id for other in linked}


def _article_id(citation: ResolvedCitation) -> str:
    return citation.unit_id.split("#")[0] + "#" + citation.unit_id.split("#")[1].split(".")[0]


def _duty_link(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """Flag a pairing only when both articles are linked by the statute, but elsewhere."""
    duties = violated_provisions(case, ctx)
    flags = []
    for penalty in penalty_provisions(case, ctx):
        penalty_links = _linked(ctx, penalty)
        same_law = [d for d in duties if d.law == penalty.law]
        if not penalty_links or not same_law:
            continue
        if any(_article_id(d) in penalty_links for d in same_law):
            continue
        if any(_article_id(d) == _article_id(penalty) for d in same_law):
            continue  # the 罚则 lists the conduct itself (第四十七条第（二）项)
        later = [p for d in same_law if (p := later_pairing(case, ctx, penalty, d, _linked))]
        if later:
            flags.append(_version_flag(ctx, penalty, later[0], paired=True))
            continue
        renumbered = [(d, r) for d in same_law if (r := _renumbered_duty(ctx, penalty, d))]
        if renumbered:
            flags.append(_renumbered_duty_flag(ctx, *renumbered[0]))
            continue
        unlinked = [
            d for d in same_law if _linked(ctx, d) and not _linked(ctx, d) & {_article_id(penalty)}
        ]
        if len(unlinked) == len(same_law):
            flags.append(
                _flag(
                    Severity.CHECK,
                    f"违法依据与处罚依据不对应：{penalty.citation}所罚的行为与"
                    f"{'、'.join(d.citation for d in same_law)}规定的义务不一致",
                    ctx.rule(f"《{penalty.title}》第{to_chinese(penalty.article)}条"),
                    f"citations.violated：{'、'.join(case.citations.violated)}；"
                    f"citations.penalty_basis：{penalty.citation}",
                )
            )
    return flags


# how much of the earlier text's wording the 罚则's own duty must share, and at most its
# namesake in force: 妇女权益保障法2018年第二十七条 is 2022年第四十八条 (0.88), not 第二十七条 (0.04)
_SAME_DUTY = 0.6
_OTHER_DUTY = 0.2


def _renumbered_duty(
    ctx: ReviewContext, penalty: ResolvedCitation, duty: ResolvedCitation
) -> ArticleRecord | None:
    """The duty the act-date 罚则 names (违反本法第四十三条和第四十八条规定的) that the cited
    违法依据's number held in the text before: the file cites the superseded numbering."""
    record = ctx.record(penalty)
    if record is None:
        return None
    earlier = [
        found
        for found in ctx.resolve(
            f"《{duty.title}》第{to_chinese(duty.article)}条", duty.version - dt.timedelta(days=1)
        )
        if isinstance(found, ResolvedCitation) and found.version < duty.version
    ]
    if not earlier:
        return None
    old = earlier[0].article_text
    if similarity(old, duty.article_text) > _OTHER_DUTY:
        return None
    named = ctx.graphs.violated_by(record) + [
        other for other, _ in ctx.graphs.text_links_of(record)
    ]
    return next((n for n in named if similarity(old, n.text) >= _SAME_DUTY), None)


def _renumbered_duty_flag(ctx: ReviewContext, duty: ResolvedCitation, named: ArticleRecord) -> Flag:
    """第三十七条: the law in force on the act date, by its own numbers."""
    return Flag(
        point=ReviewPoint.LAW,
        severity=Severity.MUST_FIX,
        reason=(
            f"所引违法依据{duty.citation}沿用了修订前的条文序号：违法行为发生时施行的"
            f"{duty.version}起的文本中该条是另一规定，原条文的义务现为{named.label}"
            "（所引处罚依据所罚的条款），未适用违法行为发生时的法律"
        ),
        rule=ctx.penalty_law("第三十七条"),
        also_cites=[ctx.rule(f"《{duty.title}》{named.label}")],
        evidence=f"citations.violated：{duty.citation}：{duty.article_text[:40]}",
    )


def _law(ctx: ReviewContext, written: str) -> str | None:
    try:
        return ctx.resolver.law_name(written)
    except CitationError:
        return None


def _standard_basis(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The standard row named in the file rests on its own 法律依据; the file should cite it."""
    if not case.violation.standard_id:
        return []
    standard = matching_standard(case, ctx)
    if standard is None:
        return []
    refs = [r for b in standard.legal_basis for r in b.refs if r.law]
    cited = {(c.law, c.article) for c in penalty_provisions(case, ctx)}
    if not refs or any((_law(ctx, r.law), r.article) in cited for r in refs):
        return []
    basis = ctx.rule(f"《{refs[0].law}》第{to_chinese(refs[0].article)}条")
    return [
        _flag(
            Severity.CHECK,
            f"裁量基准{standard.id}（{standard.title[:30]}）的法律依据是{basis}，"
            "与案卷所引处罚依据不一致",
            basis,
            f"violation.standard_id={standard.id}；citations.penalty_basis："
            f"{'、'.join(case.citations.penalty_basis)}",
        )
    ]


def _quoted_superseded(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The decision quotes its 罚则 in words the version in force on the act date no longer
    has and an earlier version had: it applied the superseded law (第三十七条), and the
    finding is the in-force provision (its item where the article has items). A fine the
    old words allowed and the in-force ones do not is the discretion point's finding, which
    names the quote (the labelling guide: a fine outside the 罚则's range is discretion)."""
    if not imposes_penalty(case):
        return []
    found = quoted_superseded(case, ctx)
    if found is None or range_flags(case, ctx):
        return []
    return [
        Flag(
            point=ReviewPoint.LAW,
            severity=Severity.MUST_FIX,
            reason=(
                f"决定援引的处罚依据条文“{found.quoted[:40]}”是{found.earlier.version}起施行的"
                f"旧版本，违法行为发生时施行的是{found.citation.version}起的版本，应当适用{found.rule}"
            ),
            rule=found.rule,
            also_cites=[ctx.penalty_law("第三十七条")],
            evidence=f"facts.description：“{found.quoted}”；现行条文：{found.citation.article_text[:80]}",
        )
    ]
