"""``cables serve``: the browser in a web browser, via textual-serve, on 127.0.0.1 only."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from tui.commands.common import CommandError, add_corpus_argument, open_corpus

DESCRIPTION = (
    "Serve the browser to a web browser at http://127.0.0.1:PORT. It listens on the loopback "
    "address only because it has NO authentication: anyone who can reach the port can read "
    "the corpus. From another machine, use an SSH tunnel (ssh -L 8000:127.0.0.1:8000 host)."
)
EPILOG = """examples:
  cables serve                 http://127.0.0.1:8000
  cables serve --port 8123
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (8000)")
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    try:
        from textual_serve.server import Server
    except ImportError:
        raise CommandError(
            "cables serve needs textual-serve: pip install 'cables[serve]'"
        ) from None
    if not 1 <= args.port <= 65535:
        raise CommandError(f"--port must be 1-65535, not {args.port}")
    # Opened here, once: a fresh install gets the bundled samples as `cables` would (each
    # web session then opens the same file), and a bad corpus fails now, not in the page.
    with open_corpus(args) as corpus:
        path = corpus.path
    command = shlex.join([sys.executable, "-m", "tui.cli", "--corpus", str(path)])
    print(f"serving {path} on http://127.0.0.1:{args.port} (no authentication; Ctrl-C stops)")
    # The start page shows the title: the command line would show the interpreter's path.
    Server(command, host="127.0.0.1", port=args.port, title=page_title(path)).serve()
    return 0


def page_title(corpus: Path) -> str:
    return f"cables · {corpus.stem}"
