"""Decode any recorder or video format to 16 kHz mono samples, or say clearly why not.

PyAV (bundled with faster-whisper) reads wav, mp3, m4a, amr, aac, ogg and the audio
track of video files. Bad input must end in a plain Chinese message for the clerk,
never in a transcript the model invented from noise or a partial header.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
from faster_whisper.audio import decode_audio

from corpus.errors import ErrorKind, ZhifaError

SAMPLE_RATE = 16_000
_UNKNOWN_WAV_SIZES = (0, 0xFFFFFFFF)


class AudioDecodeError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_audio"):
    """The file is not usable audio; ``str(error)`` is a Chinese message for end users."""


@dataclass(frozen=True)
class DecodedAudio:
    """Mono float32 samples at 16 kHz and the facts a record needs about them."""

    samples: np.ndarray
    sample_rate: int

    @property
    def duration_s(self) -> float:
        """Length of the decoded audio in seconds."""
        return len(self.samples) / self.sample_rate


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise AudioDecodeError(f"找不到音频文件：{path}")
    if not path.is_file():
        raise AudioDecodeError(f"不是文件：{path}")
    if path.stat().st_size == 0:
        raise AudioDecodeError(f"音频文件为空（0 字节）：{path.name}")


def wav_truncation(path: Path) -> tuple[int, int] | None:
    """For a RIFF/WAVE file whose data chunk is cut short: (declared, present) bytes.

    A recorder that lost power or an interrupted copy leaves a header that promises
    more audio than the file holds; transcribing it silently would hide the loss.
    """
    with path.open("rb") as fh:
        header = fh.read(12)
        if len(header) < 12 or header[:4] != b"RIFF" or header[8:12] != b"WAVE":
            return None
        file_size = path.stat().st_size
        while chunk := fh.read(8):
            if len(chunk) < 8:
                return None
            chunk_id, size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
            if chunk_id == b"data":
                present = file_size - fh.tell()
                if size in _UNKNOWN_WAV_SIZES or present >= size:
                    return None
                return size, present
            fh.seek(size + (size & 1), 1)
    return None


def decode_audio_file(path: Path, *, allow_truncated: bool = False) -> DecodedAudio:
    """Decode ``path``; raise :class:`AudioDecodeError` for missing, empty, non-audio,
    truncated (unless ``allow_truncated``) or zero-length audio."""
    _check_readable(path)
    truncation = wav_truncation(path)
    if truncation and not allow_truncated:
        declared, present = truncation
        raise AudioDecodeError(
            f"音频文件不完整：文件头声明 {declared} 字节音频数据，实际只有 {present} 字节，"
            "可能在录制或拷贝时被截断。如确需转写残留部分，请加 --allow-truncated。"
        )
    try:
        samples = decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except av.error.InvalidDataError as exc:
        raise AudioDecodeError(f"无法识别的音频格式或文件已损坏：{path.name}") from exc
    except IndexError as exc:
        raise AudioDecodeError(f"文件中没有音轨：{path.name}") from exc
    except (av.error.FFmpegError, OSError) as exc:
        raise AudioDecodeError(f"读取音频失败：{path.name}（{exc}）") from exc
    if samples.size == 0:
        raise AudioDecodeError(f"音频文件不含任何声音数据：{path.name}")
    return DecodedAudio(samples=samples.astype(np.float32, copy=False), sample_rate=SAMPLE_RATE)
