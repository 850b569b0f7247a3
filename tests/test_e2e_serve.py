"""End to end: ``cables serve`` on a fresh install, in a real web browser (Playwright driving
the system's chromium). Skipped where chromium, Playwright or textual-serve is absent
(`.ci/run` installs chromium when it can).

The page draws the terminal on a canvas, so the text is read where the page gets it: the
bytes the app sends over the page's websocket, escapes taken out.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import time
from urllib.parse import urlsplit

import pytest
from serve_support import served

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


@pytest.fixture
def server(isolated_home):
    """``cables serve`` with no corpus yet (the XDG dirs are fresh), as after pip install."""
    with served(isolated_home) as running:
        yield running


def test_serve_opens_on_the_samples_and_searches_in_a_browser(server, tmp_path):
    from playwright.sync_api import sync_playwright

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
            asked: list[str] = []
            page.on("request", lambda request: asked.append(request.url))
            # (Playwright wants a Python function as the handler, not a bound builtin.)
            page.on("websocket", lambda ws: ws.on("framereceived", lambda f: received.append(f)))
            page.goto(server.printed_url())
            # No interpreter path, no command line: the corpus.
            assert page.title() == "cables · corpus", page.title()
            assert wait_for("06ALMATY79", "ALMATY2558"), server.output()  # the listing
            before = len(received)
            # No click first: the page hands the keys to the terminal by itself.
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
            # The shell and file keys are off for a page (no --allow-shell).
            before = len(received)
            page.keyboard.press("Enter")
            page.keyboard.press("|")
            assert wait_for("(pipe", "--allow-shell", since=before), screen_text(before)[-3000:]
        finally:
            browser.close()
    # Everything the page loaded came from the server itself: it works offline.
    served_at = urlsplit(server.printed_url()).netloc
    assert asked and all(urlsplit(url).netloc == served_at for url in asked), asked
    assert "first run: imported 2 sample cables" in server.output()
    assert "no corpus there" not in server.output()
