"""Reference IDs: canonical form, repairs, and the items of REF blocks."""

from __future__ import annotations

import pytest

from store.parse import parse_text
from store.parse.refids import canonical_id, make_id, parse_references
from store.records import KnownFields


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("06ALMATY79", "06ALMATY79"),
        ("06ALMATY000079", "06ALMATY79"),
        ("06 ALMATY 000079", "06ALMATY79"),
        ("06almaty79", "06ALMATY79"),
        ("06-ALMATY-79", "06ALMATY79"),
        ("2006ALMATY79", "06ALMATY79"),
        ("08ECTION01OF02MANAMA492", "08MANAMA492"),
        ("08SECTION01OF02MANAMA492", "08MANAMA492"),
        ("09ECTION01OF03BRASILIA000017", "09BRASILIA17"),
        ("ALMATY2558", "ALMATY2558"),
        ("ALMATY 002558", "ALMATY2558"),
        ("06STATE0", "06STATE0"),
        ("96PHNOMPENH4", "96PHNOMPENH4"),
        ("06USUNNEWYORK123", "06USUNNEWYORK123"),
        # garbled catalogue IDs
        ("07ECTION01OF02KABUL455", "07KABUL455"),
        ("09SECTION02OF03QUITQ318", "09QUITO318"),
        ("08SECTION01GF02BISHIEK21", "08BISHKEK21"),
        ("07SCTION01OF02KABUL455", "07KABUL455"),
        ("07SETION01OF02KABUL455", "07KABUL455"),
        ("07SECTION010QF02KABUL455", "07KABUL455"),
        ("08EFTOLONDON2203", "08LONDON2203"),
        ("08AMEMBASSYROME55", "08ROME55"),
        ("08NOFORNROME55", "08ROME55"),
        ("08ROME55XX", "08ROME55"),
        ("09IRANRPODUBAI12", "09IRANRPODUBAI12"),  # a real station that starts like a word
    ],
)
def test_canonical_id(text: str, expected: str) -> None:
    assert canonical_id(text) == expected


@pytest.mark.parametrize(
    "text", ["", "hello", "123", "06ALMATY", "000_deccae7d197a7652", "A1", "06A1B2", "x" * 100]
)
def test_not_ids(text: str) -> None:
    assert canonical_id(text) is None


def test_make_id() -> None:
    assert make_id(2006, "almaty", 79) == "06ALMATY79"
    assert make_id(1996, "PHNOMPENH", 4) == "96PHNOMPENH4"
    assert make_id(None, "ALMATY", 2558) == "ALMATY2558"


# ---------------------------------------------------------------------------- REF items


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("A. 06 TBILISI 619", ["06TBILISI619"]),
        ("A. 06 TBILISI 619 B. 06 TBILISI 620", ["06TBILISI619", "06TBILISI620"]),
        ("STATE 12345", ["06STATE12345"]),  # no year: the cable's own
        ("A) 05 ALMATY 4410; B) ANKARA 000123", ["05ALMATY4410", "06ANKARA123"]),
        ("(A) 06 ALMATY 80 (B) 2005 BAKU 1234 PARA 3", ["06ALMATY80", "05BAKU1234"]),
        ("A. SECSTATE 1234", ["06STATE1234"]),
        ("A. USUN NEW YORK 000123 B. PHNOM PENH 4", ["06USUNNEWYORK123", "06PHNOMPENH4"]),
        ("A. 06 STATE 1 (NOTAL) B. 06 STATE 1", ["06STATE1"]),  # no repeats
        ("a. 06 tbilisi 619", ["06TBILISI619"]),
        ("A. 80 TEL AVIV 2 B. PORT OF SPAIN 17", ["80TELAVIV2", "06PORTOFSPAIN17"]),
        ("A. 08 HO CHI MINH CITY 000301", ["08HOCHIMINHCITY301"]),
        ("A. STATE 123 AND 456", ["06STATE123", "06STATE456"]),  # a serial alone: the same station
        # e-mails, telcons, meetings and dates are not cables
        ("A. EMAIL FROM JONES 06/12/06", []),
        ("A. E-MAIL POLOFF-SMITH 12 JUNE", []),
        ("A. TELCON 6/12 B. 06 ANKARA 5", ["06ANKARA5"]),
        ("A. MEMCON OF JUNE 23 2006", []),
        ("A. JUNE 23 MEETING WITH EUR/CACEN 4", []),
        ("A. UNSCR 1701 B. PARA 12", []),
        ("A. XXXXXXXXXXXX 1234", []),
        ("", []),
    ],
)
def test_parse_references(block: str, expected: list[str]) -> None:
    assert parse_references(block, 2006, "06ALMATY79") == expected


def test_no_self_reference() -> None:
    assert parse_references("A. 06 ALMATY 79 B. ALMATY 000079 C. 06 ALMATY 80", 2006,
                            "06ALMATY79") == ["06ALMATY80"]  # fmt: skip


def test_undated_cable_keeps_undated_refs() -> None:
    assert parse_references("A. ALMATY 2557 B. 05 ALMATY 1", None, "ALMATY2558") == [
        "ALMATY2557",
        "05ALMATY1",
    ]


def test_huge_ref_block_is_read_quickly_and_partly() -> None:
    block = "A. 06 TBILISI 619 " * 200_000
    assert parse_references(block, 2006, None) == ["06TBILISI619"]


# -------------------------------------------------------------------- through the parser

HEAD = "C O N F I D E N T I A L TBILISI 000700\n\nSIPDIS\n\nE.O. 12958: DECL: 01/01/2016\n"


def _telegram(ref_lines: str, dtg: str = "R 120508Z JAN 06") -> str:
    return (
        f"{dtg}\nFM AMEMBASSY TBILISI\nTO RUEHC/SECSTATE WASHDC 0001\nBT\n{HEAD}"
        f"TAGS: PGOV\nSUBJECT: REFS\n\n{ref_lines}\n\n1. (C) Body.\n"
    )


def test_multi_line_ref_block_with_year_default_and_no_self() -> None:
    cable = parse_text(
        _telegram(
            "REF: A. 06 TBILISI 619\n"
            "     B. TBILISI 700 (this very cable)\n"
            "     C. EMAIL FROM EUR/CARC 01/05/06\n"
            "     D. 05 STATE 211234 AND PREVIOUS"
        )
    )
    assert cable.id == "06TBILISI700"
    assert cable.references == ("06TBILISI619", "05STATE211234")
    assert cable.paragraphs[0].text == "Body."


def test_ref_items_separated_by_blank_lines_stay_in_the_block() -> None:
    cable = parse_text(_telegram("REF: A. STATE 1\n\n     B. STATE 2\n\n     C. 05 BAKU 3"))
    assert cable.references == ("06STATE1", "06STATE2", "05BAKU3")


def test_reftel_label_and_year_from_a_four_digit_dtg() -> None:
    cable = parse_text(_telegram("REFTEL: STATE 4567", dtg="P 310930Z OCT 2007"))
    assert cable.references == ("07STATE4567",)
    assert cable.id == "07TBILISI700"


def test_known_references_from_the_csv_win_and_are_canonical() -> None:
    known = KnownFields(id="06TBILISI700", references=("06TBILISI000619", "06TBILISI700", "x"))
    cable = parse_text(_telegram("REF: A. 06 TBILISI 620"), known=known)
    assert cable.references == ("06TBILISI619",)


def test_malformed_known_id_is_repaired() -> None:
    cable = parse_text(_telegram(""), known=KnownFields(id="08ECTION01OF02MANAMA492"))
    assert cable.id == "08MANAMA492"


def test_issue_example() -> None:
    block = "A. RIO 0412 B. THE HAGUE 877 AND 880 C. USUN 1190: D. 06 HCMC 233"
    assert parse_references(block, 2008, "08BRASILIA1") == [
        "08RIODEJANEIRO412", "08THEHAGUE877", "08THEHAGUE880", "08USUNNEWYORK1190",
        "06HOCHIMINHCITY233",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("A. DOHA 152 (08) B. DOHA 311 (2007)", ["08DOHA152", "07DOHA311"]),
        ("STATE 123456-91", ["91STATE123456"]),
        ("OTTAWA 57/08", ["08OTTAWA57"]),
        ("10-OTTAWA-57", ["10OTTAWA57"]),
        ("(08) SAO PAULO 497", ["08SAOPAULO497"]),
        ("THE HAGUE 936/935", ["09THEHAGUE936", "09THEHAGUE935"]),
        ("TRIPOLI 33, 53 & 60", ["09TRIPOLI33", "09TRIPOLI53", "09TRIPOLI60"]),
        ("07 ALGIERS 1807 AND 08 ALGIERS 0075", ["07ALGIERS1807", "08ALGIERS75"]),
        ("STATE 31102...", ["09STATE31102"]),
        ("R0ME 412", ["09ROME412"]),
        ("SECTATE 188288", ["09STATE188288"]),
        ("REFTEL KABUL 02245", ["09KABUL2245"]),
        ("A. STATE 14201B. GENEVA 133", ["09STATE14201", "09GENEVA133"]),
        ("A. A.BOGOTA 5486 C:CAIRO 4", ["09BOGOTA5486", "09CAIRO4"]),
        ("A. ROME 12\n\nB. ROME 13", ["09ROME12", "09ROME13"]),
        ("(C) 08 LIMA 7 (D) LIMA 8", ["08LIMA7", "09LIMA8"]),
        ("¶A. ROME 1 ¶B. ROME 2", ["09ROME1", "09ROME2"]),
        ("A. 09BOGOTA1506 B. 08BOGOTA3359", ["09BOGOTA1506", "08BOGOTA3359"]),
        # a station the table lacks, alone at an item's start, is kept
        ("A. 06 TESTPOST 1 B. KOTAKINABALU 123", ["06TESTPOST1", "09KOTAKINABALU123"]),
        # not cables
        ("A. FALL 2008 B. SPRING 2009", []),
        ("A. IIR 6 897 0136 07 B. 06 TUNIS 2570", ["06TUNIS2570"]),
        ("A. DAO MADRID IIR 6 889 0175 09", []),
        ("A. ROME DAILY REPORT 9/17/09", []),
        ("A. PARIS POINTS OF 5/16", []),
        ("A. ROME 5/16", []),
        ("A. OSC CPP20080407530001", []),
        ("FBIS EUR20040305000019", []),
        ("OPS CTR-EUR EMB REYKJAVIK TELECON 29 MAY 08", []),
        ("A. ROME 4 1. (SBU) THE FIRM HOLDING THE REMAINING 32 PERCENT", ["09ROME4"]),
        ("A. APPROXIMATELY 19 MILLION", []),
    ],
)
def test_reference_forms(block: str, expected: list[str]) -> None:
    assert parse_references(block, 2009, "09TEST1") == expected
