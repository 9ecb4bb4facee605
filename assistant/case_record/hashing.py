"""The hash chain: SHA-256 over canonical JSON of each event and its predecessor's hash.

Canonical JSON (sorted keys, no spaces, UTF-8) makes the hash independent of the
database and the JSON library; the case number and sequence number are inside it,
so an event cannot be moved to another case or position without breaking it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GENESIS_HASH = "0" * 64
FILE_CHUNK = 1 << 20


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(FILE_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class EventHeader:
    """The hashed fields of one event."""

    case_no: str
    seq: int
    event_type: str
    actor: str
    occurred_at: str
    recorded_at: str
    payload_hash: str
    prev_hash: str

    def event_hash(self) -> str:
        return sha256_text(
            canonical_json(
                {
                    "case": self.case_no,
                    "seq": self.seq,
                    "type": self.event_type,
                    "actor": self.actor,
                    "time": self.occurred_at,
                    "recorded": self.recorded_at,
                    "payload_hash": self.payload_hash,
                    "prev_hash": self.prev_hash,
                }
            )
        )
