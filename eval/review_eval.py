"""Flag precision and recall of the 法制审核 engine on case files with ``expected_flags``.

A flag counts as found when its (point, rule) pair is expected for that file; rules
are compared by their canonical citation, so 行政处罚法第四十四条 and
《中华人民共和国行政处罚法》第四十四条 are the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assistant.case_file import parse_case, read_case_data
from assistant.review.context import ReviewContext
from assistant.review.engine import review
from assistant.review.flag import ReviewPoint
from corpus.errors import ErrorKind, ZhifaError

CASE_SUFFIXES = (".json", ".yaml", ".yml")
Pair = tuple[str, str]


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

    def as_json(self) -> dict:
        return {
            "files": len(self.files),
            "clean_files": sum(1 for f in self.files if not f.expected),
            "expected_flags": sum(len(f.expected) for f in self.files),
            "overall": self.counts().as_json(),
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


def _expected(data: dict, name: str, ctx: ReviewContext) -> set[Pair]:
    raw = data.get("expected_flags")
    if not isinstance(raw, list):
        raise EvalSetError(f"{name} 缺少 expected_flags 列表（无问题的案卷写 expected_flags: []）")
    pairs = set()
    for entry in raw:
        if not isinstance(entry, dict) or "point" not in entry or "rule" not in entry:
            raise EvalSetError(f"{name} 的 expected_flags 每项应为 {{point, rule}}")
        if entry["point"] not in {p.value for p in ReviewPoint}:
            raise EvalSetError(f"{name} 的 expected_flags 含未知审核要点：{entry['point']}")
        pairs.add((entry["point"], ctx.rule(entry["rule"])))
    return pairs


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
        found = {(f.point.value, ctx.rule(f.rule)) for f in report.flags}
        result.files.append(FileResult(path.name, expected, found))
    return result
