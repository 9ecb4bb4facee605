"""法律适用: conduct another article takes over when done for a purpose.

《医疗保障基金使用监督管理条例》第四十条第二款: 以骗取医疗保障基金为目的，实施了本条例第三十八条规定
行为之一…按照本条规定处理. A decision citing 第三十八条 while its facts tell the purpose (骗取) or the
purposed article's own conduct (虚构医药服务项目) applies the lighter article to an act the law
moved to the heavier one. The rule is read from the statute's words (以…为目的，实施了本条例第N条
规定行为之一), so any law writing it is checked the same way."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import clauses
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions
from corpus.citation_resolver import ResolvedCitation, canonical_citation
from corpus.model import ArticleRecord
from corpus.numerals import parse_number

_TAKES_OVER = re.compile(
    r"以(?P<purpose>[^，。；]{2,20})为目的，实施了本(?:条例|法|办法|规定)第(?P<n>[一二三四五六七八九十百]+)条"
    r"规定(?:的)?行为之一"
)
_ITEM = re.compile(r"^[（(][一二三四五六七八九十]+[)）](.+)$")
# 未发现…骗取 / 不属于以骗取为目的 / 非以骗取为目的 / 现有证据未显示…以骗取…为目的: a clause
# that denies the conduct
_DENIED = re.compile(
    r"未发现|未见|未显示|未证明|未查明|不能证明|不属于|非以|并非|不具有|没有|不存在|排除|无证据"
    # 当事人无骗取医保基金的故意 / 无骗取故意
    r"|无[^，。；]{0,10}(?:故意|目的|意图)"
    # 经核查无伪造、虚构等骗取医保基金情形 / 无骗取医保基金的伪造、虚构证据
    r"|(?:^|核查|经查|查明|均)无[^，。；]{0,24}?(?:情形|情况|行为|证据)"
)
# how case files tell an item's verb without using it: 录入未实际提供的推拿项目 is 虚构…项目
_TOLD_AS = {"虚构": ("未实际提供", "未实际发生", "未实际实施", "虚记", "虚增", "凭空")}

_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    told_clauses = _clauses(case)
    for cited in penalty_provisions(case, ctx):
        for record, paragraph, purpose in _taking_over(cited, ctx):
            told = _told(told_clauses, purpose, _item_conduct(record))
            if told is None:
                continue
            first = 1 if len(record.paragraphs) > 1 else None  # the 款 listing the acts
            rule = canonical_citation(record.title, record.label, first, None)
            return [
                _flag(
                    Severity.MUST_FIX,
                    f"案卷认定的事实（“{told}”）属{rule}规定的行为，{paragraph}，"
                    f"应当依照{rule}处理，决定却适用{cited.citation}，适用法律错误",
                    rule,
                    f"citations.penalty_basis：{'、'.join(case.citations.penalty_basis)}",
                    also_cites=[cited.citation],
                )
            ]
    return []


def misapplied(case: CaseFile, ctx: ReviewContext, citation: str) -> bool:
    """The cited ``citation`` is the article this check finds another takes over from."""
    return any(citation in f.also_cites for f in check(case, ctx))


def _taking_over(
    cited: ResolvedCitation, ctx: ReviewContext
) -> list[tuple[ArticleRecord, str, str]]:
    """(article, its taking-over paragraph, the purpose) for each article of the cited
    罚则's law (same version) that takes the cited article's conduct over."""
    found = []
    for record in ctx.articles_in(cited.law, cited.version):
        if record.number == cited.article:
            continue
        for paragraph in record.paragraphs:
            match = _TAKES_OVER.search(paragraph.text)
            if match and parse_number(match.group("n")) == cited.article:
                found.append((record, paragraph.text.rstrip("。"), match.group("purpose")))
    return found


def _item_conduct(record: ArticleRecord) -> list[tuple[str, str]]:
    """(verb, object head) of each act the article's items list (虚构医药服务项目 → 虚构, 项目);
    the catch-all item (其他…) names none."""
    acts = []
    for line in record.paragraphs[0].text.splitlines():
        item = _ITEM.match(line.strip())
        if item is None or item.group(1).startswith("其他"):
            continue
        for part in re.split(r"[，；。]", item.group(1)):
            part = part.removeprefix("或者")
            if len(part) >= 4:
                acts.append((part[:2], part[-2:]))
    return acts


def _clauses(case: CaseFile) -> list[str]:
    texts = [case.title, case.violation.description, case.facts.description]
    texts += [*case.facts.circumstances, *case.facts.amounts]
    return [c for t in texts for c in clauses(t)]


def _told(told_clauses: list[str], purpose: str, acts: list[tuple[str, str]]) -> str | None:
    """The first clause, not a denial, that tells the purpose's verb (骗取) or an item's act."""
    verb = purpose[:2]
    for clause in told_clauses:
        if _DENIED.search(clause):
            continue
        if verb in clause or any(_tells(clause, v) and o in clause for v, o in acts):
            return clause
    return None


def _tells(clause: str, verb: str) -> bool:
    return verb in clause or any(words in clause for words in _TOLD_AS.get(verb, ()))
