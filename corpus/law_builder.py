"""RawDocument + metadata → ParsedLaw: title, dates, level and articles of one version.

Dates come from the most reliable source present: the curated metadata, then the
file name, then the revision history, then the 施行 clause of the text itself.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from corpus.law_metadata import MetadataCatalog, MetadataEntry, split_file_stem
from corpus.law_names import short_name
from corpus.loaders import RawDocument, load_document
from corpus.model import Article, ParsedLaw, VersionInfo
from corpus.revision_history import find_dates, parse_history
from corpus.structure_parser import parse_structure

# Folder names of the LawRefBook collection → legal level.
FOLDER_LEVELS = {
    "宪法": "宪法",
    "行政法规": "行政法规",
    "部门规章": "部门规章",
    "司法解释": "司法解释",
    "地方性法规": "地方性法规",
}
_SELF_EFFECT = re.compile(r"自(公布|发布|印发)之日起施行")


def _level(raw: RawDocument, meta: MetadataEntry | None) -> str:
    if meta and meta.level:
        return meta.level
    tags = raw.front_matter.get("category", "") + raw.front_matter.get("tag", "")
    if raw.front_matter:
        return "部门规章" if "部门" in tags else "地方政府规章"
    for part in reversed(raw.path.parts[:-1]):
        if part in FOLDER_LEVELS:
            return FOLDER_LEVELS[part]
    return "法律"


def _effect_from_text(articles: list[Article], version: date | None) -> date | None:
    """The 施行 date stated in the closing articles (自2021年7月15日起施行)."""
    for article in reversed(articles[-3:]):
        text = article.text
        if "施行" not in text:
            continue
        dates = find_dates(text.split("施行")[0][-40:])
        if dates:
            # An amendment keeps the original 施行 clause; it takes effect itself.
            return dates[-1] if version is None or dates[-1] >= version else version
        if _SELF_EFFECT.search(text):
            return version
    return None


def build_law(raw: RawDocument, catalog: MetadataCatalog) -> ParsedLaw:
    """Parse the structure and settle the version's metadata."""
    stem_name, file_date = split_file_stem(raw.path.stem)
    history = parse_history(raw.history)
    meta_name = f"{short_name(raw.titles[0])} {raw.titles[1]}" if len(raw.titles) > 1 else stem_name
    meta = catalog.lookup(meta_name, file_date) or catalog.lookup(stem_name, file_date)
    structure = parse_structure(raw.blocks)
    version = file_date or (meta.publish if meta else None) or history.version_date
    effective = (
        (meta.valid_from if meta else None)
        or history.effective_date
        or _effect_from_text(structure.articles, version)
        or version
    )
    info = VersionInfo(
        title=raw.titles[0],
        version_date=version,
        effective_date=effective,
        level=_level(raw, meta),
        issuer=raw.front_matter.get("author"),
        category=raw.path.parent.name or None,
        region=_region(raw),
        expired=bool(meta and meta.expired),
        part=raw.titles[1] if len(raw.titles) > 1 else None,
        aliases=tuple(a for a in [raw.front_matter.get("shortTitle")] if a),
    )
    return ParsedLaw(
        info=info,
        articles=tuple(structure.articles),
        preamble=structure.preamble,
        source=str(raw.path),
        warnings=tuple(structure.warnings),
    )


def _region(raw: RawDocument) -> str | None:
    """Local rules name their province first (广东省…); national law has no region."""
    match = re.match(r"^(\S{2,3}?[省市]|\S{2,8}?自治区)", raw.titles[0])
    return match.group(1) if match and raw.front_matter else None


def parse_law_file(path: Path, catalog: MetadataCatalog | None = None) -> ParsedLaw:
    """Load, parse and date one statute file of any supported format."""
    return build_law(load_document(path), catalog or MetadataCatalog([]))
