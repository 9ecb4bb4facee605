"""Check an uploaded recording before the job is accepted (202): decodable, not cut
short, with sound in it. A file that fails here is refused at once with a reason
naming the officer's file, instead of failing minutes later in the background.
"""

from __future__ import annotations

from pathlib import Path

import av

from api.http.errors import ApiError
from transcription.audio_decoding import wav_truncation

PROBE_FRAMES = 8
"""Frames decoded to prove the stream decodes when the container states no duration."""


def probe_recording(path: Path, display_name: str) -> float:
    """Seconds of audio the container declares (or > 0 from decoded frames); ApiError 422."""
    truncation = wav_truncation(path)
    if truncation is not None:
        declared, present = truncation
        raise _refused(
            "truncated_audio",
            f"录音“{display_name}”不完整：文件头声明 {declared} 字节音频数据，实际只有 {present} 字节，"
            "可能在录制或拷贝时被截断，请上传完整的文件",
        )
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise _refused("invalid_audio", f"“{display_name}”中没有音轨")
            declared_s = (container.duration or 0) / av.time_base
            decoded_s = _decoded_seconds(container)
    except av.error.FFmpegError as exc:
        raise _refused(
            "invalid_audio", f"录音“{display_name}”无法解码：格式无法识别或文件已损坏"
        ) from exc
    if decoded_s <= 0:
        raise _refused("invalid_audio", f"录音“{display_name}”不含任何声音数据")
    return max(declared_s, decoded_s)


def _decoded_seconds(container: av.container.InputContainer) -> float:
    seconds = 0.0
    for index, frame in enumerate(container.decode(audio=0)):
        if frame.sample_rate:
            seconds += frame.samples / frame.sample_rate
        if index + 1 >= PROBE_FRAMES:
            break
    return seconds


def _refused(code: str, message: str) -> ApiError:
    return ApiError(422, code, message, field="file")
