"""Streaming multipart uploads with limits checked before the body is read in full.

The declared Content-Length is checked first; then the file part is written to a
file with a server-generated name while its bytes are counted, and the upload is
cut off (413) the moment it passes the limit. The extension and the file's first
bytes (magic) must both name an allowed type (415). The client's file name is kept
only as display text: it never becomes part of a path.
"""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from fastapi import Request
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from api.http.errors import ApiError

Sniffer = Callable[[bytes], bool]
SNIFF_BYTES = 64
MAX_FIELDS = 30
MAX_FIELD_BYTES = 4096
MULTIPART_OVERHEAD = 64 * 1024  # boundaries, part headers and the small text fields
DEFAULT_IDLE_TIMEOUT_S = 30.0


def _riff_wave(head: bytes) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WAVE"


def _mp3(head: bytes) -> bool:
    return head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


def _iso_media(head: bytes) -> bool:
    return head[4:8] == b"ftyp"


def _adts(head: bytes) -> bool:
    return head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0)


def _text(head: bytes) -> bool:
    """UTF-8 text without NUL bytes (a multi-byte character may be cut at the end)."""
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3
    return True


AUDIO_TYPES: dict[str, Sniffer] = {
    ".wav": _riff_wave,
    ".mp3": _mp3,
    ".m4a": _iso_media,
    ".mp4": _iso_media,
    ".mov": _iso_media,
    ".3gp": _iso_media,
    ".aac": _adts,
    ".amr": lambda h: h.startswith(b"#!AMR"),
    ".ogg": lambda h: h[:4] == b"OggS",
    ".opus": lambda h: h[:4] == b"OggS",
    ".flac": lambda h: h[:4] == b"fLaC",
    ".webm": lambda h: h[:4] == b"\x1a\x45\xdf\xa3",
}
"""Recorder, phone and browser formats the transcription pipeline decodes."""

STATUTE_TYPES: dict[str, Sniffer] = {
    ".md": _text,
    ".txt": _text,
    ".docx": lambda h: h[:4] == b"PK\x03\x04",
    ".pdf": lambda h: h[:5] == b"%PDF-",
}
"""Statute formats the corpus importer parses."""


@dataclass(frozen=True)
class UploadPolicy:
    """What one upload endpoint accepts."""

    max_bytes: int
    types: dict[str, Sniffer]
    label: str  # 录音 / 法规文件, for messages

    @property
    def max_mb(self) -> float:
        return self.max_bytes / 1024 / 1024


@dataclass
class ReceivedUpload:
    """The stored file (server-named) and the form's text fields."""

    path: Path
    display_name: str
    extension: str
    size: int
    fields: dict[str, str] = field(default_factory=dict)


def display_name(raw: str) -> str:
    """The last component of the client's name, printable, at most 120 characters."""
    name = PureWindowsPath(PurePosixPath(raw).name).name
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip()
    return name[-120:] or "upload"


class _UploadSink:
    """python-multipart callbacks: route parts to text fields or the one file."""

    def __init__(self, policy: UploadPolicy, folder: Path, file_field: str) -> None:
        self.policy, self.folder, self.file_field = policy, folder, file_field
        self.header_name = b""
        self.header_value = b""
        self.headers: dict[bytes, bytes] = {}
        self.part_name = ""
        self.part_is_file = False
        self.buffer = bytearray()
        self.fields: dict[str, str] = {}
        self.upload: ReceivedUpload | None = None
        self.handle = None
        self.head = b""
        self.sniffed = False

    # -- headers ----------------------------------------------------------------
    def on_part_begin(self) -> None:
        self.headers, self.buffer, self.part_is_file = {}, bytearray(), False

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self.header_value += data[start:end]

    def on_header_end(self) -> None:
        self.headers[self.header_name.lower()] = self.header_value
        self.header_name, self.header_value = b"", b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self.headers.get(b"content-disposition", b""))
        self.part_name = options.get(b"name", b"").decode("utf-8", "replace")
        filename = options.get(b"filename")
        if filename is None:
            if len(self.fields) >= MAX_FIELDS:
                raise ApiError(413, "upload_too_large", "表单字段过多")
            return
        if self.part_name != self.file_field or self.upload is not None:
            raise ApiError(422, "invalid_request", "只能上传一个文件", field=self.file_field)
        self._open_file(filename.decode("utf-8", "replace"))

    def _open_file(self, client_name: str) -> None:
        name = display_name(client_name)
        extension = Path(name).suffix.lower()
        if extension not in self.policy.types:
            allowed = "、".join(sorted(e.lstrip(".") for e in self.policy.types))
            raise ApiError(
                415,
                "unsupported_media_type",
                f"不支持的{self.policy.label}类型“{extension or '无扩展名'}”，可上传：{allowed}",
            )
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{uuid.uuid4().hex}{extension}"
        self.upload = ReceivedUpload(path, name, extension, 0)
        self.handle = path.open("xb")
        self.part_is_file = True

    # -- data -------------------------------------------------------------------
    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if not self.part_is_file:
            if len(self.buffer) + len(chunk) > MAX_FIELD_BYTES:
                raise ApiError(413, "upload_too_large", f"表单字段“{self.part_name}”过长")
            self.buffer.extend(chunk)
            return
        assert self.upload is not None and self.handle is not None
        self.upload.size += len(chunk)
        if self.upload.size > self.policy.max_bytes:
            raise _too_large(self.policy)
        if not self.sniffed:
            self.head = (self.head + chunk)[:SNIFF_BYTES]
            if len(self.head) >= SNIFF_BYTES:
                self._sniff()
        self.handle.write(chunk)

    def on_part_end(self) -> None:
        if self.part_is_file:
            self._sniff()
            self.handle.close()  # type: ignore[union-attr]
            self.handle = None
            self.part_is_file = False
        else:
            self.fields[self.part_name] = self.buffer.decode("utf-8", "replace")

    def _sniff(self) -> None:
        if self.sniffed:
            return
        self.sniffed = True
        assert self.upload is not None
        if self.upload.size == 0:
            raise ApiError(422, "invalid_request", "上传的文件为空", field=self.file_field)
        if not self.policy.types[self.upload.extension](self.head):
            raise ApiError(
                415,
                "unsupported_media_type",
                f"文件内容与扩展名“{self.upload.extension}”不符，不是可识别的{self.policy.label}",
            )

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None


def _too_large(policy: UploadPolicy) -> ApiError:
    return ApiError(
        413, "upload_too_large", f"{policy.label}超过大小限制（最大 {policy.max_mb:g} MB）"
    )


async def receive_upload(
    request: Request,
    policy: UploadPolicy,
    folder: Path,
    file_field: str = "file",
    idle_timeout_s: float = DEFAULT_IDLE_TIMEOUT_S,
) -> ReceivedUpload:
    """Stream a multipart/form-data body into ``folder``; raise ApiError 408/413/415/422.

    Whatever goes wrong, the partial file is deleted; a body left unread is not drained
    (the error response closes the connection instead)."""
    boundary = _boundary(request)
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes + MULTIPART_OVERHEAD:
        raise _too_large(policy)
    sink = _UploadSink(policy, folder, file_field)
    parser = MultipartParser(boundary, _callbacks(sink))  # type: ignore[arg-type]
    try:
        await _feed(request, parser, idle_timeout_s)
        if sink.upload is None or sink.handle is not None:
            raise ApiError(
                422, "invalid_request", f"缺少上传文件（字段 {file_field}）", field=file_field
            )
    except BaseException:
        sink.close()
        if sink.upload is not None:
            sink.upload.path.unlink(missing_ok=True)
        raise
    sink.upload.fields = sink.fields
    return sink.upload


async def _feed(request: Request, parser: MultipartParser, idle_timeout_s: float) -> None:
    """Parse chunks as they arrive; a client that sends nothing for ``idle_timeout_s`` is cut off."""
    chunks = request.stream().__aiter__()
    try:
        while True:
            try:
                chunk = await asyncio.wait_for(anext(chunks), idle_timeout_s)
            except StopAsyncIteration:
                break
            except TimeoutError as exc:
                message = f"上传中断：{idle_timeout_s:g} 秒内没有收到数据，请重新上传"
                raise ApiError(408, "upload_timeout", message) from exc
            parser.write(chunk)
        parser.finalize()
    except MultipartParseError as exc:
        raise ApiError(400, "bad_request", "上传内容格式错误：multipart 表单无法解析") from exc


def _boundary(request: Request) -> bytes:
    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise ApiError(415, "unsupported_media_type", "请以 multipart/form-data 方式上传文件")
    return boundary


def _callbacks(sink: _UploadSink) -> dict[str, Callable[..., None]]:
    names = (
        "on_part_begin",
        "on_part_data",
        "on_part_end",
        "on_header_field",
        "on_header_value",
        "on_header_end",
        "on_headers_finished",
    )
    return {name: getattr(sink, name) for name in names}


def multipart_upload_schema(**fields: dict[str, Any]) -> dict[str, Any]:
    """OpenAPI extra for an endpoint that reads a streamed multipart upload itself.

    Such endpoints parse the body by hand (to enforce limits before reading it),
    so FastAPI cannot infer the schema: ``file`` plus the named form ``fields``.
    """
    properties = {"file": {"type": "string", "format": "binary"}, **fields}
    schema = {"type": "object", "required": ["file"], "properties": properties}
    return {
        "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": schema}}}
    }
