"""``cables serve`` as an attacker meets it: a real server on a free loopback port, asked by
raw HTTP (so every header is the test's own). Without the token, with a Host that is not
the server (DNS rebinding) or from another page's Origin, each request is refused with 403
and no app starts; with the token and its own page's Origin, the app starts."""

from __future__ import annotations

import asyncio
import base64
import importlib.util
import os
import re
import socket
import time

import pytest
from serve_support import TOKEN, served

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("textual_serve") is None,
    reason="no textual-serve (pip install 'cables[serve]')",
)
COOKIE = "cables-serve-{port}=" + TOKEN


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One server for the module, in a home of its own with no corpus yet (a fresh install)."""
    folder = tmp_path_factory.mktemp("serve")
    with served(folder, home=folder / "home") as running:
        yield running


def ask(port: int, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    """One raw HTTP/1.1 request; the status code and what came with it."""
    lines = [f"GET {path} HTTP/1.1", *(f"{k}: {v}" for k, v in headers.items()), "", ""]
    with socket.create_connection(("127.0.0.1", port), timeout=20) as conn:
        conn.sendall("\r\n".join(lines).encode())
        conn.settimeout(5)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                break
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        match = re.match(rb"HTTP/1\.1 (\d{3})", head)
        assert match, data[:200]
        return int(match.group(1)), head + b"\r\n\r\n" + body


def upgrade(server, *, host: str | None = None, origin: str | None = "own", cookie: bool = True,
            query: str = "") -> int:  # fmt: skip
    headers = {
        "Host": host or f"127.0.0.1:{server.port}",
        "Upgrade": "websocket",
        "Connection": "Upgrade",
        "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
        "Sec-WebSocket-Version": "13",
    }
    if origin is not None:
        headers["Origin"] = f"http://127.0.0.1:{server.port}" if origin == "own" else origin
    if cookie:
        headers["Cookie"] = COOKIE.format(port=server.port)
    return ask(server.port, f"/ws{query}", headers)[0]


def test_the_page_needs_the_token_and_then_sets_a_strict_cookie(server):
    own = {"Host": f"127.0.0.1:{server.port}"}
    assert ask(server.port, "/", own)[0] == 403
    assert ask(server.port, "/?token=wrong-token-0123456789", own)[0] == 403
    status, response = ask(server.port, f"/?token={TOKEN}", own)
    assert status == 200
    assert re.search(rb"Set-Cookie: cables-serve-\d+=" + TOKEN.encode() + rb";.*HttpOnly", response)
    assert b"SameSite=Strict" in response
    assert server.printed_url() == f"http://127.0.0.1:{server.port}/?token={TOKEN}"


def test_every_other_route_needs_the_token_too(server):
    own = {"Host": f"127.0.0.1:{server.port}"}
    for path in ("/static/js/textual.js", "/static/css/xterm.css", "/nothing", "/ws"):
        assert ask(server.port, path, own)[0] == 403, path
    with_cookie = {**own, "Cookie": COOKIE.format(port=server.port)}
    assert ask(server.port, "/static/js/textual.js", with_cookie)[0] == 200


def test_the_page_has_a_title_and_loads_nothing_from_other_hosts(server):
    status, response = ask(
        server.port, f"/?token={TOKEN}", {"Host": f"localhost:{server.port}"}
    )
    page = response.decode()
    assert status == 200 and "<title>cables · corpus</title>" in page
    for address in re.findall(r'(?:src|href)="([^"]*)"', page):
        assert address.startswith("/") or address.startswith("data:"), address
    assert "googleapis" not in page and "https://" not in page
    assert f'data-session-websocket-url="ws://localhost:{server.port}/ws"' in page
    assert "Content-Security-Policy: default-src 'none'" in page  # in the response head


def test_a_rebound_host_is_refused_even_with_the_token(server):
    status, _ = ask(server.port, f"/?token={TOKEN}", {"Host": f"evil.example:{server.port}"})
    assert status == 403


def test_websockets_from_a_foreign_origin_a_wrong_host_or_without_token_never_start_the_app(
    server,
):
    before = server.sessions_started()
    assert upgrade(server, origin="http://evil.example") == 403
    assert upgrade(server, origin="null") == 403
    assert upgrade(server, origin=None) == 403
    assert upgrade(server, host=f"evil.example:{server.port}",
                   origin=f"http://evil.example:{server.port}") == 403  # fmt: skip
    assert upgrade(server, cookie=False) == 403
    assert upgrade(server, cookie=False, query="?token=guess-guess-guess-guess") == 403
    time.sleep(0.5)
    assert server.sessions_started() == before
    assert "refused GET '/ws': origin" in server.output()
    assert "refused GET '/ws': host" in server.output()
    assert "refused GET '/ws': token" in server.output()


def test_with_the_token_and_its_own_origin_the_app_starts_and_shows_the_listing(server):
    import aiohttp

    async def session() -> str:
        seen = b""
        cookie = {"Cookie": COOKIE.format(port=server.port)}
        async with (
            aiohttp.ClientSession(headers=cookie) as client,
            client.ws_connect(
                f"ws://127.0.0.1:{server.port}/ws?width=100&height=30",
                origin=f"http://127.0.0.1:{server.port}",
            ) as socket_,
        ):
            deadline = time.monotonic() + 60
            while b"06ALMATY79" not in seen and time.monotonic() < deadline:
                try:
                    message = await socket_.receive(timeout=5)
                except TimeoutError:
                    continue
                if message.type == aiohttp.WSMsgType.BINARY:
                    seen += message.data
                elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    break
        return seen.decode("utf-8", "replace")

    before = server.sessions_started()
    text = asyncio.run(session())
    assert "06ALMATY79" in text, server.output()[-2000:]
    assert server.sessions_started() == before + 1
