"""The TAGS glossary: what the table says, how names and unknown codes are told apart."""

from __future__ import annotations

from store import glossary


def test_codes_of_every_kind_have_their_meaning_and_source():
    assert glossary.describe("PGOV") == glossary.Entry("PGOV", "Government", "subject", "tags-1974")
    assert glossary.describe("kz").meaning == "Kazakhstan"  # FIPS 10-4, not ISO (KZ is ISO too)
    assert glossary.describe("IZ").meaning == "Iraq"  # ISO would say IQ
    assert glossary.describe("TU").meaning == "Turkey"
    assert glossary.describe("UK").kind == "country"
    assert glossary.describe("NATO").kind == "organisation"
    assert glossary.describe("XF") == glossary.Entry("XF", "Middle East", "region", "tags-1974")


def test_every_row_names_a_known_source_and_kind():
    named = glossary.sources()
    assert {"fips-10-4", "tags-1974", "fah-3"} <= set(named)
    for entry in glossary.entries().values():
        assert entry.source in named, entry
        assert entry.kind in glossary.KINDS, entry
        assert entry.meaning and entry.meaning.strip() == entry.meaning, entry


def test_a_name_is_a_person_and_an_unexplained_code_stays_unknown():
    person = glossary.describe("CLINTON, HILLARY")
    assert (person.kind, person.meaning) == ("person", "Hillary Clinton")
    unknown = glossary.describe("ZQXW")
    assert (unknown.kind, unknown.meaning, unknown.known) == ("unknown", None, False)
    assert not glossary.is_person("ROOM 1, 2")  # digits: not a name
    assert not glossary.is_person("PGOV")


def test_matching_takes_codes_and_words_of_the_meaning():
    found = [e.code for e in glossary.matching(["PGOV", "arms", "control"])]
    assert found[0] == "PGOV"
    assert "PARM" in found  # "Arms Control and Disarmament"
    assert all(
        "arms" in (e.meaning or "").lower() and "control" in (e.meaning or "").lower()
        for e in glossary.matching(["arms", "control"])
    )
    assert glossary.matching(["nosuchwordanywhere"]) == []
