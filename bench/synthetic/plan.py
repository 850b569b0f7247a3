"""Planning: every cable's metadata in one sequential, seeded, constant-memory pass.

Dates come out ascending, so serials can increase per station and year with the date, and a
cable can only cite cables planned before it. The text is decided later, in ``render``, from
each plan's own seed, which is what lets workers render cables in any order.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from bench.synthetic.stations import STATE_INDEX, STATIONS
from bench.synthetic.words import FIRST_NAMES, random_surname

# Catalogue values with their counts in the real corpus (251,287 cables).
CLASSIFICATIONS: dict[str, int] = {
    "UNCLASSIFIED": 75_792,
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY": 58_095,
    "CONFIDENTIAL": 97_070,
    "CONFIDENTIAL//NOFORN": 4_678,
    "SECRET": 11_322,
    "SECRET//NOFORN": 4_330,
}

# Relative number of cables per year: a trickle before 2000, the bulk in 2005-2009, and 2010
# only up to the end of February.
YEAR_WEIGHTS: dict[int, float] = {
    **dict.fromkeys(range(1966, 1980), 0.01),
    **dict.fromkeys(range(1980, 1990), 0.03),
    **dict.fromkeys(range(1990, 2000), 0.08),
    2000: 0.5,
    2001: 0.8,
    2002: 1.4,
    2003: 2.7,
    2004: 5.0,
    2005: 10.5,
    2006: 17.5,
    2007: 19.5,
    2008: 19.5,
    2009: 19.0,
    2010: 3.0,
}
LAST_DATE = datetime(2010, 2, 28, 23, 59)
PARTIAL_SHARE = 0.10
REFERENCE_SHARE = 0.45


@dataclass(frozen=True, slots=True)
class RefKey:
    """A cited cable: enough to write its ID and a REF line item."""

    year: int
    station: int  # index into STATIONS
    serial: int

    @property
    def id(self) -> str:
        return f"{self.year % 100:02d}{STATIONS[self.station].code}{self.serial}"


@dataclass(frozen=True, slots=True)
class CablePlan:
    """What the sequential pass decides; everything else comes from ``seed`` in ``render``."""

    row: int
    created: datetime
    station: int  # index into STATIONS
    serial: int
    classification: str
    references: tuple[RefKey, ...]
    partial: bool
    precedence: str  # R routine, P priority, O immediate, Z flash
    signer_first: str
    signer_last: str  # the post's chief that year, in capitals
    seed: int

    @property
    def id(self) -> str:
        return f"{self.created.year % 100:02d}{STATIONS[self.station].code}{self.serial}"


def sorted_uniforms(rng: random.Random, count: int) -> Iterator[float]:
    """``count`` uniform variates in ascending order, one at a time, in constant memory.

    The minimum of m uniforms on (x, 1) is 1 - (1 - x) * V ** (1 / m), so each order statistic
    follows from the one before.
    """
    x = 0.0
    for remaining in range(count, 0, -1):
        x = 1.0 - (1.0 - x) * (1.0 - rng.random()) ** (1.0 / remaining)
        yield x


@cache
def _year_spans() -> tuple[list[float], list[tuple[datetime, int]]]:
    years = sorted(YEAR_WEIGHTS)
    total = sum(YEAR_WEIGHTS.values())
    cumulative = list(itertools.accumulate(YEAR_WEIGHTS[y] / total for y in years))
    spans = []
    for year in years:
        start = datetime(year, 1, 1)
        end = min(datetime(year + 1, 1, 1), LAST_DATE)
        spans.append((start, int((end - start).total_seconds() // 60)))
    return cumulative, spans


def date_at(u: float) -> datetime:
    """The date at quantile ``u`` of the year weights (uniform within a year, to the minute)."""
    cumulative, spans = _year_spans()
    i = min(bisect.bisect_left(cumulative, u), len(spans) - 1)
    low = cumulative[i - 1] if i else 0.0
    start, minutes = spans[i]
    fraction = (u - low) / (cumulative[i] - low)
    return start + timedelta(minutes=min(minutes - 1, max(0, int(fraction * minutes))))


def iter_plans(count: int, seed: int = 0) -> Iterator[CablePlan]:
    """Plan ``count`` cables in date order, holding only small rolling state."""
    rng = random.Random(seed)
    station_indexes = range(len(STATIONS))
    station_weights = list(itertools.accumulate(s.weight for s in STATIONS))
    class_names = list(CLASSIFICATIONS)
    class_weights = list(itertools.accumulate(CLASSIFICATIONS.values()))
    serials: dict[tuple[int, int], int] = {}
    chiefs: dict[tuple[int, int], tuple[str, str]] = {}
    recent_by_station: dict[int, collections.deque[RefKey]] = {}
    recent_state: collections.deque[RefKey] = collections.deque(maxlen=32)
    recent_any: collections.deque[RefKey] = collections.deque(maxlen=512)
    for row, u in enumerate(sorted_uniforms(rng, count), start=1):
        created = date_at(u)
        station = rng.choices(station_indexes, cum_weights=station_weights)[0]
        key = (station, created.year)
        # The Department sends far more than any post, so its serials jump further.
        gap = rng.randint(1, 60) if station == STATE_INDEX else rng.randint(1, 4)
        serials[key] = serial = serials.get(key, 0) + gap
        if key not in chiefs:
            chiefs[key] = (rng.choice(FIRST_NAMES), random_surname(rng).upper())
        own = recent_by_station.setdefault(station, collections.deque(maxlen=16))
        references: list[RefKey] = []
        if rng.random() < REFERENCE_SHARE:
            for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4))):
                pick = rng.random()
                pool = own if pick < 0.5 else recent_state if pick < 0.75 else recent_any
                if pool:
                    ref = pool[int(rng.random() * len(pool))]
                    if ref not in references:
                        references.append(ref)
        first, last = chiefs[key]
        yield CablePlan(
            row=row,
            created=created,
            station=station,
            serial=serial,
            classification=rng.choices(class_names, cum_weights=class_weights)[0],
            references=tuple(references),
            partial=rng.random() < PARTIAL_SHARE,
            precedence=rng.choices("RPOZ", cum_weights=(62, 87, 99, 100))[0],
            signer_first=first,
            signer_last=last,
            seed=rng.getrandbits(64),
        )
        cited = RefKey(created.year, station, serial)
        own.append(cited)
        recent_any.append(cited)
        if station == STATE_INDEX:
            recent_state.append(cited)
