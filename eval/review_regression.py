"""Per-file must_fix results of every review set, and the difference between two runs.

A rule tuned on one set must not change another set's files for the worse; the summary
figures hide a gain in one file and a loss in another. ``dump`` writes each file's missed and
unexpected must_fix findings (and every flag pair); ``diff`` lists what changed between a
run of the code before and after.

    ZHIFA_DATA_DIR=var/national python -m eval.review_regression dump before.json
    ZHIFA_DATA_DIR=var/national python -m eval.review_regression dump after.json
    python -m eval.review_regression diff before.json after.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.review.context import ReviewContext
from eval.review_eval import CASE_SUFFIXES, ReviewEval, evaluate_folder

SETS_DIR = Path("eval/sets")
TEAM_CASES = Path("tests/review_cases")


def review_folders(sets_dir: Path = SETS_DIR, team: Path = TEAM_CASES) -> list[Path]:
    """Every folder of labelled case files: each review set (or its sub-folders, such as
    tune/heldout) and the team's cases."""
    folders: list[Path] = []
    for path in sorted(sets_dir.glob("review_*")):
        if not path.is_dir():
            continue
        if any(p.suffix.lower() in CASE_SUFFIXES for p in path.iterdir()):
            folders.append(path)
        else:
            folders += [p for p in sorted(path.iterdir()) if p.is_dir() and p.name != "briefs"]
    return folders + ([team] if team.is_dir() else [])


def _pairs(pairs: set[tuple[str, str]]) -> list[list[str]]:
    return sorted([list(p) for p in pairs])


def folder_result(result: ReviewEval) -> dict:
    counts = result.must_fix()
    files = {
        f.name: {
            "missed": _pairs(f.expected_must_fix - f.found_must_fix),
            "unexpected": _pairs(
                f.found_must_fix - f.expected_must_fix - (f.unrated - f.expected_must_fix)
            ),
            "flags": _pairs(f.found),
        }
        for f in result.files
    }
    return {**counts.as_json(), "clean_flagged": len(result.clean_with_must_fix()), "files": files}


def _review_context() -> ReviewContext:
    """The service's review context, built the way `zhifa review` builds it."""
    from api.components import Components
    from api.settings import Settings

    return Components(Settings()).review_context


def dump(out: Path) -> dict:
    ctx = _review_context()
    results = {}
    for folder in review_folders():
        results[str(folder)] = found = folder_result(evaluate_folder(folder, ctx))
        print(f"{folder}\tP {found['precision']}\tR {found['recall']}\t{found['clean_flagged']}")
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return results


def diff(before: dict, after: dict) -> list[str]:
    """One line per set whose must_fix counts changed and per file whose findings did."""
    lines = []
    for name, now in after.items():
        was = before.get(name)
        if was is None:
            lines.append(f"{name}: new set, P {now['precision']} R {now['recall']}")
            continue
        key = ("tp", "fp", "fn")
        if [was[k] for k in key] != [now[k] for k in key]:
            lines.append(
                f"{name}: P/R {was['precision']}/{was['recall']} → {now['precision']}/{now['recall']}"
            )
        for file, found in now["files"].items():
            old = was["files"].get(file, {})
            for field in ("missed", "unexpected", "flags"):
                gone = [p for p in old.get(field, []) if p not in found[field]]
                new = [p for p in found[field] if p not in old.get(field, [])]
                if gone or new:
                    lines.append(f"  {file} {field}: −{gone} +{new}")
    return lines


def describe(folder: str, found: dict) -> list[str]:
    """A folder's must_fix figures and, per file, what it missed and what it found
    unexpectedly: the list a rule round starts from."""
    lines = [
        f"{folder}\tP {found['precision']}\tR {found['recall']}\t"
        f"TP {found['tp']} FP {found['fp']} FN {found['fn']}\t无缺陷卷误报 {found['clean_flagged']}"
    ]
    for name, result in found["files"].items():
        lines += [f"  {name}\t漏报\t{point}\t{rule}" for point, rule in result["missed"]]
        lines += [f"  {name}\t误报\t{point}\t{rule}" for point, rule in result["unexpected"]]
    return lines


def show(folders: list[Path]) -> list[str]:
    ctx = _review_context()
    return [
        line
        for folder in folders
        for line in describe(str(folder), folder_result(evaluate_folder(folder, ctx)))
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dumping = sub.add_parser("dump")
    dumping.add_argument("out", type=Path)
    diffing = sub.add_parser("diff")
    diffing.add_argument("before", type=Path)
    diffing.add_argument("after", type=Path)
    showing = sub.add_parser("show")
    showing.add_argument("folders", type=Path, nargs="+")
    args = parser.parse_args(argv)
    if args.command == "show":
        print("\n".join(show(args.folders)))
        return
    if args.command == "dump":
        dump(args.out)
        return
    read = [json.loads(p.read_text(encoding="utf-8")) for p in (args.before, args.after)]
    print("\n".join(diff(*read)) or "无变化")


if __name__ == "__main__":
    main()
