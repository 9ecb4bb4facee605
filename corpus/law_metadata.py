"""Curated metadata (level, publish and effective dates, expiry) for statute files.

LawRefBook ships it as ``law-metadata.sqlite3``; the default corpus ships the
rows it needs as ``metadata.json``, since a fresh clone has no ../shared.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

METADATA_SQLITE = "law-metadata.sqlite3"
METADATA_JSON = "metadata.json"
# 施行 dates an amending decision set apart from its publication, which neither the
# consolidated text nor LawRefBook's table records right (慈善法2023年修正: 本决定自2024年9月5日起施行)
EFFECTIVE_DATES = Path(__file__).parent / "data" / "effective_dates.json"
_FILE_DATE = re.compile(r"^(.*?)[（(](\d{4}-\d{2}-\d{2})[）)]$")


@dataclass(frozen=True)
class MetadataEntry:
    name: str
    level: str | None
    publish: date | None
    valid_from: date | None
    expired: bool


def _to_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def split_file_stem(stem: str) -> tuple[str, date | None]:
    """``行政处罚法(2021-01-22)`` → (``行政处罚法``, 2021-01-22); no date → None."""
    match = _FILE_DATE.match(stem)
    if not match:
        return stem, None
    return match.group(1), date.fromisoformat(match.group(2))


class MetadataCatalog:
    """Lookup by (name, publish date), falling back to the name alone when unique."""

    def __init__(self, entries: list[MetadataEntry]) -> None:
        self.entries = entries
        self._by_key = {(e.name, e.publish): e for e in entries}
        self._by_name: dict[str, list[MetadataEntry]] = {}
        for entry in entries:
            self._by_name.setdefault(entry.name, []).append(entry)

    def lookup(self, name: str, publish: date | None) -> MetadataEntry | None:
        if (name, publish) in self._by_key:
            return self._by_key[(name, publish)]
        same_name = self._by_name.get(name, [])
        return same_name[0] if len(same_name) == 1 and publish is None else None

    def with_effective_dates(self, path: Path = EFFECTIVE_DATES) -> MetadataCatalog:
        """The catalogue with the shipped 施行 dates in place of the table's (none, or the
        publication date where the decision set a later one: 民事诉讼法2023年修正):
        ``{name: [{"publish", "valid_from", "by"}]}``, ``by`` citing the clause."""
        known = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        entries = list(self.entries)
        for name, versions in known.items():
            for version in versions:
                publish, valid_from = _to_date(version["publish"]), _to_date(version["valid_from"])
                row = self._by_key.get((name, publish))
                if row is None:
                    entries.append(MetadataEntry(name, None, publish, valid_from, False))
                else:
                    entries[entries.index(row)] = MetadataEntry(
                        name, row.level, publish, valid_from, row.expired
                    )
        return MetadataCatalog(entries)

    @classmethod
    def from_sqlite(cls, path: Path) -> MetadataCatalog:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            rows = conn.execute(
                "SELECT name, level, publish, valid_from, expired FROM law"
            ).fetchall()
        return cls(
            [MetadataEntry(n, lv, _to_date(p), _to_date(v), bool(e)) for n, lv, p, v, e in rows]
        )

    @classmethod
    def from_json(cls, path: Path) -> MetadataCatalog:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            [
                MetadataEntry(
                    r["name"],
                    r.get("level"),
                    _to_date(r.get("publish")),
                    _to_date(r.get("valid_from")),
                    r.get("expired", False),
                )
                for r in rows
            ]
        )

    def to_json(self, path: Path) -> None:
        rows = [
            {
                **asdict(e),
                "publish": e.publish and e.publish.isoformat(),
                "valid_from": e.valid_from and e.valid_from.isoformat(),
            }
            for e in self.entries
        ]
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")

    @classmethod
    def for_folder(cls, folder: Path) -> MetadataCatalog:
        """The catalogue found in ``folder`` or a parent, else an empty one."""
        for candidate in [folder, *folder.parents][:3]:
            if (candidate / METADATA_SQLITE).exists():
                return cls.from_sqlite(candidate / METADATA_SQLITE)
            if (candidate / METADATA_JSON).exists():
                return cls.from_json(candidate / METADATA_JSON)
        return cls([])
