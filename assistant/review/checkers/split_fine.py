"""裁量是否适当 — a fine the file splits by conduct, each part against its own 罚则.

A decision punishing two acts under two 罚则 (电子商务法第七十七条 搭售, 第七十六条 未公示营业执照信息)
and recording each act's fine (搭售罚款 80000, 未公示营业执照信息罚款 30000) fixed each part under its
own range: the 30000 is over 第七十六条's 一万元, whatever the total. A part is matched to the
罚则 whose act (the cited item, else the article) shares the most words with its name."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.fitting_item import cjk_bigrams
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import is_general_law, penalty_provisions, provision_fine
from corpus.citation_resolver import ResolvedCitation

_TOLERANCE_YUAN = 0.5
_FINE_PART = re.compile(r"^(?P<act>.{2,24}?)(?:的)?罚款(?:金额|数额)?$")
_TOTAL = re.compile(r"合计|总额|共计|总计|累计")

_flag = PointFlags(ReviewPoint.DISCRETION)


def conduct_parts(case: CaseFile, ctx: ReviewContext) -> list[tuple[ResolvedCitation, str, float]]:
    """(罚则, part name, part) for a fine split by conduct, one part per cited 罚则; empty when
    the file does not split the whole fine that way."""
    parts = {
        m.group("act"): (name, value)
        for name, value in case.facts.amounts.items()
        if (m := _FINE_PART.match(name)) and not _TOTAL.search(name)
    }
    provisions = [c for c in penalty_provisions(case, ctx) if not is_general_law(c)]
    total = sum(value for _, value in parts.values())
    if len(parts) < 2 or len(provisions) != len(parts) or case.penalty.amount is None:
        return []
    if abs(total - case.penalty.amount) > _TOLERANCE_YUAN:
        return []
    matched = []
    for cited in provisions:
        act = cited.text if cited.item is not None else cited.article_text
        scores = {key: len(cjk_bigrams(key) & cjk_bigrams(act)) for key in parts}
        best = max(scores, key=lambda key: scores[key])
        if scores[best] == 0 or list(scores.values()).count(scores[best]) > 1:
            return []
        matched.append((cited, *parts[best]))
    names = [name for _, name, _ in matched]
    return matched if len(set(names)) == len(names) else []


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    flags = []
    for cited, name, part in conduct_parts(case, ctx):
        found = provision_fine(case, ctx, cited)
        if found is None:
            continue
        bounds, _, rule = found
        if bounds.high is not None and part > bounds.high + _TOLERANCE_YUAN:
            flags.append(
                _flag(
                    Severity.MUST_FIX,
                    f"{name}{part:.10g}元超过{cited.citation}的法定最高额（{bounds.wording}）",
                    rule,
                    f"facts.amounts：{name}={part:.10g}",
                )
            )
    return flags
