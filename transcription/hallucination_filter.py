"""Remove text Whisper is known to invent: subtitle credits, loops, duplicate segments.

Whisper was trained on subtitled video, so on noise or at the end of speech it may
"hear" 字幕由…提供 or 请不吝点赞订阅, and a weak model can loop on one phrase. None of
that may reach a 询问笔录, whose every line is evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from transcription.transcript import RawSegment

KNOWN_HALLUCINATIONS: tuple[str, ...] = (
    r"[（(]?\s*字幕(?:由|來自|来自|製作|制作|校對|校对|翻譯|翻译|組|组|提供|志願者|志愿者)[^，。！？]*",
    r"(?:本|中文)?字幕[:：][^，。！？]*",
    r"請不吝點贊[^，。！？]*|请不吝点赞[^，。！？]*",
    r"(?:歡迎|欢迎)?(?:點贊|点赞|訂閱|订阅|轉發|转发|打賞|打赏)[^，。！？]{0,12}(?:頻道|频道|栏目|欄目|支持)",
    r"(?:謝謝|谢谢|感謝|感谢)(?:大家|各位)?(?:的)?(?:觀看|观看|收看|收聽|收听)",
    r"明鏡與點點欄目|明镜与点点栏目",
    r"優優獨播劇場|优优独播剧场|YoYo Television Series Exclusive",
    r"(?:由\s*)?Amara\.org\s*(?:社區|社区)?(?:提供的字幕)?",
    r"(?:請|请)(?:訂閱|订阅)[^，。！？]*",
)


@dataclass(frozen=True)
class HallucinationFilter:
    """Filter settings; the phrase list is data so a site can extend it."""

    phrases: tuple[str, ...] = KNOWN_HALLUCINATIONS
    max_repeats: int = 3
    max_unit_chars: int = 12
    min_duplicate_chars: int = 5

    def clean(self, segments: list[RawSegment], *, window_end: float) -> list[RawSegment]:
        """Filtered segments of one decoding window, in order."""
        kept: list[RawSegment] = []
        for segment in segments:
            if segment.start >= window_end:
                continue  # a timestamp past the audio is always invented
            text = self.collapse_loops(self.strip_phrases(segment.text)).strip()
            if not _has_content(text) or self._repeats_previous(text, kept):
                continue
            kept.append(replace(segment, text=text, end=min(segment.end, window_end)))
        return kept

    def strip_phrases(self, text: str) -> str:
        """Delete every known hallucinated phrase from ``text``."""
        for pattern in self.phrases:
            text = re.sub(pattern, "", text, flags=re.IGNORECASE)
        return text

    def collapse_loops(self, text: str) -> str:
        """A phrase repeated more than ``max_repeats`` times in a row is kept once.

        People rarely say the same phrase four times running; decoder loops do.
        Runs of digits are left alone (100000 is a number, not a loop).
        """
        loop = re.compile(rf"(.{{1,{self.max_unit_chars}}}?)\1{{{self.max_repeats},}}")

        def keep_once(match: re.Match[str]) -> str:
            unit = match.group(1)
            return match.group(0) if unit.strip("0123456789.,，") == "" else unit

        return loop.sub(keep_once, text)

    def _repeats_previous(self, text: str, kept: list[RawSegment]) -> bool:
        """A long segment identical to the one before it is a decoder echo."""
        return (
            bool(kept)
            and len(text) >= self.min_duplicate_chars
            and _content(kept[-1].text) == _content(text)
        )


def _content(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def _has_content(text: str) -> bool:
    return bool(_content(text))
