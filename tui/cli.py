"""The ``cables`` command line: argument parsing and dispatch to one module per command.

None of the one-shot commands may import Textual, so ``cables show`` starts as fast as
Python allows; only the browser (no command, ``open``, ``--search``, ``serve``) loads it.
"""

from __future__ import annotations

import gc
import importlib
import sys

# argparse, pathlib and the rest are imported by main, once the collector is off (see main).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

# name -> (module under tui.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "show": ("show", "print one cable and exit"),
    "search": ("search", "full-text search; prints the hits and exits"),
    "open": ("open_", "open the browser on one cable"),
    "import": ("import_", "import cables.csv, the HTML release or .txt files"),
    "remove": ("remove", "delete cables from the corpus"),
    "reindex": ("reindex", "build the full-text index again from the corpus"),
    "bookmarks": ("bookmarks", "list or export bookmarks"),
    "history": ("history", "print the search history"),
    "stats": ("stats", "counts by classification, year and origin; of a search with --by"),
    "tags": ("tags", "what TAGS codes mean and how often the corpus uses them"),
    "people": ("people", "the people the cables name: tags, Classified By, signers"),
    "thread": ("thread", "what a cable cites and what cites it, as a tree, JSON or DOT"),
    "cite": ("cite", "a citation of each cable (chicago, apa, bibtex, md)"),
    "locate": ("locate", "print where the corpus, bookmarks, history and config live"),
    "parse": ("parse", "show what the parser sees in cable files (JSON Lines with --json)"),
    "related": ("related", "the cables most like one cable: its REF links, then by content"),
    "map": ("map_", "where the cables (of a search) came from, on a world map"),
    "serve": ("serve", "serve the browser to a web browser, behind a secret token"),
}

# What exit statuses 0 and 1 mean for each command that ends in 1 when it finds nothing;
# the others exit 0 when done. Every command exits 2 on bad usage (an option, a query, an ID
# or the corpus).
EXIT_MEANINGS: dict[str, tuple[str, str]] = {
    "show": ("found", "no such cable, or an ID prefix that fits several"),
    "search": ("found", "nothing matched"),
    "open": ("done", "no such cable, or an ID prefix that fits several"),
    "import": ("done", "nothing was imported"),
    "remove": ("removed", "no such cable (then none is removed)"),
    "bookmarks": ("done", "no bookmarks yet"),
    "history": ("done", "no searches yet"),
    "stats": ("found", "nothing matched the query"),
    "thread": ("found", "no such cable"),
    "cite": ("found", "a cable was not found"),
    "parse": ("found", "no cable in the files"),
    "map": ("found", "nothing matched the query"),
    "related": ("found", "no such cable, or nothing like it"),
    "serve": ("stopped with Ctrl-C", ""),
}
EXIT_STATUS = "exit status: 0 found, 1 nothing found, 2 bad usage or query, 130 interrupted"

EPILOG = f"""examples:
  cables                           browse (the bundled samples until you import a corpus)
  cables show 06ALMATY79           print one cable (paged when longer than the screen)
  cables show 06ALM --color always | less -R
  cables search Baimenov           which cables mention Baimenov
  cables import cables.csv         import the full 2011 dump (replaces the samples)
  cables remove 06ALMATY79         delete a cable from the corpus
  cables --search 'tag:KZ'         open the browser on a search
  cables COMMAND --help            more about one command

{EXIT_STATUS}
"""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; only the chosen command's module is imported (none for None)."""
    import argparse

    from tui.commands.output import HelpFormatter

    parser = argparse.ArgumentParser(
        prog="cables",
        description="A terminal browser for US diplomatic cables.",
        epilog=EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument(
        "--corpus", metavar="FILE", default=None,
        help="corpus file (default: corpus.sqlite in the data dir; see `cables locate`)",
    )  # fmt: skip
    parser.add_argument("--search", metavar="QUERY", help="open the browser on this search")
    # Set by `cables serve` for the app it runs for a web page: the keys that reach this
    # machine's shell or files are off there unless the owner said --allow-shell.
    parser.add_argument("--served", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        if name != only:
            if only is None:  # the others' parsers only serve the top-level --help
                sub.add_parser(name, help=help_text, formatter_class=HelpFormatter)
            continue
        module = importlib.import_module(f"tui.commands.{module_name}")
        command_parser = sub.add_parser(
            name,
            help=help_text,
            description=getattr(module, "DESCRIPTION", help_text),
            epilog=_with_exit_status(getattr(module, "EPILOG", None), name),
            formatter_class=HelpFormatter,
            argument_default=None,
        )
        module.add_arguments(command_parser)
        # A subcommand's --corpus must not reset the one given before the command name.
        for action in command_parser._actions:
            if action.dest == "corpus":
                action.default = argparse.SUPPRESS
        command_parser.set_defaults(run=module.run)
        # main() reports a stray argument with this command's usage, not the top-level one.
        parser.set_defaults(command_parser=command_parser)
    return parser


def _with_exit_status(epilog: str | None, command: str) -> str:
    """A command's epilog with the exit statuses it can end with."""
    zero, one = EXIT_MEANINGS.get(command, ("done", ""))
    status = f"exit status: 0 {zero}; {f'1 {one}; ' if one else ''}2 bad usage or query"
    return f"{epilog.rstrip()}\n\n{status}\n" if epilog else status + "\n"


def _chosen_command(argv: list[str]) -> str | None:
    """The command name in argv, found without importing every command module."""
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
            continue
        if arg in ("--corpus", "--search"):
            skip_next = True
            continue
        if arg.startswith("-"):
            continue
        return arg if arg in COMMANDS else None
    return None


def _query_options(command: str):
    if command in ("stats", "map"):
        module = importlib.import_module(f"tui.commands.{COMMANDS[command][0]}")
        return module.VALUE_OPTIONS, module.FLAG_OPTIONS
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the command ``argv`` names (None: this process's arguments, and the process is
    the command's: the `cables` script, ``python -m tui.cli``)."""
    if argv is not None:  # called from Python (tests, tools): the collector is the caller's
        return _main(argv, own_process=False)
    # Start-up makes tens of thousands of objects that live as long as the process (modules,
    # classes, functions): the cycle collector went through them again and again while they
    # were made, and once more at exit, 7-10 ms of a 50 ms `cables show`. Once the command is
    # chosen they are set aside (gc.freeze); what the command makes is collected as usual.
    gc.disable()
    try:
        return _main(sys.argv[1:], own_process=True)
    finally:
        gc.freeze()  # at exit, what is left is freed with the process


def _main(argv: list[str], own_process: bool) -> int:
    from store.corpus.schema import CorpusError
    from store.userdata.errors import ConfigError
    from tui.commands.common import CommandError

    argv = list(argv)
    command = _chosen_command(argv)
    parser = build_parser(only=command)
    words: list[str] = []
    if command in ("search", "stats", "map"):  # a query may hold -word exclusions, not options
        from tui.commands.search import split_query_words

        at = argv.index(command) + 1
        options, words = split_query_words(argv[at:], _query_options(command))
        argv = argv[:at] + options
    args, extra = parser.parse_known_args(argv)
    if extra:
        (getattr(args, "command_parser", None) or parser).error(
            f"unrecognized arguments: {' '.join(extra)}"
        )
    if words:
        args.query = [*args.query, *words]
    run = getattr(args, "run", None)
    if own_process:  # start-up is over: collect what the command makes
        gc.freeze()
        gc.enable()
    try:
        if run is None:
            from tui.commands import browse

            return browse.run(args)
        return run(args)
    except (CommandError, ConfigError, CorpusError) as error:
        from store.sanitize import clean

        # Messages quote what the user typed or a file held: controls shown, never sent.
        print(f"cables: {clean(str(error))}", file=sys.stderr)
        return getattr(error, "code", 2)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `cables ... | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
