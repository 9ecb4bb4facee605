"""Decoding candidates of issue #19 are real option changes, and the shipped beam is consistent."""

from __future__ import annotations

from dataclasses import fields, replace

from eval.decoding_selection import CANDIDATES
from transcription.options import TranscriptionOptions, transcription_options_from
from transcription.settings import TranscriptionSettings


def test_every_candidate_changes_known_decoding_options() -> None:
    known = {f.name for f in fields(TranscriptionOptions)}
    shipped = TranscriptionOptions()
    for name, change in CANDIDATES.items():
        assert set(change) <= known, name
        changed = replace(shipped, **change)
        assert changed.decode_kwargs()["beam_size"] == changed.beam_size


def test_site_settings_decode_with_the_chosen_beam() -> None:
    options = transcription_options_from(TranscriptionSettings())
    assert options.beam_size == TranscriptionOptions().beam_size == 10
    assert options.best_of == options.beam_size
