"""Who said what: transcript segments → 询问人 / 被询问人 turns.

There is no speaker-diarisation model offline, so roles come from a simple,
documented heuristic that a clerk then corrects in the turns JSON:

1. Segments separated by a pause of at least ``turn_gap_s`` start a new utterance.
2. An utterance with a question cue (？, 吗/呢 at the end, 什么/是否/有没有 …) or an
   interviewer cue (请你…, 我们是…, 执法证 …) belongs to the 询问人.
3. The first utterance belongs to ``first_speaker`` (interviews open with the
   interviewer's introduction); any other utterance belongs to the 被询问人.
4. Consecutive utterances of one speaker merge into one turn.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from transcription.text_normalization import looks_like_question
from transcription.transcript import TranscriptSegment

INTERVIEWER = "询问人"
INTERVIEWEE = "被询问人"
INTERVIEWER_CUES: tuple[str, ...] = (
    "请你",
    "请您",
    "我们是",
    "执法证",
    "如实回答",
    "申请回避",
    "陈述和申辩",
    "讲一下",
    "说一下",
    "介绍一下",
    "说明一下",
)


@dataclass(frozen=True)
class TurnOptions:
    """Knobs of the role heuristic."""

    turn_gap_s: float = 1.0
    first_speaker: str = INTERVIEWER
    interviewer_cues: tuple[str, ...] = INTERVIEWER_CUES


@dataclass(frozen=True)
class Turn:
    """One speaker's uninterrupted contribution, traceable to its time range."""

    speaker: str
    start: float
    end: float
    text: str
    segments: list[TranscriptSegment] = field(default_factory=list)


def split_utterances(
    segments: list[TranscriptSegment], options: TurnOptions
) -> list[list[TranscriptSegment]]:
    """Group segments into utterances at pauses of ``turn_gap_s`` or more."""
    utterances: list[list[TranscriptSegment]] = []
    for segment in segments:
        if utterances and segment.start - utterances[-1][-1].end < options.turn_gap_s:
            utterances[-1].append(segment)
        else:
            utterances.append([segment])
    return utterances


def is_interviewer_text(text: str, options: TurnOptions) -> bool:
    """Questions and procedural statements are the interviewer's."""
    return looks_like_question(text) or any(cue in text for cue in options.interviewer_cues)


def assign_roles(utterances: list[list[TranscriptSegment]], options: TurnOptions) -> list[str]:
    """One role per utterance, by the rules in the module docstring."""
    roles: list[str] = []
    for index, utterance in enumerate(utterances):
        text = "".join(s.text for s in utterance)
        if is_interviewer_text(text, options):
            roles.append(INTERVIEWER)
        elif index == 0:
            roles.append(options.first_speaker)
        else:
            roles.append(INTERVIEWEE)
    return roles


def build_turns(
    segments: list[TranscriptSegment], options: TurnOptions | None = None
) -> list[Turn]:
    """Segments → merged, role-labelled turns (segments inside carry the role too)."""
    options = options or TurnOptions()
    utterances = split_utterances(segments, options)
    turns: list[Turn] = []
    for role, utterance in zip(assign_roles(utterances, options), utterances, strict=True):
        labelled = [replace(s, speaker=role) for s in utterance]
        if turns and turns[-1].speaker == role:
            labelled = turns.pop().segments + labelled
        turns.append(_turn_from(role, labelled))
    return turns


def _turn_from(role: str, segments: list[TranscriptSegment]) -> Turn:
    return Turn(
        speaker=role,
        start=segments[0].start,
        end=segments[-1].end,
        text="".join(s.text for s in segments),
        segments=segments,
    )


def labelled_segments(turns: list[Turn]) -> list[TranscriptSegment]:
    """The transcript's segments with each one's speaker role filled in."""
    return [segment for turn in turns for segment in turn.segments]


def turns_from_segments(segments: list[TranscriptSegment]) -> list[Turn]:
    """Turns from segments that already carry a speaker (after the heuristic or a clerk)."""
    turns: list[Turn] = []
    for segment in segments:
        if turns and turns[-1].speaker == segment.speaker:
            turns[-1] = _turn_from(segment.speaker, [*turns[-1].segments, segment])
        else:
            turns.append(_turn_from(segment.speaker, [segment]))
    return turns
