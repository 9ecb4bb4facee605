"""Redaction of a text before publication (公示办法第十四条).

Masking rule (length-preserving, ``*`` per hidden character, so offsets stay valid):

- 姓名: surname kept, given name hidden — 张三 → 张*, 欧阳娜娜 → 欧阳**;
- 身份证号码、电话号码、银行账号、电子邮箱: hidden completely. 第十四条 says these
  are 隐去 without exception, so no digits are kept (not even first 6 + last 4);
- 住址: the administrative prefix down to county level stays (广州市天河区), the street,
  village, building and door number are hidden;
- 车牌: province and city letter kept (粤A*****);
- names and 统一社会信用代码 of legal persons and other organisations are never masked
  (they are published with the result, 双公示).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.publicity.legal_persons import ProtectedSpans, protected_spans
from assistant.publicity.lexical import LexicalAnalyzer, Token
from assistant.publicity.person_names import person_name_spans
from assistant.publicity.pii_patterns import NUMBER_EVIDENCE, pattern_spans
from assistant.publicity.pii_span import PiiKind, PiiSpan, to_halfwidth

MASK_CHAR = "*"
ADMIN_SUFFIX = re.compile(r"(?:省|自治区|特别行政区|自治州|市|地区|盟|区|县|旗)$")
PLACE_SUFFIX = re.compile(r"路|街|道|巷|弄|胡同|里|村|社区|小区|花园|大厦|广场|苑|号")
NUMBER_TOKEN = re.compile(
    r"[0-9A-Za-z\-之]*[0-9A-Za-z][0-9A-Za-z\-之]*(?:号楼|号|栋|座|幢|楼|层|室|房|单元|铺|组|队)?"
)


@dataclass(frozen=True)
class RedactedText:
    """The published text and where something was hidden."""

    text: str
    spans: tuple[PiiSpan, ...]
    protected: tuple[tuple[int, int], ...]

    def spans_json(self) -> list[dict[str, object]]:
        return [
            {
                "start": s.start,
                "end": s.end,
                "kind": s.kind.value,
                "source": s.source,
                "replacement": self.text[s.start : s.end],
            }
            for s in self.spans
        ]


def _address_runs(tokens: list[Token]) -> list[list[Token]]:
    """Runs of LOC tokens, with door/room numbers LAC tags as m/xc glued on."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in tokens:
        glued = current and token.tag != "w" and NUMBER_TOKEN.fullmatch(token.word)
        if token.tag == "LOC" or glued:
            current.append(token)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def lac_address_spans(tokens: list[Token]) -> list[PiiSpan]:
    """LOC runs that reach a street and a number (e.g. 天河路385号): a place someone lives."""
    spans: list[PiiSpan] = []
    for run in _address_runs(tokens):
        words = "".join(t.word for t in run)
        if not (PLACE_SUFFIX.search(words) and NUMBER_EVIDENCE.search(words)):
            continue
        prefix = 0
        while prefix < len(run) - 1 and ADMIN_SUFFIX.search(run[prefix].word):
            prefix += 1
        keep = run[prefix].start - run[0].start
        spans.append(PiiSpan(run[0].start, run[-1].end, PiiKind.ADDRESS, "lac", keep=keep))
    return spans


def _aligned_address(span: PiiSpan, tokens: list[Token]) -> PiiSpan:
    """Start a pattern address at its first place token (住/称其住在… are not address)."""
    if span.kind is not PiiKind.ADDRESS or span.keep == 0:
        return span
    inside = [t for t in tokens if span.start <= t.start < span.end]
    first = next((i for i, t in enumerate(inside) if t.tag == "LOC"), None)
    if first is None or inside[first].start >= span.masked_start:
        return replace(span, start=span.masked_start, keep=0)
    start = inside[first].start
    admin_end = start
    for token in inside[first:]:
        if (
            token.tag != "LOC"
            or not ADMIN_SUFFIX.search(token.word)
            or token.end > span.masked_start
        ):
            break
        admin_end = token.end
    return replace(span, start=start, keep=admin_end - start)


WORD_KINDS = frozenset({PiiKind.NAME, PiiKind.ADDRESS})


def _shields(span: PiiSpan, protected: ProtectedSpans) -> tuple[tuple[int, int], ...]:
    """Organisation names shield names and addresses; credit codes shield every kind."""
    return protected.all if span.kind in WORD_KINDS else protected.credit_codes


def _hidden_positions(span: PiiSpan, protected: ProtectedSpans) -> set[int]:
    shielded = {i for s, e in _shields(span, protected) for i in range(s, e)}
    return set(range(span.masked_start, span.end)) - shielded


def _without_nested(spans: list[PiiSpan]) -> list[PiiSpan]:
    """Drop spans lying inside an earlier, longer one (same characters hidden anyway)."""
    kept: list[PiiSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and span.start >= kept[-1].start and span.end <= kept[-1].end:
            continue
        kept.append(span)
    return kept


class Redactor:
    """Finds and masks personal data; holds the loaded LAC model."""

    def __init__(self, analyzer: LexicalAnalyzer) -> None:
        self.analyzer = analyzer

    def find(
        self, text: str, keep_names: frozenset[str] = frozenset()
    ) -> tuple[list[PiiSpan], ProtectedSpans]:
        """Personal-data spans and the protected organisation spans of ``text``."""
        plain = to_halfwidth(text)
        tokens = self.analyzer.tokens(plain)
        protected = protected_spans(plain, tokens)
        names = [
            s
            for s in person_name_spans(plain, tokens, self.analyzer.words, keep_names)
            if not any(s.overlaps(a, b) for a, b in protected.all)
        ]
        patterns = [_aligned_address(s, tokens) for s in pattern_spans(plain)]
        others = [*patterns, *lac_address_spans(tokens)]
        spans = [s for s in [*names, *others] if _hidden_positions(s, protected)]
        return _without_nested(spans), protected

    def redact(self, text: str, keep_names: frozenset[str] = frozenset()) -> RedactedText:
        """``text`` with every personal-data character replaced by ``*``."""
        spans, protected = self.find(text, keep_names)
        hidden = {i for span in spans for i in _hidden_positions(span, protected)}
        masked = "".join(
            MASK_CHAR if i in hidden and not c.isspace() else c for i, c in enumerate(text)
        )
        return RedactedText(masked, tuple(spans), protected.all)
