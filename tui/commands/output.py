"""Terminal output of the one-shot commands: ``--color auto|always|never`` and the pager.

Like git: colour and layout follow the terminal unless ``--color`` says otherwise, and a
``cables show`` longer than the screen goes through ``$CABLES_PAGER``, ``$PAGER`` or
``less -R``. No Textual here.
"""

from __future__ import annotations

import argparse
import io
import os
import sys

from store import pattern_cache

DEFAULT_PAGER = "less -R"
_SGR = pattern_cache.compile(r"\x1b\[[0-9;]*m")


def add_color_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto",
        help="colours and bold: auto (on a terminal; NO_COLOR drops the colours), always "
             "(also into a pipe, e.g. for less -R), never",
    )  # fmt: skip


def add_pager_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-pager", action="store_true",
        help="never page (default: on a terminal, longer than the screen goes through "
             "$CABLES_PAGER, $PAGER or less -R)",
    )  # fmt: skip


def terminal_size() -> os.terminal_size:
    """What ``shutil.get_terminal_size()`` says ($COLUMNS and $LINES first, else the
    terminal's, else 80 x 24), without importing shutil: it brings bz2, lzma and fnmatch,
    1.5 ms of every command, since argparse asks for the width of every parser it makes."""
    wanted = []
    for name in ("COLUMNS", "LINES"):
        try:
            wanted.append(int(os.environ[name]))
        except (KeyError, ValueError):
            wanted.append(0)
    columns, lines = wanted
    if columns <= 0 or lines <= 0:
        try:
            found = os.get_terminal_size(sys.__stdout__.fileno())
        except (AttributeError, ValueError, OSError):
            found = os.terminal_size((0, 0))
        columns = columns if columns > 0 else found.columns
        lines = lines if lines > 0 else found.lines
    return os.terminal_size((columns if columns > 0 else 80, lines if lines > 0 else 24))


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's, with the width found without importing shutil: argparse makes one for
    every argument added (to check it) and imports shutil for its width."""

    def __init__(self, prog: str, indent_increment=2, max_help_position=24, width=None) -> None:
        if width is None:
            width = terminal_size().columns - 2  # as argparse takes it
        super().__init__(prog, indent_increment, max_help_position, width)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def styled(choice: str) -> bool:
    """Whether to lay the output out for a terminal (Rich layout, table) at all."""
    return choice == "always" or (choice == "auto" and stdout_is_terminal())


def console(choice: str, *, width: int | None = None):
    """A Rich console that renders into a buffer (``.file``) as ``--color`` chose."""
    from rich.console import Console

    if width is None and stdout_is_terminal():
        width = terminal_size().columns
    return Console(
        file=io.StringIO(),
        highlight=False,
        soft_wrap=False,
        width=width,
        force_terminal=styled(choice),
        # "always" means colours even under NO_COLOR; with auto, Rich honours NO_COLOR.
        no_color=False if choice == "always" else None,
        color_system=None if choice == "never" or not styled(choice) else "auto",
    )


def emit(text: str, *, page: bool) -> None:
    """Write ``text`` to stdout, through the pager when asked, on a terminal, and when it is
    longer than the screen."""
    command = _pager_command()
    if not (page and command and sys.stdout.isatty() and _longer_than_screen(text)):
        sys.stdout.write(text)
        return
    import signal
    import subprocess  # only when paging: 2 ms of start-up otherwise

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # as git: -R for colours, and no screen clearing
    sys.stdout.flush()
    # The pager owns Ctrl-C while it runs (less uses it to stop a search).
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError as error:
        signal.signal(signal.SIGINT, previous)
        print(f"cables: cannot start the pager {command!r} ({error.strerror})", file=sys.stderr)
        sys.stdout.write(text)
        return
    try:
        pager.communicate(text.encode(sys.stdout.encoding or "utf-8", "replace"))
    except BrokenPipeError:  # the reader quit the pager before the end
        pager.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    if pager.returncode == 127:  # the shell found no such command
        print(f"cables: no pager {command!r}; printing directly", file=sys.stderr)
        sys.stdout.write(text)


def _pager_command() -> str:
    """CABLES_PAGER, then PAGER, then less -R; empty or ``cat`` means no pager."""
    for name in ("CABLES_PAGER", "PAGER"):
        value = os.environ.get(name)
        if value is not None:
            return "" if value.strip() in ("", "cat") else value
    return DEFAULT_PAGER


def _longer_than_screen(text: str) -> bool:
    size = terminal_size()
    # Long lines wrap on the screen: count the rows they take, not the newlines.
    columns = max(size.columns, 1)
    rows = sum(max(1, -(-len(line) // columns)) for line in _SGR.sub("", text).splitlines())
    return rows > size.lines - 1
