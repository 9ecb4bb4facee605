"""Resolve a citation to the exact unit in the version in force on a date.

This is the guarantee behind every article zhifa shows: a citation either
resolves to stored text, or fails with a precise reason (no such law, article
beyond the last one, not yet in force, repealed) — it is never invented.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from corpus.citation_parser import CitationRef, normalized_law_name, parse_citations
from corpus.errors import ErrorKind, ZhifaError
from corpus.model import ArticleRecord
from corpus.numerals import to_chinese
from corpus.store import CorpusStore, VersionSummary


class CitationErrorCode(StrEnum):
    NO_CITATION = "no_citation"
    NO_LAW_NAME = "no_law_name"
    UNKNOWN_LAW = "unknown_law"
    NOT_YET_IN_FORCE = "not_yet_in_force"
    REPEALED = "repealed"
    ARTICLE_BEYOND_LAST = "article_beyond_last"
    NO_SUCH_ARTICLE = "no_such_article"
    NO_SUCH_PARAGRAPH = "no_such_paragraph"
    NO_SUCH_ITEM = "no_such_item"


class CitationError(ZhifaError, LookupError, kind=ErrorKind.NOT_FOUND, code="citation_not_found"):
    """A citation that does not resolve; ``message`` is Chinese, for end users."""

    def __init__(
        self, code: CitationErrorCode, message: str, ref: CitationRef | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.ref = ref


@dataclass(frozen=True)
class ResolvedCitation:
    """A verified unit: law, version, position, canonical citation and its text."""

    law: str
    title: str
    version: date
    article: int
    suffix: int
    paragraph: int | None
    item: int | None
    citation: str
    text: str
    unit_id: str
    article_text: str
    warnings: tuple[str, ...] = field(default=())

    def as_json(self) -> dict:
        """The documented ``zhifa cite --json`` shape (plus unit_id and warnings)."""
        return {
            "law": self.law,
            "version": self.version.isoformat(),
            "article": self.article,
            "paragraph": self.paragraph,
            "item": self.item,
            "citation": self.citation,
            "text": self.text,
            "article_suffix": self.suffix,
            "unit_id": self.unit_id,
            "warnings": list(self.warnings),
        }


def canonical_citation(title: str, label: str, paragraph: int | None, item: int | None) -> str:
    """《中华人民共和国行政处罚法》第三十二条第一款第（二）项."""
    text = f"《{title}》{label}"
    if paragraph is not None:
        text += f"第{to_chinese(paragraph)}款"
        if item is not None:
            text += f"第（{to_chinese(item)}）项"
    return text


def _implied_paragraph(record: ArticleRecord, ref: CitationRef) -> CitationRef:
    """第X条第（二）项 with no 款 means the one paragraph of the article that has items."""
    if ref.item is None or ref.paragraph is not None:
        return ref
    with_items = [p.number for p in record.paragraphs if p.items]
    return replace(ref, paragraph=with_items[0]) if len(with_items) == 1 else ref


def _fmt(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# 广东省 / 深圳市 / 某某自治州 before a national title: a local law of the same name
_LOCAL = re.compile(r"省|市|自治区|自治州|县|特别行政区")


# 《X》…废止 (本法自…起施行。《X》同时废止): a title in brackets, then its repeal before the
# sentence ends
_BRACKETED = re.compile(r"《([^》]+)》")
_REPEALED_AFTER = re.compile(r"[^。；]*?废止")


@dataclass(frozen=True)
class RepealClause:
    """One law's clause repealing another, by the repealing article."""

    law: str
    version: date
    citation: str
    whole: bool  # 《X》同时废止 in so many words, not 《X》第三条…废止


class CitationResolver:
    """Resolves references against one CorpusStore."""

    def __init__(self, store: CorpusStore) -> None:
        self.store = store
        self._names = store.law_names()
        self._by_length = sorted(self._names, key=len, reverse=True)
        self._repeals: dict[tuple[str, str, bool], tuple[date, str] | None] = {}
        self._repeal_clauses: dict[str, list[RepealClause]] | None = None

    @property
    def known_names(self) -> list[str]:
        return self._by_length

    def parse(self, text: str) -> list[CitationRef]:
        return parse_citations(text, self._by_length)

    def law_name(self, written: str) -> str:
        """Short name for a law as written, or CitationError(UNKNOWN_LAW) with suggestions."""
        key = normalized_law_name(written)
        for candidate in (written, key, "中华人民共和国" + key):
            if candidate in self._names:
                return self._names[candidate]
        for name in self._by_length:
            # 最高人民法院关于…的解释 is the 关于…的解释 stored; but 《广东省无线电管理条例》 is a
            # province's own law, never the national 条例, and 数据安全法 is no 安全法 (an alias)
            if key.endswith(name) and len(name) >= 4 and not _LOCAL.search(key[: -len(name)]):
                return self._names[name]
        close = difflib.get_close_matches(key, list(self._names), n=3, cutoff=0.6)
        hint = f"；您是否指：{'、'.join('《' + c + '》' for c in close)}" if close else ""
        raise CitationError(CitationErrorCode.UNKNOWN_LAW, f"语料库中没有《{key}》{hint}")

    def version_on(self, law: str, on: date) -> VersionSummary:
        """The version of ``law`` in force on ``on``, or a precise error."""
        versions = self.store.versions(law)
        if not versions:
            raise CitationError(CitationErrorCode.UNKNOWN_LAW, f"语料库中没有《{law}》")
        if on < versions[0].effective_date:
            raise CitationError(
                CitationErrorCode.NOT_YET_IN_FORCE,
                f"《{law}》语料中最早的版本自{_fmt(versions[0].effective_date)}起施行，"
                f"{_fmt(on)}尚未施行（或该日有效的旧版本未收录）",
            )
        for version in reversed(versions):
            if version.in_force_on(on):
                self._check_undated_repeal(version, on)
                return version
        last = versions[-1]
        if last.repealed_date and on >= last.repealed_date:
            raise CitationError(
                CitationErrorCode.REPEALED,
                f"《{law}》已于{_fmt(last.repealed_date)}废止，{_fmt(on)}不再有效",
            )
        raise CitationError(CitationErrorCode.REPEALED, f"《{law}》在{_fmt(on)}已不再有效")

    def _check_undated_repeal(self, version: VersionSummary, on: date) -> None:
        """A version marked 失效 with no end date may be repealed by another law's own clause
        (“本法自…起施行。《X》同时废止”): from that law's 施行 date X is no longer in force."""
        if version.effective_to or version.repealed_date:
            return
        # a version the metadata still calls in force is ended only by a whole-law repeal in
        # so many words (人体器官捐献和移植条例第五十条: 《人体器官移植条例》同时废止)
        repeal = self.repealed_by(version, strict=not version.expired)
        if repeal is not None and on >= repeal[0]:
            day, repealer = repeal
            raise CitationError(
                CitationErrorCode.REPEALED,
                f"《{version.law}》已由{repealer}废止（{_fmt(day)}起），{_fmt(on)}不再有效",
            )

    def repealed_by(self, version: VersionSummary, strict: bool = False) -> tuple[date, str] | None:
        """(date, citation) of the earliest other law whose text repeals ``version``'s law;
        ``strict`` takes only 《X》同时废止 itself (no 《X》第三条…废止, a partial repeal)."""
        key = (version.law, version.title, strict)
        if key not in self._repeals:
            self._repeals[key] = self._find_repeal(version, strict)
        return self._repeals[key]

    def _find_repeal(self, version: VersionSummary, strict: bool) -> tuple[date, str] | None:
        clauses = self._repeals_by_title()
        found = [
            (clause.version, clause.citation)
            for title in dict.fromkeys((version.title, version.law))
            for clause in clauses.get(title, [])
            if clause.law != version.law
            and clause.version > version.effective_date
            and (clause.whole or not strict)
        ]
        return min(found) if found else None

    def _repeals_by_title(self) -> dict[str, list[RepealClause]]:
        """Every 《X》…废止 in an article that also says 施行, by X: one scan of the corpus the
        first time a repeal is asked for, instead of one per law resolved."""
        if self._repeal_clauses is None:
            self._repeal_clauses = {}
            for record in self.store.articles_containing("废止"):
                if "施行" not in record.text:
                    continue
                for named in _BRACKETED.finditer(record.text):
                    after = record.text[named.end() :]
                    if _REPEALED_AFTER.match(after):
                        self._repeal_clauses.setdefault(named.group(1), []).append(
                            RepealClause(
                                record.law,
                                record.version,
                                record.citation,
                                after.startswith("同时废止"),
                            )
                        )
        return self._repeal_clauses

    def resolve(
        self, ref: CitationRef, on: date | None = None, default_law: str | None = None
    ) -> ResolvedCitation:
        """Resolve one reference; ``default_law`` stands for 本法 or an unnamed law."""
        on = on or date.today()
        written = ref.law or default_law
        if written is None:
            raise CitationError(
                CitationErrorCode.NO_LAW_NAME, f"引用“{ref.raw}”未指明法律名称", ref
            )
        law = self.law_name(written)
        version = self.version_on(law, on)
        record = self._article(version, ref)
        return self._unit(record, version, ref, on)

    def _article(self, version: VersionSummary, ref: CitationRef) -> ArticleRecord:
        assert ref.article is not None
        record = self.store.article(version.law, version.effective_date, ref.article, ref.suffix)
        if record is not None:
            return record
        label = f"第{to_chinese(ref.article)}条" + (
            f"之{to_chinese(ref.suffix)}" if ref.suffix else ""
        )
        where = f"《{version.law}》（{version.effective_date.isoformat()}起施行的版本）"
        if ref.article > version.max_article:
            raise CitationError(
                CitationErrorCode.ARTICLE_BEYOND_LAST,
                f"{where}共{version.max_article}条，没有{label}",
                ref,
            )
        raise CitationError(CitationErrorCode.NO_SUCH_ARTICLE, f"{where}没有{label}", ref)

    def _unit(
        self, record: ArticleRecord, version: VersionSummary, ref: CitationRef, on: date
    ) -> ResolvedCitation:
        ref = _implied_paragraph(record, ref)
        text = record.text
        unit = record.unit_id
        if ref.paragraph is not None:
            if ref.paragraph > len(record.paragraphs):
                raise CitationError(
                    CitationErrorCode.NO_SUCH_PARAGRAPH,
                    f"《{record.law}》{record.label}只有{len(record.paragraphs)}款，没有第{to_chinese(ref.paragraph)}款",
                    ref,
                )
            paragraph = record.paragraphs[ref.paragraph - 1]
            text, unit = paragraph.text, f"{unit}.{ref.paragraph}"
            if ref.item is not None:
                if ref.item > len(paragraph.items):
                    raise CitationError(
                        CitationErrorCode.NO_SUCH_ITEM,
                        f"《{record.law}》{record.label}第{to_chinese(ref.paragraph)}款只有{len(paragraph.items)}项，没有第（{to_chinese(ref.item)}）项",
                        ref,
                    )
                text, unit = paragraph.items[ref.item - 1].text, f"{unit}.{ref.item}"
        elif ref.item is not None:
            raise CitationError(
                CitationErrorCode.NO_SUCH_ITEM,
                f"引用“{ref.raw}”未指明第几款，且该条有多款列有项",
                ref,
            )
        warnings = ()
        undated = version.effective_to is None and version.repealed_date is None
        if version.expired and undated and self.repealed_by(version) is None:
            warnings = (
                f"《{record.law}》已被标注为失效，语料未记录失效日期，请核实{_fmt(on)}时的效力",
            )
        return ResolvedCitation(
            law=record.law,
            title=record.title,
            version=record.version,
            article=record.number,
            suffix=record.suffix,
            paragraph=ref.paragraph,
            item=ref.item if ref.paragraph is not None else None,
            citation=canonical_citation(record.title, record.label, ref.paragraph, ref.item),
            text=text,
            unit_id=unit,
            article_text=record.text,
            warnings=warnings,
        )

    def resolve_text(
        self, text: str, on: date | None = None, default_law: str | None = None
    ) -> list[ResolvedCitation | CitationError]:
        """Resolve every citation in a text; each entry is a result or its error."""
        refs = self.parse(text)
        if not refs:
            return [
                CitationError(CitationErrorCode.NO_CITATION, f"未识别到法条引用：“{text[:40]}”")
            ]
        results: list[ResolvedCitation | CitationError] = []
        for ref in refs:
            try:
                results.append(self.resolve(ref, on, default_law))
            except CitationError as exc:
                exc.ref = exc.ref or ref
                results.append(exc)
        return results
