"""Check a gold evaluation set before anyone scores an engine on it.

Why: a gold set is only evidence if every citation it names exists, in the version
in force on the item's date, and its items are well formed. Each set in
``eval/sets/`` used to carry its own near-copy of this check; one module keeps the
promise the same for every set. It reads the case-file schema, the LawBench gold
parser and the corpus citation resolver, never an engine under evaluation.

    ZHIFA_DATA_DIR=var/national python -m eval.gold_set_check assist eval/sets/assist_fresh3/situations.json
    ZHIFA_DATA_DIR=var/national python -m eval.gold_set_check review eval/sets/review_fresh4
    ZHIFA_DATA_DIR=var/national python -m eval.gold_set_check retrieval eval/sets/retrieval_fresh/questions.json

Exit status 1 when any problem is found; each problem is printed on its own line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from assistant.case_file import CaseFileError, load_case, read_case_data
from corpus.citation_resolver import (
    CitationError,
    CitationRef,
    CitationResolver,
    ResolvedCitation,
)
from corpus.numerals import to_chinese
from corpus.settings import CorpusSettings
from corpus.store import CorpusStore
from eval.lawbench import parse_gold

REVIEW_POINTS = frozenset(
    {
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
)
REVIEW_SEVERITIES = frozenset({"must_fix", "check", "note"})
ASSIST_FIELDS = ("id", "domain", "situation", "act_date", "gold", "split")
LAWBENCH_INSTRUCTION = (
    "请根据具体场景与问题给出法律依据，只需要给出具体法条内容，每个场景仅涉及一个法条。"
)
RETRIEVAL_FIELDS = ("instruction", "question", "answer", "category", "law_folder")


@dataclass
class SetReport:
    """What a check found: problems (each one line) and counts worth printing."""

    problems: list[str] = field(default_factory=list)
    counts: dict[str, object] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def resolve_problem(
    resolver: CitationResolver, citation: str, on: date | None, exactly_one: bool = True
) -> str | None:
    """Why ``citation`` does not resolve on ``on`` (None when it does): to exactly one unit,
    or, with ``exactly_one=False`` (a case file's cited rules may name several), to at
    least one unit with no failing part."""
    results = resolver.resolve_text(citation, on)
    errors = [r.message for r in results if isinstance(r, CitationError)]
    resolved = [r for r in results if isinstance(r, ResolvedCitation)]
    if errors or not resolved or (exactly_one and len(resolved) != 1):
        return "；".join(errors) or f"解析出 {len(resolved)} 条"
    return None


# --- 办案辅助 (situation → duty, penalty) sets -------------------------------------------


def is_procedural(item: dict) -> bool:
    """Procedural questions carry no (duty, penalty) pair, only answering articles."""
    return item.get("kind") == "procedural" or item.get("gold", {}) is None


def assist_citations(item: dict) -> Iterator[tuple[str, str]]:
    """Every (role, citation) pair an assist item names."""
    also = alternatives(item.get("also_accept"))
    if is_procedural(item):
        for article in answer_articles(item):
            yield "answer_articles", article
        for article in also.get("answer_articles", []):
            yield "also_accept.answer_articles", article
        return
    for role in ("violated", "penalty"):
        yield f"gold.{role}", item["gold"][role]
        for extra in also.get(role, []):
            yield f"also_accept.{role}", extra


def alternatives(also_accept: dict | list | None) -> dict[str, list[str]]:
    """``also_accept`` by role; a list of whole alternative pairs is spread over the roles."""
    if isinstance(also_accept, list):
        roles: dict[str, list[str]] = {"violated": [], "penalty": []}
        for pair in also_accept:
            for role in roles:
                roles[role] += [pair[role]] if pair.get(role) else []
        return roles
    return also_accept or {}


def answer_articles(item: dict) -> list[str]:
    """The articles answering a procedural question (older sets call the one ``answered_by``)."""
    if "answered_by" in item:
        return [item["answered_by"]]
    return list(item.get("answer_articles", []))


def assist_item_problems(item: dict, label: str, splits: frozenset[str]) -> list[str]:
    """Malformed fields of one assist item."""
    missing = [name for name in ASSIST_FIELDS if name not in item]
    if missing:
        return [f"{label}: 缺少字段 {', '.join(missing)}"]
    problems: list[str] = []
    if item["split"] not in splits:
        problems.append(f"{label}: split 应为 {'/'.join(sorted(splits))}，而不是 {item['split']}")
    if is_procedural(item):
        if item["gold"] is not None or item.get("kind") != "procedural":
            problems.append(f"{label}: 程序性条目应 kind=procedural 且 gold 为 null")
        if not answer_articles(item):
            problems.append(f"{label}: 程序性条目缺少 answer_articles")
    elif not all(item["gold"].get(role) for role in ("violated", "penalty")):
        problems.append(f"{label}: gold 须同时给出 violated 与 penalty")
    elif not item.get("written_from"):
        problems.append(f"{label}: 缺少字段 written_from")
    return problems


def assist_shape_problems(
    items: list[dict], splits: frozenset[str], distinct_pairs: bool = True
) -> list[str]:
    """Malformed items, repeated ids and (for blind sets) repeated gold pairs."""
    problems: list[str] = []
    seen_ids: set[str] = set()
    seen_pairs: dict[tuple[str, str], str] = {}
    for index, item in enumerate(items):
        label = item.get("id", f"#{index}")
        problems += assist_item_problems(item, label, splits)
        if label in seen_ids:
            problems.append(f"{label}: id 重复")
        seen_ids.add(label)
        gold = item.get("gold")
        if isinstance(gold, dict) and gold.get("violated") and gold.get("penalty"):
            pair = (gold["violated"], gold["penalty"])
            if distinct_pairs and pair in seen_pairs:
                problems.append(f"{label}: gold 与 {seen_pairs[pair]} 相同")
            seen_pairs.setdefault(pair, label)
    return problems


@dataclass(frozen=True)
class AssistSetRules:
    """What an assist set promises: its splits, and whether each gold pair occurs once."""

    splits: frozenset[str] = frozenset({"heldout"})
    distinct_pairs: bool = True


def load_items(path: Path) -> list[dict]:
    """A set's items: a JSON list, or ``{"description": …, "items": […]}``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["items"] if isinstance(data, dict) else data


def check_assist_set(
    path: Path, resolver: CitationResolver, rules: AssistSetRules = AssistSetRules()
) -> SetReport:
    """Shape of every item, then every citation resolved on the item's act_date."""
    items = load_items(path)
    report = SetReport(problems=assist_shape_problems(items, rules.splits, rules.distinct_pairs))
    if report.problems:
        return report
    total = 0
    for item in items:
        on = date.fromisoformat(item["act_date"])
        for role, citation in assist_citations(item):
            total += 1
            if reason := resolve_problem(resolver, citation, on):
                report.problems.append(f"{item['id']} {role} {citation} @ {on}: {reason}")
    pairs = [item for item in items if not is_procedural(item)]
    report.counts = {
        "items": len(items),
        "procedural": len(items) - len(pairs),
        "citations": total,
        "domains": dict(Counter(item["domain"] for item in pairs).most_common()),
    }
    return report


# --- 法制审核 case-file sets -------------------------------------------------------------


def review_file_problems(path: Path, resolver: CitationResolver) -> tuple[list[str], list[dict]]:
    """Problems of one case file, and its gold flags."""
    try:
        case = load_case(path)
    except CaseFileError as exc:
        return [f"无法读取：{exc}"], []
    flags = read_case_data(path).get("expected_flags")
    if not isinstance(flags, list):
        return ["expected_flags 缺失或不是列表"], []
    problems: list[str] = []
    if not states_its_defect(path):
        problems.append("开头缺少说明缺陷的注释行（或 review_note）")
    for flag in flags:
        if flag.get("point") not in REVIEW_POINTS or flag.get("severity") not in REVIEW_SEVERITIES:
            problems.append(f"标注 {flag} 的 point/severity 不合规")
    cited = [*case.citations.violated, *case.citations.penalty_basis, *case.agency.powers.basis]
    cited += [flag.get("rule", "") for flag in flags]
    for citation in cited:
        if reason := resolve_problem(resolver, citation, case.act_date, exactly_one=False):
            problems.append(f"{citation}（{case.act_date}）：{reason}")
    return problems, flags


def states_its_defect(path: Path) -> bool:
    """Blind sets open with a comment saying the defect; team files carry ``review_note``."""
    text = path.read_text(encoding="utf-8")
    return text.lstrip().startswith("#") or "review_note" in read_case_data(path)


def check_review_set(folder: Path, resolver: CitationResolver) -> SetReport:
    """Every case file under ``folder`` (subfolders too) loads and every citation resolves."""
    files = sorted(folder.rglob("*.yaml"))
    report = SetReport()
    if not files:
        report.problems.append(f"{folder} 下没有案卷文件")
    shapes: Counter[str] = Counter()
    points: Counter[str] = Counter()
    for path in files:
        problems, flags = review_file_problems(path, resolver)
        name = str(path.relative_to(folder))
        report.problems += [f"{name}: {problem}" for problem in problems]
        shapes["clean" if not flags else "single" if len(flags) == 1 else "multi"] += 1
        points.update(flag.get("point") for flag in flags)
    report.counts = {"files": len(files), "shapes": dict(shapes), "points": dict(points)}
    return report


# --- LawBench-format retrieval sets ------------------------------------------------------


def retrieval_item_problems(
    item: dict, resolver: CitationResolver, laws_root: Path | None
) -> tuple[list[str], str | None]:
    """Problems of one retrieval item, and the law its gold resolves to."""
    missing = [key for key in RETRIEVAL_FIELDS if not item.get(key)]
    if missing:
        return [f"缺少字段 {missing}"], None
    problems: list[str] = []
    if item["instruction"] != LAWBENCH_INSTRUCTION:
        problems.append("instruction 与 LawBench 3-2 不同")
    if not item["question"].startswith("场景:"):
        problems.append("question 不以“场景:”开头")
    if item["law_folder"].split("/")[0] != item["category"]:
        problems.append("law_folder 不在其类别之下")
    gold = parse_gold(item["answer"])
    if gold is None:
        return [*problems, "answer 中没有可解析的条文"], None
    citation = f"《{gold.law}》第{to_chinese(gold.article)}条"
    try:
        resolved = resolver.resolve(resolver.parse(citation)[0])
    except (CitationError, IndexError) as exc:
        return [*problems, f"{citation} 无法解析：{exc}"], None
    if resolved.law != gold.law:
        problems.append(f"金标准法律 {gold.law} 解析为 {resolved.law}")
    if laws_root is not None and not folder_holds(laws_root / item["law_folder"], gold.law):
        problems.append(f"{item['law_folder']} 中没有《{gold.law}》的文件")
    return problems, resolved.law


def folder_holds(folder: Path, law: str) -> bool:
    """Whether ``folder`` has a version file of ``law`` (``行政处罚法(2021-01-22).md``);
    the 民法典 is one law kept as one file per 编 in its own folder."""
    if folder.name == law == "民法典":
        return any(folder.glob("*编.md"))
    return any(p.stem == law or p.stem.startswith(f"{law}(") for p in folder.glob("*.md"))


def check_retrieval_set(
    path: Path, resolver: CitationResolver, laws_root: Path | None
) -> SetReport:
    """Every gold parses, resolves today, sits in its law folder, and is no other item's gold."""
    items = json.loads(path.read_text(encoding="utf-8"))
    report = SetReport()
    laws: Counter[str] = Counter()
    for index, item in enumerate(items):
        problems, law = retrieval_item_problems(item, resolver, laws_root)
        report.problems += [f"item {index}: {problem}" for problem in problems]
        if law:
            laws[law] += 1
    golds = [(g.law, g.article) for g in map(parse_gold, (i["answer"] for i in items)) if g]
    report.problems += [f"{k} 是 {n} 道题的金标准" for k, n in Counter(golds).items() if n > 1]
    report.counts = {
        "items": len(items),
        "laws": len(laws),
        "categories": dict(Counter(item.get("category") for item in items).most_common()),
        "law_folders_checked": laws_root is not None,
    }
    return report


# --- command line -------------------------------------------------------------------------


class ShowingResolver(CitationResolver):
    """Prints every article a check resolves, so the set's reader can compare it with the gold."""

    def resolve(
        self, ref: CitationRef, on: date | None = None, default_law: str | None = None
    ) -> ResolvedCitation:
        unit = super().resolve(ref, on, default_law)
        print(f"{unit.citation} [{unit.version}] {unit.text[:160]}")
        return unit


def open_resolver(data_dir: Path, show: bool = False) -> CitationResolver:
    """The corpus resolver over ``data_dir``; a clear exit when no corpus is imported there."""
    store = CorpusStore(CorpusSettings(data_dir=data_dir))
    if not store.law_names():
        raise SystemExit(f"错误：{data_dir} 下没有导入法规语料（先运行 zhifa corpus import）")
    return ShowingResolver(store) if show else CitationResolver(store)


def default_laws_root() -> Path | None:
    """../shared/data/laws (or under ZHIFA_SHARED_DIR) when present."""
    shared = Path(
        os.environ.get("ZHIFA_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared")
    )
    laws = shared / "data" / "laws"
    return laws if laws.is_dir() else None


def run(kind: str, path: Path, resolver: CitationResolver, rules: AssistSetRules) -> SetReport:
    """Dispatch to the checker for ``kind``."""
    if kind == "assist":
        return check_assist_set(path, resolver, rules)
    if kind == "review":
        return check_review_set(path, resolver)
    return check_retrieval_set(path, resolver, default_laws_root())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=("assist", "review", "retrieval"))
    parser.add_argument(
        "path", type=Path, help="assist/retrieval: the JSON file; review: the folder"
    )
    parser.add_argument(
        "--splits", default="heldout", help="assist: accepted splits, comma-separated"
    )
    parser.add_argument(
        "--allow-repeated-pairs",
        action="store_true",
        help="assist: a gold pair may recur (team sets)",
    )
    parser.add_argument("--show", action="store_true", help="print each resolved article's text")
    args = parser.parse_args(argv)
    resolver = open_resolver(Path(os.environ.get("ZHIFA_DATA_DIR", "var")), args.show)
    rules = AssistSetRules(frozenset(args.splits.split(",")), not args.allow_repeated_pairs)
    report = run(args.kind, args.path, resolver, rules)
    for problem in report.problems:
        print("FAIL", problem, file=sys.stderr)
    print(json.dumps(report.counts, ensure_ascii=False))
    print(f"{len(report.problems)} problems")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
