"""Rescore a transcription benchmark report: written form vs spoken form, both systems.

Run: ``python -m eval.cer_rescore var/bench/transcription.json``

The report keeps every system's text, so a change of the CER comparison form is
measured without decoding again. Both forms are applied identically to references,
our pipeline and plain faster-whisper; the table shows what each form counts.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eval.speech_references import SpeechClip, load_speech_clips, locate_shared_dir
from eval.transcription_benchmark import JOINED_FILES, joined_order
from transcription.cer import CerScore, pooled_cer, score_cer
from transcription.text_normalization import has_traditional

SYSTEMS = ("ours", "plain")
FORMS = {"written": False, "spoken": True}


def joined_references(clips: list[SpeechClip]) -> dict[str, str]:
    """The reference of each joined file, built as the benchmark builds the audio."""
    return {
        name: "".join(c.reference or "" for c in joined_order(clips, reverse))
        for name, _pause, reverse in JOINED_FILES
    }


def rescore(report: dict, clips: list[SpeechClip]) -> dict:
    """{form: {system: {"clips": CER, "joined": CER, …}}} for the written and spoken forms."""
    joined_refs = joined_references(clips)
    human = [r for r in report["clips"] if r["reference_kind"] == "human"]
    table: dict = {}
    for form, spoken in FORMS.items():
        table[form] = {}
        for system in SYSTEMS:
            single = pooled_cer(score_cer(r["reference"], r[system]["text"], spoken) for r in human)
            joined = pooled_cer(
                score_cer(joined_refs[j["name"]], j[system]["text"], spoken)
                for j in report["joined"]
            )
            table[form][system] = {"clips": _row(single), "joined": _row(joined)}
    table["outputs_with_traditional"] = {
        system: sum(has_traditional(r[system]["text"]) for r in report["clips"] + report["joined"])
        for system in SYSTEMS
    }
    return table


def _row(score: CerScore) -> dict:
    return {"cer": score.cer, "errors": score.errors, "reference_chars": score.reference_chars}


def format_rescore(table: dict) -> str:
    """One line per form and system, with the relative gain of ours over plain."""
    lines = [f"{'form':8} {'system':6} {'CER clips':>16} {'CER joined':>18}"]
    for form in FORMS:
        for system in SYSTEMS:
            c, j = table[form][system]["clips"], table[form][system]["joined"]
            lines.append(
                f"{form:8} {system:6} {c['cer'] * 100:6.1f}% ({c['errors']:3}/{c['reference_chars']}) "
                f"{j['cer'] * 100:6.1f}% ({j['errors']:4}/{j['reference_chars']})"
            )
        ours, plain = table[form]["ours"], table[form]["plain"]
        change = [_relative(ours[k]["cer"], plain[k]["cer"]) for k in ("clips", "joined")]
        lines.append(f"{form:8} ours vs plain: clips {change[0]}, joined {change[1]}")
    lines.append(f"outputs with traditional characters: {table['outputs_with_traditional']}")
    return "\n".join(lines)


def _relative(ours: float, plain: float) -> str:
    """Relative CER change of ours against plain (−10 % = ten per cent fewer errors)."""
    return "-" if plain == 0 else f"{ours / plain - 1:+.1%}"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: prints the table (and writes it as JSON with --out)."""
    parser = argparse.ArgumentParser(description="按书面形式与口语形式重算转写基准的 CER")
    parser.add_argument("report", type=Path, help="eval.transcription_benchmark 的 JSON 报告")
    parser.add_argument("--out", type=Path, default=None, help="JSON 输出路径")
    args = parser.parse_args(argv)
    shared = locate_shared_dir()
    if shared is None:
        parser.error("找不到共享数据目录，请设置 ZHIFA_SHARED_DIR。")
    report = json.loads(args.report.read_text(encoding="utf-8"))
    table = rescore(report, load_speech_clips(shared / "data" / "speech"))
    if args.out:
        args.out.write_text(json.dumps(table, ensure_ascii=False, indent=2), encoding="utf-8")
    print(format_rescore(table))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
