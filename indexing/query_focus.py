"""Lexical emphasis on the sentence a question ends with.

A scenario question (``场景：……。根据哪条法律规定，保险公司需要配合调查？``) spends most of
its words on the story and names the legal point only in its last sentence; every word
weighs the same in BM25, so the story's words (车祸, 公司, 小明) outvote the point. Saying
the last sentence twice doubles its words' query frequency in the lexical scorers only
(the dense side embeds the question as asked). One-sentence queries are unchanged.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[。！？!?；;]")


def last_sentence(query: str) -> str:
    """The query's last non-empty sentence, or "" when it has only one."""
    sentences = [part.strip() for part in _SENTENCE_END.split(query) if part.strip()]
    return sentences[-1] if len(sentences) > 1 else ""


def emphasised(query: str) -> str:
    """``query`` with its last sentence said once more (unchanged for one sentence)."""
    focus = last_sentence(query)
    return f"{query}。{focus}" if focus else query
