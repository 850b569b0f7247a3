"""End to end: ``cables serve`` on a fresh install, in a real web browser (Playwright driving
the system's chromium). Skipped where chromium, Playwright or textual-serve is absent
(`.ci/run` installs chromium when it can).

The page draws the terminal on a canvas, so the text is read where the page gets it: the
bytes the app sends over the page's websocket, escapes taken out.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium")

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed"),
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None, reason="no playwright"),
    pytest.mark.skipif(
        importlib.util.find_spec("textual_serve") is None,
        reason="no textual-serve (pip install 'cables[serve]')",
    ),
]
ESCAPE = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(isolated_home):
    """``cables serve`` with no corpus yet (the XDG dirs are fresh), as after pip install."""
    port = free_port()
    log = isolated_home / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "tui.cli", "serve", "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            start_new_session=True,  # the server's app sessions go with it at the end
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert process.poll() is None, log.read_text()
            time.sleep(0.2)
        else:
            pytest.fail(f"cables serve did not listen: {log.read_text()}")
        yield f"http://127.0.0.1:{port}", log
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def test_serve_opens_on_the_samples_and_searches_in_a_browser(server, tmp_path):
    from playwright.sync_api import sync_playwright

    url, log = server
    received: list[bytes] = []

    def screen_text(since: int = 0) -> str:
        raw = b"".join(f for f in received[since:] if isinstance(f, bytes))
        return ESCAPE.sub("\n", raw.decode("utf-8", "replace"))

    def wait_for(*words: str, since: int = 0, timeout: float = 60, any_of: bool = False) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = screen_text(since)
            if (any if any_of else all)(word in text for word in words):
                return True
            page.wait_for_timeout(200)
        return False

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
        )
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            # (Playwright wants a Python function as the handler, not a bound builtin.)
            page.on("websocket", lambda ws: ws.on("framereceived", lambda f: received.append(f)))
            page.goto(url)
            title = page.inner_text(".intro div")
            assert title == "cables · corpus", title  # no interpreter path, no command line
            assert wait_for("06ALMATY79", "ALMATY2558"), log.read_text()  # the listing
            before = len(received)
            page.focus(".xterm-helper-textarea")
            # The search line is waited for: keys that come before it is up go to the
            # listing (issue 13 defect 1, typeahead; the tmux test sends the burst).
            page.keyboard.press("/")
            # (its placeholder or its footer key, whichever the TUI shows)
            up = wait_for('"a phrase"', "Close search", since=before, any_of=True)
            assert up, screen_text(before)[-2000:]
            page.keyboard.type("Baimenov", delay=50)
            page.keyboard.press("Enter")
            found = wait_for("ALMATY2558", "hits", since=before)
            page.screenshot(path=str(tmp_path / "serve-search.png"))
            assert found, screen_text(before)[-2000:]
        finally:
            browser.close()
    assert "first run: imported 2 sample cables" in log.read_text()
    assert "no corpus there" not in log.read_text()
