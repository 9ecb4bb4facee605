"""Rescoring a stored benchmark report: both forms, both systems, joined references rebuilt."""

from __future__ import annotations

from pathlib import Path

from eval.cer_rescore import format_rescore, joined_references, rescore
from eval.speech_references import SpeechClip
from eval.transcription_benchmark import JOINED_FILES

CLIPS = [
    SpeechClip(Path("a.wav"), "x/a.wav", "二零二三年开会", "human"),
    SpeechClip(Path("b.wav"), "x/b.wav", "先各部门儿汇报", "human"),
    SpeechClip(Path("c.wav"), "x/c.wav", None, "none"),
]


def _run(text: str) -> dict:
    return {"text": text}


def test_joined_references_follow_the_benchmark_order() -> None:
    references = joined_references(CLIPS)
    assert list(references) == [name for name, _, _ in JOINED_FILES]
    assert references[JOINED_FILES[0][0]] == "二零二三年开会先各部门儿汇报" * 2
    assert references[JOINED_FILES[1][0]] == "先各部门儿汇报二零二三年开会" * 3


def test_spoken_form_forgives_digits_and_erhua_for_both_systems() -> None:
    references = joined_references(CLIPS)
    report = {
        "clips": [
            {"reference": c.reference, "reference_kind": c.reference_kind, "ours": o, "plain": p}
            for c, o, p in [
                (CLIPS[0], _run("2023年开会。"), _run("二零二三年開會")),
                (CLIPS[1], _run("先各部门汇报。"), _run("先各部门儿汇报")),
                (CLIPS[2], _run("无参考"), _run("無參考")),
            ]
        ],
        "joined": [
            {"name": name, "ours": _run(ref), "plain": _run(ref[:-2])}
            for name, ref in references.items()
        ],
    }
    table = rescore(report, CLIPS)
    assert table["written"]["ours"]["clips"]["errors"] == 5  # 2023 vs 二零二三, 儿
    assert table["spoken"]["ours"]["clips"]["errors"] == 0
    assert table["spoken"]["plain"]["clips"]["errors"] == 0
    assert table["spoken"]["plain"]["joined"]["errors"] == 4
    assert table["outputs_with_traditional"] == {"ours": 0, "plain": 2}
    assert "ours vs plain" in format_rescore(table)
