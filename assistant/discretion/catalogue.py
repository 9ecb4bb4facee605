"""StandardsCatalogue: every parsed standard in one place, searchable by text or article.

Parsing the 广东 PDF takes ~20 s, so the catalogue normally loads the JSON cache
shipped next to the sources; ``build_model`` re-parses and ``write_cache`` refreshes it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from assistant.discretion.exemption_list import (
    load_guangdong_exemptions,
    load_jiangmen_exemptions,
)
from assistant.discretion.guangdong_pdf import load_guangdong
from assistant.discretion.jiangmen_xls import load_jiangmen
from assistant.discretion.legal_basis import law_matches
from assistant.discretion.model import (
    ExemptionItem,
    SourceFile,
    StandardsModel,
    Violation,
)
from assistant.discretion.text_match import similarity

CACHE_NAME = "standards.json"
JIANGMEN_XLS = "jmzyclb.xls"
GUANGDONG_PDF = "gdssthjwfxwxzcffkjeclb.pdf"
JIANGMEN_EXEMPTIONS = "jmssthjyfbyxzcfdqwhjwfxwqd.md"
GUANGDONG_EXEMPTIONS = "gdssthjbyxzcfdqwwfxwml.pdf"
_TITLES = {
    JIANGMEN_XLS: "江门市生态环境局关于生态环境违法行为行政处罚自由裁量权裁量标准参照表",
    GUANGDONG_PDF: "广东省生态环境违法行为行政处罚罚款金额裁量表（粤环发〔2021〕7号附件1）",
    JIANGMEN_EXEMPTIONS: "江门市生态环境依法不予行政处罚的轻微环境违法行为清单",
    GUANGDONG_EXEMPTIONS: "广东省生态环境不予行政处罚的轻微违法行为目录",
}


@dataclass(frozen=True)
class SearchHit:
    """A violation found by a search, with the score that ranked it."""

    violation: Violation
    score: float


def build_model(standards_dir: Path) -> StandardsModel:
    """Parse every source file afresh (slow: the 广东 PDF takes ~20 s)."""
    violations = load_jiangmen(standards_dir / JIANGMEN_XLS)
    violations += load_guangdong(standards_dir / GUANGDONG_PDF)
    exemptions = load_jiangmen_exemptions(standards_dir / JIANGMEN_EXEMPTIONS)
    exemptions += load_guangdong_exemptions(standards_dir / GUANGDONG_EXEMPTIONS)
    sources = [_source(standards_dir / name) for name in _TITLES]
    return StandardsModel(sources=sources, violations=violations, exemptions=exemptions)


def _source(path: Path) -> SourceFile:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return SourceFile(name=path.name, sha256=digest, title=_TITLES[path.name])


def write_cache(model: StandardsModel, standards_dir: Path) -> Path:
    """Write the parsed model as the shipped JSON cache."""
    path = standards_dir / CACHE_NAME
    text = json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def read_cache(standards_dir: Path) -> StandardsModel | None:
    """The cached model, or None when absent or made from other source files."""
    path = standards_dir / CACHE_NAME
    if not path.exists():
        return None
    model = StandardsModel.model_validate_json(path.read_text(encoding="utf-8"))
    for source in model.sources:
        file = standards_dir / source.name
        if not file.exists() or hashlib.sha256(file.read_bytes()).hexdigest() != source.sha256:
            return None
    return model


class StandardsCatalogue:
    """All violations and exemption items, with lookups officers need."""

    def __init__(self, model: StandardsModel) -> None:
        self.model = model
        self._by_id = {v.id: v for v in model.violations}

    @classmethod
    def load(cls, standards_dir: Path) -> StandardsCatalogue:
        """From the JSON cache when it matches the sources, else by parsing them."""
        model = read_cache(standards_dir) or build_model(standards_dir)
        return cls(model)

    @property
    def violations(self) -> list[Violation]:
        return self.model.violations

    @property
    def exemptions(self) -> list[ExemptionItem]:
        return self.model.exemptions

    def get(self, violation_id: str) -> Violation | None:
        """By id (JM-2-5, GD-2.5.1); case-insensitive, § accepted."""
        key = violation_id.strip().upper().replace("§", "")
        return self._by_id.get(key) or self._by_id.get(key.replace("GD", "GD-", 1))

    def search_text(
        self, query: str, limit: int = 10, source: str | None = None
    ) -> list[SearchHit]:
        """Violations whose title (and cited basis) best match the query text."""
        hits = []
        for violation in self._filtered(source):
            score = similarity(query, violation.title)
            if score > 0:
                hits.append(SearchHit(violation, score))
        return sorted(hits, key=lambda h: -h.score)[:limit]

    def search_article(
        self, law: str, article: int, paragraph: int | None = None, source: str | None = None
    ) -> list[Violation]:
        """Violations whose 法律依据 (or 违反条款) cites this law and article."""
        found = []
        for violation in self._filtered(source):
            bases = violation.legal_basis + violation.violated_provisions
            refs = [r for b in bases for r in b.refs]
            if any(
                law_matches(r, law)
                and r.article == article
                and (paragraph is None or r.paragraph in (None, paragraph))
                for r in refs
            ):
                found.append(violation)
        return found

    def _filtered(self, source: str | None) -> list[Violation]:
        return [v for v in self.violations if source in (None, v.source)]
