"""Normalisation must turn traditional script into simplified without rewriting a statute's own
simplified wording (OpenCC t2s maps 坏土 to 坯土 and 鱀 to an Extension-B form)."""

from __future__ import annotations

import pytest

from corpus.text_normalizer import normalize_text, to_simplified


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("最高人民法院关于审理破坏土地资源刑事案件", "最高人民法院关于审理破坏土地资源刑事案件"),
        ("白鱀豚、中华鲟", "白鱀豚、中华鲟"),
        ("諮詢著作權乾燥", "咨询著作权干燥"),
        ("", ""),
    ],
)
def test_simplified_text_is_kept_and_traditional_is_converted(text: str, expected: str) -> None:
    assert to_simplified(text) == expected


def test_normalize_keeps_statute_wording_and_halves_digits() -> None:
    assert normalize_text("破坏土地资源　第１２条") == "破坏土地资源 第12条"
