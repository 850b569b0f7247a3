"""The sending posts' places: origin -> city, country and coordinates (data/posts.tsv)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).with_name("data") / "posts.tsv"


@dataclass(frozen=True)
class Place:
    city: str
    country: str  # ISO 3166 code
    latitude: float
    longitude: float


@functools.cache
def places() -> dict[str, Place]:
    """Every placed origin (``Embassy Cairo``) and where it stands."""
    found = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        origin, city, country, latitude, longitude, _source = line.split("\t")
        found[origin] = Place(city, country, float(latitude), float(longitude))
    return found


def place_of(origin: str | None) -> Place | None:
    """Where ``origin`` stands, or None (no such post, or one with no fixed place)."""
    return places().get(origin) if origin else None
