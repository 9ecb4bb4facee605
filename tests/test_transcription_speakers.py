"""Speakers from the voice: the numpy GE2E encoder, clustering, roles, renaming, evaluation."""

from __future__ import annotations

import io
import pickle
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from api.cli import app
from eval.diarization_sets import build_set, cut_turns, speaker_of
from tests.transcription_fixtures import *  # noqa: F403  (session fixtures)
from transcription.audio_decoding import SAMPLE_RATE, decode_audio_file
from transcription.diarization import (
    DiarizationOptions,
    SpeakerPiece,
    cluster_embeddings,
    diarize,
    speaker_count,
)
from transcription.engine import WhisperEngine
from transcription.pipeline import PipelineConfig, transcribe_file
from transcription.record_draft import (
    AudioSource,
    DraftError,
    DraftTurn,
    InterviewDraft,
    InterviewHeader,
    load_draft_json,
    rename_speakers,
    save_draft_json,
)
from transcription.speaker_encoder import (
    SpeakerEncoder,
    default_encoder_path,
    load_speaker_encoder,
    mel_power_frames,
    partial_slices,
    slaney_mel_filterbank,
)
from transcription.speaker_roles import (
    THIRD_PARTY,
    VoiceStats,
    roles_for_voices,
    split_by_speaker,
    voice_at,
)
from transcription.speech_windows import SpeechWindow
from transcription.torch_checkpoint import CheckpointError, _RestrictedUnpickler
from transcription.turns import INTERVIEWEE, INTERVIEWER


@pytest.fixture(scope="module")
def encoder() -> SpeakerEncoder:
    if default_encoder_path() is None:
        pytest.skip("resemblyzer 未安装（make install 以 --no-deps 安装），跳过说话人模型测试")
    return load_speaker_encoder()


def test_checkpoint_reader_never_runs_code() -> None:
    payload = pickle.dumps(print)  # any global outside the tensor whitelist
    with pytest.raises(CheckpointError):
        _RestrictedUnpickler(io.BytesIO(payload)).load()


def test_numpy_encoder_equals_torch_on_real_speech(
    encoder: SpeakerEncoder, speech_dir: Path
) -> None:
    torch = pytest.importorskip("torch", reason="torch 未安装（可选 st 依赖），跳过数值对照")
    state = torch.load(encoder.path, map_location="cpu", weights_only=False)["model_state"]
    lstm = torch.nn.LSTM(40, 256, 3, batch_first=True)
    linear = torch.nn.Linear(256, 256)
    lstm.load_state_dict({k[5:]: v for k, v in state.items() if k.startswith("lstm.")})
    linear.load_state_dict({k[7:]: v for k, v in state.items() if k.startswith("linear.")})
    samples = decode_audio_file(speech_dir / "FireRedASR/BAC009S0764W0121.wav").samples
    partials = np.stack(partial_slices(mel_power_frames(samples, encoder.filterbank)))
    with torch.no_grad():
        _, (hidden, _) = lstm(torch.from_numpy(partials))
        expected = torch.nn.functional.normalize(torch.relu(linear(hidden[-1])), dim=1).numpy()
    assert np.abs(encoder.embed_partials(partials) - expected).max() < 1e-4


def test_mel_filterbank_matches_librosa_when_available() -> None:
    bank = slaney_mel_filterbank()
    assert bank.shape == (40, 201) and (bank >= 0).all()
    assert (bank.max(axis=1) > 0).all()  # no empty filter
    librosa = pytest.importorskip("librosa", reason="librosa 未安装，只检查滤波器组形状")
    expected = librosa.filters.mel(sr=16000, n_fft=400, n_mels=40)
    assert np.allclose(bank, expected, atol=1e-6)


def test_clustering_keeps_one_voice_whole_and_separates_two() -> None:
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(2, 256))
    voices = np.concatenate([c + 0.3 * rng.normal(size=(6, 256)) for c in centres])
    unit = voices / np.linalg.norm(voices, axis=1, keepdims=True)
    durations = np.full(len(unit), 2.0)
    options = DiarizationOptions()
    assert cluster_embeddings(unit[:6], durations[:6], options).tolist() == [0] * 6
    labels = cluster_embeddings(unit, durations, options)
    assert labels.tolist() == [0] * 6 + [1] * 6


def test_a_short_stray_cluster_is_folded_into_a_real_speaker() -> None:
    rng = np.random.default_rng(1)
    main = rng.normal(size=256) + 0.2 * rng.normal(size=(8, 256))
    stray = rng.normal(size=(1, 256))
    unit = np.concatenate([main, stray])
    unit /= np.linalg.norm(unit, axis=1, keepdims=True)
    durations = np.asarray([2.0] * 8 + [0.5])
    assert set(cluster_embeddings(unit, durations, DiarizationOptions()).tolist()) == {0}


def test_real_voices_two_people_found_one_person_never_split(
    encoder: SpeakerEncoder, speech_dir: Path
) -> None:
    s0764 = [decode_audio_file(speech_dir / p).samples for p in _S0764]
    s0724 = decode_audio_file(speech_dir / "wenet/aishell-BAC009S0724W0121.wav").samples
    pause = np.zeros(SAMPLE_RATE, dtype=np.float32)
    one = np.concatenate([s0764[0], pause, s0764[1]])
    two = np.concatenate([s0764[0], pause, s0724, pause, s0764[1]])
    options = DiarizationOptions()
    assert speaker_count(diarize(encoder, one, options, SAMPLE_RATE)) == 1
    pieces = diarize(encoder, two, options, SAMPLE_RATE)
    assert speaker_count(pieces) == 2
    middle = len(s0764[0]) + SAMPLE_RATE + len(s0724) // 2
    first = next(p for p in pieces if p.end > SAMPLE_RATE)
    centre = next(p for p in pieces if p.start <= middle < p.end)
    assert first.speaker != centre.speaker


_S0764 = ("FireRedASR/BAC009S0764W0121.wav", "S3Tokenizer/BAC009S0764W0122.wav")


def test_decoding_regions_are_cut_where_the_voice_changes() -> None:
    runs = [SpeakerPiece(0, 100, 0), SpeakerPiece(120, 200, 1), SpeakerPiece(400, 500, 1)]
    voiced = split_by_speaker([SpeechWindow(0, 210), SpeechWindow(390, 510)], runs)
    assert voiced == [
        (0, SpeechWindow(0, 110)),
        (1, SpeechWindow(110, 210)),
        (1, SpeechWindow(390, 510)),
    ]


def test_a_segment_takes_the_voice_it_overlaps_most() -> None:
    runs = [SpeakerPiece(0, 16_000, 0), SpeakerPiece(20_000, 64_000, 1)]
    assert voice_at(runs, 0.5, 2.0, SAMPLE_RATE) == 1  # 0.5 s of voice 0, 0.75 s of voice 1
    assert voice_at(runs, 0.1, 0.9, SAMPLE_RATE) == 0
    assert voice_at(runs, 5.0, 6.0, SAMPLE_RATE) == 1  # no overlap: the nearest voice


def test_roles_follow_who_asks() -> None:
    asker = VoiceStats(voice=1, utterances=4, questions=3, characters=40, first_start=2.0)
    answerer = VoiceStats(voice=0, utterances=4, questions=0, characters=120, first_start=0.0)
    clerk = VoiceStats(voice=2, utterances=1, questions=0, characters=10, first_start=30.0)
    assert roles_for_voices([answerer, asker]) == {1: INTERVIEWER, 0: INTERVIEWEE}
    assert roles_for_voices([answerer, asker, clerk])[2] == THIRD_PARTY
    assert roles_for_voices([answerer]) == {0: INTERVIEWEE}
    assert roles_for_voices([asker]) == {1: INTERVIEWER}


def test_pipeline_labels_three_real_voices_and_the_clerk_can_rename(
    whisper_engine: WhisperEngine, encoder: SpeakerEncoder, multi_turn_wav: Path, tmp_path: Path
) -> None:
    # TEST_NET asks twice; AISHELL S0764 and S0724 answer once each: three people.
    result = transcribe_file(whisper_engine, multi_turn_wav, PipelineConfig(), voices=encoder)
    assert result.speakers == 3
    speakers = [s.speaker for s in result.segments]
    assert speakers == [INTERVIEWER, INTERVIEWEE, INTERVIEWER, THIRD_PARTY], result.segments
    assert result.segments[0].text.endswith("？") and result.segments[1].text.endswith("。")
    draft = InterviewDraft(
        InterviewHeader(),
        [DraftTurn(s.speaker, s.start, s.end, s.text) for s in result.segments],
        AudioSource(),
    )
    json_path = save_draft_json(draft, tmp_path / "询问.笔录.json")
    outcome = CliRunner().invoke(
        app, ["record", "render", str(json_path), "--rename", f"{THIRD_PARTY}={INTERVIEWEE}"]
    )
    assert outcome.exit_code == 0, outcome.output
    assert [t.speaker for t in load_draft_json(json_path).turns][-1] == INTERVIEWEE
    markdown = (tmp_path / "询问.笔录.md").read_text(encoding="utf-8")
    assert sum(line.startswith("答：") for line in markdown.splitlines()) == 2


def test_renaming_an_absent_speaker_is_a_clear_error() -> None:
    draft = InterviewDraft(InterviewHeader(), [DraftTurn(INTERVIEWER, 0, 1, "你好？")])
    with pytest.raises(DraftError, match="没有说话人：翻译"):
        rename_speakers(draft, {"翻译": INTERVIEWEE})


def test_joined_interviews_have_exact_turns_from_named_speakers(speech_dir: Path) -> None:
    assert speaker_of("FireRedASR/BAC009S0764W0121.wav") == speaker_of(
        "S3Tokenizer/BAC009S0764W0122.wav"
    )
    assert speaker_of("wenet/aishell-BAC009S0724W0121.wav") == "S0724"
    recordings = build_set(speech_dir, ("S0764", "S0724", "IT0011"), seed=3)
    assert sorted(r.speakers for r in recordings) == [1] * 9 + [2, 2, 2, 3]
    for recording in recordings:
        ends = [t.end for t in recording.turns]
        assert ends == sorted(ends) and ends[-1] <= len(recording.samples) / SAMPLE_RATE
    clip = decode_audio_file(speech_dir / _S0764[0]).samples
    turns = cut_turns(clip, 2.0)
    assert len(turns) == 2 and sum(len(t) for t in turns) == len(clip)
