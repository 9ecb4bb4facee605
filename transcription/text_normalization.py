"""Transcript text in one place: simplified script, light punctuation, CER normalisation.

Whisper writes Mandarin in traditional characters about half the time and marks
pauses with spaces instead of punctuation; a 笔录 needs simplified text with
Chinese punctuation, and evaluation needs one fixed normal form so that scores from
the pipeline, the benchmark and the tests compare like with like.
"""

from __future__ import annotations

import re
import unicodedata

from corpus.text_normalizer import normalize_text, to_simplified
from transcription.spoken_form import spoken_form

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
_PAUSE_SPACE = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_HALF_TO_FULL_PUNCT = str.maketrans({",": "，", "?": "？", "!": "！", ";": "；", ":": "："})
_TERMINAL = "。？！…"
_TRAILING_PUNCT = "，、；：,;:"
_QUESTION_ENDINGS = ("吗", "呢", "么", "嘛")
_QUESTION_WORDS = (
    "什么",
    "怎么",
    "为什么",
    "为何",
    "是否",
    "是不是",
    "有没有",
    "多少",
    "哪里",
    "哪儿",
    "哪个",
    "哪些",
    "几个",
    "几次",
    "几点",
    "几天",
    "几年",
    "几岁",
    "谁",
    "如何",
    "能否",
    "可否",
)


def to_simplified_transcript(text: str) -> str:
    """Simplified script, half-width digits/letters, single spaces (OpenCC t2s)."""
    return normalize_text(text, simplify=True)


def has_traditional(text: str) -> bool:
    """True when OpenCC would still change ``text``, i.e. traditional characters remain."""
    return to_simplified(text) != text


def looks_like_question(text: str) -> bool:
    """A cheap interrogative cue: a question mark, a final particle or a question word."""
    stripped = text.rstrip(_TERMINAL + _TRAILING_PUNCT + " ")
    if "？" in text or "?" in text:
        return True
    return stripped.endswith(_QUESTION_ENDINGS) or any(w in stripped for w in _QUESTION_WORDS)


def punctuate_segment(text: str) -> str:
    """Pause-spaces between Chinese characters become '，'; the segment ends in '。' or '？'.

    Whisper base rarely emits punctuation for Mandarin but does mark pauses with
    spaces, which are where a clerk would put a comma.
    """
    text = _PAUSE_SPACE.sub("，", text.strip()).translate(_HALF_TO_FULL_PUNCT)
    if not text:
        return text
    text = text.rstrip(_TRAILING_PUNCT + ". ")
    if text and text[-1] not in _TERMINAL:
        text += "？" if looks_like_question(text) else "。"
    return text


def clean_segment_text(text: str) -> str:
    """One decoded segment's words: simplified, pause-spaces as '，', no final mark yet.

    The final mark depends on what follows (a pause, another speaker), so
    ``text_finishing.finish_segments`` adds it once segments are in order.
    """
    text = to_simplified_transcript(text)
    return (
        _PAUSE_SPACE.sub("，", text.strip())
        .translate(_HALF_TO_FULL_PUNCT)
        .rstrip(_TRAILING_PUNCT + ". 。")
    )


def clean_transcript_text(text: str) -> str:
    """The display form of one segment: simplified, punctuated."""
    return punctuate_segment(to_simplified_transcript(text))


def normalize_for_cer(text: str, spoken: bool = True) -> str:
    """The CER comparison form: NFKC, simplified, lower case, spoken form (numbers read out,
    no 呃/啊 or erhua: ``spoken_form``); no spaces, punctuation or marks.

    ``spoken=False`` keeps the written form (digits stay digits): only to show what the
    spoken form changes in a before/after table.
    """
    text = to_simplified(unicodedata.normalize("NFKC", text)).lower()
    text = spoken_form(text) if spoken else text
    return "".join(ch for ch in text if not _is_ignored_for_cer(ch))


def _is_ignored_for_cer(ch: str) -> bool:
    category = unicodedata.category(ch)
    return ch.isspace() or category.startswith(("P", "Z", "C", "M"))
