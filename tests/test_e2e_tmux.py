"""End to end: the installed `cables` command in a real terminal (tmux, 80x24).

Types keys with send-keys and reads the screen with capture-pane, as a user would see it.
Skipped where tmux is absent (`.ci/run` installs it when it can).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

# The background set just before a chip's text, as 256-colour index or as RGB.
CHIP_BACKGROUND = r"\x1b\[(?:[0-9;]*;)?48;(?:5;(\d+)|2;(\d+);(\d+);(\d+))m{text}"
TMUX = shutil.which("tmux")
E2E_CABLES = 20_000
CABLES = Path(sys.executable).parent / "cables"

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
    pytest.mark.skipif(not CABLES.exists(), reason="the cables command is not installed"),
]


def background_rgb(screen: str, text: str) -> tuple[int, int, int]:
    """The background colour the terminal shows ``text`` on, from a capture with escapes."""
    found = re.search(CHIP_BACKGROUND.format(text=re.escape(text)), screen)
    assert found, f"no background colour right before {text!r}"
    index, *rgb = found.groups()
    if index is None:
        return tuple(int(v) for v in rgb)
    index = int(index) - 16  # the 6x6x6 colour cube of the 256-colour palette
    assert 0 <= index < 216, f"{text!r} is on a grey or a basic colour, not the level's"
    levels = (0, 95, 135, 175, 215, 255)
    return levels[index // 36], levels[index // 6 % 6], levels[index % 6]


class Terminal:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            [TMUX, "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True, text=True, timeout=20,
        )  # fmt: skip
        return done.stdout

    def screen(self, *, escapes: bool = False) -> str:
        return self.tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", "e2e")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "e2e", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "e2e", "-l", text)

    def wait_for(self, *needles: str, timeout: float = 20.0, absent: str | None = None) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(n in screen for n in needles) and (absent is None or absent not in screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"waited for {needles!r}; the screen was:\n{screen}")


def started(*args: str):
    """``cables ARGS`` in a fresh tmux server, in the isolated home; killed at the end."""
    socket = f"cables-e2e-{uuid.uuid4().hex[:8]}"
    env = {
        name: os.environ[name]
        for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "HOME")
    }
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    words = " ".join(shlex.quote(word) for word in (str(CABLES), *args))
    command = f"env {exports} TERM=xterm-256color {words}; echo CABLES-EXIT=$?; sleep 120"
    term = Terminal(socket)
    term.tmux("new-session", "-d", "-s", "e2e", "-x", "80", "-y", "24", command)
    try:
        yield term
    finally:
        term.tmux("kill-server")


@pytest.fixture
def terminal(isolated_home: Path):
    yield from started()


@pytest.fixture
def generated_terminal(isolated_home: Path, tmp_path: Path):
    from app_support import generated_corpus

    # Enough that a search and a listing take a moment, as on a real corpus.
    path = generated_corpus(tmp_path / "gen.sqlite", E2E_CABLES)
    yield from started("--corpus", str(path))


def test_browse_open_search_bookmark_quit(terminal: Terminal, isolated_home: Path):
    # First run: the bundled samples are imported and listed, newest first.
    screen = terminal.wait_for("06ALMATY79", "ALMATY2558", "/ 2")
    assert "Traceback" not in screen

    # Enter opens the cable under the cursor: the banner and its (SBU) paragraph chips.
    terminal.keys("g", "Enter")
    screen = terminal.wait_for("UNCLASSIFIED//FOR OFFICIAL USE ONLY", "(SBU)")
    assert "Summary:" in screen
    # ... on the unclassified green (#007A33, or the nearest of 256 colours).
    red, green, blue = background_rgb(terminal.screen(escapes=True), "(SBU)")
    assert green > 2 * red and green > blue, (red, green, blue)

    # & searches all cables from the reader (its / finds in the cable); Baimenov is in the
    # undated cable only. The & and the word come in one burst, as a paste or an SSH link
    # delivers them: the word must land in the search line.
    terminal.type("&Baimenov")
    terminal.keys("Enter")
    screen = terminal.wait_for("1 of 2", "ALMATY2558")

    # m bookmarks the open cable (the note dialog takes enter for no note).
    terminal.keys("Escape")
    terminal.wait_for("/ 2")
    # At 80 columns the listing and the reader take the screen in turn: tab shows the
    # reader, whose status line names the open cable after its position ("lines 1-22/…").
    terminal.keys("tab")
    deadline = time.monotonic() + 10
    open_id = ""
    while time.monotonic() < deadline and open_id not in ("06ALMATY79", "ALMATY2558"):
        time.sleep(0.2)
        status = terminal.screen().splitlines()[0].split("▕")[-1].split()
        # The ID follows "lines A-B/N P%" (or "lines A-B/…" while a long cable comes in).
        after = [word for word in status[2:] if not word.endswith("%")]
        open_id = after[0] if status[:1] == ["lines"] and after else ""
    assert open_id in ("06ALMATY79", "ALMATY2558")
    terminal.keys("m")
    terminal.wait_for("note (optional)")
    terminal.keys("Enter")
    terminal.wait_for("bookmarked")
    bookmarks = isolated_home / "xdg_data_home" / "cables" / "bookmarks.json"
    stored = json.loads(bookmarks.read_text())
    assert [doc["id"] for doc in stored["_default"].values()] == [open_id]

    # q goes back one level (reader to listing), then quits; the shell's screen comes back.
    terminal.keys("q")
    time.sleep(0.5)
    terminal.keys("q")
    screen = terminal.wait_for("CABLES-EXIT=0")
    assert "/ 2" not in screen and "SBU" not in screen


def test_bursts_act_on_what_the_keys_before_them_opened(
    generated_terminal: Terminal, isolated_home: Path
):
    # 20,000 invented cables, 10GENPOST1 newest. A search, enter, two rows down and a bookmark,
    # all in one write to the terminal, as a paste or an SSH link delivers them: the
    # bookmark goes to the third hit (3, 30, 31: newest first), not to a row of the full
    # listing, and the search is for "3*", not "3*jjm".
    terminal = generated_terminal
    terminal.wait_for("10GENPOST1 ", "/ 20,000")
    terminal.type("/3*\rjjm\r")
    terminal.wait_for("bookmarked 10GENPOST31")
    bookmarks = isolated_home / "xdg_data_home" / "cables" / "bookmarks.json"

    def stored() -> list[str]:
        return sorted(doc["id"] for doc in json.loads(bookmarks.read_text())["_default"].values())

    assert stored() == ["10GENPOST31"]
    # Back to the full listing; then to its top, three rows down and a bookmark, in a burst.
    terminal.keys("Escape")
    terminal.wait_for("/ 20,000")
    terminal.type("gjjjm\r")
    terminal.wait_for("bookmarked 10GENPOST4")
    assert stored() == ["10GENPOST31", "10GENPOST4"]


def test_pipe_output_stays_until_a_key(terminal: Terminal):
    # | wc -w: the count stays on screen with mutt's prompt until a key is pressed.
    terminal.wait_for("06ALMATY79", "/ 2")
    terminal.keys("Enter")
    terminal.wait_for("(SBU)")
    terminal.type("|")
    terminal.wait_for("Pipe the cable")
    terminal.type("wc -w; exit 4")
    terminal.keys("Enter")
    screen = terminal.wait_for("Press any key to continue", "[exit status 4]")
    assert re.search(r"^\s*\d+\s*$", screen, re.MULTILINE), screen
    time.sleep(1)  # still there a moment later
    assert "Press any key to continue" in terminal.screen()
    terminal.keys("x")
    terminal.wait_for("(SBU)", absent="Press any key")
