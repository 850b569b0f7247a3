"""``|`` in a terminal, as mutt does it: the command gets the terminal (a pager or an editor
works), its output stays on screen until a key is pressed ("Press any key to continue"), and
output longer than the screen is paged from its top; a non-zero exit status is said.

Runs while the app is suspended (the terminal is the shell's); no Textual here. The command
runs in a pseudo-terminal whose output is copied to the real one and kept, so that what it
printed can be measured (and paged) after it ends.
"""

from __future__ import annotations

import contextlib
import os
import pty
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import termios
import tty

PRESS = "Press any key to continue"
# Escape sequences other than colours: the command drew the screen itself (less, vim), so
# what it printed is no text to page again.
SCREEN_DRAWING = re.compile(r"\x1b(?!\[[0-9;]*m)")
# A key sends at most this many bytes (an arrow's escape sequence): all read at once, so no
# part of it reaches the app after.
KEY_BYTES = 64


def run_in_terminal(command: str, text: str) -> int:
    """Run ``command`` with ``text`` on its input and the terminal for the rest; wait as
    mutt does; return its exit status."""
    size = shutil.get_terminal_size()
    output = bytearray()

    def read(fd: int) -> bytes:
        data = os.read(fd, 4096)
        output.extend(data)
        return data

    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write(text)
        path = f.name
    try:
        # The pseudo-terminal gets the real one's size (a pager fills the screen).
        script = (
            f"stty rows {size.lines} cols {size.columns} 2>/dev/null; "
            f"( {command} ) < {shlex.quote(path)}"
        )
        status = os.waitstatus_to_exitcode(pty.spawn(["/bin/sh", "-c", script], read))
    finally:
        os.unlink(path)
    printed = output.decode("utf-8", "replace").replace("\r\n", "\n")
    if status:
        sys.stdout.write(f"\n[exit status {status}]\n")
    if _longer_than(printed, size) and not SCREEN_DRAWING.search(printed):
        shown = printed + (f"\n[exit status {status}]\n" if status else "")
        if _page(shown):
            return status
    sys.stdout.write(f"\n{PRESS}")
    sys.stdout.flush()
    wait_for_key()
    return status


def _longer_than(printed: str, size: os.terminal_size) -> bool:
    width = max(size.columns, 1)
    rows = sum(max(1, -(-len(line) // width)) for line in printed.rstrip("\n").split("\n"))
    return rows > size.lines - 2  # the status and the prompt take the last lines


def _page(printed: str) -> bool:
    """Page ``printed`` with $PAGER (or less); False when there is no pager to run."""
    pager = os.environ.get("PAGER") or ("less -R" if shutil.which("less") else "")
    if not pager:
        return False
    with contextlib.suppress(OSError):
        subprocess.run(pager, shell=True, input=printed, text=True, check=False)
        return True
    return False


def wait_for_key() -> None:
    """One key, whatever it is (its escape sequence whole), in raw mode."""
    fd = sys.stdin.fileno()
    if not os.isatty(fd):
        return
    before = termios.tcgetattr(fd)
    try:
        tty.setraw(fd)
        os.read(fd, KEY_BYTES)
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, before)
