"""The example recording shipped with the package (source and licence in data/README.md)."""

from __future__ import annotations

from pathlib import Path

EXAMPLE_RECORDING = Path(__file__).resolve().parent / "data" / "example-interview.wav"
