"""Chinese numerals in article, paragraph and item labels.

Officers write 第三十二条, 第32条 and 第３２条 interchangeably; cn2an does the
conversion both ways so that every label we print is the official form.
"""

from __future__ import annotations

from functools import lru_cache

import cn2an

from corpus.text_normalizer import fullwidth_to_halfwidth

CHINESE_DIGITS = "零〇一二两三四五六七八九十百千万"


@lru_cache(maxsize=4096)
def parse_number(token: str) -> int:
    """Parse ``三十二``, ``32``, ``３２`` or ``一百零五`` to an int; ValueError if not a number."""
    token = fullwidth_to_halfwidth(token.strip())
    if not token:
        raise ValueError("空数字")
    if token.isdigit():
        return int(token)
    token = token.replace("〇", "零").replace("两", "二")
    value = cn2an.cn2an(token, "smart")
    if not isinstance(value, int) and not float(value).is_integer():
        raise ValueError(f"不是整数：{token}")
    return int(value)


def to_chinese(number: int) -> str:
    """Official Chinese numeral for an article number: 32 → 三十二, 105 → 一百零五."""
    return cn2an.an2cn(number, "low")


def article_label(number: int, suffix: int = 0) -> str:
    """第三十二条, or 第一百二十条之一 when ``suffix`` is set."""
    label = f"第{to_chinese(number)}条"
    return f"{label}之{to_chinese(suffix)}" if suffix else label
