"""The station table: the names cable IDs give their senders, their spellings, their origins.

The table is data (``data/stations.tsv``): canonical station, the catalogue's origin for it
(``Embassy Rome``) and the spellings REF lines and headers use (``RIO``, ``THE HAGUE``).
"""

from __future__ import annotations

from functools import cache, lru_cache

from store.parse.data_files import read_data
from store.parse.lazy_pattern import lazy_compile

_SQUEEZE = lazy_compile(r"[^A-Z]+")
# Post kinds as telegram headers name them, and as the catalogue does.
POST_KINDS = {
    "AMEMBASSY": "Embassy",
    "AMCONSUL": "Consulate",
    "USMISSION": "Mission",
    "SECSTATE": "Secretary of State",
    "USOFFICE": "US Office",
    "USINT": "US Interests Section",
    "AMCONSULATE": "Consulate",
}


@cache
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """(station -> origin, any squeezed spelling -> station)."""
    origins: dict[str, str] = {}
    spellings: dict[str, str] = {}
    for line in read_data("stations.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        station, origin, *rest = [*line.split("\t"), ""]
        origins[station] = origin
        for alias in filter(None, rest[0].split("|")):
            spellings.setdefault(squeeze(alias), station)
    spellings.update({station: station for station in origins})  # a station is its own name
    return origins, spellings


def squeeze(name: str) -> str:
    """``The Hague`` -> ``THEHAGUE``: the form IDs and the table's keys use."""
    return _SQUEEZE.sub("", name.upper())


def known_station(name: str) -> str | None:
    """The canonical station for an exact spelling or alias, else None (no guessing)."""
    return _table()[1].get(squeeze(name))


def is_own_spelling(letters: str) -> bool:
    """Whether ``letters`` (capitals only: squeezed already) are a station as the table names
    it, so that ``known_station`` gives them back as they are."""
    return _table()[1].get(letters) == letters


@lru_cache(maxsize=4096)
def station_of(name: str) -> str | None:
    """The canonical station for a spelling, repairing ``0`` typed for ``O`` and small typos.

    A misspelling is matched only when one station alone is that close (one edit for names of
    five letters or more, two from ten): ``QUITQ`` -> ``QUITO``, ``BISHIEK`` -> ``BISHKEK``.
    """
    squeezed = squeeze(name.replace("0", "O"))
    found = _table()[1].get(squeezed)
    if found or len(squeezed) < 5:
        return found
    limit = 2 if len(squeezed) >= 10 else 1
    best: set[str] = set()
    best_distance = limit + 1
    for spelling, station in _table()[1].items():
        if abs(len(spelling) - len(squeezed)) > limit:
            continue
        distance = _distance(squeezed, spelling, limit)
        if distance > limit:  # (_distance says limit + 1 for anything further)
            continue
        if distance < best_distance:
            best, best_distance = {station}, distance
        elif distance == best_distance:
            best.add(station)
    return best.pop() if len(best) == 1 else None


@cache
def _abbreviations() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in read_data("ref_abbreviations.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            short, station = line.split("\t")
            table[squeeze(short)] = station.strip()
    return table


def ref_station(name: str) -> str | None:
    """The station a REF item names: a spelling of the table, or a short name REF lines use
    (``HK``, ``BA``, ``RIO DE JAN``) that would be too loose anywhere else."""
    return known_station(name) or _abbreviations().get(squeeze(name))


def origin_of(station: str | None) -> str | None:
    """``ROME`` -> ``Embassy Rome``; None for a station the table does not know."""
    if not station:
        return None
    canonical = known_station(station)
    return _table()[0].get(canonical) if canonical else None


@cache
def _origins_by_squeezed() -> dict[str, str]:
    return {squeeze(origin): origin for origin in _table()[0].values()}


def table_origin(origin: str) -> str:
    """An origin as the table spells it when only spaces or case differ (``Embassy
    BuenosAires`` in some database rows -> ``Embassy Buenos Aires``), else as given."""
    return _origins_by_squeezed().get(squeeze(origin), origin)


def origin_of_sender(sender: str) -> str | None:
    """``AMEMBASSY ROME`` -> ``Embassy Rome``, from the table; None when it is not there."""
    words = sender.upper().split()
    if not words:
        return None
    if words[0].startswith("SECSTATE"):
        return POST_KINDS["SECSTATE"]
    named = words[1:] if words[0] in POST_KINDS else words
    while named and named[-1] in ("WASHDC", "WASHINGTON", "DC"):
        named = named[:-1]  # "SECDEF WASHDC": the city of a Washington sender
    station = known_station(" ".join(named)) if named else None
    if station is None:
        return None
    origin = _table()[0][station]
    kind = POST_KINDS.get(words[0])
    if kind and not origin.startswith(kind) and origin.split()[0] in ("Embassy", "Consulate"):
        # The header names the post: an embassy once a consulate (Almaty) says which it is.
        return f"{kind} {origin.split(' ', 1)[1]}"
    return origin


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, given up (limit + 1) as soon as it must exceed ``limit``."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        # The least of the three ways into each cell told with comparisons, not min(): a
        # spelling the table lacks is measured against every station of about its length
        # (this way 1% of a real page's parse and 0.8% of a cables.csv row's less).
        left = i
        for j, char_b in enumerate(b):
            replaced = previous[j] + (char_a != char_b)
            removed = previous[j + 1] + 1
            left += 1
            if removed < left:
                left = removed
            if replaced < left:
                left = replaced
            current.append(left)
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
