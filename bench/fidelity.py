"""Fidelity benchmark: what a reader would see wrong, cable by cable, on real pages.

    python bench/fidelity.py TREE [--workers 2] [--examples 3] [--list CLASS] [--json]

TREE is a tree of Cablegate HTML pages (``cable/YYYY/MM/<ID>.html``) or of any files the
importer reads (telegram texts, page extracts, cables.csv). Every cable is read and parsed as
``cables import`` does; for HTML pages the metadata table is also read independently (with
``html.parser``, see ``bench/fidelity_truth.py``) and the parsed ID, date and hour,
classification and origin are compared with it.

Prints, per defect class (``bench/fidelity_checks.py``), the number and share of cables
affected with a few example IDs, then the metadata agreement, the portion-mark census and one
summary line. ``--list CLASS`` prints every affected ID of one class (for work on a cause).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.fidelity_checks import (  # noqa: E402
    CLASSES,
    HEADER_TARGET,
    check_cable,
    mark_census,
    run_together,
    spaced_codes,
)
from bench.fidelity_truth import read_truth  # noqa: E402

_METADATA = ("id", "date+hour", "classification", "origin")


def _parse(raw):
    from store.parse import parse_text

    return parse_text(raw.text, source=raw.source, known=raw.known)


def measure_page(path: str) -> list[dict]:
    """The findings for one file: one dict per cable in it."""
    from store.ingest.cable_shape import not_a_cable
    from store.ingest.read_files import read_paths
    from store.records import Skipped

    truth = read_truth(path) if path.endswith((".html", ".htm")) else None
    results = []
    for raw in read_paths([Path(path)]):
        if isinstance(raw, Skipped):
            results.append({"path": path, "skipped": raw.reason, "table_id": truth and truth.id})
            continue
        cable = _parse(raw)
        text = truth.text if truth is not None else raw.text
        result = {
            "path": path,
            "id": cable.id or (truth.id if truth else path),
            "defects": check_cable(cable, text, truth),
            "tags": list(cable.tags),
            "marks": mark_census(cable, text),
        }
        # Skipped as the importer skips it.
        reason = not_a_cable(raw.text, cable) or (None if cable.id else "no reference ID found")
        if reason:
            result["skipped"] = reason
            result["table_id"] = truth and truth.id
        if truth is not None:
            result["agree"] = _agreement(cable, truth)
            result["table"] = {"id": truth.id, "created": truth.created}
        results.append(result)
    return results


def _agreement(cable, truth) -> dict[str, bool]:
    aliases = set(getattr(cable, "aliases", ()) or ())
    created = cable.created.strftime("%Y-%m-%d %H") if cable.created else ""
    level = cable.classification.full if cable.classification else ""
    return {
        "id": cable.id == truth.id or truth.id in aliases,
        "date+hour": created == truth.created,
        "classification": level == truth.classification,
        "origin": (cable.origin or "") == truth.origin,
    }


def _files(tree: Path) -> list[str]:
    if tree.is_file():
        return [str(tree)]
    return sorted(str(p) for p in tree.rglob("*") if p.is_file() and not p.name.startswith("."))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tree", type=Path)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--list", metavar="CLASS", help="print every ID affected by CLASS")
    parser.add_argument("--json", action="store_true", help="the figures as one JSON object")
    args = parser.parse_args(argv)
    if not args.tree.exists():
        print(f"fidelity: {args.tree}: no such file or directory", file=sys.stderr)
        return 2
    started = time.perf_counter()
    files = _files(args.tree)
    results: list[dict] = []
    with Pool(max(1, args.workers)) as pool:
        for found in pool.imap(measure_page, files, chunksize=16):
            results.extend(found)
    elapsed = time.perf_counter() - started
    report = summarize(results, len(files), elapsed, args.examples)
    if args.list:
        for ident in report["affected"].get(args.list, []):
            print(ident)
        return 0
    if args.json:
        report.pop("affected")
        print(json.dumps(report, indent=1))
        return 0
    print_report(report)
    return 0


def summarize(results: list[dict], files: int, elapsed: float, examples: int) -> dict:
    parsed = [r for r in results if "defects" in r]
    frequent = _frequent_tags(parsed)
    affected: dict[str, list[str]] = collections.defaultdict(list)
    applicable: collections.Counter[str] = collections.Counter()
    for result in parsed:
        defects = result["defects"]
        if any(spaced_codes(t, frequent) or run_together(t, frequent) for t in result["tags"]):
            defects["tags_junk"] = True
        for key, value in defects.items():
            if value is not None:
                applicable[key] += 1
            if value:
                affected[key].append(result["id"])
    total = len(parsed)
    classes = []
    for cls in CLASSES:
        ids = affected.get(cls.key, [])
        classes.append({
            "key": cls.key, "group": cls.group, "label": cls.label, "count": len(ids),
            "share": 100.0 * len(ids) / total if total else 0.0,
            "applicable": applicable[cls.key], "examples": ids[:examples],
        })  # fmt: skip
    with_table = [r for r in parsed if "agree" in r]
    agreement = {}
    for field in _METADATA:
        wrong = [r for r in with_table if not r["agree"][field]]
        agreement[field] = {
            "agree": len(with_table) - len(wrong),
            "of": len(with_table),
            "examples": [f"{r['id']} (table {r['table']['id']} {r['table']['created']})"
                         for r in wrong[:examples]],
        }  # fmt: skip
        affected["disagree_" + field] = [r["id"] for r in wrong]
    skipped = [r for r in results if "skipped" in r]
    skipped_with_id = [r for r in skipped if r.get("table_id")]
    affected["skipped"] = [f"{r['path']}: {r['skipped']}" for r in skipped]
    written = sum(r["marks"][0] for r in parsed)
    found = sum(r["marks"][1] for r in parsed)
    header_ids = {i for c in classes if c["group"] == "header" for i in affected[c["key"]]}
    body_ids = {i for c in classes if c["group"] == "body" for i in affected[c["key"]]}
    return {
        "files": files, "cables": total, "seconds": round(elapsed, 1),
        "classes": classes, "agreement": agreement,
        "skipped": len(skipped), "skipped_with_table_id": len(skipped_with_id),
        "skipped_examples": affected["skipped"][:examples],
        "marks_written": written, "marks_found": found,
        "header_cables": len(header_ids), "body_cables": len(body_ids),
        "affected": affected,
    }  # fmt: skip


def _frequent_tags(parsed: list[dict]) -> set[str]:
    counts = collections.Counter(t for r in parsed for t in set(r["tags"]) if " " not in t)
    return {tag for tag, n in counts.items() if n >= 3 and 2 <= len(tag) <= 6 and tag.isalpha()}


def _share(count: int, total: int) -> str:
    return f"{100.0 * count / total:6.2f}%" if total else "   n/a"


def print_report(report: dict) -> None:
    total = report["cables"]
    print(f"fidelity of {total:,} cables in {report['files']:,} files ({report['seconds']} s)")
    width = max(len(c["label"]) for c in report["classes"])
    for group in ("header", "body"):
        print(f"\n{group} defects{'':{width - len(group) - 8}}  cables   share  examples")
        for cls in (c for c in report["classes"] if c["group"] == group):
            flag = ""
            if group == "header" and cls["share"] >= HEADER_TARGET:
                flag = " *"
            print(
                f"  {cls['label']:{width}} {cls['count']:6} {cls['share']:6.2f}%  "
                f"{' '.join(cls['examples'])}{flag}"
            )
    print(f"\nmetadata agreement with the page's table{'':{width - 38}}")
    for field, figures in report["agreement"].items():
        print(
            f"  {field:{width}} {figures['agree']:6} {_share(figures['agree'], figures['of'])}"
            f"  {'; '.join(figures['examples'])}"
        )
    print(
        f"\n  {'pages skipped (of them, naming an ID)':{width}} {report['skipped']:6}"
        f" ({report['skipped_with_table_id']})  {'; '.join(report['skipped_examples'])}"
    )
    written, found = report["marks_written"], report["marks_found"]
    print(
        f"  {'portion marks found after a number':{width}} {found:6} "
        f"{_share(found, written)}  of {written} written"
    )
    agree = " ".join(
        f"{field} {_share(f['agree'], f['of']).strip()}" for field, f in report["agreement"].items()
    )
    over = sum(
        1 for c in report["classes"] if c["group"] == "header" and c["share"] >= HEADER_TARGET
    )
    print(
        f"\nsummary: {total} cables; header defects in {report['header_cables']} "
        f"({_share(report['header_cables'], total).strip()}), {over} header classes at or over "
        f"{HEADER_TARGET}%; body defects in {report['body_cables']} "
        f"({_share(report['body_cables'], total).strip()}); agreement {agree}; marks "
        f"{_share(found, written).strip()}; skipped {report['skipped']}; {report['seconds']} s"
    )


if __name__ == "__main__":
    sys.exit(main())
