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
        ("A. STATE 123 AND 456", ["06STATE123"]),
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
