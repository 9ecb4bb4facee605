"""Check the fifth independent review set: every file loads, every gold flag is well formed,
and every cited rule resolves in the corpus on the case's act date.

Run from the worktree root with ZHIFA_DATA_DIR pointing at a data dir holding the national
corpus (incl. Guangdong rules):  PYTHONPATH=$PWD python eval/sets/review_fresh4/check_set.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from api.components import Components
from api.settings import Settings
from assistant.case_file import load_case, read_case_data
from corpus.citation_resolver import CitationResolver, ResolvedCitation

SET_DIR = Path(__file__).resolve().parent
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


def resolve_errors(resolver: CitationResolver, text: str, on) -> list[str]:
    """Why a citation text does not resolve on ``on`` (empty when every reference does)."""
    return [
        f"{text}: {r.message}"
        for r in resolver.resolve_text(text, on)
        if not isinstance(r, ResolvedCitation)
    ]


def check_file(path: Path, resolver: CitationResolver) -> tuple[list[str], list[dict]]:
    """Problems found in one case file, and its gold flags."""
    case = load_case(path)
    raw = read_case_data(path)
    flags = raw.get("expected_flags")
    problems: list[str] = []
    if not isinstance(flags, list):
        return [f"{path.name}: expected_flags missing or not a list"], []
    if not path.read_text(encoding="utf-8").lstrip().startswith("#"):
        problems.append(f"{path.name}: no leading comment stating the defect")
    on = case.act_date
    for flag in flags:
        if flag.get("point") not in POINTS:
            problems.append(f"{path.name}: bad point {flag.get('point')}")
        if flag.get("severity") not in SEVERITIES:
            problems.append(f"{path.name}: bad severity {flag.get('severity')}")
        problems += [f"{path.name}: rule {e}" for e in resolve_errors(resolver, flag["rule"], on)]
    cited = case.citations.violated + case.citations.penalty_basis + case.agency.powers.basis
    problems += [f"{path.name}: cited {e}" for c in cited for e in resolve_errors(resolver, c, on)]
    return problems, flags


def main() -> int:
    resolver = Components(Settings()).resolver
    files = sorted(SET_DIR.glob("*.yaml"))
    problems: list[str] = []
    kinds: Counter[str] = Counter()
    points: Counter[str] = Counter()
    for path in files:
        found, flags = check_file(path, resolver)
        problems += found
        kinds["clean" if not flags else "single" if len(flags) == 1 else "multi"] += 1
        points.update(f["point"] for f in flags)
    print(f"{len(files)} files: {dict(kinds)}; flags per point: {dict(points)}")
    for problem in problems:
        print("PROBLEM", problem)
    return 1 if problems or not files else 0


if __name__ == "__main__":
    sys.exit(main())
