"""A lean keep-alive HTTP/1.1 GET client for the loopback load runs.

The load clients share the machine's two cores with the service, so every CPU
millisecond they spend is one the service does not get. httpx's AsyncClient costs
a few ms of CPU per request (request/response models, header objects, the
connection pool); this client writes one request line and reads one
``Content-Length`` body over a connection it keeps open, nothing else. It only
speaks what the service answers (no chunked bodies, no redirects): anything else is
an error, never silently accepted.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from urllib.parse import urlencode


class LoopbackHTTPError(Exception):
    """The server's answer could not be read as one HTTP/1.1 response with a body length."""


@dataclass(frozen=True)
class LoopbackResponse:
    status_code: int
    body: bytes


class KeepAliveConnection:
    """One persistent connection to ``host:port``; requests are sent one at a time."""

    def __init__(self, host: str, port: int, headers: dict[str, str]) -> None:
        self.host, self.port = host, port
        fixed = {"Host": f"{host}:{port}", "Connection": "keep-alive", **headers}
        self._header_block = "".join(f"{k}: {v}\r\n" for k, v in fixed.items()).encode("latin-1")
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self.connects = 0

    async def get(self, path: str, params: dict[str, str] | None = None) -> LoopbackResponse:
        """GET ``path?params``; reconnects once when the kept connection was closed."""
        target = f"{path}?{urlencode(params)}" if params else path
        request = b"GET " + target.encode("ascii") + b" HTTP/1.1\r\n" + self._header_block + b"\r\n"
        for attempt in (0, 1):
            if self._writer is None:
                await self._connect()
            try:
                return await self._exchange(request)
            except (ConnectionError, asyncio.IncompleteReadError) as exc:
                await self.close()
                if attempt == 1:
                    raise LoopbackHTTPError(f"connection lost: {exc}") from exc
        raise AssertionError("unreachable")

    async def _connect(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        self.connects += 1

    async def _exchange(self, request: bytes) -> LoopbackResponse:
        assert self._reader is not None and self._writer is not None
        self._writer.write(request)
        head = await self._reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head[:-4].split(b"\r\n")
        parts = status_line.split(b" ", 2)
        if len(parts) < 2 or not parts[0].startswith(b"HTTP/1."):
            raise LoopbackHTTPError(f"not an HTTP/1.x status line: {status_line[:80]!r}")
        length, closing = None, False
        for line in header_lines:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding":
                raise LoopbackHTTPError("chunked responses are not supported")
            elif name == b"connection" and value.strip().lower() == b"close":
                closing = True
        if length is None:
            raise LoopbackHTTPError("response without Content-Length")
        body = await self._reader.readexactly(length)
        if closing:
            await self.close()
        return LoopbackResponse(int(parts[1]), body)

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(ConnectionError):
                await self._writer.wait_closed()
        self._reader = self._writer = None
