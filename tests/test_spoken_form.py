"""The CER spoken form: writing conventions (digits, fillers, erhua) never count as errors."""

from __future__ import annotations

from transcription.cer import score_cer
from transcription.spoken_form import drop_erhua, read_numbers, spoken_form
from transcription.text_finishing import write_numbers
from transcription.text_normalization import normalize_for_cer


def test_numbers_are_read_as_spoken() -> None:
    assert read_numbers("2023年5月1日") == "二零二三年五月一日"
    assert read_numbers("罚款3500元，占50%") == "罚款三千五百元，占百分之五十"
    assert read_numbers("电话13812345678，编号007") == "电话一三八一二三四五六七八，编号零零七"
    assert read_numbers("0.5公斤，3.05米，1,000人") == "零点五公斤，三点零五米，一千人"
    assert read_numbers("两千元，两个人") == "二千元，两个人"
    assert read_numbers("1234567890123456789.5") == "一二三四五六七八九零一二三四五六七八九点五"


def test_fillers_and_erhua_are_dropped_but_not_morpheme_er() -> None:
    assert spoken_form("呃先各部门儿汇报一下啊") == "先各部门汇报一下"
    assert drop_erhua("女儿和儿子在幼儿园玩儿") == "女儿和儿子在幼儿园玩"
    assert drop_erhua("儿童") == "儿童"


def test_arabic_and_chinese_numerals_score_alike_for_every_system() -> None:
    reference = "二零二三年五月一日罚款三千五百元"
    assert score_cer(reference, "2023年5月1日，罚款3500元。").errors == 0
    assert score_cer(reference, "二零二三年五月一日罚款三千五百元").errors == 0
    assert score_cer("先各部门儿汇报一下", "呃，先各部门汇报一下。").errors == 0


def test_finished_numbers_read_back_to_what_was_said() -> None:
    spoken = "二零二三年五月一日他交了三千五百元罚款电话一三八一二三四五六七八"
    assert normalize_for_cer(write_numbers(spoken)) == normalize_for_cer(spoken)
