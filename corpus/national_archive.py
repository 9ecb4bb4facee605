"""The national statute corpus shipped as one xz tarball, read in place (never unpacked).

``laws/`` holds every LawRefBook file (laws, regulations, judicial interpretations,
ministry rules, all versions), ``rules/`` the Guangdong and environment-ministry
rules; ``metadata.json`` is LawRefBook's law-metadata table, ``repeals.json`` the
repeals the texts cannot show. ``python -m corpus.national_archive pack SHARED OUT``
rebuilds it reproducibly (sorted members, fixed mtimes) from a ../shared checkout.
"""

from __future__ import annotations

import argparse
import io
import json
import lzma
import tarfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from corpus.law_metadata import METADATA_JSON, MetadataCatalog, MetadataEntry
from corpus.loaders import LoadError, RawDocument
from corpus.loaders.lawref_markdown import parse_lawref_markdown
from corpus.loaders.vuepress_markdown import parse_vuepress_markdown

REPEALS_MEMBER = "repeals.json"
_SKIPPED_NAMES = {"_index.md", "README.md", "readme.md", "SUMMARY.md"}


_MEMBER_FOLDERS = ("laws", "rules")


def is_member_name(source: str) -> bool:
    """Whether a stored version's source names a statute file of the archive (``laws/…``,
    ``rules/…``, relative) rather than a file on disk (absolute, see ``ingest_paths``)."""
    path = PurePosixPath(source)
    return not path.is_absolute() and path.parts[:1] in {(f,) for f in _MEMBER_FOLDERS}


@dataclass(frozen=True)
class ArchiveDocument:
    """One statute file inside the archive, parsed lazily from its bytes."""

    name: str
    data: bytes

    @property
    def path(self) -> Path:
        """A virtual path (folder names carry the legal level, as on disk)."""
        return Path(self.name)

    def load(self) -> RawDocument:
        if not self.data:
            raise LoadError(f"文件为空：{self.path.name}")
        try:
            text = self.data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise LoadError(f"文件不是 UTF-8 文本：{self.path.name}") from exc
        if text.startswith("---") and "\ntitle:" in text[:400]:
            return parse_vuepress_markdown(text, self.path)
        return parse_lawref_markdown(text, self.path)


class NationalArchive:
    """Read access to the shipped tarball: documents, metadata catalogue, repeals."""

    def __init__(self, path: Path) -> None:
        if not Path(path).is_file():
            raise LoadError(f"全国法规语料包不存在：{path}")
        self.path = Path(path)

    def documents(self, include: Callable[[str], bool] | None = None) -> Iterator[ArchiveDocument]:
        """Statute files in archive order (sorted at pack time); ``include`` filters by name."""
        with tarfile.open(self.path, "r:xz") as tar:
            for member in tar:
                name = PurePosixPath(member.name)
                if not member.isfile() or name.suffix != ".md" or name.name in _SKIPPED_NAMES:
                    continue
                if include is not None and not include(member.name):
                    continue
                handle = tar.extractfile(member)
                if handle is not None:
                    yield ArchiveDocument(member.name, handle.read())

    def _member_json(self, name: str) -> object | None:
        with tarfile.open(self.path, "r:xz") as tar:
            try:
                handle = tar.extractfile(name)
            except KeyError:
                return None
            return json.loads(handle.read().decode("utf-8")) if handle else None

    def catalog(self) -> MetadataCatalog:
        rows = self._member_json(METADATA_JSON) or []
        return MetadataCatalog(
            [
                MetadataEntry(
                    r["name"],
                    r.get("level"),
                    _iso(r.get("publish")),
                    _iso(r.get("valid_from")),
                    bool(r.get("expired", False)),
                )
                for r in rows  # type: ignore[union-attr]
            ]
        )

    def repeals(self) -> dict[str, dict[str, str]]:
        return self._member_json(REPEALS_MEMBER) or {}  # type: ignore[return-value]

    def count(self, include: Callable[[str], bool] | None = None) -> int:
        """Number of statute files (for progress bars)."""
        with tarfile.open(self.path, "r:xz") as tar:
            return sum(
                1
                for m in tar
                if m.isfile()
                and m.name.endswith(".md")
                and PurePosixPath(m.name).name not in _SKIPPED_NAMES
                and (include is None or include(m.name))
            )


def _iso(value: str | None):  # noqa: ANN202 - date | None, kept local to the reader
    from datetime import date

    return date.fromisoformat(value) if value else None


# ---- packing (developer tool: rebuild the shipped archive from ../shared) ------------


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), 0, 0o644
    tar.addfile(info, io.BytesIO(data))


def pack(shared: Path, out: Path, repeals: Path) -> dict[str, int]:
    """Write ``out`` from ``shared/data/laws`` and ``shared/data/rules``; returns counts."""
    laws, rules = shared / "data" / "laws", shared / "data" / "rules"
    catalog = MetadataCatalog.from_sqlite(laws / "law-metadata.sqlite3")
    tmp = out.with_suffix(".tmp")
    files = sorted(
        [("laws", p.relative_to(laws)) for p in laws.rglob("*.md")]
        + [("rules", p.relative_to(rules)) for p in rules.rglob("*.md")]
    )
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        meta_path = out.parent / ".metadata.tmp.json"
        catalog.to_json(meta_path)
        _add_bytes(tar, METADATA_JSON, meta_path.read_bytes())
        meta_path.unlink()
        _add_bytes(tar, REPEALS_MEMBER, repeals.read_bytes())
        for top, relative in files:
            source = (laws if top == "laws" else rules) / relative
            _add_bytes(tar, f"{top}/{relative.as_posix()}", source.read_bytes())
    tmp.write_bytes(lzma.compress(raw.getvalue(), preset=9 | lzma.PRESET_EXTREME))
    tmp.replace(out)
    return {"files": len(files), "raw_bytes": raw.tell(), "xz_bytes": out.stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description="Pack the national statute archive.")
    parser.add_argument("command", choices=["pack"])
    parser.add_argument("shared", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument(
        "--repeals", type=Path, default=Path(__file__).parent / "data" / "repeals.json"
    )
    args = parser.parse_args()
    print(json.dumps(pack(args.shared, args.out, args.repeals)))


if __name__ == "__main__":
    main()
