"""Bad input, the tamper-evident audio record, the 笔录 draft files, model assembly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from docx import Document

from models.whisper_assembly import WHISPER_BASE_MODEL_SHA256, assemble_whisper_base, is_assembled
from tests.transcription_fixtures import *  # noqa: F403  (session fixtures)
from tests.transcription_fixtures import write_pcm_wav
from transcription.audio_decoding import AudioDecodeError, decode_audio_file, wav_truncation
from transcription.audio_record import (
    AudioRecordError,
    CollectionInfo,
    case_folder,
    file_sha256,
    list_audio_records,
    new_audio_record,
    read_audio_record,
    verify_audio_record,
    write_audio_record,
)
from transcription.record_draft import (
    AudioSource,
    DraftTurn,
    InterviewDraft,
    InterviewHeader,
    load_draft_json,
    rerender_draft,
    write_draft_files,
)
from transcription.turns import INTERVIEWEE, INTERVIEWER


@pytest.fixture()
def tone_wav(tmp_path: Path) -> Path:
    t = np.arange(16000 * 2) / 16000
    return write_pcm_wav(tmp_path / "tone.wav", 0.3 * np.sin(2 * np.pi * 440 * t))


def test_non_audio_file_gets_a_chinese_error(tmp_path: Path) -> None:
    fake = tmp_path / "录音.mp3"
    fake.write_text("这不是音频，只是一段文字。", encoding="utf-8")
    with pytest.raises(AudioDecodeError, match="无法识别的音频格式"):
        decode_audio_file(fake)


def test_empty_and_missing_files_get_chinese_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    with pytest.raises(AudioDecodeError, match="为空"):
        decode_audio_file(empty)
    with pytest.raises(AudioDecodeError, match="找不到"):
        decode_audio_file(tmp_path / "nope.wav")


def test_truncated_wav_is_refused_unless_allowed(tone_wav: Path, tmp_path: Path) -> None:
    data = tone_wav.read_bytes()
    cut = tmp_path / "cut.wav"
    cut.write_bytes(data[: len(data) // 2])
    assert wav_truncation(cut) is not None
    with pytest.raises(AudioDecodeError, match="不完整"):
        decode_audio_file(cut)
    partial = decode_audio_file(cut, allow_truncated=True)
    assert 0.9 < partial.duration_s < 1.1
    header_only = tmp_path / "header.wav"
    header_only.write_bytes(data[:44])
    with pytest.raises(AudioDecodeError):
        decode_audio_file(header_only, allow_truncated=True)
    broken_header = tmp_path / "broken.wav"
    broken_header.write_bytes(data[:20])
    with pytest.raises(AudioDecodeError):
        decode_audio_file(broken_header)
    assert wav_truncation(tone_wav) is None


def _record(tmp_path: Path, audio: Path) -> Path:
    collection = CollectionInfo(
        "粤市监罚〔2025〕7号", "2025-03-01 10:00", "询问室", "张三", "当事人陈述"
    )
    record = new_audio_record(
        collection,
        audio,
        sha256=file_sha256(audio),
        duration_s=2.0,
        model="whisper-base",
        settings={"beam_size": 5},
        transcript_text="",
    )
    return write_audio_record(tmp_path / "records", record)


def test_audio_record_round_trip_and_verify(tmp_path: Path, tone_wav: Path) -> None:
    path = _record(tmp_path, tone_wav)
    assert path.parent.name == "粤市监罚〔2025〕7号"
    assert not list(path.parent.glob("*.tmp")), "atomic write leaves no temp file"
    record = read_audio_record(path)
    assert record.collection.proof_object == "当事人陈述"
    assert verify_audio_record(record).ok
    assert list_audio_records(tmp_path / "records", "粤市监罚〔2025〕7号") == [path]


def test_verify_detects_a_changed_file(tmp_path: Path, tone_wav: Path) -> None:
    record = read_audio_record(_record(tmp_path, tone_wav))
    data = bytearray(tone_wav.read_bytes())
    data[1000] ^= 0x01  # one bit flipped in the middle of the audio
    tone_wav.write_bytes(bytes(data))
    outcome = verify_audio_record(record)
    assert not outcome.ok and "已被修改" in outcome.message
    tone_wav.unlink()
    assert "找不到" in verify_audio_record(record).message


def test_case_ids_cannot_escape_the_records_folder(tmp_path: Path) -> None:
    assert case_folder(tmp_path, "../../etc/passwd").parent == tmp_path
    with pytest.raises(AudioRecordError):
        case_folder(tmp_path, "..")


def test_draft_files_render_and_rerender_after_manual_edit(tmp_path: Path) -> None:
    header = InterviewHeader(case_id="案-1", interviewers="张三、李四", interviewee="王五")
    turns = [
        DraftTurn(INTERVIEWER, 0.0, 2.1, "你们知道吗？"),
        DraftTurn(INTERVIEWER, 3.5, 7.4, "甚至出现交易几乎停滞的情况。"),
    ]
    audio = AudioSource("a.wav", "ab" * 32, 7.5, "")
    paths = write_draft_files(InterviewDraft(header, turns, audio), tmp_path / "a")
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    data["turns"][1]["speaker"] = INTERVIEWEE  # the clerk corrects the role
    paths["json"].write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    rerender_draft(paths["json"])
    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert "答：甚至出现交易几乎停滞的情况。　[00:00:04–00:00:07]" in markdown
    assert load_draft_json(paths["json"]).turns[1].speaker == INTERVIEWEE
    docx_text = "\n".join(p.text for p in Document(str(paths["docx"])).paragraphs)
    assert "答：甚至出现交易几乎停滞的情况。" in docx_text
    assert "被询问人签名（捺印）" in docx_text


def test_model_assembly_is_checksummed_and_idempotent(whisper_folder: Path) -> None:
    assert is_assembled(whisper_folder)
    assert file_sha256(whisper_folder / "model.bin") == WHISPER_BASE_MODEL_SHA256
    assert assemble_whisper_base(whisper_folder) == whisper_folder


def test_incomplete_model_folder_is_rebuilt(tmp_path: Path, whisper_folder: Path) -> None:
    target = tmp_path / "whisper-base"
    shutil.copytree(whisper_folder, target)
    (target / "model.bin").write_bytes(b"corrupt")
    assert not is_assembled(target)
    assemble_whisper_base(target)
    assert is_assembled(target) and not list(tmp_path.glob(".whisper-base-*"))
