"""Redaction: recall on ≥200 generated strings per kind, legal persons never masked, masking rules."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from api.cli import app
from assistant.publicity.checksums import (
    id_check_char,
    is_valid_id_number,
    is_valid_uscc,
    luhn_valid,
    uscc_check_char,
)
from assistant.publicity.lexical import LexicalAnalyzer
from assistant.publicity.redaction import Redactor
from eval.pii_samples import labelled_samples
from eval.redaction_bench import run_bench

PER_KIND = 200


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor(LexicalAnalyzer())


@pytest.fixture(scope="module")
def bench(redactor: Redactor):
    return run_bench(redactor, labelled_samples(PER_KIND))


def test_recall_per_kind_is_at_least_099(bench) -> None:
    report = bench.as_json()
    print(json.dumps(report["kinds"], ensure_ascii=False, indent=1))
    for kind, score in bench.kinds.items():
        assert score.labelled >= PER_KIND, kind
        assert score.recall >= 0.99, (kind, score.as_json(), bench.misses[:5])


def test_precision_is_reported_and_high(bench) -> None:
    for kind, score in bench.kinds.items():
        assert score.reported > 0
        assert score.precision >= 0.95, (kind, score.as_json())


def test_no_legal_person_name_or_credit_code_masked(bench) -> None:
    assert bench.public_labelled["organisation"] >= PER_KIND
    assert bench.public_labelled["credit_code"] > 0
    assert sum(bench.public_masked.values()) == 0, bench.misses[:5]


def test_checksums() -> None:
    assert is_valid_id_number("11010519491231002X")
    assert not is_valid_id_number("110105194912310021")
    assert not is_valid_id_number("110105194902300027")  # no 30 February
    assert id_check_char("44010619900101123") in "0123456789X"
    assert luhn_valid("6222021234567890128") and not luhn_valid("6222021234567890121")
    assert is_valid_uscc("91350100M000100Y43")
    body = "91440101MA5CXXXX0"
    assert is_valid_uscc(body + uscc_check_char(body))


def test_masking_rules(redactor: Redactor) -> None:
    text = "当事人欧阳娜娜，身份证号11010519491231002X，住广州市天河区天河路385号，驾驶粤BD12345。"
    result = redactor.redact(text)
    assert "欧阳**" in result.text and "娜" not in result.text
    assert "******************" in result.text and "1101" not in result.text
    assert "广州市天河区*******" in result.text
    assert "粤B******" in result.text
    assert len(result.text) == len(text)


def test_amounts_dates_and_case_numbers_stay(redactor: Redactor) -> None:
    text = "2024年3月5日，本局依据《中华人民共和国食品安全法》第一百二十四条，作出罚款人民币20000元的决定（穗天市监罚〔2024〕0123号）。"
    assert redactor.redact(text).text == text


def test_organisation_with_person_like_trade_name_kept(redactor: Redactor) -> None:
    text = "当事人东莞市陈记烧腊店，经营者陈大文，统一社会信用代码91350100M000100Y43。"
    out = redactor.redact(text).text
    assert "东莞市陈记烧腊店" in out and "91350100M000100Y43" in out
    assert "陈**" in out


def test_keep_names_leaves_officers_readable(redactor: Redactor) -> None:
    out = redactor.redact("执法人员李强向当事人刘芳送达文书。", frozenset({"李强"})).text
    assert "李强" in out and "刘*" in out


def test_cli_redact_json() -> None:
    result = CliRunner().invoke(
        app, ["publicity", "redact", "--json"], input="联系电话：13812345678，当事人张伟。"
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["text"] == "联系电话：***********，当事人张*。"
    assert [s["kind"] for s in payload["spans"]] == ["phone", "name"]


def test_cli_eval_redaction_runs_the_same_bench(redactor: Redactor) -> None:
    """``zhifa eval redaction`` (registered from eval/) scores the generated labelled set."""
    result = CliRunner().invoke(app, ["eval", "redaction", "--per-kind", "5", "--seed", "7"])
    assert result.exit_code == 0, result.output
    expected = run_bench(redactor, labelled_samples(5, 7)).as_json()
    assert json.loads(result.stdout) == json.loads(json.dumps(expected, ensure_ascii=False))
