"""Audited LawBench golds: merging two auditors, agreement, and scoring on accepted articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.lawbench import EvalQuestion, GoldArticle
from eval.lawbench_audit import (
    AUDIT_DIR,
    AuditVerdict,
    audited_set,
    gold_validity_agreement,
    load_audited,
    load_merged,
    merge_pair,
)
from eval.retrieval_eval import evaluate_mode
from indexing.hybrid_index import HybridIndex
from tests.indexing_fixtures import sample_records


def _verdict(qid: str, verdict: str, *accepted: tuple[str, int]) -> AuditVerdict:
    return AuditVerdict(qid, verdict, tuple(accepted), "")


def test_merge_keeps_only_articles_both_auditors_named():
    first = _verdict("dev2:1", "other", ("社会保险法", 4), ("社会保险经办条例", 11))
    second = _verdict("dev2:1", "other", ("社会保险法", 4))
    merged = merge_pair(first, second)
    assert merged.status == "agreed" and merged.accepted == (("社会保险法", 4),)


def test_merge_without_a_common_article_is_disputed_and_not_scored():
    merged = merge_pair(
        _verdict("dev:3", "governs", ("公司法", 20)), _verdict("dev:3", "other", ("公司法", 21))
    )
    assert merged.status == "disputed" and not merged.scored


def test_both_unanswerable_is_left_out():
    merged = merge_pair(_verdict("dev:4", "unanswerable"), _verdict("dev:4", "unanswerable"))
    assert merged.status == "unanswerable" and not merged.scored


def test_verdict_json_is_validated_in_chinese():
    with pytest.raises(ValueError, match="结论无效"):
        AuditVerdict.from_json({"id": "dev:1", "verdict": "maybe", "accepted": []})
    with pytest.raises(ValueError, match="不一致"):
        AuditVerdict.from_json({"id": "dev:1", "verdict": "governs", "accepted": []})
    parsed = AuditVerdict.from_json(
        {"id": "dev:1", "verdict": "governs", "accepted": [["中华人民共和国公司法", "20"]]}
    )
    assert parsed.accepted == (("公司法", 20),)


def test_gold_validity_agreement_and_kappa():
    first = [_verdict(str(i), v, ("x", 1)) for i, v in enumerate(["governs"] * 3 + ["other"])]
    second = [_verdict(str(i), v, ("x", 1)) for i, v in enumerate(["governs"] * 2 + ["other"] * 2)]
    stats = gold_validity_agreement(first, second)
    # observed 3/4; chance 0.75*0.5 + 0.25*0.5 = 0.5; kappa (0.75-0.5)/(1-0.5)
    assert stats["agreement"] == pytest.approx(0.75)
    assert stats["kappa"] == pytest.approx(0.5)


def _write_set(tmp_path: Path) -> Path:
    path = tmp_path / "lawbench-3-2-dev9.json"
    items = [
        {"question": "饮酒后驾驶机动车的处罚", "answer": "根据道路交通安全法第九十一条"},
        {"question": "违法行为二年内未被发现的，不再给予行政处罚", "answer": "根据公司法第一条"},
        {"question": "说不清的问题", "answer": "无"},
    ]
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return path


def test_audited_questions_score_on_the_accepted_articles(tmp_path):
    audit_file = tmp_path / "audit.json"
    rows = [
        {"id": "dev9:0", "status": "agreed", "accepted": [["道路交通安全法", 91]]},
        {"id": "dev9:1", "status": "agreed", "accepted": [["行政处罚法", 36], ["行政处罚法", 37]]},
        {"id": "dev9:2", "status": "unanswerable", "accepted": []},
    ]
    audit_file.write_text(json.dumps({"questions": rows}, ensure_ascii=False), encoding="utf-8")
    questions, left_out = load_audited(_write_set(tmp_path), load_merged(audit_file))
    assert left_out == 1
    assert questions[1].gold == GoldArticle("行政处罚法", 36)
    assert questions[1].relevant == {("行政处罚法", 36), ("行政处罚法", 37)}
    index = HybridIndex.build(sample_records(), embedder=None)
    result = evaluate_mode(index, questions, "bm25")
    # The raw gold of question 1 (公司法第一条) would miss; the audited one is found.
    assert result.metrics["hit@5"] == pytest.approx(1.0)


def test_plain_question_relevance_is_its_one_gold():
    question = EvalQuestion("q", GoldArticle("公司法", 3))
    assert question.relevant == {("公司法", 3)}


def test_shipped_audits_are_consistent():
    """Every shipped merged file: ids unique, agreed rows carry articles, others none."""
    files = sorted(AUDIT_DIR.glob("lawbench-3-2-*.json"))
    assert files, "no shipped audit"
    for path in files:
        merged = load_merged(path)
        assert len(merged) == 100
        for row in merged.values():
            assert bool(row.accepted) == (row.status == "agreed")


def test_a_set_without_a_shipped_audit_has_no_audited_version(tmp_path):
    assert audited_set(_write_set(tmp_path)) is None
