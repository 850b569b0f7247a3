"""The ``cables`` command line: argument parsing and dispatch to one module per command.

Command modules are imported only when chosen, and none of the one-shot ones may import
Textual, so ``cables show`` starts as fast as Python allows.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# name -> (module under tui.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "parse": ("parse", "show what the parser sees in cable files (JSON Lines with --json)"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cables",
        description="A terminal browser for US diplomatic cables.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(f"tui.commands.{module_name}")
        command_parser = sub.add_parser(
            name,
            help=help_text,
            description=getattr(module, "DESCRIPTION", help_text),
            epilog=getattr(module, "EPILOG", None),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(command_parser)
        command_parser.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", None)
    try:
        if run is None:
            from tui.commands import default

            return default.run(args)
        return run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `cables ... | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
