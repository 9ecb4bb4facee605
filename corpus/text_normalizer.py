"""Text normalisation shared by loaders, citations, transcription and evaluation.

Statutes arrive in mixed forms (traditional characters in some sources, full-width
digits in PDFs, non-breaking spaces from HTML); normalising once at the boundary
keeps every later comparison exact.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u3000\u200b]+")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


# OpenCC t2s also rewrites characters that are already standard simplified: 坏土 becomes 坯土
# (破坏土地资源 → 破坯土地资源), and 鱀/鮡 become Extension-B forms nobody can type.
_ALREADY_SIMPLIFIED = frozenset("坏鱀鮡")


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (OpenCC t2s), keeping characters that are already the
    standard simplified form, so a statute's own wording survives normalisation."""
    if not text:
        return text
    converted = _t2s().convert(text)
    if len(converted) != len(text):
        return converted
    return "".join(
        source if source in _ALREADY_SIMPLIFIED or ord(target) > 0xFFFF else target
        for source, target in zip(text, converted, strict=True)
    )


def fullwidth_to_halfwidth(text: str) -> str:
    """Full-width ASCII (０-９, Ａ-Ｚ, ａ-ｚ) → half-width; Chinese punctuation is kept."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
            out.append(chr(code - 0xFEE0))
        else:
            out.append(ch)
    return "".join(out)


def normalize_text(text: str, *, simplify: bool = True) -> str:
    """NFC, half-width alphanumerics, collapsed spaces, optionally simplified script."""
    text = unicodedata.normalize("NFC", text)
    text = fullwidth_to_halfwidth(text)
    if simplify:
        text = to_simplified(text)
    return _SPACES.sub(" ", text).strip()
