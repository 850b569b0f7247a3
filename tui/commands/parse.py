"""``cables parse PATH...``: what the parser sees in files, for debugging a file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DESCRIPTION = "Show what the parser finds in cable files or directories (nothing is imported)."
EPILOG = """examples:
  cables parse samples/                 one summary line per cable
  cables parse --json cable.txt | jq .  every field, one JSON object per cable per line
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--json", action="store_true", help="JSON Lines with every field")


def run(args: argparse.Namespace) -> int:
    from store.ingest.read_files import read_paths
    from store.parse import parse_text
    from store.records import Skipped
    from tui.output.export_formats import cable_to_json, safe

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"cables: {missing[0]}: no such file or directory", file=sys.stderr)
        return 2
    count = 0
    for item in read_paths(args.paths):
        if isinstance(item, Skipped):
            print(f"skipped {safe(str(item))}", file=sys.stderr)
            continue
        cable = parse_text(item.text, source=item.source, known=item.known)
        count += 1
        if args.json:
            print(_json_line(cable_to_json(cable)))
        else:
            level = cable.classification.full if cable.classification else "UNKNOWN"
            when = cable.created.isoformat(sep=" ") if cable.created else "date unknown"
            line = f"{cable.id or '(no id)'}\t{when}\t{level}\t{cable.subject or ''}"
            print(safe(line))
            for warning in cable.warnings:
                print(f"  warning: {safe(warning)}")
    return 0 if count else 1


def _json_line(value: object) -> str:
    """One JSON Lines record. U+2028/U+2029 are escaped: some readers split lines at them."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
