"""The HTTP side of ``cables serve``: the page, the terminal's static files and one
WebSocket per page, each driving its own ``cables`` child process through textual-serve's
``AppService``. Every request passes the guard first (token, Host; Origin for the socket);
a refused one is answered 403 with a plain sentence and logged for the owner.
"""

from __future__ import annotations

import html
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from string import Template

import textual_serve
from aiohttp import WSMsgType, web

from tui.web.guard import Guard

PAGE = Template((Path(__file__).parent / "page.html").read_text(encoding="utf-8"))
# Keys and resizes are small; nothing a page sends needs more.
MAX_MESSAGE = 64 * 1024
MAX_CELLS = 1000
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' "
        "'unsafe-inline'; font-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
REFUSALS = {
    "host": "cables serve: refused: the Host header does not name this server.",
    "token": (
        "cables serve: refused: this server needs the token of its run. Open the URL it "
        "printed when it started (http://...:PORT/?token=...)."
    ),
    "origin": "cables serve: refused: a terminal session may only be opened by its own page.",
}


def log(line: str) -> None:
    print(f"cables serve: {line}", file=sys.stderr, flush=True)


def static_folder() -> Path:
    """The terminal emulator page assets that come with textual-serve (xterm.js, fonts)."""
    return Path(textual_serve.__file__).parent / "static"


def make_app(guard: Guard, command: str, title: str) -> web.Application:
    """The aiohttp application; ``command`` starts one app child per page."""

    @web.middleware
    async def check(request: web.Request, handler: Callable[..., Awaitable[web.StreamResponse]]):
        refusal = refusal_of(guard, request)
        if refusal:
            log(f"refused {request.method} {request.path[:80]!r}: {refusal}")
            return web.Response(status=403, text=REFUSALS[refusal] + "\n", headers=SECURITY_HEADERS)
        response = await handler(request)
        if not response.prepared:
            response.headers.update(SECURITY_HEADERS)
        if guard.token_matches(request.query.get("token")) and not response.prepared:
            # The URL's token is needed once: the page's own requests (its scripts, its
            # socket) then carry this cookie, which no other site's request gets.
            response.set_cookie(
                guard.cookie_name, guard.token, httponly=True, samesite="Strict", path="/"
            )
        return response

    async def index(request: web.Request) -> web.Response:
        scheme = "wss" if request.secure else "ws"
        body = PAGE.substitute(
            title=html.escape(title),
            websocket_url=html.escape(f"{scheme}://{request.host}/ws"),
            font_size=str(font_size(request.query.get("fontsize"))),
        )
        return web.Response(text=body, content_type="text/html")

    async def session(request: web.Request) -> web.WebSocketResponse:
        from textual_serve.app_service import AppService
        from textual_serve.download_manager import DownloadManager

        socket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE)
        await socket.prepare(request)
        width = cells(request.query.get("width"), 80)
        height = cells(request.query.get("height"), 24)
        service = AppService(
            command,
            write_bytes=socket.send_bytes,
            write_str=socket.send_str,
            close=socket.close,
            download_manager=DownloadManager(),
        )
        log(f"session started for {request.headers.get('Origin', '')[:80]} ({width}x{height})")
        await service.start(width, height)
        try:
            async for message in socket:
                if message.type == WSMsgType.TEXT:
                    await relay(message.data, service, socket)
        finally:
            await service.stop()
            log("session ended")
        return socket

    app = web.Application(middlewares=[check], client_max_size=MAX_MESSAGE)
    app.add_routes([
        web.get("/", index),
        web.get("/ws", session),
        web.static("/static", static_folder(), show_index=False, follow_symlinks=False),
    ])  # fmt: skip
    return app


def refusal_of(guard: Guard, request: web.Request) -> str | None:
    """Which check ``request`` fails ("host", "token", "origin"), or None."""
    host = request.headers.get("Host")
    if not guard.host_allowed(host):
        return "host"
    if not (
        guard.token_matches(request.query.get("token"))
        or guard.token_matches(request.cookies.get(guard.cookie_name))
    ):
        return "token"
    upgrade = request.headers.get("Upgrade", "").lower() == "websocket"
    if (upgrade or request.path == "/ws") and not guard.origin_allowed(
        request.headers.get("Origin"), host
    ):
        return "origin"
    return None


async def relay(data: str, service, socket: web.WebSocketResponse) -> None:
    """One message from the page: keys, a resize, a ping, focus. Anything else, or a
    malformed one, is dropped: the page is trusted no further than its token."""
    try:
        envelope = json.loads(data)
    except ValueError:
        return
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        return
    kind, payload = envelope[0], envelope[1] if len(envelope) > 1 else None
    if kind == "stdin" and isinstance(payload, str):
        await service.send_bytes(payload.encode("utf-8", "replace"))
    elif kind == "resize" and isinstance(payload, dict):
        await service.set_terminal_size(
            cells(payload.get("width"), 80), cells(payload.get("height"), 24)
        )
    elif kind == "ping" and isinstance(payload, str | int | float):
        await socket.send_json(["pong", payload])
    elif kind == "blur":
        await service.blur()
    elif kind == "focus":
        await service.focus()


def cells(value: object, default: int) -> int:
    """A terminal size from the page, kept to what a screen can be."""
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return min(max(number, 1), MAX_CELLS)


def font_size(value: str | None) -> int:
    try:
        return min(max(int(value or 16), 6), 64)
    except ValueError:
        return 16


def serve(app: web.Application, host: str, port: int) -> None:
    web.run_app(app, host=host, port=port, print=None, access_log=None)
