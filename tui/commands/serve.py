"""``cables serve``: the browser in a web browser, for the user who started it only.

The URL printed at start carries a secret token; every request without it, with a Host that
is not this server, or (for the terminal's WebSocket) from another page's Origin, gets 403
(see tui/web/guard.py for why each check). The app it runs for a page has the keys that reach
this machine's shell and files (``|``, ``w``, exports) off unless ``--allow-shell``.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

from tui.commands.common import CommandError, add_corpus_argument, open_corpus

TOKEN_VARIABLE = "CABLES_SERVE_TOKEN"
DESCRIPTION = (
    "Serve the browser to a web browser. Only the URL printed at start opens it: it carries "
    "a secret token, new each run, and every request without the token is refused, as is "
    "any WebSocket from another page or a Host that is not this server. It listens on "
    "127.0.0.1; from another machine use an SSH tunnel (ssh -L 8000:127.0.0.1:8000 host, "
    "then open the printed URL there). In the page, | (pipe to a command), w (write a file) "
    "and bookmark export are off unless --allow-shell."
)
EPILOG = f"""examples:
  cables serve                     prints http://127.0.0.1:8000/?token=...
  cables serve --port 8123
  {TOKEN_VARIABLE}=... cables serve   a token of your own (kept out of `ps`)
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    parser.add_argument(
        "--host", default="127.0.0.1", metavar="ADDR",
        help="address to listen on (127.0.0.1). Another one is reachable from other "
        "machines: prefer an SSH tunnel",
    )  # fmt: skip
    parser.add_argument(
        "--token", metavar="TOKEN", default=None,
        help=f"the secret (default: ${TOKEN_VARIABLE}, else a new random one); "
        "at least 16 letters, digits or - _ . ~",
    )  # fmt: skip
    parser.add_argument(
        "--allow-shell", action="store_true",
        help="let the page use | (runs shell commands here), w and export (write files here)",
    )  # fmt: skip
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    try:
        from tui.web import server
    except ImportError:
        raise CommandError(
            "cables serve needs textual-serve: pip install 'cables[serve]'"
        ) from None
    from tui.web.guard import Guard, is_loopback, new_token, token_problem

    if not 1 <= args.port <= 65535:
        raise CommandError(f"--port must be 1-65535, not {args.port}")
    token = args.token or os.environ.get(TOKEN_VARIABLE) or new_token()
    problem = token_problem(token)
    if problem:
        raise CommandError(f"--token: {problem}")
    # Opened here, once: a fresh install gets the bundled samples as `cables` would (each
    # web session then opens the same file), and a bad corpus fails now, not in the page.
    with open_corpus(args) as corpus:
        path = corpus.path
    child = [sys.executable, "-m", "tui.cli", "--corpus", str(path)]
    if not args.allow_shell:
        child.append("--served")
    guard = Guard(token=token, bound_host=args.host, port=args.port)
    app = server.make_app(guard, shlex.join(child), title=page_title(path))
    for line in banner(path, args.host, args.port, token, args.allow_shell):
        print(line, flush=True)
    if not is_loopback(args.host):
        print(
            f"cables serve: warning: {args.host} is reachable from other machines, over plain "
            "HTTP: anyone who sees the token can read the corpus"
            + (" and run commands as you" if args.allow_shell else "")
            + ". An SSH tunnel to 127.0.0.1 is safer.",
            file=sys.stderr, flush=True,
        )  # fmt: skip
    try:
        server.serve(app, args.host, args.port)
    except OSError as error:
        raise CommandError(
            f"cannot listen on {args.host}:{args.port}: {error.strerror or error} "
            "(another port: --port N)"
        ) from None
    return 0


def banner(corpus: Path, host: str, port: int, token: str, allow_shell: bool) -> list[str]:
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    if ":" in shown:
        shown = f"[{shown}]"
    shell = "on (--allow-shell)" if allow_shell else "off (--allow-shell turns them on)"
    return [
        f"cables serve: {corpus} on {host}:{port}",
        "open this URL; it carries this run's secret token (keep it to yourself):",
        f"    http://{shown}:{port}/?token={token}",
        f"shell and file keys (| w export): {shell}. Ctrl-C stops.",
    ]


def page_title(corpus: Path) -> str:
    return f"cables · {corpus.stem}"
