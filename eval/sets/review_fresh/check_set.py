"""Check the fresh review set: every file loads, every gold rule and cited article resolves on the act date.

Run from the worktree root:
    ZHIFA_DATA_DIR=var/national PYTHONPATH=$PWD python eval/sets/review_fresh/check_set.py
It reads only the case-file schema and the corpus citation resolver, never the review engine.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from assistant.case_file import load_case, read_case_data
from corpus.citation_resolver import CitationResolver, ResolvedCitation
from corpus.settings import CorpusSettings
from corpus.store import CorpusStore

POINTS = {
    "subject", "qualification", "procedure", "facts", "evidence",
    "law", "discretion", "authority", "documents", "transfer",
}  # fmt: skip
SEVERITIES = {"must_fix", "check", "note"}
SET_DIR = Path(__file__).resolve().parent


def problems_of(path: Path, resolver: CitationResolver) -> list[str]:
    """Every reason this file is not a usable gold case."""
    case = load_case(path)
    flags = read_case_data(path).get("expected_flags")
    if not isinstance(flags, list):
        return ["expected_flags missing"]
    found = []
    for flag in flags:
        if flag.get("point") not in POINTS or flag.get("severity") not in SEVERITIES:
            found.append(f"bad flag {flag}")
    cited = [f["rule"] for f in flags]
    cited += case.citations.violated + case.citations.penalty_basis + case.agency.powers.basis
    for text in cited:
        results = resolver.resolve_text(text, case.act_date)
        if not results or not all(isinstance(r, ResolvedCitation) for r in results):
            found.append(f"unresolved {text}: {[getattr(r, 'message', '') for r in results]}")
    return found


def main() -> int:
    settings = CorpusSettings(data_dir=Path(os.environ["ZHIFA_DATA_DIR"]))
    resolver = CitationResolver(CorpusStore(settings))
    failures = 0
    for path in sorted(SET_DIR.glob("*/*.yaml")):
        problems = problems_of(path, resolver)
        failures += bool(problems)
        print(("FAIL " if problems else "ok   ") + str(path.relative_to(SET_DIR)), *problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
