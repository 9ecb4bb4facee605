"""Text-level parts of transcription: normalisation, CER, hallucination filter, turns."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from transcription.cer import edit_distance, pooled_cer, score_cer
from transcription.hallucination_filter import HallucinationFilter
from transcription.text_finishing import (
    FinishingOptions,
    finish_body,
    finish_segments,
    fix_t2s_residue,
    write_numbers,
)
from transcription.text_normalization import (
    clean_transcript_text,
    has_traditional,
    looks_like_question,
    normalize_for_cer,
    punctuate_segment,
)
from transcription.transcript import RawSegment, TranscriptSegment
from transcription.turns import INTERVIEWEE, INTERVIEWER, build_turns, turns_from_segments


def test_cer_normalisation_strips_spaces_punctuation_and_script() -> None:
    assert normalize_for_cer("廣州市 房地產，中介協會分析。") == "广州市房地产中介协会分析"
    assert normalize_for_cer("  ＡＢＣ１２３！") == "abc一百二十三"


def test_cer_counts_edits_against_reference() -> None:
    score = score_cer("甚至 出现 交易 几乎 停滞 的 情况", "甚至出現交易幾乎停制的情況。")
    assert (score.errors, score.reference_chars) == (1, 13)
    pooled = pooled_cer([score, score_cer("换一首歌", "換一首歌")])
    assert pooled.errors == 1 and pooled.reference_chars == 17


@given(st.text(max_size=30), st.text(max_size=30))
def test_edit_distance_is_a_metric(a: str, b: str) -> None:
    assert edit_distance(a, b) == edit_distance(b, a)
    assert abs(len(a) - len(b)) <= edit_distance(a, b) <= max(len(a), len(b))
    assert edit_distance(a, a) == 0


@given(st.text(max_size=40))
@example("૦！")  # a Gujarati digit: no Arabic number for cn2an to read out (found by this test)
def test_cer_normal_form_is_idempotent(text: str) -> None:
    assert normalize_for_cer(normalize_for_cer(text)) == normalize_for_cer(text)


def test_clean_text_is_simplified_and_punctuated() -> None:
    text = clean_transcript_text("廣州市 佛地產 中間協會分析")
    assert text == "广州市，佛地产，中间协会分析。"
    assert not has_traditional(text)
    assert has_traditional("處於調整中")


def test_question_cues() -> None:
    assert punctuate_segment("你们知道吗") == "你们知道吗？"
    assert looks_like_question("你当时在现场是否看到")
    assert not looks_like_question("甚至出现交易几乎停滞的情况")


def test_filter_removes_known_subtitle_hallucinations() -> None:
    raw = [
        RawSegment(0.0, 2.0, "我当时在店里"),
        RawSegment(2.0, 4.0, "字幕由Amara.org社区提供"),
        RawSegment(4.0, 6.0, "请不吝点赞 订阅 转发 打赏支持明镜与点点栏目"),
        RawSegment(6.0, 8.0, "谢谢观看"),
    ]
    kept = HallucinationFilter().clean(raw, window_end=10.0)
    assert [s.text for s in kept] == ["我当时在店里"]


def test_filter_collapses_loops_but_keeps_numbers() -> None:
    hf = HallucinationFilter()
    assert hf.collapse_loops("我不知道我不知道我不知道我不知道我不知道") == "我不知道"
    assert hf.collapse_loops("罚款100000元") == "罚款100000元"
    assert hf.collapse_loops("对对，是的") == "对对，是的"


def test_filter_drops_echoes_and_segments_past_the_audio() -> None:
    raw = [
        RawSegment(0.0, 2.0, "这批货是我进的"),
        RawSegment(2.0, 4.0, "这批货是我进的。"),
        RawSegment(9.5, 12.0, "超出音频的文字"),
    ]
    kept = HallucinationFilter().clean(raw, window_end=9.0)
    assert [s.text for s in kept] == ["这批货是我进的"]


def _seg(start: float, end: float, text: str) -> TranscriptSegment:
    return TranscriptSegment(start, end, text)


def test_turn_heuristic_alternates_on_questions_and_pauses() -> None:
    segments = [
        _seg(0.0, 4.0, "我们是市场监管局的执法人员，请你如实回答。"),
        _seg(5.5, 7.0, "好的。"),
        _seg(9.0, 11.0, "这批货是从哪里进的？"),
        _seg(12.5, 15.0, "从广州一家批发市场进的。"),
        _seg(15.2, 17.0, "有发票。"),
    ]
    turns = build_turns(segments)
    assert [t.speaker for t in turns] == [INTERVIEWER, INTERVIEWEE, INTERVIEWER, INTERVIEWEE]
    assert turns[-1].text == "从广州一家批发市场进的。有发票。"
    assert (turns[-1].start, turns[-1].end) == (12.5, 17.0)


def test_turns_follow_speakers_set_by_a_clerk() -> None:
    segments = [
        TranscriptSegment(0, 1, "问题一？", INTERVIEWER),
        TranscriptSegment(2, 3, "回答一。", INTERVIEWEE),
        TranscriptSegment(3, 4, "补充。", INTERVIEWEE),
    ]
    assert [t.text for t in turns_from_segments(segments)] == ["问题一？", "回答一。补充。"]


def test_t2s_residue_is_fixed_but_zhu_kept_in_its_words() -> None:
    assert fix_t2s_residue("他看著我，甚麼也沒說") == "他看着我，什么也沒說"
    assert fix_t2s_residue("著名的显著变化，名著") == "著名的显著变化，名著"


def test_numbers_are_written_as_a_record_writes_them() -> None:
    assert write_numbers("二零二三年五月一日罚款三千五百元") == "2023年5月1日罚款3500元"
    assert write_numbers("电话一三八一二三四五六七八") == "电话13812345678"
    for kept in ("三十多岁", "七八个人", "一个人", "第三次", "三年前"):
        assert write_numbers(kept) == kept


def test_fillers_dropped_unless_verbatim() -> None:
    assert finish_body("嗯，我当时不在", FinishingOptions()) == "我当时不在"
    assert finish_body("嗯，我当时不在", FinishingOptions(verbatim=True)) == "嗯，我当时不在"


def test_segments_join_into_sentences_not_fragments() -> None:
    segments = [
        TranscriptSegment(0.0, 2.0, "我当时在店里", INTERVIEWEE),
        TranscriptSegment(2.2, 4.0, "大概三十多岁", INTERVIEWEE),
        TranscriptSegment(6.0, 7.0, "你是否在场", INTERVIEWER),
        TranscriptSegment(7.5, 8.0, "在", INTERVIEWEE),
    ]
    texts = [s.text for s in finish_segments(segments, FinishingOptions())]
    assert texts == ["我当时在店里，", "大概三十多岁。", "你是否在场？", "在。"]


def test_short_digit_runs_are_words_not_numbers() -> None:
    assert write_numbers("一二三线城市") == "一二三线城市"
    assert write_numbers("住在三零二室") == "住在302室"
