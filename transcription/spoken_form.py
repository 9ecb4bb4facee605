"""The spoken form of a Mandarin transcript, for scoring: what was said, not how it is written.

A reference written 二零二三年 and a transcript written 2023年 record the same speech;
so do 部门儿 and 部门, or 呃这个 and 这个. CER must not count those as errors, for any
system, or the score measures writing conventions instead of recognition. These are
the usual rules of Mandarin ASR scoring (SpeechIO's ``cn_tn`` text normaliser, used
by the public leaderboards): Arabic numbers read out in characters, the fillers 呃/啊
removed, erhua 儿 removed except in words where 儿 is a morpheme (儿子, 女儿 …).
They are applied identically to references and to every system's output.
"""

from __future__ import annotations

import re

import cn2an

FILLERS = "呃啊"
# Words where 儿 is not the erhua suffix (SpeechIO cn_tn's whitelist, shortened, + 男儿/患儿/健儿).
_ER_KEPT = (
    "儿女|儿子|儿孙|女儿|儿媳|妻儿|胎儿|婴儿|新生儿|婴幼儿|幼儿|少儿|小儿|儿歌|儿童|儿科|"
    "托儿所|孤儿|儿戏|儿化|男儿|患儿|健儿|正儿八经|吊儿郎当"
)
_ER_KEPT_PATTERN = re.compile(_ER_KEPT)
_DIGIT_READING = dict(zip("0123456789", "零一二三四五六七八九", strict=True))
# re.ASCII: \d is 0-9 only; other scripts' digits (Gujarati ૦) are no Arabic numbers to read out
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)%", re.ASCII)
_YEAR = re.compile(r"(?<![\d.])(\d{4})(?=年)", re.ASCII)
_DIGIT_STRING = re.compile(r"(?<![\d.])(?:0\d+|\d{7,})(?![\d.])", re.ASCII)
_NUMBER = re.compile(r"\d+(?:\.\d+)?", re.ASCII)
_LIANG = re.compile(r"两(?=[十百千万亿])")
_THOUSANDS_COMMA = re.compile(r"(?<=\d),(?=\d{3})", re.ASCII)


def spoken_form(text: str) -> str:
    """Numbers read out, fillers and erhua removed (input already NFKC and simplified)."""
    return drop_erhua(drop_fillers(read_numbers(text)))


def read_numbers(text: str) -> str:
    """Arabic numbers as a Mandarin speaker reads them; 两千/二千 both become 二千.

    Years (2023年) and digit strings (phone, ID: a leading 0 or seven digits or more)
    are read digit by digit; percentages as 百分之…; other numbers as cardinals
    (3500 → 三千五百, 0.5 → 零点五).
    """
    text = _THOUSANDS_COMMA.sub("", text)
    text = _PERCENT.sub(lambda m: "百分之" + _cardinal(m.group(1)), text)
    text = _YEAR.sub(lambda m: _digit_by_digit(m.group(1)), text)
    text = _DIGIT_STRING.sub(lambda m: _digit_by_digit(m.group(0)), text)
    text = _NUMBER.sub(lambda m: _cardinal(m.group(0)), text)
    return _LIANG.sub("二", text)


def drop_fillers(text: str) -> str:
    """The hesitation sounds 呃 and 啊 carry no content (as in SpeechIO's scoring)."""
    return "".join(ch for ch in text if ch not in FILLERS)


def drop_erhua(text: str) -> str:
    """儿 after another character is the erhua suffix, unless it is part of a kept word."""
    kept = {i for m in _ER_KEPT_PATTERN.finditer(text) for i in range(m.start(), m.end())}
    return "".join(ch for i, ch in enumerate(text) if not (ch == "儿" and i > 0 and i not in kept))


def _digit_by_digit(digits: str) -> str:
    return "".join(_DIGIT_READING[d] for d in digits)


def _cardinal(number: str) -> str:
    """Read as a value; past cn2an's 16 digits, digit by digit (no number is that long aloud)."""
    try:
        return cn2an.an2cn(number, "low")
    except ValueError:
        whole, _, fraction = number.partition(".")
        return _digit_by_digit(whole) + ("点" + _digit_by_digit(fraction) if fraction else "")
