"""Flag precision and recall of the 法制审核 engine on case files with ``expected_flags``.

Exact figures: a flag counts as found when its (point, rule) pair is expected for that
file; rules are compared by their canonical citation, so 行政处罚法第四十四条 and
《中华人民共和国行政处罚法》第四十四条 are the same rule.

must_fix figures: expected flags carry an optional ``severity``; a must_fix flag matches
an expected must_fix flag of the same point whose rule is the same *article* (第五十九条
matches 第五十九条第一款第（三）项 and vice versa). Expected flags without a severity are
left out: an emitted must_fix on their (point, article) is neither right nor wrong.
Beside it, the same must_fix score by article alone (point dropped): two readers may file
one defect under neighbouring points (``eval/sets/review_labels.md`` fixes the labels), and
the score by article says whether the engine found the defect at all.
Clean files (no expected flags) also report how many got a must_fix flag at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.case_file import parse_case, read_case_data
from assistant.review.context import ReviewContext
from assistant.review.engine import review
from assistant.review.flag import Flag, ReviewPoint, Severity
from corpus.errors import ErrorKind, ZhifaError

CASE_SUFFIXES = (".json", ".yaml", ".yml")
Pair = tuple[str, str]
ANY_POINT = "*"
_ARTICLE = re.compile(r"^(.*?第[一二三四五六七八九十百千零〇两]+条(?:之[一二三四五六七八九十]+)?)")


def article_of(rule: str) -> str:
    """The canonical rule cut to its article (款/项 dropped); standards rows unchanged."""
    found = _ARTICLE.match(rule)
    return found.group(1) if found else rule


def point_free(pairs: set[Pair]) -> set[Pair]:
    """The same findings with the point dropped, for the must_fix score by article alone."""
    return {(ANY_POINT, article) for _, article in pairs}


class EvalSetError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_eval_set"):
    """A folder or file unusable as an evaluation set; Chinese message."""


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def as_json(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class FileResult:
    name: str
    expected: set[Pair]
    found: set[Pair]
    expected_must_fix: set[Pair] = field(default_factory=set)  # (point, article)
    unrated: set[Pair] = field(default_factory=set)  # expected without severity
    found_must_fix: set[Pair] = field(default_factory=set)
    found_must_fix_any_point: set[Pair] = field(default_factory=set)  # (ANY_POINT, article)

    def must_fix_counts(self, by_article_only: bool = False) -> Counts:
        expected, unrated, found = self.expected_must_fix, self.unrated, self.found_must_fix
        if by_article_only:
            expected, unrated = point_free(expected), point_free(unrated)
            found = self.found_must_fix_any_point
        judged = found - (unrated - expected)
        return Counts(
            tp=len(judged & expected), fp=len(judged - expected), fn=len(expected - found)
        )

    def as_json(self) -> dict:
        return {
            "file": self.name,
            "missed": sorted(self.expected - self.found),
            "unexpected": sorted(self.found - self.expected),
        }


@dataclass
class ReviewEval:
    files: list[FileResult] = field(default_factory=list)

    def counts(self, point: str | None = None) -> Counts:
        counts = Counts()
        for result in self.files:
            expected = {p for p in result.expected if point in (None, p[0])}
            found = {p for p in result.found if point in (None, p[0])}
            counts.tp += len(expected & found)
            counts.fp += len(found - expected)
            counts.fn += len(expected - found)
        return counts

    def must_fix(self, by_article_only: bool = False) -> Counts:
        total = Counts()
        for result in self.files:
            counts = result.must_fix_counts(by_article_only)
            total.tp += counts.tp
            total.fp += counts.fp
            total.fn += counts.fn
        return total

    def clean_with_must_fix(self) -> list[FileResult]:
        return [f for f in self.files if not f.expected and f.found_must_fix]

    def as_json(self) -> dict:
        return {
            "files": len(self.files),
            "clean_files": sum(1 for f in self.files if not f.expected),
            "expected_flags": sum(len(f.expected) for f in self.files),
            "overall": self.counts().as_json(),
            "must_fix": self.must_fix().as_json(),
            "must_fix_by_article_only": self.must_fix(by_article_only=True).as_json(),
            "clean_files_with_must_fix": len(self.clean_with_must_fix()),
            "false_must_fix_on_clean": sum(
                len(f.found_must_fix) for f in self.clean_with_must_fix()
            ),
            "per_point": {p.value: self.counts(p.value).as_json() for p in ReviewPoint},
            "errors": [f.as_json() for f in self.files if f.expected != f.found],
        }

    def summary(self) -> str:
        overall = self.counts()
        lines = [
            f"案卷 {len(self.files)} 份（无问题 {sum(1 for f in self.files if not f.expected)} 份）；"
            f"精确率 {overall.precision:.3f}，召回率 {overall.recall:.3f}"
            f"（TP {overall.tp}，FP {overall.fp}，FN {overall.fn}）"
        ]
        must = self.must_fix()
        lines.append(
            f"必须纠正（按条比对）：精确率 {must.precision:.3f}，召回率 {must.recall:.3f}"
            f"（TP {must.tp}，FP {must.fp}，FN {must.fn}）；无问题案卷中被判必须纠正的 "
            f"{len(self.clean_with_must_fix())} 份"
        )
        any_point = self.must_fix(by_article_only=True)
        lines.append(
            f"必须纠正（只按条，不计点位）：精确率 {any_point.precision:.3f}，"
            f"召回率 {any_point.recall:.3f}（TP {any_point.tp}，FP {any_point.fp}，FN {any_point.fn}）"
        )
        for point in ReviewPoint:
            c = self.counts(point.value)
            lines.append(
                f"  {point.value:<13} {point.label}：精确率 {c.precision:.3f}，召回率 {c.recall:.3f}"
                f"（TP {c.tp}，FP {c.fp}，FN {c.fn}）"
            )
        for result in self.files:
            if result.expected != result.found:
                item = result.as_json()
                lines.append(f"  × {result.name}：漏报 {item['missed']}；误报 {item['unexpected']}")
        return "\n".join(lines)


@dataclass
class _Expected:
    pairs: set[Pair] = field(default_factory=set)
    must_fix: set[Pair] = field(default_factory=set)
    unrated: set[Pair] = field(default_factory=set)


def _expected(data: dict, name: str, ctx: ReviewContext) -> _Expected:
    raw = data.get("expected_flags")
    if not isinstance(raw, list):
        raise EvalSetError(f"{name} 缺少 expected_flags 列表（无问题的案卷写 expected_flags: []）")
    expected = _Expected()
    severities = {s.value for s in Severity}
    for entry in raw:
        if not isinstance(entry, dict) or "point" not in entry or "rule" not in entry:
            raise EvalSetError(f"{name} 的 expected_flags 每项应为 {{point, rule}}")
        if entry["point"] not in {p.value for p in ReviewPoint}:
            raise EvalSetError(f"{name} 的 expected_flags 含未知审核要点：{entry['point']}")
        severity = entry.get("severity")
        if severity is not None and severity not in severities:
            raise EvalSetError(f"{name} 的 expected_flags 含未知严重程度：{severity}")
        rule = ctx.rule(entry["rule"])
        expected.pairs.add((entry["point"], rule))
        by_article = (entry["point"], article_of(rule))
        if severity == Severity.MUST_FIX.value:
            expected.must_fix.add(by_article)
        elif severity is None:
            expected.unrated.add(by_article)
    return expected


def finding_pair(
    flag: Flag, ctx: ReviewContext, expected: set[Pair], key: Callable[[str], str]
) -> Pair:
    """One flag is one finding: it matches when any provision it cites is the expected
    one (the 刑法 article or the 司法解释 line of the same transfer), else its ``rule``."""
    cited = [(flag.point.value, key(ctx.rule(r))) for r in [flag.rule, *flag.also_cites]]
    return next((pair for pair in cited if pair in expected), cited[0])


def findings_by_article(flags: list[Flag], ctx: ReviewContext, expected: set[Pair]) -> set[Pair]:
    """``finding_pair`` by article alone: each flag is one finding, and flags are matched
    to the expected articles they cite as a maximum bipartite matching (two flags of
    different points may cite one article and another; greedy order must not decide)."""
    cited = [
        [(ANY_POINT, article_of(ctx.rule(r))) for r in [flag.rule, *flag.also_cites]]
        for flag in flags
    ]
    owner: dict[Pair, int] = {}

    def assign(index: int, seen: set[Pair]) -> bool:
        for pair in cited[index]:
            if pair in expected and pair not in seen:
                seen.add(pair)
                if pair not in owner or assign(owner[pair], seen):
                    owner[pair] = index
                    return True
        return False

    matched = {index for index in range(len(flags)) if assign(index, set())}
    return set(owner) | {cited[i][0] for i in range(len(flags)) if i not in matched}


def evaluate_folder(folder: Path, ctx: ReviewContext) -> ReviewEval:
    """Review every case file in ``folder`` and compare with its expected flags."""
    if not folder.is_dir():
        raise EvalSetError(f"评测目录不存在：{folder}")
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in CASE_SUFFIXES)
    if not paths:
        raise EvalSetError(f"评测目录中没有案卷文件（.json/.yaml）：{folder}")
    result = ReviewEval()
    for path in paths:
        data = read_case_data(path)
        expected = _expected(data, path.name, ctx)
        report = review(parse_case(data), ctx)
        found = {finding_pair(f, ctx, expected.pairs, lambda r: r) for f in report.flags}
        must_fix = {
            finding_pair(f, ctx, expected.must_fix | expected.unrated, article_of)
            for f in report.must_fix
        }
        rated = point_free(expected.must_fix | expected.unrated)
        any_point = findings_by_article(report.must_fix, ctx, rated)
        result.files.append(
            FileResult(
                path.name,
                expected.pairs,
                found,
                expected.must_fix,
                expected.unrated,
                must_fix,
                any_point,
            )
        )
    return result
