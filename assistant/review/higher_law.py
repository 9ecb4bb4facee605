"""上位法的罚则 prevails: a lower 罚则 fining the act where a law fines it otherwise.

立法法 (效力层级): a law outranks an administrative
regulation or rule, and a 行政法规 provision conflicting with a law is not applied
(《生产安全事故报告和调查处理条例》第三十七条 after 安全生产法2021年第一百一十四条; 医疗机构管理条例
第四十四条 after 基本医疗卫生与健康促进法第九十九条). The law is looked for among the laws the file
and its agency name and the laws the lower act says it was made under (its 第一条 根据…);
the two 罚则 must read alike (the same act) and their conduct clauses (the words before
"…的，" or "，由…") must share the act's key terms — 无证生产 and 销售变质产品 are different acts
however alike their sanctions read — and the lower range for this case must reach
outside the law's (行政处罚法第十一条第二款: a regulation specifies within the law's range)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.case_file import CaseFile
from assistant.discretion.text_match import mutual_similarity
from assistant.norm_links import is_penalty_norm
from assistant.review.checkers.authority import department_kinds, penalty_assigners
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.penalty_kinds import imposes_penalty
from assistant.review.statutory_fine import (
    established_circumstances,
    fine_bases,
    fined_kind,
    penalty_provisions,
)
from assistant.review.statutory_range import (
    UNCORRECTED,
    StatutoryBounds,
    fine_clauses,
    outside_range,
    statutory_bounds,
)
from corpus.citation_resolver import CitationError, ResolvedCitation
from corpus.model import ArticleRecord
from corpus.numerals import to_chinese

_LAW_LEVEL = "法律"
# Two 罚则 of the same act keep most of their words (bigram Dice); others of the law do not.
_SAME_ACT = 0.44
_NAMED = re.compile(r"《([^》]+)》")
# The conduct a 罚则 sanctions ends where its consequence starts (…的，由…部门…处…).
_CONDUCT_END = re.compile(r"的，|，由|，处")
_ITEM_LINE = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]")
# "违反本法第X条规定，" names no act; it only says where the duty is. Nor do "有前款规定的违法
# 行为" (the act is the other 款's) and "尚不构成犯罪", which every 罚则 may say.
_BOILERPLATE = re.compile(
    r"违反本(?:法|条例|规定|办法)[^，]*规定，?|本(?:法|条例|规定|办法)规定的?"
    r"|有(?:前|上)(?:款|条)规定的?(?:违法)?行为(?:之一)?[，,]?(?:或者)?|[，,]?尚不构成犯罪"
)
# Two clauses for one act share its key terms (未取得…许可证擅自执业; 负有责任…事故); another
# act of the same law shares at most a word or two (产品).
_SAME_CONDUCT = 0.2


def higher_law(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A `law` finding per lower 罚则 cited where a law's 罚则 for the same act sets another
    range: must_fix when the fine imposed lies outside the law's range, a `check` (cite the law
    too) when the law allows that fine as well."""
    if not imposes_penalty(case) or not case.penalty.amount:
        return []
    flags = []
    for cited in penalty_provisions(case, ctx):
        record = ctx.record(cited)
        if record is None or record.level in (None, _LAW_LEVEL):
            continue
        own = _bounds(case, cited.article_text, cited.item)
        if own is None:
            continue
        found = _higher(case, ctx, cited, own)
        if found is not None:
            match, bounds = found
            allowed = not outside_range(case.penalty.amount, bounds.low, bounds.high)
            flags.append(_flag(ctx, cited, match, bounds, allowed))
    return flags


def ordered_first_higher(
    case: CaseFile, ctx: ReviewContext
) -> list[tuple[ResolvedCitation, ArticleRecord]]:
    """Lower 罚则 cited for an act whose law fines it only once an order to correct (责令限期
    关闭) has gone unheeded (体育法第一百一十六条 over 全民健身条例第三十六条): the fine the
    lower act allows at once waits, under the law, for that order."""
    if not imposes_penalty(case) or not case.penalty.amount:
        return []
    found = []
    for cited in penalty_provisions(case, ctx):
        record = ctx.record(cited)
        if record is None or record.level in (None, _LAW_LEVEL):
            continue
        if any(c.requires == UNCORRECTED for c in fine_clauses(cited.article_text)):
            continue  # the lower act waits for the order too
        best = _most_alike(case, ctx, cited)
        if best is None:
            continue
        clauses = fine_clauses(best.text)
        if clauses and all(c.requires == UNCORRECTED for c in clauses):
            found.append((cited, best))
    return found


def _most_alike(
    case: CaseFile, ctx: ReviewContext, cited: ResolvedCitation
) -> ArticleRecord | None:
    """The law's 罚则 in force that sanctions the cited lower 罚则's act."""
    return next(iter(_alike(case, ctx, cited)), None)


def _alike(case: CaseFile, ctx: ReviewContext, cited: ResolvedCitation) -> list[ArticleRecord]:
    """The laws' 罚则 in force for the cited lower 罚则's act, most alike first (the first
    found among equals)."""
    return [match.record for match in _alike_parts(case, ctx, cited)]


@dataclass(frozen=True)
class _Match:
    """A law's 罚则 for the lower one's act: the whole article, or only its ``paragraph`` (款,
    from 1) — found for a cited item of a lower list (``by_item``) or as the one paragraph
    reading like the whole lower 罚则."""

    record: ArticleRecord
    paragraph: int | None = None
    by_item: bool = False


def _alike_parts(case: CaseFile, ctx: ReviewContext, cited: ResolvedCitation) -> list[_Match]:
    """As _alike, each with the law's paragraph that sanctions the act where only it does,
    while the two articles differ as wholes: a cited item of a lower list (迟报或者漏报事故的)
    matched to the law's one paragraph on it (隐瞒不报、谎报或者迟报的，依照前款规定处罚), or a
    whole lower 罚则 read like one paragraph of the law's (旅游法第一百零二条第一款)."""
    scored: list[tuple[float, _Match]] = []
    founding = _founding_laws(ctx, cited)
    for record in ctx.store.iter_articles(_candidate_laws(case, ctx, cited, founding)):
        if record.level != _LAW_LEVEL or not _in_force(record, case):
            continue
        if not is_penalty_norm(record):
            continue
        if _other_departments(cited.article_text, record.text):
            continue  # 由海关…处罚 vs 由…环境保护主管部门…处罚: another department's act
        score = mutual_similarity(cited.article_text, record.text)
        if (
            score >= _SAME_ACT
            and _same_conduct(cited.article_text, record.text, _subject(cited.law))
            and _item_listed(cited, record)
            and _same_actor(cited.article_text, record.text)
        ):
            scored.append((score, _Match(record)))
        elif record.law in founding and (part := _item_paragraphs(cited, record)) is not None:
            scored.append((_SAME_ACT, _Match(record, part, by_item=True)))
        elif (paragraph := _alike_paragraph(cited, record)) is not None:
            scored.append(paragraph)
    return [match for _, match in sorted(scored, key=lambda pair: -pair[0])]


def _other_departments(lower: str, higher: str) -> bool:
    """The two 罚则 give their penalties to departments of different kinds (放射性污染防治法
    第五十八条: 海关; 放射性物品运输安全管理条例第六十三条: 环境保护主管部门): not one act."""
    kinds = [
        set().union(*(department_kinds(a) for a in penalty_assigners(text)))
        for text in (lower, higher)
    ]
    return all(kinds) and not kinds[0] & kinds[1]


def _alike_paragraph(cited: ResolvedCitation, record: ArticleRecord) -> tuple[float, _Match] | None:
    """The one paragraph of a law's 罚则 that reads like the whole lower 罚则 (旅游法第一百零二条
    第一款 beside 导游人员管理条例第十八条), where the law's other paragraphs fine other acts."""
    if len(record.paragraphs) < 2:
        return None
    found = [
        (score, _Match(record, paragraph.number))
        for paragraph in record.paragraphs
        if (score := mutual_similarity(cited.article_text, paragraph.text)) >= _SAME_ACT
        and _same_conduct(cited.article_text, paragraph.text, _subject(cited.law), True)
        and _same_actor(cited.article_text, paragraph.text)
    ]
    return max(found, key=lambda t: t[0]) if found else None


# A listed item's act (迟报或者漏报事故) and the law's paragraph on it share its verbs once the
# actor both name (…主要负责人) is set aside; the law's other paragraphs share a word at most.
_SAME_ITEM_ACT = 0.2
_LIST_LEAD = re.compile(r"有下列(?:行为|情形)之一的.*|下列.*")
_FORMER = "依照前款"


# 在中华人民共和国管辖海域内航行的船舶 / 经中华人民共和国管辖海域，转移危险废物: where an act
# happens tells no act from another
_WHERE = re.compile(r"(?:在|经)?中华人民共和国(?:管辖海域|境内|领域)(?:内)?")


def _item_paragraphs(cited: ResolvedCitation, record: ArticleRecord) -> int | None:
    """The law's paragraph (款, from 1) that fines the cited item's act: the one paragraph
    whose conduct matches the item's."""
    actor, act = _item_act(cited.article_text, cited.item)
    if not act:
        return None
    act = _WHERE.sub("", act)
    # 允许其他单位以本单位名义承揽地震安全性评价业务 and 未依法进行地震安全性评价 share only
    # what the lower act regulates (地震安全性评价), which tells no act from another
    subject = _subject(cited.law)
    matched = [
        i
        for i, paragraph in enumerate(record.paragraphs)
        if any(
            mutual_similarity(*_subject_out(act, _WHERE.sub("", _after_actor(c, actor)), subject))
            >= _SAME_ITEM_ACT
            for c in _conducts(paragraph.text)
        )
    ]
    return matched[0] + 1 if len(matched) == 1 else None


# 关键信息基础设施的运营者违反本法…规定 (密码法第三十七条) / 网络运营者违反本条例…规定 (商用密码
# 管理条例第六十二条): who the 罚则 is written for, before the duty it breached
_ACTOR = re.compile(r"^([\u4e00-\u9fff]{2,16}?)(?:违反|未|有下列)")
_SAME_ACTOR = 0.5


def _same_actor(lower: str, higher: str) -> bool:
    """Two 罚则 naming their actors name the same one (or one within the other)."""
    a, b = _ACTOR.match(lower), _ACTOR.match(higher)
    if a is None or b is None:
        return True
    x, y = a.group(1).replace("的", ""), b.group(1).replace("的", "")
    # 事故发生单位主要负责人 / 生产经营单位主要负责人: the same role by other words
    return x in y or y in x or mutual_similarity(x, y) >= _SAME_ACTOR


def _item_listed(cited: ResolvedCitation, record: ArticleRecord) -> bool:
    """Two lists alike in their lead (保险公司违反本条例规定，有下列行为之一的…) fine the cited
    item's act only where the law lists it too: 拒绝或者拖延承保交强险 (交强险条例第三十七条第（一）项)
    is none of 保险法第一百七十条's false reports, obstruction or unapproved terms."""
    _, act = _item_act(cited.article_text, cited.item)
    listed = [
        _ITEM_LINE.sub("", line) for line in record.text.splitlines() if _ITEM_LINE.match(line)
    ]
    if not act or not listed:
        return True
    return any(mutual_similarity(act, line) >= _SAME_CONDUCT for line in listed)


def _item_act(text: str, item: int | None) -> tuple[str, str]:
    """Who a list's lead names (事故发生单位主要负责人) and the act of its cited item
    (迟报或者漏报事故)."""
    lines = text.splitlines()
    items = [line for line in lines if _ITEM_LINE.match(line)]
    if not item or len(items) < item:
        return "", ""
    body = _ITEM_LINE.sub("", items[item - 1]).rstrip("；;。").removesuffix("的")
    return _LIST_LEAD.sub("", lines[0]), body


def _after_actor(conduct: str, actor: str) -> str:
    """The conduct after the actor it shares with the list's lead (…的主要负责人 | 对…迟报)."""
    tail = actor[-2:]
    at = conduct.rfind(tail) if len(tail) == 2 else -1
    return conduct[at + 2 :] if at >= 0 else conduct


def _candidate_laws(
    case: CaseFile, ctx: ReviewContext, cited: ResolvedCitation, founding: set[str]
) -> set[str]:
    names = set(case.agency.powers.laws)
    names |= {_law(ctx, w) or "" for w in case.citations.violated}
    names |= founding
    names |= {_law(ctx, f"《{n}》") or "" for n in list(names) if n}
    return {n for n in names if n and n != cited.law}


def _founding_laws(ctx: ReviewContext, cited: ResolvedCitation) -> set[str]:
    """The laws the lower act says it was made under (its 第一条: 根据《安全生产法》…制定)."""
    first = ctx.store.article(cited.law, cited.version, 1)
    if first is None:
        return set()
    names = {_law(ctx, f"《{n}》") for n in _NAMED.findall(first.text)}
    return {n for n in names if n and n != cited.law}


def _law(ctx: ReviewContext, written: str) -> str | None:
    try:
        return ctx.resolver.law_name(written)
    except CitationError:
        return None


def _in_force(record: ArticleRecord, case: CaseFile) -> bool:
    return record.version <= case.act_date and (
        record.effective_to is None or case.act_date < record.effective_to
    )


def _higher(
    case: CaseFile, ctx: ReviewContext, cited: ResolvedCitation, own: StatutoryBounds
) -> tuple[_Match, StatutoryBounds] | None:
    found = (
        (match, bounds)
        for match in _alike_parts(case, ctx, cited)
        if (bounds := _part_bounds(case, match, cited.item)) is not None
    )
    best = next(found, None)
    if best is None:
        return None
    match, bounds = best
    if _waits_for_order(case, match.record):
        return None  # the law fines only after an unheeded order: uncorrected_fine's finding
    # 行政处罚法第十一条第二款: a 行政法规 may specify within the law's range; only a range
    # reaching outside it conflicts. A law's multiple of a base the file lacks sets none.
    if not bounds.high:
        return None
    below = (own.low or 0) < (bounds.low or 0)
    if not below and (own.high <= bounds.high or match.by_item):
        # a listed item's graver tier (情节严重) above the law's paragraph is the lower act's
        # detail of that item, read as its own; a floor under the law's is a conflict either way
        return None
    return match, bounds


def _waits_for_order(case: CaseFile, record: ArticleRecord) -> bool:
    clauses = fine_clauses(record.text)
    return (
        bool(clauses)
        and all(c.requires == UNCORRECTED for c in clauses)
        and UNCORRECTED not in established_circumstances(case)
    )


# 违反本条例关于农业转基因生物标识管理规定的 / 违反本法关于农产品质量安全追溯规定的: the duties
# named after 关于 are the act (标识 is no 追溯)
_ABOUT = re.compile(r"违反本(?:法|条例|规定|办法)关于([^，。；]*?)(?:的)?规定")


def _conducts(text: str) -> list[str]:
    """The conduct clause of each paragraph of a 罚则 (an item line is a circumstance)."""
    clauses = []
    for line in _ABOUT.sub(r"\1", text).splitlines():
        end = _CONDUCT_END.search(line)
        if end is not None and not _ITEM_LINE.match(line):
            clauses.append(_BOILERPLATE.sub("", line[: end.start()]))
    return [c for c in clauses if c]


# What a lower act regulates (发票 of 发票管理办法) is in every one of its clauses: it tells
# no act from another (虚开发票 vs 非法印制发票).
_TITLE_FORM = re.compile(r"^中华人民共和国|(?:管理|实施)?(?:条例|办法|规定|细则)$")


def _subject(law: str) -> str:
    return _TITLE_FORM.sub("", law)


def _same_conduct(lower: str, higher: str, subject: str = "", named_subject: bool = False) -> bool:
    """The two 罚则 sanction the same conduct: their conduct clauses share its key terms
    besides the lower act's subject where both name it; one naming part of it (社会保险待遇
    beside 失业保险) has that part as a shared word. ``named_subject``: a law's clause naming
    no word of the lower act's subject (劣种子 beside 农药管理条例's 劣质农药) sanctions another
    thing — asked of one paragraph matched alone, whose likeness is weaker evidence than a whole
    article's (体育法第一百一十六条 beside 全民健身条例第三十六条 shares no word of 全民健身). A 罚则
    whose conduct clause cannot be read is not ruled out."""
    own, others = _conducts(lower), _conducts(higher)
    if not own or not others:
        return True
    return any(
        (not named_subject or _names_subject(b, subject))
        and mutual_similarity(*_shared_subject_out(a, b, subject)) >= _SAME_CONDUCT
        for a in own
        for b in others
    )


def _names_subject(clause: str, subject: str) -> bool:
    """The clause names the lower act's subject or a word of it (保险 of 失业保险)."""
    if len(subject) < 2:
        return True
    return any(subject[i : i + 2] in clause for i in range(len(subject) - 1))


def _shared_subject_out(a: str, b: str, subject: str) -> tuple[str, str]:
    if subject and subject not in b:
        return _QUALIFIER.sub("", a) or a, _QUALIFIER.sub("", b) or b
    return _without(a, subject), _without(b, subject)


def _subject_out(a: str, b: str, subject: str) -> tuple[str, str]:
    """Both clauses without the lower act's subject where both name it (nothing else set
    aside: an item's act is compared with the law's clause word for word)."""
    if len(subject) < 2 or subject not in a or subject not in b:
        return a, b
    return a.replace(subject, "") or a, b.replace(subject, "") or b


# Words that qualify any act (非法代开 vs 非法印制 share only 非法)
_QUALIFIER = re.compile(r"非法|擅自|违法")


def _without(clause: str, subject: str) -> str:
    bare = _QUALIFIER.sub("", clause.replace(subject, "") if len(subject) >= 2 else clause)
    return bare or clause


def _part_bounds(case: CaseFile, match: _Match, item: int | None) -> StatutoryBounds | None:
    """The law's range for the act: of its matched paragraph (with the one before where it
    fines 依照前款规定), else of the article read with the lower list's item (a law listing
    the same items)."""
    if not match.paragraph:
        return _bounds(case, match.record.text, item)
    texts = [p.text for p in match.record.paragraphs][: match.paragraph]
    return _bounds(case, "\n".join(texts[-2:] if _FORMER in texts[-1] else texts[-1:]), None)


def _bounds(case: CaseFile, text: str, item: int | None) -> StatutoryBounds | None:
    bounds = statutory_bounds(
        text,
        fine_bases(case),
        item,
        established_circumstances(case),
        case.facts.quantities,
        party_kind=fined_kind(case),
    )
    return bounds if bounds is not None and bounds.high is not None else None


def _flag(
    ctx: ReviewContext,
    cited: ResolvedCitation,
    match: _Match,
    bounds: StatutoryBounds,
    allowed: bool = False,
) -> Flag:
    record = match.record
    article = f"《{record.title}》第{to_chinese(record.number)}条"
    item = f"第（{to_chinese(cited.item)}）项" if cited.item else ""
    if match.paragraph:
        item = f"第{to_chinese(match.paragraph)}款"
    return Flag(
        point=ReviewPoint.LAW,
        # the fine inside the law's range stands; only the basis it is written on is at issue
        severity=Severity.CHECK if allowed else Severity.MUST_FIX,
        reason=(
            f"处罚依据{cited.citation}与上位法{article}{item}就同一违法行为"
            f"规定的罚款不同（上位法：{bounds.wording}），法律效力高于行政法规、规章，"
            + (
                "本案罚款数额在上位法幅度内，请核实并一并引用上位法的罚则"
                if allowed
                else "应当适用上位法的罚则"
            )
        ),
        rule=ctx.rule(article),
        also_cites=[f"{article}{item}"] if item else [],
        evidence=f"citations.penalty_basis：{cited.citation}；上位法：{record.text[:80]}",
    )
