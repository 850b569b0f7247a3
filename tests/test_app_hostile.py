"""Hostile text: markup and raw control sequences in cable fields (written straight into the
corpus, past the import-time cleaning) must show literally and never reach the terminal."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from app_support import (
    HOSTILE_SUBJECTS,
    hostile_corpus,
    make_app,
    pilot_test,
    reader_text,
    screen_text,
    settle,
    sidebar_lines,
)

from store.userdata.config import Config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.bench_tui import PtyTerminal, cables_argv  # noqa: E402

# What each hostile field would do if it reached the terminal.
PAYLOADS = [
    b"\x1b]0;pwned-title",  # set the window title
    b"\x1b]52;c;cHduZWQ",  # write the clipboard (OSC 52)
    b"\x1b[31mRED",  # color
    "\x9b31m".encode(),  # a C1 CSI
    "\u202e".encode(),  # bidi override
    b"\x1b[2J\x1b[H cleared",  # clear the screen
    b"\x1b]0;x\x07",  # in the origin
]


@pilot_test
async def test_markup_and_controls_show_literally_in_the_app(tmp_path):
    app = make_app(hostile_corpus(tmp_path / "hostile.sqlite"), config=Config(sidebar_width=100))
    async with app.run_test(size=(250, 40)) as pilot:
        await settle(pilot)
        listing = "\n".join(sidebar_lines(app))
        assert "[bold red]SECRET[/]" in listing
        assert "REF: [/]" in listing
        assert "[@click=app.quit]click me[/]" in listing
        assert "^[]0;pwned-title^G" in listing
        assert "<9B>31m" in listing
        assert "<202E>evil<202C>" in listing
        for _ in HOSTILE_SUBJECTS:  # open every cable; nothing crashes, nothing is parsed
            await pilot.press("j")
            await settle(pilot)
            text = reader_text(app)
            assert "REF: [/] too" in text
            assert "^[[2J^[[H cleared? [bold]no[/bold]" in text
            assert "[red]Embassy[/red] ^[]0;x^G" in text
        assert app.is_running
        assert "\x1b" not in screen_text(app)
        # The palette shows subjects as text too (its help line is markup: no data there).
        await pilot.press("ctrl+p")
        await pilot.press(*"07testpost10")
        await settle(pilot, delay=0.35)
        assert "[bold red]SECRET[/]" in screen_text(app)
        await pilot.press("escape")
        assert app.is_running


def test_no_control_sequence_from_a_cable_reaches_the_terminal(tmp_path):
    corpus = hostile_corpus(tmp_path / "hostile.sqlite")
    terminal = PtyTerminal(cables_argv(corpus), cols=160, rows=40)
    try:
        assert terminal.wait_for(b"07TESTPOST106", timeout=30) is not None
        terminal.settle(0.5)
        for key in "jjjjjjj":
            terminal.send(key)
            terminal.settle(0.3)
        terminal.send("\t")  # the reader
        terminal.settle(0.3)
        assert terminal.process.poll() is None, "the app stopped"
    finally:
        terminal.close()
    assert terminal.process.returncode == 0
    output = bytes(terminal.output)
    for payload in PAYLOADS:
        assert payload not in output, payload
    # The only OSC written is Textual's own pointer shape (22): no title, clipboard or link.
    assert set(re.findall(rb"\x1b\](\d*)", output)) <= {b"22"}
    # The controls are there, made visible.
    assert b"^[]0;pwned-title^G" in output or _visible_across_styles(output, "pwned-title")


def _visible_across_styles(output: bytes, word: str) -> bool:
    """The word painted on screen (possibly split by style codes)."""
    plain = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", output)
    return word.encode() in plain
