"""The load bench's lean client: one kept connection, exact bodies, clear errors."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loopback_client import KeepAliveConnection, LoopbackHTTPError  # noqa: E402


async def _serve(reply: str) -> tuple[asyncio.Server, list[str], list[int]]:
    """A tiny HTTP server: echoes the decoded ``q`` parameter; ``reply`` picks the framing."""
    targets: list[str] = []
    connections: list[int] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(1)
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except asyncio.IncompleteReadError:
                break
            target = head.split(b" ")[1].decode()
            targets.append(target)
            body = parse_qs(urlsplit(target).query)["q"][0].encode()
            if reply == "chunked":
                framing = b"Transfer-Encoding: chunked\r\n"
            elif reply == "close":
                framing = b"Content-Length: %d\r\nConnection: close\r\n" % len(body)
            else:
                framing = b"Content-Length: %d\r\n" % len(body)
            writer.write(b"HTTP/1.1 200 OK\r\n" + framing + b"\r\n" + body)
            await writer.drain()
            if reply == "close":
                break
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, targets, connections


def _run(reply: str, queries: list[str]) -> tuple[list[bytes], list[str], int, int]:
    async def go() -> tuple[list[bytes], list[str], int, int]:
        server, targets, connections = await _serve(reply)
        port = server.sockets[0].getsockname()[1]
        client = KeepAliveConnection("127.0.0.1", port, {"Authorization": "Bearer t"})
        try:
            bodies = [(await client.get("/api/search", {"q": q})).body for q in queries]
        finally:
            await client.close()
            server.close()
        return bodies, targets, len(connections), client.connects

    return asyncio.run(go())


def test_requests_share_one_connection_and_bodies_arrive_whole() -> None:
    queries = ["饮酒后驾驶机动车如何处罚", "当事人要求听证 & 100%"]
    bodies, targets, server_connections, connects = _run("keep", queries)
    assert [b.decode() for b in bodies] == queries
    assert all(t.startswith("/api/search?q=") for t in targets)
    assert server_connections == connects == 1


def test_a_closed_connection_is_reopened_for_the_next_request() -> None:
    bodies, _, server_connections, connects = _run("close", ["甲", "乙", "丙"])
    assert [b.decode() for b in bodies] == ["甲", "乙", "丙"]
    assert server_connections == connects == 3


def test_a_response_without_length_is_an_error() -> None:
    with pytest.raises(LoopbackHTTPError, match="chunked"):
        _run("chunked", ["甲"])
