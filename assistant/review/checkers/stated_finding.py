"""文书是否完备规范: a finding the special law makes a decision on some acts state.

药品管理法第一百二十一条: 对假药、劣药的处罚决定，应当依法载明药品检验机构的质量检验结论. The
article is found in the cited 罚则's own law (in the version applied), so any law writing
such a duty (对X的处罚决定，应当载明Y) is read the same way; a decision whose listed contents
(the file's 决定书 ``contents``) spell out its evidence (证据：抽样记录、现场检查笔录…) without the
test the file holds is flagged. Contents written in the statute's general words (违反法律、法规、
规章的事实和证据) are not judged: they name no evidence to miss it from, and a drug held 劣药 for
being past its date (按劣药论处) has no test to state."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile, Document
from assistant.review.case_text import affirmed
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.penalty_kinds import imposes_penalty
from assistant.review.statutory_fine import penalty_provisions
from corpus.citation_resolver import canonical_citation

_DUTY = re.compile(
    r"对(?P<acts>[^。；，]{2,20})的处罚决定，应当(?:依法)?载明(?P<finding>[^。；]{2,40})"
)
# what a written finding of a test is called in a decision's contents
_RESULT_WORDS = re.compile(r"结论|报告|结果|不合格|不符合")
# 证据：抽样记录、现场检查笔录… / 证据（…）: a line that lists the evidence itself
_EVIDENCE_LISTED = re.compile(r"证据\s*[：:（(]")

_flag = PointFlags(ReviewPoint.DOCUMENTS)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    decision = case.paper("处罚决定书")
    if decision is None or not imposes_penalty(case):
        return []
    if not any(_EVIDENCE_LISTED.search(line) for line in decision.contents):
        return []  # unlisted or general contents name no evidence to miss the finding from
    told = "。".join(
        [case.violation.description, case.facts.description, *case.facts.circumstances]
    )
    for rule, acts, finding in _duties(case, ctx):
        held = any(_finding_subject(finding) in e.name for e in case.evidence)
        if held and any(act in told for act in acts) and not _stated(finding, decision.contents):
            return [_unstated(rule, acts, finding, decision)]
    return []


def _duties(case: CaseFile, ctx: ReviewContext) -> list[tuple[str, list[str], str]]:
    """(rule, acts, finding) of each such duty in the laws of the cited 罚则."""
    found: list[tuple[str, list[str], str]] = []
    for cited in penalty_provisions(case, ctx):
        for record in ctx.articles_in(cited.law, cited.version):
            duty = _DUTY.search(record.text)
            if duty is not None:
                rule = canonical_citation(record.title, record.label, None, None)
                acts = re.split(r"、|或者", duty.group("acts"))
                found.append((rule, [a for a in acts if len(a) >= 2], duty.group("finding")))
        if found:
            return found
    return found


def _finding_subject(finding: str) -> str:
    """药品检验机构的质量检验结论 → 检验: what the finding is of."""
    core = finding.rsplit("的", 1)[-1]
    return core[-4:-2] if len(core) >= 4 else core


def _stated(finding: str, contents: list[str]) -> bool:
    """A line names the finding's subject with a result word (检验结论、检验报告), not in a
    clause saying it is left out (未载明药品检验机构名称、检验报告编号及质量检验结论)."""
    subject = _finding_subject(finding)
    named = re.compile(rf"{re.escape(subject)}|{_RESULT_WORDS.pattern}")
    return any(
        subject in line
        and _RESULT_WORDS.search(line)
        and affirmed(line, named, _LEFT_OUT) is not None
        for line in contents
    )


# 未载明 / 未列明 / 没有 / 缺少: the contents say the finding is not there
_LEFT_OUT = re.compile(r"未|无|没有|缺")


def _unstated(rule: str, acts: list[str], finding: str, decision: Document) -> Flag:
    return _flag(
        Severity.MUST_FIX,
        f"对{'、'.join(acts)}的处罚决定应当载明{finding}，行政处罚决定书未载明",
        rule,
        f"documents（{decision.type}）contents：{'；'.join(decision.contents)}",
    )
