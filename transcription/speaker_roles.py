"""From voices to 笔录 roles: which diarized speaker is the 询问人, which the 被询问人.

The voice decides *who* spoke each segment; the words decide *which role* each voice
has. The speaker whose utterances are most often questions or procedural statements
(请你如实回答, 我们是…执法人员) — and, on a tie, the shorter talker — is the 询问人;
of the others the one who speaks longest is the 被询问人; a third voice is the
记录人 (or interpreter), further ones 其他人员N. A one-voice recording is never split:
its speaker is the 询问人 only when most of what they say is questions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from transcription.diarization import SpeakerPiece
from transcription.speech_windows import SpeechWindow
from transcription.transcript import TranscriptSegment
from transcription.turns import INTERVIEWEE, INTERVIEWER, TurnOptions, is_interviewer_text

THIRD_PARTY = "记录人"


@dataclass(frozen=True)
class VoiceStats:
    """What the words of one voice say about its role."""

    voice: int
    utterances: int
    questions: int
    characters: int
    first_start: float

    @property
    def question_share(self) -> float:
        """Share of this voice's utterances that ask or state procedure."""
        return self.questions / max(self.utterances, 1)

    @property
    def mean_length(self) -> float:
        """Characters per utterance."""
        return self.characters / max(self.utterances, 1)


def split_by_speaker(
    regions: list[SpeechWindow], runs: list[SpeakerPiece]
) -> list[tuple[int, SpeechWindow]]:
    """Decoding regions cut where the voice changes, each with its voice.

    Decoding regions are padded and may bridge a short pause between two people;
    cutting them at the change point keeps every decoded segment to one voice.
    """
    pieces: list[tuple[int, SpeechWindow]] = []
    for region in regions:
        inside = [r for r in runs if r.end > region.start and r.start < region.end]
        if not inside:
            pieces.append((_nearest_voice(region, runs), region))
            continue
        start = region.start
        for current, following in zip(inside, inside[1:], strict=False):
            if following.speaker != current.speaker:
                cut = (current.end + following.start) // 2
                pieces.append((current.speaker, SpeechWindow(start, cut)))
                start = cut
        pieces.append((inside[-1].speaker, SpeechWindow(start, region.end)))
    return [(voice, window) for voice, window in pieces if window.end > window.start]


def _nearest_voice(region: SpeechWindow, runs: list[SpeakerPiece]) -> int:
    if not runs:
        return 0
    middle = (region.start + region.end) / 2
    return min(runs, key=lambda r: abs((r.start + r.end) / 2 - middle)).speaker


def voice_at(runs: list[SpeakerPiece], start_s: float, end_s: float, sample_rate: int) -> int:
    """The voice that covers most of ``[start_s, end_s)`` (the nearest one if none overlaps)."""
    start, end = int(start_s * sample_rate), int(end_s * sample_rate)
    overlap: dict[int, int] = {}
    for run in runs:
        shared = min(end, run.end) - max(start, run.start)
        if shared > 0:
            overlap[run.speaker] = overlap.get(run.speaker, 0) + shared
    if overlap:
        return max(overlap, key=overlap.get)
    return _nearest_voice(SpeechWindow(start, end), runs)


def voice_blocks(
    voiced: list[tuple[int, SpeechWindow]],
) -> list[tuple[int, list[SpeechWindow]]]:
    """Consecutive regions of one voice grouped; each block is decoded on its own."""
    blocks: list[tuple[int, list[SpeechWindow]]] = []
    for voice, window in voiced:
        if blocks and blocks[-1][0] == voice:
            blocks[-1][1].append(window)
        else:
            blocks.append((voice, [window]))
    return blocks


def voice_stats(
    segments: list[TranscriptSegment], voices: list[int], options: TurnOptions
) -> list[VoiceStats]:
    """Per voice: utterances (runs of its segments), how many ask, how much it says."""
    stats: dict[int, VoiceStats] = {}
    previous: int | None = None
    text = ""
    for segment, voice in zip([*segments, None], [*voices, None], strict=True):
        if voice != previous and previous is not None:
            stats[previous] = _add_utterance(stats.get(previous), previous, text, options)
            text = ""
        if segment is not None:
            text += segment.text
            if voice not in stats:
                stats[voice] = VoiceStats(voice, 0, 0, 0, segment.start)
        previous = voice
    return sorted(stats.values(), key=lambda s: s.first_start)


def _add_utterance(
    current: VoiceStats | None, voice: int, text: str, options: TurnOptions
) -> VoiceStats:
    base = current or VoiceStats(voice, 0, 0, 0, 0.0)
    asks = int(is_interviewer_text(text, options))
    return replace(
        base,
        utterances=base.utterances + 1,
        questions=base.questions + asks,
        characters=base.characters + len(text),
    )


def roles_for_voices(stats: list[VoiceStats]) -> dict[int, str]:
    """Role name per voice, by the rules in the module docstring."""
    if not stats:
        return {}
    if len(stats) == 1:
        only = stats[0]
        return {only.voice: INTERVIEWER if only.question_share > 0.5 else INTERVIEWEE}
    asker = max(stats, key=lambda s: (s.question_share, -s.mean_length, -s.first_start))
    others = sorted(
        (s for s in stats if s.voice != asker.voice), key=lambda s: s.characters, reverse=True
    )
    roles = {asker.voice: INTERVIEWER, others[0].voice: INTERVIEWEE}
    for rank, extra in enumerate(others[1:]):
        roles[extra.voice] = THIRD_PARTY if rank == 0 else f"其他人员{rank}"
    return roles


def label_by_voice(
    segments: list[TranscriptSegment], voices: list[int], options: TurnOptions
) -> list[TranscriptSegment]:
    """Segments with their speaker set to their voice's role."""
    roles = roles_for_voices(voice_stats(segments, voices, options))
    return [replace(s, speaker=roles[v]) for s, v in zip(segments, voices, strict=True)]
