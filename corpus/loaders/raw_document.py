"""What every container loader produces before structure parsing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from corpus.errors import ErrorKind, ZhifaError


class LoadError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="unreadable_file"):
    """A file that cannot be read as a statute; the message is for end users (Chinese)."""


@dataclass
class RawDocument:
    """Title lines, revision-history lines and body blocks of one statute file.

    ``titles`` has more than one entry when a file is one part of a bigger code
    (民法典 → 总则): the first is the law, the rest name the part.
    """

    path: Path
    titles: list[str]
    history: list[str]
    blocks: list[str]
    front_matter: dict[str, str] = field(default_factory=dict)
