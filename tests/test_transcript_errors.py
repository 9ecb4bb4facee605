"""Error classification for the transcript error analysis (issue #19)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eval.transcript_errors import align, classify, inner_cuts, spread_times, tally
from transcription.cer import edit_distance
from transcription.options import TranscriptionOptions
from transcription.speech_windows import SpeechWindow, padded


def test_alignment_labels_substitution_deletion_insertion() -> None:
    def edits(hyp: str) -> list[tuple[str, int, str, str]]:
        return [(o.op, o.ref_index, o.ref_char, o.hyp_char) for o in align("换一首歌", hyp)]

    assert edits("换一首歌") == []
    assert edits("换首歌") == [("del", 1, "一", "")]
    assert edits("换一首首歌") == [("ins", 3, "", "首")] or edits("换一首首歌") == [
        ("ins", 2, "", "首")
    ]
    assert edits("换一手歌") == [("sub", 2, "首", "手")]


@given(st.text(alphabet="一二三四五六七八九十停滞制", max_size=12), st.text(max_size=12))
def test_alignment_has_exactly_edit_distance_operations(ref: str, hyp: str) -> None:
    assert len(align(ref, hyp)) == edit_distance(ref, hyp)


def test_homophone_is_told_from_other_substitution() -> None:
    # Real errors of Whisper base on the shared clips: 滞→制 (zhì) and 房→佛.
    times = spread_times("停滞房", 0.0, 3.0)
    errors = classify("停滞房", "停制佛", times, cuts=[])
    assert [e.kind for e in errors] == ["homophone", "substitution"]
    assert not any(e.at_cut for e in errors)


def test_digits_and_punctuation_are_not_errors_but_a_wrong_number_is() -> None:
    times = spread_times("下降超五十", 0, 2)
    assert classify("下降超五十，", "下降超50。", times, cuts=[]) == []
    assert [e.kind for e in classify("下降超五十", "下降超60", times, cuts=[])] == ["substitution"]


def test_error_near_a_window_edge_counts_at_the_cut() -> None:
    reference = "换一首歌好首先说一下"
    times = spread_times("换一首歌", 0.0, 2.0) + spread_times("好首先说一下", 3.5, 6.0)
    cuts = inner_cuts([(0.0, 2.2), (3.3, 6.0)], duration_s=6.0)
    assert cuts == [2.2, 3.3]
    errors = classify(reference, "换一首歌首先说一夏", times, cuts)
    assert [(e.kind, e.at_cut) for e in errors] == [("deletion", True), ("homophone", False)]
    assert tally(errors)["at_cut"]["deletion"] == 1
    assert tally(errors)["inside"]["homophone"] == 1


def test_a_chinese_numeral_misheard_is_not_a_number_form_error() -> None:
    errors = classify("上半年业", "上班一夜", spread_times("上半年业", 0, 1), cuts=[])
    assert "number" not in {e.kind for e in errors}


def test_window_lead_pad_widens_only_the_start_and_stays_in_the_recording() -> None:
    options = TranscriptionOptions(window_pad_s=0.2, window_lead_pad_s=0.6)
    window = padded(SpeechWindow(16000, 30000), options, 16000, n_samples=35000)
    assert (window.start, window.end) == (16000 - 9600, 30000 + 3200)
    edge = padded(SpeechWindow(1000, 34000), options, 16000, n_samples=35000)
    assert (edge.start, edge.end) == (0, 35000)


def test_style_prompt_leads_every_window_before_the_context() -> None:
    options = TranscriptionOptions(style_prompt="以下是普通话的句子。", context_chars=4)
    assert options.prompt("甚至出现交易几乎停滞") == "以下是普通话的句子。几乎停滞"
    assert TranscriptionOptions(context_chars=0).prompt("上文") is None
