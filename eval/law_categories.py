"""The category of each law (民法商法, 社会法, 行政法, 刑法…), for per-category figures.

A retriever tuned on civil law can look good overall and fail on procedure law: the
figures must be split by the category of the *gold* law. LawRefBook files its laws
in one folder per category (``行政法/行政处罚法(2021-01-22).md``); the folder is the
category. Laws the folder does not know fall under the unit's level (法律, 行政法规…)
or ``未知``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from corpus.law_metadata import split_file_stem
from corpus.law_names import short_name
from indexing.units import RetrievalUnit

UNKNOWN_CATEGORY = "未知"


def categories_from_folder(laws_dir: Path) -> dict[str, str]:
    """``{short law name: top-level folder}`` for every Markdown file under ``laws_dir``."""
    categories: dict[str, str] = {}
    for path in sorted(Path(laws_dir).rglob("*.md")):
        relative = path.relative_to(laws_dir)
        if len(relative.parts) < 2 or path.stem.startswith("_"):
            continue
        name, _ = split_file_stem(path.stem)
        categories.setdefault(short_name(name), relative.parts[0])
    # 民法典 is filed one 编 per file: every file in its folder is the one law
    if (Path(laws_dir) / "民法典").is_dir():
        categories["民法典"] = "民法典"
    return categories


def categories_from_levels(units: Iterable[RetrievalUnit]) -> dict[str, str]:
    """``{law: level}`` from the index (the fallback when no category folder is known)."""
    return {unit.law: unit.level for unit in units if unit.level}


class LawCategories:
    """Category lookup: folder category first, then level, then 未知."""

    def __init__(self, by_folder: dict[str, str], by_level: dict[str, str]) -> None:
        self.by_folder = by_folder
        self.by_level = by_level

    def of(self, law: str) -> str:
        return self.by_folder.get(law) or self.by_level.get(law) or UNKNOWN_CATEGORY
