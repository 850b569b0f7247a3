"""Cable IDs are ASCII letters and digits; anything else the data gives is kept safely."""

from __future__ import annotations

import pytest

from store.parse import parse_text
from store.parse.refids import canonical_id, parse_references
from store.parse.safe_ids import is_plain_id, safe_id
from store.records import KnownFields

TEXT = "Invented text.\n\n1. (U) An invented paragraph.\n"
HOSTILE = ["../../X", "a/b", "$(touch x)", "X'Y", 'X"Y', "A B/C", "x" * 200]


@pytest.mark.parametrize("given", HOSTILE)
def test_an_id_that_is_not_one_is_kept_under_a_derived_safe_id(given):
    cable = parse_text(TEXT, source="/in/notes.txt", known=KnownFields(id=given))
    assert is_plain_id(cable.id) and cable.id.startswith("BADID")
    assert cable.id == safe_id(given) == safe_id(given)  # the same input, the same ID
    assert f"reference ID {given[:60]!r} is not a cable ID: kept as {cable.id}" in cable.warnings


def test_two_ids_with_the_same_letters_stay_two():
    assert safe_id("a/b") != safe_id("a\\b")


def test_letters_and_digits_are_kept_as_written():
    cable = parse_text(TEXT, source="/in/notes.txt", known=KnownFields(id="notanid"))
    assert cable.id == "NOTANID"
    assert "reference ID 'notanid' is not a cable ID: kept as NOTANID" in cable.warnings


def test_digits_in_ids_are_ascii():
    assert canonical_id("\u0660\u0666ALMATY79") is None  # Arabic-Indic digits
    assert canonical_id("06ALMATY\u0667\u0669") is None
    assert canonical_id("06 ALMATY 000079") == "06ALMATY79"
    assert parse_references("A. 06 ALMATY \u0667\u0669", 2006, None) == []
    assert parse_references("A. \u0660\u0666 ALMATY 79", 2007, None) == ["07ALMATY79"]


def test_a_reference_to_a_station_with_an_apostrophe_is_no_reference():
    assert parse_references("A. 06 COUP D'ETAT 1234", 2006, None) == []


def test_a_parser_failure_keeps_a_safe_id(monkeypatch):
    from store.parse import cable as cable_module

    def broken(*args, **kwargs):
        raise ValueError("invented failure")

    monkeypatch.setattr(cable_module, "_parse", broken)
    cable = parse_text(TEXT, source="/in/notes.txt", known=KnownFields(id="../../X"))
    assert cable.id == safe_id("../../X")
    assert any("is not a cable ID" in warning for warning in cable.warnings)


def test_the_readme_example_holds():
    assert safe_id("../../X") == "BADID3B89EB24X"
