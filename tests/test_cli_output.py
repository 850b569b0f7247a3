"""``--color`` and the pager of the one-shot commands, in a pipe and on a real terminal (pty)."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from cable_factory import build_corpus

from tui.cli import main

BANNER = "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
ROOT = Path(__file__).resolve().parent.parent
# A foreground or background colour: gone under NO_COLOR, unlike bold.
COLOR = re.compile(r"\x1b\[(?:[0-9]+;)*(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]")


@pytest.fixture
def corpus(tmp_path, samples_dir):
    return str(build_corpus(tmp_path / "c.sqlite", samples_dir))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def on_terminal(*args: str, rows: int = 24, env: dict | None = None) -> str:
    """What ``cables ARGS`` writes to a terminal of 80 x ``rows``."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 80, 0, 0))
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color"}
    for name in ("NO_COLOR", "PAGER", "CABLES_PAGER", "COLUMNS", "LINES", "FORCE_COLOR"):
        environment.pop(name, None)
    environment.update(env or {})
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", *args],
        stdin=slave, stdout=slave, stderr=slave, env=environment,
    )  # fmt: skip
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert process.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_color_always_colours_a_pipe_even_under_no_color(corpus, capsys, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, _ = run(capsys, "--corpus", corpus, "show", "06ALMATY79", "--color", "always")
    assert code == 0 and COLOR.search(out) and BANNER in out


def test_color_auto_and_never_write_no_escape_into_a_pipe(corpus, capsys):
    for extra in ([], ["--color", "never", "--format", "rich"], ["--color", "auto"]):
        code, out, _ = run(capsys, "--corpus", corpus, "show", "06ALMATY79", *extra)
        assert code == 0 and "\x1b" not in out and "06ALMATY79" in out, extra


def test_search_color_always_gives_the_coloured_table(corpus, capsys):
    code, out, _ = run(capsys, "--corpus", corpus, "search", "Baimenov", "--color=always")
    assert code == 0 and COLOR.search(out) and "\t" not in out


def test_on_a_terminal_no_color_beats_auto_and_never_drops_every_escape(corpus):
    args = ["--corpus", corpus, "show", "06ALMATY79", "--no-pager"]
    assert COLOR.search(on_terminal(*args))
    plain = on_terminal(*args, env={"NO_COLOR": "1"})
    assert not COLOR.search(plain) and BANNER in plain
    assert "\x1b[" not in on_terminal(*args, "--color", "never")


def test_a_long_cable_goes_through_the_pager_on_a_terminal(corpus, tmp_path):
    paged = tmp_path / "paged.txt"
    screen = on_terminal("--corpus", corpus, "show", "06ALMATY79", rows=10,
                         env={"CABLES_PAGER": f"cat > {paged}", "PAGER": "false"})  # fmt: skip
    assert "Baymenov" in paged.read_text() and "Baymenov" not in screen
    assert COLOR.search(paged.read_text())  # the pager gets the colours, as less -R shows them


def test_pager_falls_back_to_pager_and_not_for_what_fits(corpus, tmp_path):
    paged = tmp_path / "paged.txt"
    env = {"PAGER": f"cat > {paged}"}
    show = ["--corpus", corpus, "show", "06ALMATY79"]
    on_terminal(*show, "--format", "text", rows=10, env=env)
    assert "Baymenov" in paged.read_text()
    paged.unlink()
    screen = on_terminal(*show, "--no-pager", rows=10, env=env)
    assert "Baymenov" in screen and not paged.exists()
    screen = on_terminal(*show, rows=500, env=env)
    assert "Baymenov" in screen and not paged.exists()
    screen = on_terminal(*show, rows=10, env={"PAGER": "cat"})
    assert "Baymenov" in screen


def test_a_missing_pager_prints_directly_with_a_note(corpus):
    screen = on_terminal("--corpus", corpus, "show", "06ALMATY79", rows=10,
                         env={"CABLES_PAGER": "no-such-pager-here"})  # fmt: skip
    assert "Baymenov" in screen and "no pager 'no-such-pager-here'" in screen


@pytest.mark.parametrize(
    "columns, lines",
    [(None, None), ("120", "40"), ("120", None), (None, "40"), ("0", "-3"), ("wide", "7")],
)
def test_the_terminal_size_is_the_one_shutil_gives(monkeypatch, columns, lines):
    import shutil

    from tui.commands.output import terminal_size

    for name, value in (("COLUMNS", columns), ("LINES", lines)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert terminal_size() == shutil.get_terminal_size()


def test_the_terminal_size_on_a_terminal_is_the_one_shutil_gives():
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 33, 101, 0, 0))
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in ("COLUMNS", "LINES"):
        environment.pop(name, None)
    script = (
        "import shutil, sys; from tui.commands.output import terminal_size; "
        "print(tuple(terminal_size()), tuple(shutil.get_terminal_size()), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], stdout=slave, stderr=subprocess.PIPE, text=True,
        env=environment, timeout=60,
    )  # fmt: skip
    os.close(slave)
    os.close(master)
    assert done.stderr.split("\n")[0] == "(101, 33) (101, 33)"
