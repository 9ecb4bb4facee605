"""Audited golds for LawBench 3-2: two blind auditors per question, the law decides.

LawBench's answers name one article each, and some are wrong (an article about 财政专户
given for "where do I look up my contributions"), cite an older numbering, or answer a
question too vague to have one basis. Two auditors who never saw the retriever judged
every question from the statutes alone (brief: ``eval/sets/lawbench_audit/BRIEF.md``).
A question is scored on the audited golds only where both agree: the accepted articles
are those *both* named; where they named none in common, or both found no basis, the
question is left out and counted. The raw LawBench figures are always reported beside.

``python -m eval.lawbench_audit merge`` writes the merged file of each set from the
auditors' files and prints their agreement.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from corpus.law_names import short_name
from eval.lawbench import EvalQuestion, GoldArticle, parse_gold
from indexing.storage import write_file_atomically

AUDIT_DIR = Path(__file__).parent / "sets" / "lawbench_audit"
VERDICTS = ("governs", "renumbered", "other", "unanswerable")
Key = tuple[str, int]


@dataclass(frozen=True)
class AuditVerdict:
    """One auditor's judgement of one question."""

    id: str
    verdict: str
    accepted: tuple[Key, ...]
    reason: str

    @classmethod
    def from_json(cls, raw: dict) -> AuditVerdict:
        verdict = raw.get("verdict")
        if verdict not in VERDICTS:
            raise ValueError(f"审定条目 {raw.get('id')} 的结论无效：{verdict!r}")
        accepted = tuple((short_name(str(law)), int(number)) for law, number in raw["accepted"])
        if (verdict == "unanswerable") != (not accepted):
            raise ValueError(f"审定条目 {raw['id']}：结论 {verdict} 与可接受条文不一致")
        return cls(str(raw["id"]), verdict, accepted, str(raw.get("reason", "")))


@dataclass(frozen=True)
class MergedAudit:
    """Both auditors' verdicts on one question and what scoring takes from them."""

    id: str
    status: str  # agreed | unanswerable | disputed
    accepted: tuple[Key, ...]

    @property
    def scored(self) -> bool:
        return self.status == "agreed"


def merge_pair(first: AuditVerdict, second: AuditVerdict) -> MergedAudit:
    """Articles both named, in the first auditor's order; no common one: disputed."""
    if first.verdict == second.verdict == "unanswerable":
        return MergedAudit(first.id, "unanswerable", ())
    common = tuple(key for key in first.accepted if key in second.accepted)
    return MergedAudit(first.id, "agreed" if common else "disputed", common)


def gold_validity_agreement(first: list[AuditVerdict], second: list[AuditVerdict]) -> dict:
    """Raw agreement and Cohen's kappa on "the LawBench gold governs" (yes/no)."""
    a = [v.verdict == "governs" for v in first]
    b = [v.verdict == "governs" for v in second]
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    kappa = (observed - expected) / (1 - expected) if expected < 1 else 1.0
    return {"n": n, "agreement": round(observed, 4), "kappa": round(kappa, 4)}


def load_verdicts(path: Path) -> list[AuditVerdict]:
    return [AuditVerdict.from_json(raw) for raw in json.loads(path.read_text(encoding="utf-8"))]


def load_merged(path: Path) -> dict[str, MergedAudit]:
    """``{question id: merged audit}`` from a shipped merged file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        row["id"]: MergedAudit(
            row["id"], row["status"], tuple((law, int(n)) for law, n in row["accepted"])
        )
        for row in data["questions"]
    }


def audit_path_for(set_path: Path, audit_dir: Path = AUDIT_DIR) -> Path:
    """Where the merged audit of a LawBench file lives (by the file's stem)."""
    return audit_dir / f"{Path(set_path).stem}.json"


def set_prefix(set_path: Path) -> str:
    """The id prefix of a LawBench file's questions: ``lawbench-3-2-dev2`` → ``dev2``."""
    return Path(set_path).stem.rsplit("-", 1)[-1]


def load_audited(set_path: Path, audit: dict[str, MergedAudit]) -> tuple[list[EvalQuestion], int]:
    """The set's questions scored on audited golds, and how many were left out."""
    items = json.loads(Path(set_path).read_text(encoding="utf-8"))
    prefix = set_prefix(set_path)
    questions: list[EvalQuestion] = []
    for position, item in enumerate(items):
        merged = audit.get(f"{prefix}:{position}")
        if merged is None or not merged.scored:
            continue
        first = GoldArticle(*merged.accepted[0])
        questions.append(EvalQuestion(item["question"], first, frozenset(merged.accepted)))
    return questions, len(items) - len(questions)


def audited_set(set_path: Path) -> tuple[list[EvalQuestion], int] | None:
    """``load_audited`` of a LawBench file with a shipped audit; None when it has none."""
    audit = audit_path_for(set_path)
    return load_audited(set_path, load_merged(audit)) if audit.is_file() else None


def merge_set(name: str, set_path: Path, audit_dir: Path = AUDIT_DIR) -> dict:
    """Merge the X/Y auditors' part files of one set into its shipped file's payload."""
    first: list[AuditVerdict] = []
    second: list[AuditVerdict] = []
    for part in sorted(audit_dir.glob(f"raw/{name}_*_X.json")):
        first += load_verdicts(part)
        second += load_verdicts(part.with_name(part.name.replace("_X.json", "_Y.json")))
    if not first or [v.id for v in first] != [v.id for v in second]:
        raise ValueError(f"{name}：缺少审定文件，或两名审定人的题目不一致")
    merged = [merge_pair(x, y) for x, y in zip(first, second, strict=True)]
    items = json.loads(Path(set_path).read_text(encoding="utf-8"))
    golds = {f"{name}:{i}": parse_gold(item["answer"]) for i, item in enumerate(items)}
    return {
        "auditors": "two blind auditors per question (X, Y); accepted = articles both named",
        "gold_validity": gold_validity_agreement(first, second),
        "statuses": dict(Counter(m.status for m in merged)),
        "lawbench_gold_accepted": sum(
            1 for m in merged if golds.get(m.id) is not None and golds[m.id].key in m.accepted
        ),
        "questions": [
            {
                "id": m.id,
                "status": m.status,
                "accepted": [list(key) for key in m.accepted],
                "reasons": [x.reason, y.reason],
            }
            for m, x, y in zip(merged, first, second, strict=True)
        ],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["merge"])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data/eval"))
    args = parser.parse_args(argv)
    for name in ("dev", "dev2"):
        stem = f"lawbench-3-2-{name}"
        payload = merge_set(name, args.shared / f"{stem}.json")
        text = json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
        write_file_atomically(
            AUDIT_DIR / f"{stem}.json",
            lambda tmp, body=text: tmp.write_text(body, encoding="utf-8"),
        )
        summary = {k: v for k, v in payload.items() if k != "questions"}
        print(name, json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
