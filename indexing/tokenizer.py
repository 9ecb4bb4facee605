"""Chinese tokenisation for BM25: jieba with a legal user dictionary and stop words.

Index and query must be cut by the *same* tokenizer, so its whole state (user words,
stop words, mode) is saved with the index. A private ``jieba.Tokenizer`` keeps our
user words out of the process-global jieba that other code may use.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

import jieba

from indexing.units import RetrievalUnit

# Function words and question scaffolding that carry no legal meaning.
DEFAULT_STOP_WORDS: frozenset[str] = frozenset(
    """的 了 和 与 及 或 等 在 是 对 由 为 被 将 把 从 以 于 之 其 该 并 这 那 有 也 就 都 而 但
    或者 以及 并且 如果 因为 所以 可以 是否 什么 哪些 哪个 哪条 怎么 怎样 如何 吗 呢 吧 啊 么
    根据 按照 依照 规定 法律 条款 相关 情况 问题 场景 一个 某个 某 这种 这个 应该 需要 能够 我们 他们 他""".split()  # noqa: SIM905 - a readable word list
)
_PUNCT = re.compile(r"^[\W_]+$", re.UNICODE)
_DEFINED_TERM = re.compile(
    r"(?:本(?:法|条例|规定|办法|细则|解释)(?:所称|中的|所指的?)|所称)“?([\u4e00-\u9fff]{2,12})”?[，,]?(?:是指|包括|指)"
)
_LEADING_TERM = re.compile(r"^([\u4e00-\u9fff]{2,12})，(?:是)?指", re.MULTILINE)
_QUOTED_TERM = re.compile(r"“([\u4e00-\u9fff]{2,10})”")
USER_WORD_FREQ = 200000


class Tokenizer(Protocol):
    """What BM25 needs: text → tokens, the same at index and query time."""

    def __call__(self, text: str) -> list[str]: ...


def legal_terms(units: Iterable[RetrievalUnit]) -> set[str]:
    """Law names and defined terms (本法所称X，是指…; X，指…; “X”) found in the corpus."""
    terms: set[str] = set()
    for unit in units:
        terms.update(name for name in (unit.law, unit.title) if 2 <= len(name) <= 30)
        terms.update(_DEFINED_TERM.findall(unit.text))
        terms.update(_LEADING_TERM.findall(unit.text))
        terms.update(_QUOTED_TERM.findall(unit.text))
    return terms


class JiebaTokenizer:
    """jieba in search mode (words plus their dictionary sub-words) over a legal dictionary."""

    def __init__(
        self,
        user_words: Iterable[str] = (),
        stop_words: Iterable[str] = DEFAULT_STOP_WORDS,
        search_mode: bool = True,
    ) -> None:
        logging.getLogger("jieba").setLevel(logging.WARNING)
        self.user_words = sorted(set(user_words))
        self.stop_words = frozenset(stop_words)
        self.search_mode = search_mode
        self._jieba = jieba.Tokenizer()
        for word in self.user_words:
            self._jieba.add_word(word, freq=USER_WORD_FREQ)

    @classmethod
    def for_units(cls, units: Iterable[RetrievalUnit], search_mode: bool = True) -> JiebaTokenizer:
        """A tokenizer whose user dictionary is built from the corpus being indexed."""
        return cls(legal_terms(units), search_mode=search_mode)

    def __call__(self, text: str) -> list[str]:
        cut = self._jieba.cut_for_search if self.search_mode else self._jieba.cut
        return [token for token in cut(text.lower()) if self._keep(token)]

    def _keep(self, token: str) -> bool:
        token = token.strip()
        return bool(token) and token not in self.stop_words and not _PUNCT.match(token)

    def save(self, path: Path) -> None:
        """Write the whole tokenizer state as JSON."""
        state = {
            "kind": "jieba",
            "jieba_version": jieba.__version__,
            "search_mode": self.search_mode,
            "user_words": self.user_words,
            "stop_words": sorted(self.stop_words),
        }
        path.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> JiebaTokenizer:
        state = json.loads(path.read_text(encoding="utf-8"))
        return cls(state["user_words"], state["stop_words"], state["search_mode"])
