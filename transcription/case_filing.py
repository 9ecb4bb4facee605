"""File a transcription with its case: audio record + editable 询问笔录 draft.

Kept apart from the pipeline so that transcribing never needs a case, while
everything that becomes evidence is written under ``data_dir/records/<case>/``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from transcription.audio_record import (
    CollectionInfo,
    new_audio_record,
    record_path_for,
    write_audio_record,
)
from transcription.record_draft import (
    AudioSource,
    InterviewHeader,
    draft_from_turns,
    write_draft_files,
)
from transcription.transcript import TranscriptionResult
from transcription.turns import turns_from_segments


@dataclass(frozen=True)
class FiledTranscription:
    """Where the case's files for one recording were written."""

    record_path: Path
    draft_paths: dict[str, Path]


def file_with_case(
    result: TranscriptionResult,
    audio_path: Path,
    collection: CollectionInfo,
    header: InterviewHeader,
    records_root: Path,
    display_name: str | None = None,
) -> FiledTranscription:
    """Write the audio record and the 笔录 draft (JSON, Markdown, DOCX) for a case.

    ``display_name`` is the name the officer uploaded (the server keeps a random one).
    """
    name = display_name or audio_path.name
    record = new_audio_record(
        collection,
        audio_path,
        sha256=result.sha256,
        duration_s=result.duration_s,
        model=result.model,
        settings=result.settings,
        transcript_text=result.text,
        display_name=name,
    )
    record_path = write_audio_record(records_root, record)
    header = replace(header, case_id=header.case_id or collection.case_id)
    source = AudioSource(
        file_name=name,
        sha256=result.sha256,
        duration_s=round(result.duration_s, 3),
        # relative to the records folder: a downloaded draft never shows server paths
        record_path=record_path.relative_to(records_root).as_posix(),
    )
    draft = draft_from_turns(header, turns_from_segments(result.segments), source)
    stem = record_path_for(records_root, collection.case_id, name, result.sha256)
    stem = stem.with_name(stem.name.removesuffix(".audio.json"))
    return FiledTranscription(record_path, write_draft_files(draft, stem))
