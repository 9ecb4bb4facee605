"""Check the second fresh review set: every file loads, flags are well formed, every citation resolves.

Run from the worktree root with ZHIFA_DATA_DIR pointing at a data dir holding the national corpus:
    PYTHONPATH=$PWD python eval/sets/review_fresh2/check_set.py
Citations are resolved on the act date (《行政处罚法》第三十七条), as the review would apply them.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from api.components import Components
from api.settings import Settings
from assistant.case_file import CaseFile, CaseFileError, load_case, read_case_data
from corpus.citation_resolver import CitationError

POINTS = {
    "subject", "qualification", "procedure", "facts", "evidence",
    "law", "discretion", "authority", "documents", "transfer",
}  # fmt: skip
SEVERITIES = {"must_fix", "check", "note"}
SET_DIR = Path(__file__).resolve().parent


def _citations_of(case: CaseFile, flags: list[dict]) -> list[str]:
    """Every citation the file and its gold flags rest on."""
    cited = [*case.citations.violated, *case.citations.penalty_basis, *case.agency.powers.basis]
    return cited + [flag["rule"] for flag in flags]


def _problems_of(path: Path, components: Components) -> list[str]:
    """What is wrong with one file (empty when it is sound)."""
    try:
        case = load_case(path)
    except CaseFileError as exc:
        return [f"无法读取：{exc}"]
    flags = read_case_data(path).get("expected_flags")
    if not isinstance(flags, list):
        return ["expected_flags 缺失或不是列表"]
    problems = [
        f"标注 {flag} 的 point/severity/rule 不合规"
        for flag in flags
        if flag.get("point") not in POINTS
        or flag.get("severity") not in SEVERITIES
        or not flag.get("rule")
    ]
    for citation in _citations_of(case, flags):
        for result in components.resolver.resolve_text(citation, case.act_date):
            if isinstance(result, CitationError):
                problems.append(f"{citation}（{case.act_date}）：{result.message}")
    return problems


def main() -> int:
    """Check every case file; print a summary and return a non-zero exit on any problem."""
    components = Components(Settings())
    files = sorted(SET_DIR.glob("*.yaml"))
    failed, shapes, points = 0, Counter(), Counter()
    for path in files:
        problems = _problems_of(path, components)
        flags = read_case_data(path).get("expected_flags") or []
        shapes["clean" if not flags else "single" if len(flags) == 1 else "multi"] += 1
        points.update(flag.get("point") for flag in flags)
        for problem in problems:
            print(f"{path.name}: {problem}")
        failed += bool(problems)
    print(
        f"{len(files)} files, {failed} with problems; {dict(shapes)}; flags by point {dict(points)}"
    )
    return 1 if failed or not files else 0


if __name__ == "__main__":
    sys.exit(main())
