"""What every checker may consult: the statute base, norm graphs, standards, catalogue, cases.

One object built once per process (the corpus and the standards load slowly) and
handed to every checker, so no checker reaches for globals or builds its own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from assistant.administration.av_recording_list import AvRecordingList, av_list_for
from assistant.administration.roster import RosterStore
from assistant.case_file import CaseFile, Officer
from assistant.discretion.catalogue import StandardsCatalogue
from assistant.norm_links import NormGraphs
from assistant.review.document_functions import DocumentFunctions
from assistant.review.fitting_item import bigrams
from assistant.review.major_decision import MajorCatalogue, MajorResult, assess_major
from assistant.settings import AssistantSettings
from corpus.citation_resolver import CitationError, CitationResolver, ResolvedCitation
from corpus.model import ArticleRecord
from corpus.store import CorpusStore

PENALTY_LAW = "《中华人民共和国行政处罚法》"
# law versions whose articles a context keeps (a review touches a handful)
_ARTICLE_CACHE = 256


class OfficerDirectory(Protocol):
    """Where certificates are kept (assistant.administration.roster.RosterStore)."""

    def officer_by_certificate(self, certificate_no: str) -> Officer | None: ...


@dataclass
class ReviewContext:
    """Shared, read-only resources of the review engine."""

    store: CorpusStore
    resolver: CitationResolver
    graphs: NormGraphs
    standards: StandardsCatalogue | None
    catalogue: MajorCatalogue
    similar_cases: object | None = None  # assistant.cases.similar_cases.SimilarCaseSearch
    roster: OfficerDirectory | None = None  # officers named by certificate number
    av_recording: AvRecordingList | None = None  # 音像记录事项清单
    document_functions: DocumentFunctions | None = None  # 文书功能目录
    _rules: dict[str, str] = field(default_factory=dict)
    _articles: dict[tuple[str, date], tuple[ArticleRecord, ...]] = field(default_factory=dict)
    _common: dict[tuple[str, date], frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        settings: AssistantSettings,
        store: CorpusStore,
        similar_cases: object | None = None,
        roster: OfficerDirectory | None = None,
        standards: StandardsCatalogue | None = None,
        resolver: CitationResolver | None = None,
    ) -> ReviewContext:
        """``standards``/``resolver`` already loaded by the caller are reused, not loaded again."""
        if standards is None and settings.standards_dir.exists():
            standards = StandardsCatalogue.load(settings.standards_dir)
        return cls(
            store=store,
            resolver=resolver or CitationResolver(store),
            graphs=NormGraphs(store),
            standards=standards,
            catalogue=MajorCatalogue.load(settings),
            similar_cases=similar_cases,
            roster=roster if roster is not None else RosterStore(settings),
            av_recording=av_list_for(settings),
            document_functions=DocumentFunctions.load(settings),
        )

    def rule(self, written: str) -> str:
        """The canonical citation of a rule (verified in the corpus), or the text as written."""
        if written not in self._rules:
            found = self.resolver.resolve_text(written)
            first = found[0] if found else None
            self._rules[written] = (
                first.citation if isinstance(first, ResolvedCitation) else written
            )
        return self._rules[written]

    def penalty_law(self, article: str) -> str:
        """《中华人民共和国行政处罚法》 + 第X条…, canonical."""
        return self.rule(PENALTY_LAW + article)

    def resolve(self, written: str, on: date) -> list[ResolvedCitation | CitationError]:
        return self.resolver.resolve_text(written, on)

    def resolved(self, written: str, on: date) -> list[ResolvedCitation]:
        """The citations of ``written`` that resolve on ``on``; errors left out."""
        return [r for r in self.resolve(written, on) if isinstance(r, ResolvedCitation)]

    def articles_in(self, law: str, version: date) -> tuple[ArticleRecord, ...]:
        """Every article of one version of a law, read from the store once per process: several
        checkers scan the cited 罚则's own law (reservations, duties, re-test rights) per review."""
        key = (law, version)
        if key not in self._articles:
            if len(self._articles) >= _ARTICLE_CACHE:
                del self._articles[next(iter(self._articles))]
            self._articles[key] = tuple(
                r for r in self.store.iter_articles([law]) if r.version == version
            )
        return self._articles[key]

    def common_words(self, law: str, version: date) -> frozenset[str]:
        """The character pairs at least half the version's articles use (统计调查 in 统计法):
        a law's own vocabulary, which tells nothing of which of its articles a file's conduct is."""
        key = (law, version)
        if key not in self._common:
            articles = self.articles_in(law, version)
            counts: Counter[str] = Counter(g for r in articles for g in bigrams(r.text))
            self._common[key] = frozenset(g for g, n in counts.items() if 2 * n >= len(articles))
        return self._common[key]

    def record(self, citation: ResolvedCitation) -> ArticleRecord | None:
        return self.store.article(citation.law, citation.version, citation.article, citation.suffix)

    def major(self, case: CaseFile) -> MajorResult:
        return assess_major(case, self.catalogue, self.rule)
