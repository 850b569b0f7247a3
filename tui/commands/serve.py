"""``cables serve``: the browser in a web browser, via textual-serve, on 127.0.0.1 only."""

from __future__ import annotations

import argparse
import shlex
import sys

from tui.commands.common import CommandError, add_corpus_argument, corpus_path

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
    command = shlex.join([sys.executable, "-m", "tui.cli", "--corpus", str(corpus_path(args))])
    print(f"serving on http://127.0.0.1:{args.port} (no authentication; Ctrl-C stops)")
    Server(command, host="127.0.0.1", port=args.port).serve()
    return 0
