"""The station table: spellings, repairs and origins."""

from __future__ import annotations

from itertools import product

import pytest

from store.parse import parse_text
from store.parse.stations import _distance, _table, known_station, origin_of, station_of
from store.parse.transmission import origin_from_sender


@pytest.mark.parametrize(
    ("spelling", "station"),
    [
        ("RIO", "RIODEJANEIRO"),
        ("USUN", "USUNNEWYORK"),
        ("HCMC", "HOCHIMINHCITY"),
        ("THE HAGUE", "THEHAGUE"),
        ("SECSTATE", "STATE"),
        ("usnato", "USNATO"),
        ("Port-au-Prince", "PORTAUPRINCE"),
        ("ROME", "ROME"),
    ],
)
def test_known_spellings(spelling: str, station: str) -> None:
    assert known_station(spelling) == station


@pytest.mark.parametrize(
    ("spelling", "station"),
    [("QUITQ", "QUITO"), ("BISHIEK", "BISHKEK"), ("TALLIN", "TALLINN"), ("R0ME", "ROME")],
)
def test_misspelt_stations_repaired(spelling: str, station: str) -> None:
    assert known_station(spelling) is None or spelling == "R0ME"
    assert station_of(spelling) == station


@pytest.mark.parametrize("word", ["SPRING", "ABOUT", "PRIME", "XYZZY", "LIMB"])
def test_words_are_not_stations(word: str) -> None:
    assert station_of(word) is None


def test_origins() -> None:
    assert origin_of("ROME") == "Embassy Rome"
    assert origin_of("STATE") == "Secretary of State"
    assert origin_of("SAOPAULO") == "Consulate Sao Paulo"
    assert origin_of("NOWHERE") is None


@pytest.mark.parametrize(
    ("sender", "origin"),
    [
        ("AMEMBASSY ROME", "Embassy Rome"),
        ("AMCONSUL SAO PAULO", "Consulate Sao Paulo"),
        ("USMISSION USNATO", "Mission USNATO"),
        ("SECSTATE WASHDC", "Secretary of State"),
        ("USMISSION USUN NEW YORK", "USUN New York"),
        ("AMEMBASSY THE HAGUE", "Embassy The Hague"),
        ("AMEMBASSY ELSEWHERE", "Embassy Elsewhere"),  # not in the table: named as written
    ],
)
def test_origin_from_sender(sender: str, origin: str) -> None:
    assert origin_from_sender(sender) == origin


def test_telegram_without_catalogue_gets_its_origin() -> None:
    text = (
        "R 021200Z MAR 07\nFM AMEMBASSY ROME\nTO SECSTATE WASHDC 4411\nBT\n"
        "UNCLAS ROME 000321\n\nSUBJECT: GRAIN PRICES\n\n1. (U) Prices rose.\n"
    )
    assert parse_text(text).origin == "Embassy Rome"


def test_banner_station_gives_the_origin() -> None:
    text = "C O N F I D E N T I A L ALMATY 002558\n\nSUBJECT: VOTES\n\n1. (C) Counted.\n"
    cable = parse_text(text)
    assert cable.origin == "Embassy Almaty"


def _reference_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance row by row with min(), given up as ``_distance`` gives up."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def test_the_edit_distance_is_the_textbook_one() -> None:
    words = ["".join(letters) for size in range(5) for letters in product("ABO", repeat=size)]
    words += ["QUITO", "QUITQ", "BISHKEK", "BISHIEK", "SAOPAULO", "SAOPAOLO", "OCTOBER"]
    for a in words:
        for b in words:
            for limit in (1, 2):
                assert _distance(a, b, limit) == _reference_distance(a, b, limit), (a, b)


def test_a_name_near_no_station_is_none_even_when_one_station_is_of_its_length() -> None:
    # _distance reports anything past the typo limit as limit + 1: those must not count as
    # ties, or the one station whose spelling is about as long as the word was taken.
    long_names = [spelling for spelling in _table()[1] if len(spelling) >= 21]
    word = "XQ" * 12  # 24 letters: within two of a single spelling's length, near none
    assert sum(abs(len(spelling) - len(word)) <= 2 for spelling in long_names) == 1
    assert station_of(word) is None
