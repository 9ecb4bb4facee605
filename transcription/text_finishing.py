"""Finish transcript text the way a 笔录 is written.

- OpenCC's t2s leaves some traditional or variant forms (著 as the particle 着,
  甚麼, 祇, 妳 …): a small table fixes them, keeping 著 in 著名/显著/名著 and the like.
- Sentences, not fragments: a segment ends in 。 or ？ only where the speaker stops
  (a pause of ``sentence_gap_s``, a change of speaker, the end); otherwise ，.
- Fillers (嗯, 啊, 呃 …) are dropped unless ``verbatim`` is set, for 笔录 that must
  record them.
- Numbers as GB/T 15835 and 笔录 practice write them: dates, digit strings (phone,
  plate, ID) and exact quantities with a unit in Arabic digits (2023年5月1日,
  13812345678, 3500元; digit runs of five or more, so 一二三线 stays); approximate numbers (三十多岁, 七八个) and small counts
  (一个人, 第三次) stay in Chinese characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import cn2an

from transcription.text_normalization import looks_like_question
from transcription.transcript import TranscriptSegment

_WORD_RESIDUE = {"甚麼": "什么", "甚么": "什么", "麼": "么", "祇": "只", "衹": "只", "妳": "你"}
_ZHU_KEPT = re.compile(r"著(?=[名作称述录书者])|(?<=[显土卓昭原名专巨编论遗合译新拙])著")
_FILLERS = "嗯啊呃额哦唉诶欸"
_FILLER_RUN = re.compile(rf"(^|(?<=[，。？！、；：]))[{_FILLERS}]+[，、]?")
_NUMERAL = "零〇一二三四五六七八九十百千万两幺"
_DIGITS = "零〇一二三四五六七八九幺"
_DIGIT_STRING = re.compile(rf"[{_DIGITS}]{{5,}}")
_DATE = re.compile(rf"([{_NUMERAL}]+)(年)(?:([{_NUMERAL}]+)(月))?(?:([{_NUMERAL}]+)([日号]))?")
_MONTH_DAY = re.compile(rf"([{_NUMERAL}]+)(月)([{_NUMERAL}]+)([日号])")
_UNITS = (
    "平方米|公斤|千克|公里|小时|分钟|万元|元|块|角|岁|斤|吨|米|克|升|个|次|天|人|箱|件|瓶|袋|包|台|辆|"
    "点|时|分|秒|号|楼|室|层|户|家|张|份|周|年"
)
_QUANTITY = re.compile(rf"(?<![{_NUMERAL}第几])([{_NUMERAL}]{{2,}})(?={_UNITS})")
_DIGIT_VALUE = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"〇": "0", "幺": "1"}
_TERMINAL = "。？！…"
_TRAILING = "，、；：,;:。.!！ "


@dataclass(frozen=True)
class FinishingOptions:
    """How transcript text is finished."""

    verbatim: bool = False
    sentence_gap_s: float = 0.8
    arabic_numbers: bool = True


def fix_t2s_residue(text: str) -> str:
    """Variant forms OpenCC t2s leaves, written as mainland 笔录 write them."""
    for old, new in _WORD_RESIDUE.items():
        text = text.replace(old, new)
    kept = {m.start() for m in _ZHU_KEPT.finditer(text)}
    return "".join("着" if ch == "著" and i not in kept else ch for i, ch in enumerate(text))


def drop_fillers(text: str) -> str:
    """Remove hesitation sounds standing alone at the start of a clause."""
    return _FILLER_RUN.sub("", text)


def _digits(run: str) -> str:
    return "".join(_DIGIT_VALUE[c] for c in run)


def _value(run: str) -> str | None:
    """Arabic form of an exact numeral run, or None when it is approximate (七八, 三五)."""
    if all(c in _DIGITS for c in run):
        if len(run) == 2 and "零" not in run and "〇" not in run:
            return None
        return _digits(run)
    try:
        return str(int(cn2an.cn2an(run.replace("幺", "一"), "smart")))
    except (ValueError, KeyError):
        return None


def write_numbers(text: str) -> str:
    """Dates, digit strings and exact quantities in Arabic digits (see module docstring)."""
    text = _DATE.sub(_date_parts, text)
    text = _MONTH_DAY.sub(_date_parts, text)
    text = _DIGIT_STRING.sub(lambda m: _digits(m.group(0)), text)
    return _QUANTITY.sub(lambda m: _value(m.group(1)) or m.group(1), text)


def _date_parts(match: re.Match) -> str:
    groups = [g or "" for g in match.groups()]
    year_like = groups[1] == "年" and len(groups[0]) < 2
    if year_like and not groups[3]:
        return match.group(0)  # 三年, 两年: a duration, not a date
    out = []
    for number, unit in zip(groups[::2], groups[1::2], strict=True):
        if number and unit:
            value = _digits(number) if unit == "年" and len(number) == 4 else _value(number)
            out.append((value or number) + unit)
    return "".join(out)


def finish_body(text: str, options: FinishingOptions) -> str:
    """One segment's words: residue fixed, fillers handled, numbers written, no final mark."""
    text = fix_t2s_residue(text)
    if not options.verbatim:
        text = drop_fillers(text)
    if options.arabic_numbers:
        text = write_numbers(text)
    return text.rstrip(_TRAILING)


def finish_segments(
    segments: list[TranscriptSegment], options: FinishingOptions
) -> list[TranscriptSegment]:
    """Segments ending in ， inside a sentence and in 。/？ where the speaker stops."""
    bodies = [finish_body(s.text, options) for s in segments]
    finished: list[TranscriptSegment] = []
    for index, (segment, body) in enumerate(zip(segments, bodies, strict=True)):
        if not body:
            continue
        following = segments[index + 1] if index + 1 < len(segments) else None
        finished.append(replace(segment, text=body + _end_mark(segment, body, following, options)))
    return finished


def _end_mark(
    segment: TranscriptSegment,
    body: str,
    following: TranscriptSegment | None,
    options: FinishingOptions,
) -> str:
    if body[-1] in _TERMINAL:
        return ""
    stops = (
        following is None
        or following.speaker != segment.speaker
        or following.start - segment.end >= options.sentence_gap_s
    )
    if looks_like_question(_last_clause(body)) and stops:
        return "？"
    return "。" if stops else "，"


def _last_clause(body: str) -> str:
    return re.split(r"[，。？！；]", body)[-1]
