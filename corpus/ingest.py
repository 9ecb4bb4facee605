"""Import statute files into the store: a folder or single files, with a report.

A bad file is reported by path and reason and skipped; a law made of several
part files (民法典 by 编) is written only when every part parsed.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from corpus.law_builder import build_law
from corpus.law_metadata import MetadataCatalog
from corpus.law_names import short_name
from corpus.loaders import SUPPORTED_SUFFIXES, LoadError, RawDocument, load_document
from corpus.model import ParsedLaw
from corpus.national_archive import NationalArchive, is_member_name
from corpus.store import CorpusStore, WriteOutcome, content_hash, version_key

REPEALS_FILE = "repeals.json"
_SKIPPED_NAMES = {"_index.md", "README.md", "readme.md", "SUMMARY.md"}

ProgressCallback = Callable[[int, int, Path], None]


@dataclass
class IngestFailure:
    path: str
    reason: str


@dataclass
class IngestReport:
    """What an import did; printed by the CLI and kept in the closing notes."""

    files: int = 0
    parsed_files: int = 0
    versions_written: int = 0
    versions_unchanged: int = 0
    articles: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    without_articles: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def absorb(self, other: IngestReport) -> IngestReport:
        """Add another import's counts (``corpus init`` runs two sources)."""
        for name in ("files", "parsed_files", "versions_written", "versions_unchanged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.articles += other.articles
        self.failures += other.failures
        self.without_articles += other.without_articles
        self.duplicates += other.duplicates
        self.removed += other.removed
        self.seconds += other.seconds
        return self

    def as_dict(self) -> dict:
        return {
            "files": self.files,
            "parsed_files": self.parsed_files,
            "versions_written": self.versions_written,
            "versions_unchanged": self.versions_unchanged,
            "articles": self.articles,
            "failures": [f.__dict__ for f in self.failures],
            "without_articles": self.without_articles,
            "duplicates": self.duplicates,
            "removed": self.removed,
            "seconds": round(self.seconds, 2),
        }


def discover_files(root: Path) -> list[Path]:
    """Statute files under ``root`` (or ``root`` itself), in a stable order."""
    if root.is_file():
        return [root]
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and p.name not in _SKIPPED_NAMES
    )


Document = tuple[Path, Callable[[], RawDocument]]
"""A statute file's (display path, loader): a file on disk or a member of an archive."""


def _parse_all(
    documents: Iterable[Document],
    total: int,
    catalog: MetadataCatalog,
    report: IngestReport,
    progress: ProgressCallback | None,
) -> dict[tuple[str, date | None], list[ParsedLaw]]:
    groups: dict[tuple[str, date | None], list[ParsedLaw]] = {}
    for index, (path, load) in enumerate(documents, start=1):
        if progress:
            progress(index, total, path)
        try:
            law = build_law(load(), catalog)
        except LoadError as exc:
            report.failures.append(IngestFailure(str(path), str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop an import
            report.failures.append(
                IngestFailure(str(path), f"解析失败：{exc.__class__.__name__}: {exc}")
            )
            continue
        if not law.articles:
            report.without_articles.append(str(path))
            continue
        if law.info.version_date is None:
            report.failures.append(
                IngestFailure(str(path), "无法确定版本日期（文件名、元数据和沿革中均无日期）")
            )
            continue
        report.parsed_files += 1
        groups.setdefault((short_name(law.info.title), law.info.version_date), []).append(law)
    return groups


def _drop_copies(parts: list[ParsedLaw], report: IngestReport) -> list[ParsedLaw]:
    """The same version filed under two folders is one version, stored once."""
    unique: dict[str, ParsedLaw] = {}
    for part in parts:
        digest = content_hash([part])
        if digest in unique:
            report.duplicates.append(f"{part.source} = {unique[digest].source}")
        else:
            unique[digest] = part
    return list(unique.values())


def _check_group(parts: list[ParsedLaw]) -> str | None:
    """Parts of one version must not repeat an article number."""
    seen: set[str] = set()
    for part in parts:
        for article in part.articles:
            if article.key in seen:
                sources = "、".join(Path(p.source).name for p in parts)
                return f"同一版本中条号重复（{article.label}），涉及文件：{sources}"
            seen.add(article.key)
    return None


def ingest_paths(
    store: CorpusStore,
    roots: Iterable[Path],
    progress: ProgressCallback | None = None,
    prune: bool = False,
) -> IngestReport:
    """Parse every statute file under ``roots`` and write each version atomically.

    ``prune`` (the shipped core folder) also deletes versions once read from under
    ``roots`` that the files no longer yield; a user's import never prunes.
    """
    started = time.perf_counter()
    roots = [Path(root).resolve() for root in roots]
    report = IngestReport()
    groups: dict[tuple[str, date | None], list[ParsedLaw]] = {}
    for root in roots:
        if not root.exists():
            report.failures.append(IngestFailure(str(root), "路径不存在"))
            continue
        paths = discover_files(root)
        report.files += len(paths)
        catalog = MetadataCatalog.for_folder(root if root.is_dir() else root.parent)
        catalog = catalog.with_effective_dates()
        documents = ((p, partial(load_document, p)) for p in paths)
        for key, parts in _parse_all(documents, len(paths), catalog, report, progress).items():
            groups.setdefault(key, []).extend(parts)
    kept = _write_groups(store, groups, report)
    if prune and not report.failures:
        report.removed = store.prune_versions(partial(_under_any, roots), kept)
    for root in roots:
        _apply_repeals(store, root if root.is_dir() else root.parent, report)
    report.seconds = time.perf_counter() - started
    return report


def ingest_archive(
    store: CorpusStore,
    archive: NationalArchive,
    progress: ProgressCallback | None = None,
    include: Callable[[str], bool] | None = None,
) -> IngestReport:
    """Import the statutes of the shipped national archive, read straight from the tarball.

    ``include`` (member name → bool) imports a named slice (tests import a few laws).
    """
    started = time.perf_counter()
    report = IngestReport()
    total = archive.count(include)
    report.files = total
    documents = ((d.path, d.load) for d in archive.documents(include))
    catalog = archive.catalog().with_effective_dates()
    groups = _parse_all(documents, total, catalog, report, progress)
    kept = _write_groups(store, groups, report)
    if include is None and not report.failures:
        report.removed = store.prune_versions(is_member_name, kept)
    repeals = archive.repeals()
    if include is not None:
        known = store.law_names()
        repeals = {law: entry for law, entry in repeals.items() if law in known}
    _record_repeals(store, repeals, str(archive.path), report)
    report.seconds = time.perf_counter() - started
    return report


def _under_any(roots: list[Path], source: str) -> bool:
    return any(Path(source).is_relative_to(root) for root in roots)


def _write_groups(
    store: CorpusStore,
    groups: dict[tuple[str, date | None], list[ParsedLaw]],
    report: IngestReport,
) -> set[tuple[str, date]]:
    """Write each version atomically; unchanged versions are skipped by the store.

    Returns the (law, 施行 date) of every version the groups hold, written or not.
    """
    kept: set[tuple[str, date]] = set()
    # Later-published texts first: an earlier text with the same effective date is shadowed.
    for (_, _), parts in sorted(groups.items(), key=lambda kv: kv[0][1] or date.min, reverse=True):
        parts = _drop_copies(parts, report)
        problem = _check_group(parts)
        if problem:
            report.failures.extend(IngestFailure(p.source, problem) for p in parts)
            continue
        kept.add(version_key(parts))
        outcome = store.upsert_version(parts)
        if outcome is WriteOutcome.WRITTEN:
            report.versions_written += 1
        elif outcome is WriteOutcome.UNCHANGED:
            report.versions_unchanged += 1
        else:
            report.duplicates.extend(f"{p.source}（同日施行的较晚公布文本已保留）" for p in parts)
            continue
        report.articles += sum(len(p.articles) for p in parts)
    return kept


def _apply_repeals(store: CorpusStore, folder: Path, report: IngestReport) -> None:
    """``repeals.json`` ({law: {"date": ..., "by": ...}}) records repeals the texts cannot show."""
    path = folder / REPEALS_FILE
    if path.exists():
        _record_repeals(store, json.loads(path.read_text(encoding="utf-8")), str(path), report)


def _record_repeals(
    store: CorpusStore, repeals: dict[str, dict[str, str]], source: str, report: IngestReport
) -> None:
    for law, entry in repeals.items():
        if not store.set_repeal(law, date.fromisoformat(entry["date"])):
            report.failures.append(IngestFailure(source, f"废止记录中的《{law}》不在语料库中"))
