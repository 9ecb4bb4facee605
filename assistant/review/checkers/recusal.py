"""执法人员资格 — an officer with a stake in the case steps aside (《行政处罚法》第四十三条).

An officer who has a direct interest in the case, or another relation that may affect a
fair handling (a relative of the party, the party's partner…), must withdraw (第一款); a
party's application to withdraw is decided by the agency's head (第三款). Only a file that
names such a relation and says the officer did not withdraw, or that the application was
never decided, is flagged. 第一款 binds the officer whether or not the party applies: a file
that states a close kinship between a named handling officer and the party (兄弟、配偶、父母…)
and records no withdrawal is flagged too. A legal reviewer (法制审核人员) with a direct
interest withdraws under the Guangdong review rules instead (审核办法第二十一条).
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import clauses, passages
from assistant.review.context import ReviewContext
from assistant.review.deciding_organ import field_rules
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.public_order import RECUSAL, special_rule

_RELATION = re.compile(
    r"利害关系|近亲属|亲属|亲戚|配偶|兄弟|姐妹|父子|母子|夫妻|同学|合伙|股东|入股|借贷"
)
_NOT_WITHDRAWN = re.compile(
    r"未(?:自行|主动|依法)?(?:予|作)?回避|没有回避|不予回避|拒绝回避|仍(?:参与|承办|负责)"
)
# The notice of the right (有权申请回避…, 当事人未申请回避) is no finding about an officer.
_RIGHT_ONLY = re.compile(r"有权|可以申请|申请回避的权利|未申请回避|未提出回避")
_UNDECIDED = re.compile(r"回避申请[^。；]{0,12}(?:未(?:予)?(?:审查|答复|决定|处理)|不予理睬)")


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    for p in passages(case):
        for sentence in re.split(r"[。；;\n]", p.text):
            undecided = _UNDECIDED.search(sentence)
            # the party's right (or not using it) is no withdrawal: 第一款 binds the officer
            # whether or not the party applies, so it is read past, not as an answer
            own = _RIGHT_ONLY.sub("", sentence)
            related = _related(own) and _names_officer(case, own)
            kin = _kin_of_party(case, own, _party_words(case, ctx))
            if _reviewer_not_withdrawn(own):
                return [_reviewer_flag(ctx, f"{p.where}：{sentence}")]
            if undecided or (related and _NOT_WITHDRAWN.search(own)) or kin:
                general = ctx.penalty_law("第四十三条第三款" if undecided else "第四十三条第一款")
                # the field's own rules when it has them (治安管理处罚法第八十一条 alone; 税收征收
                # 管理法第十二条 with its 实施细则第八条), else the general 第四十三条
                rules = ([] if undecided else _special_recusal(case, ctx)) or [general]
                return [
                    Flag(
                        point=ReviewPoint.QUALIFICATION,
                        severity=Severity.MUST_FIX,
                        reason=(
                            "当事人的回避申请未经行政机关负责人审查决定"
                            if undecided
                            else "执法人员与案件有利害关系或者其他可能影响公正执法的关系，未回避"
                        ),
                        rule=rules[0],
                        also_cites=rules[1:],
                        evidence=f"{p.where}：{sentence}",
                    )
                ]
    return []


# Close kinship (近亲属 and the relations the word covers); a friend or a partner is
# left to the explicit 未回避 reading above. The 回避 rules read 近亲属 as 配偶、直系血亲、
# 三代以内旁系血亲及近姻亲, so in-laws (姐夫、妻兄、嫂子…) and collateral kin within three
# generations (叔伯、舅姨、堂表兄弟、侄甥) count as well as parents, children and siblings.
_KIN = re.compile(
    r"近亲属|胞兄|胞弟|胞姐|胞妹|同胞|兄弟|姐妹|兄妹|姐弟|配偶|夫妻|丈夫|妻子|父子|父女|母子|母女"
    r"|子女|儿子|女儿|父亲|母亲|岳父|岳母|女婿|儿媳|大哥|二哥|哥哥|弟弟|姐姐|妹妹|兄长"
    r"|祖父|祖母|外祖父|外祖母|爷爷|奶奶|外公|外婆|孙子|孙女|外孙|公公|婆婆|养父|养母|继父|继母"
    r"|姐夫|妹夫|嫂子|兄嫂|弟媳|弟妹|妻兄|妻弟|妻姐|妻妹|大舅子|小舅子|大姨子|小姨子|连襟"
    r"|夫兄|夫弟|夫姐|夫妹|大伯子|小叔子|大姑子|小姑子"
    r"|伯父|叔父|伯伯|叔叔|伯母|婶婶|姑姑|姑妈|姑父|舅舅|舅父|舅妈|姨妈|姨父"
    r"|堂兄|堂弟|堂姐|堂妹|表兄|表弟|表姐|表妹|表哥|表姐妹|侄子|侄女|外甥"
    # 系当事人法定代表人张强之兄: the written form, the relation closing the clause
    r"|之(?:兄|弟|姐|妹|父|母|妻|夫|子|女)(?=[，,。；;、）)\s]|$)"
)
# Any record that the officer did step aside (已回避, 决定…回避, 更换承办人).
_WITHDRAWN = re.compile(
    r"(?:已|决定|予以|同意|准予)(?:其)?回避|回避决定|更换承办|更换执法人员|改由"
)
_WITHDRAWN_DENIED = re.compile(r"无|未|没有|不予|拒绝|不存在")


def _kin_of_party(case: CaseFile, sentence: str, party_words: re.Pattern[str]) -> bool:
    """The sentence states a close kinship between a handling officer (by name) and the party,
    and nothing in the file records the officer's withdrawal."""
    if not _related(sentence, _KIN):
        return False
    officer = _kin_names_officer(case, sentence)
    names = [p.name for p in case.parties] + _party_people(case)
    party = bool(party_words.search(sentence)) or any(len(n) >= 2 and n in sentence for n in names)
    return officer and party and not _withdrawal_recorded(case)


# A clause carried on by a copula (…张三，系当事人之兄) speaks of the clause before it.
_COPULA = re.compile(r"^(?:系|是|为|与|和|同|均系|即)")


def _kin_names_officer(case: CaseFile, sentence: str) -> bool:
    """A kin word relates the officer only in the clause naming the officer (or one carried on
    from it by 系/是…): 当事人及其儿子到场 after an officer's name is the party's kin, not his."""
    parts = re.split(r"[，,]", sentence)
    for i, part in enumerate(parts):
        if not _related(part, _KIN):
            continue
        scope = part + (parts[i - 1] if i and _COPULA.search(part) else "")
        if any(len(o.name) >= 2 and o.name in scope for o in case.officers):
            return True
    return False


# The party, or the person who speaks for it (a company's 法定代表人, the one questioned), or
# the one the case is for (the complainant, a worker the violation harmed): an officer
# married to the complainant has a direct interest in the case as one related to the party
_PARTY_WORDS = re.compile(
    r"当事人|被询问人|被检查人|法定代表人|负责人|经营者|投诉人|举报人|受侵害(?:的)?劳动者"
)
# 治安案件的当事人 includes the victim: 《治安管理处罚法》第八十一条第一款 lets 被侵害人 ask for
# the withdrawal of an officer who 是本案当事人或者当事人的近亲属, so an officer related to the
# victim must withdraw as one related to the offender.
_VICTIM_WORDS = re.compile(r"被侵害人|被害人|受害人")


def _party_words(case: CaseFile, ctx: ReviewContext) -> re.Pattern[str]:
    """Who counts as 当事人 in the file: the victim too in a 治安 case."""
    if special_rule(case, ctx, RECUSAL) is None:
        return _PARTY_WORDS
    return re.compile(f"{_PARTY_WORDS.pattern}|{_VICTIM_WORDS.pattern}")


_PARTY_PERSON = re.compile(
    r"(?:法定代表人|主要负责人|负责人|经营者|实际控制人|投资人)[：:]?([\u4e00-\u9fa5]{2,3}?)(?=[，,。；;、（(\s及和与]|$|系|的)"
)


def _party_people(case: CaseFile) -> list[str]:
    """Names the file gives the party's 法定代表人, 负责人 or 经营者."""
    return [m.group(1) for p in passages(case) for m in _PARTY_PERSON.finditer(p.text)]


def _withdrawal_recorded(case: CaseFile) -> bool:
    for p in passages(case):
        for clause in clauses(p.text):
            own = _RIGHT_ONLY.sub("", clause)
            if _WITHDRAWN.search(own) and not _WITHDRAWN_DENIED.search(own):
                return True
    return False


_NO_RELATION = re.compile(r"(?:无|没有|不存在|并无|均无)[^，。；]{0,8}$")


def _related(text: str, relation: re.Pattern[str] = _RELATION) -> bool:
    """A relation the text states (not 与当事人无利害关系)."""
    return any(not _NO_RELATION.search(text[: m.start()]) for m in relation.finditer(text))


_OFFICER_WORDS = re.compile(r"执法人员|承办人|办案人员|调查人员|民警|队员|执法队员|主持人|审核人员")


def _names_officer(case: CaseFile, sentence: str) -> bool:
    """The relation is an officer's: the sentence names one (by role or by name)."""
    return bool(_OFFICER_WORDS.search(sentence)) or any(
        len(o.name) >= 2 and o.name in sentence for o in case.officers
    )


_REVIEWER = re.compile(r"法制审核人员|审核人员|审核员|法制审核工作人员|法制员")
_HANDLING_OFFICER = re.compile(r"执法人员|承办人|办案人员|调查人员|民警|执法队员")
REVIEW_RECUSAL = "《广东省重大行政执法决定法制审核办法》第二十一条"


def _reviewer_not_withdrawn(sentence: str) -> bool:
    """The sentence says a legal reviewer, related to the party or the case, did not withdraw."""
    return bool(
        _REVIEWER.search(sentence)
        and not _HANDLING_OFFICER.search(sentence)
        and (_related(sentence) or _related(sentence, _KIN))
        and _NOT_WITHDRAWN.search(sentence)
    )


def _reviewer_flag(ctx: ReviewContext, evidence: str) -> Flag:
    return Flag(
        point=ReviewPoint.QUALIFICATION,
        severity=Severity.MUST_FIX,
        reason="法制审核工作人员与审核内容有直接利害关系，未回避",
        rule=ctx.rule(REVIEW_RECUSAL),
        evidence=evidence,
    )


def _special_recusal(case: CaseFile, ctx: ReviewContext) -> list[str]:
    """The field's own withdrawal rules when it has them (治安管理处罚法第八十一条第一款,
    劳动保障监察条例第十六条第二款; 税收征收管理法第十二条 and its 实施细则第八条 listing the
    relations), the higher rank first, before 行政处罚法第四十三条."""
    public_order = special_rule(case, ctx, RECUSAL)
    if public_order is not None:
        return [public_order]
    return [ctx.rule(r) for r in field_rules(case, ctx, "应当回避", _OFFICER_WITHDRAWS.search)]


# 劳动保障监察员办理的劳动保障监察事项与本人或者其近亲属有直接利害关系的，应当回避: a rule
# for the field's inspectors, not for its arbitrators or judges
_OFFICER_WITHDRAWS = re.compile(
    r"(?:监察员|执法人员|检查人员|稽查人员|监督检查人员|税务人员)[^。]{0,80}应当回避"
)
