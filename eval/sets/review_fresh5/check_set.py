"""Check the review_fresh5 gold set: every file loads, flags are well formed, every rule resolves.

Run from the worktree root with ZHIFA_DATA_DIR pointing at a data dir holding the national corpus:
    PYTHONPATH=$PWD python eval/sets/review_fresh5/check_set.py [--show CITATION DATE ...]
Each expected flag's rule is resolved on the case's act date (《行政处罚法》第三十七条).
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path

from api.components import Components
from api.settings import Settings
from assistant.case_file import load_case, read_case_data
from corpus.citation_resolver import CitationResolver, ResolvedCitation

SET_DIR = Path(__file__).parent
POINTS = {
    "subject",
    "qualification",
    "procedure",
    "facts",
    "evidence",
    "law",
    "discretion",
    "authority",
    "documents",
    "transfer",
}
SEVERITIES = {"must_fix", "check", "note"}


def resolve(resolver: CitationResolver, citation: str, day: date) -> ResolvedCitation | str:
    """The single resolved unit, or the reason it does not resolve."""
    results = resolver.resolve_text(citation, day, None)
    found = [r for r in results if isinstance(r, ResolvedCitation)]
    if len(results) == 1 and found:
        return found[0]
    return "；".join(getattr(r, "message", str(r)) for r in results) or "无法解析"


def check_file(path: Path, resolver: CitationResolver) -> tuple[list[str], list[dict]]:
    """Problems found in one file, and its expected flags."""
    problems: list[str] = []
    case = load_case(path)
    raw = read_case_data(path)
    flags = raw.get("expected_flags")
    if not isinstance(flags, list):
        return [f"{path.name}: expected_flags missing or not a list"], []
    if not path.read_text(encoding="utf-8").lstrip().startswith("#"):
        problems.append(f"{path.name}: no defect comment at the top")
    for flag in flags:
        if flag.get("point") not in POINTS:
            problems.append(f"{path.name}: bad point {flag.get('point')}")
        if flag.get("severity") not in SEVERITIES:
            problems.append(f"{path.name}: bad severity {flag.get('severity')}")
        outcome = resolve(resolver, str(flag.get("rule", "")), case.act_date)
        if isinstance(outcome, str):
            problems.append(f"{path.name}: rule {flag.get('rule')} on {case.act_date}: {outcome}")
    cited = case.citations.violated + case.citations.penalty_basis + case.agency.powers.basis
    for citation in cited:
        outcome = resolve(resolver, citation, case.act_date)
        if isinstance(outcome, str):
            problems.append(f"{path.name}: cited {citation} on {case.act_date}: {outcome}")
    return problems, flags


def main(argv: list[str]) -> int:
    resolver = Components(Settings()).resolver
    if argv[:1] == ["--show"]:
        for citation, day in zip(argv[1::2], argv[2::2], strict=True):
            outcome = resolve(resolver, citation, date.fromisoformat(day))
            text = outcome if isinstance(outcome, str) else f"[{outcome.version}] {outcome.text}"
            print(f"{citation} @{day}: {text}\n")
        return 0
    problems: list[str] = []
    kinds: Counter[str] = Counter()
    points: Counter[str] = Counter()
    files = sorted(SET_DIR.glob("*.yaml"))
    for path in files:
        found, flags = check_file(path, resolver)
        problems += found
        kinds["clean" if not flags else "single" if len(flags) == 1 else "multi"] += 1
        points.update(flag.get("point") for flag in flags)
    print(f"{len(files)} files: {dict(kinds)}; flags per point: {dict(points)}")
    for problem in problems:
        print("PROBLEM", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
