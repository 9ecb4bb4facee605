"""Verified-situation memory: reading, nearest neighbours, leaving a source out."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from assistant.shipped_data import VERIFIED_SITUATIONS
from assistant.situation_memory import (
    TOKENIZERS,
    SituationFileError,
    SituationMemory,
    VerifiedSituation,
    char_bigrams,
    char_grams,
    read_situations,
)
from eval.verified_situations import main as check_shipped


def _entry(n: str, text: str, source: str = "a") -> VerifiedSituation:
    return VerifiedSituation(n, source, text, date(2023, 5, 1), "《甲法》第一条", "《甲法》第九条")


MEMORY = [
    _entry("1", "电镀厂没有排污许可证，把含镍废水直接排进村边河涌"),
    _entry("2", "网吧在深夜让三个初中生进去上网，没有核对身份证", "b"),
    _entry("3", "货车拉的货超过核定载质量一半还上高速", "b"),
]


def test_paraphrase_finds_its_situation_first() -> None:
    memory = SituationMemory(MEMORY)
    found = memory.nearest("某电镀厂无排污许可证向河涌排放含镍废水", k=3)
    assert found[0].entry.id == "1"
    assert found[0].similarity > found[1].similarity if len(found) > 1 else True
    assert 0 < found[0].similarity <= 1.0 + 1e-6


def test_unrelated_text_shares_nothing() -> None:
    assert SituationMemory(MEMORY).nearest("ABCXYZ", k=3) == []


def test_without_drops_a_whole_source() -> None:
    memory = SituationMemory(MEMORY).without({"b"})
    assert [e.id for e in memory.entries] == ["1"]
    assert all(n.entry.source != "b" for n in memory.nearest("网吧让初中生上网", k=3))


def test_empty_memory_answers_nothing() -> None:
    assert SituationMemory([]).nearest("任何情形") == []


def test_tokenizers() -> None:
    assert char_grams("排污，许可") == ["排", "污", "许", "可", "排污", "污许", "许可"]
    assert char_bigrams("排污，许可") == ["排污", "污许", "许可"]
    assert set(TOKENIZERS) == {"chars+bigrams", "bigrams", "words+bigrams"}
    words = TOKENIZERS["words+bigrams"]("没有排污许可证")
    assert set(char_bigrams("没有排污许可证")) < set(words)
    assert any(len(w) > 2 for w in words)  # whole terms weigh as one feature too


def test_read_skips_procedural_and_names_source(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    items = [
        {
            "id": "P1",
            "kind": "procedural",
            "situation": "听证几天内提出？",
            "act_date": "2023-01-01",
            "gold": None,
        },
        {
            "id": "V1",
            "situation": "无证排污",
            "act_date": "2023-01-01",
            "gold": {"violated": ["《甲法》第一条", "《甲法》第二条"], "penalty": "《甲法》第九条"},
        },
    ]
    path.write_text(json.dumps({"items": items}, ensure_ascii=False), encoding="utf-8")
    [entry] = read_situations(path)
    assert (entry.id, entry.source, entry.violated, entry.penalty) == (
        "V1",
        "mine",
        "《甲法》第一条",
        "《甲法》第九条",
    )


@pytest.mark.parametrize(
    "content, words",
    [
        ("not json", "无法读取"),
        (
            '[{"id": "1", "situation": "x", "gold": {"violated": "《甲法》第一条", "penalty": "《甲法》第九条"}}]',
            "act_date",
        ),
        (
            '[{"id": "1", "situation": "x", "act_date": "2023-01-01", "gold": {"violated": "《甲法》第一条"}}]',
            "处罚依据",
        ),
    ],
)
def test_bad_file_names_the_problem(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SituationFileError, match=words):
        read_situations(path)


def test_load_reads_a_folder(tmp_path: Path) -> None:
    for name in ("a", "b"):
        body = [
            {
                "id": name,
                "situation": f"情形{name}",
                "act_date": "2023-01-01",
                "gold": {"violated": "《甲法》第一条", "penalty": "《甲法》第九条"},
            }
        ]
        (tmp_path / f"{name}.json").write_text(
            json.dumps(body, ensure_ascii=False), encoding="utf-8"
        )
    memory = SituationMemory.load([tmp_path])
    assert sorted(e.source for e in memory.entries) == ["a", "b"]


def test_shipped_memory_is_built_from_the_sets() -> None:
    """The shipped file is exactly what the blind-written sets give (no hand edits)."""
    assert check_shipped(["--check"]) == 0
    data = json.loads(VERIFIED_SITUATIONS.read_text(encoding="utf-8"))
    sources = {item["source"] for item in data["items"]}
    assert {"assist", "assist_fresh", "assist_fresh7", "assist/extra_dev"} <= sources


def test_components_name_a_broken_memory_file(tmp_path: Path) -> None:
    from api.components import Components, SituationMemoryError
    from api.settings import Settings

    missing = tmp_path / "agency_cases.json"
    settings = Settings(data_dir=tmp_path / "data", situation_memory_paths=[missing])
    with pytest.raises(SituationMemoryError, match="agency_cases.json"):
        Components(settings).situation_memory()
    assert (
        Components(Settings(data_dir=tmp_path / "data", situation_memory=False)).situation_memory()
        is None
    )
