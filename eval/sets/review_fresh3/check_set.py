"""Check the third fresh review set: every file loads, flags are well formed, every rule resolves.

Run from the repository root: ``PYTHONPATH=$PWD python eval/sets/review_fresh3/check_set.py``
(needs ZHIFA_DATA_DIR pointing at a data dir holding the national corpus with Guangdong rules).
"""

from __future__ import annotations

import sys
from pathlib import Path

from api.components import Components
from api.settings import Settings
from assistant.case_file import load_case, read_case_data
from corpus.citation_resolver import CitationError

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
SET_DIR = Path(__file__).resolve().parent


def check_file(path: Path, resolver) -> list[str]:
    """Problems found in one case file (empty when it is sound)."""
    problems: list[str] = []
    case = load_case(path)
    raw = read_case_data(path)
    if not path.read_text(encoding="utf-8").startswith("#"):
        problems.append("missing the one-line defect comment at the top")
    flags = raw.get("expected_flags")
    if not isinstance(flags, list):
        return problems + ["expected_flags missing or not a list"]
    cited = list(case.citations.violated) + list(case.citations.penalty_basis)
    cited += list(case.agency.powers.basis)
    for flag in flags:
        if set(flag) != {"point", "rule", "severity"}:
            problems.append(f"flag keys {sorted(flag)}")
        if flag.get("point") not in POINTS:
            problems.append(f"unknown point {flag.get('point')}")
        if flag.get("severity") not in SEVERITIES:
            problems.append(f"unknown severity {flag.get('severity')}")
        cited.append(flag.get("rule", ""))
    for citation in cited:
        for result in resolver.resolve_text(citation, case.act_date):
            if isinstance(result, CitationError):
                problems.append(f"{citation} on {case.act_date}: {result.message}")
    return problems


def main() -> int:
    resolver = Components(Settings()).resolver
    files = sorted(SET_DIR.glob("*.yaml"))
    failed = 0
    counts = {"clean": 0, "single": 0, "multi": 0}
    for path in files:
        problems = check_file(path, resolver)
        flags = read_case_data(path).get("expected_flags") or []
        counts["clean" if not flags else "single" if len(flags) == 1 else "multi"] += 1
        for problem in problems:
            print(f"{path.name}: {problem}")
        failed += bool(problems)
    print(f"{len(files)} files, {failed} with problems; {counts}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
