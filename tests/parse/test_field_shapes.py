"""TAGS, REF, Classified By and signer lines in the shapes other copies of the cables have.

Every cable here is invented; each imitates a shape seen in real cables (issue 21).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from store.parse import parse_text
from store.parse.tags import split_tags
from store.records import KnownFields

PARA = "\n\n1. (C) The minister met the ambassador on Sunday and asked for more time.\n"


def _head(lines: str) -> str:
    return f"CONFIDENTIAL\n\nSIPDIS\n\n{lines}{PARA}"


# ------------------------------------------------------------------------- TAGS


@pytest.mark.parametrize(
    ("value", "tags"),
    [
        # Subject tags of several words: the table's, and plain words typed among the codes.
        ("PGOV KZ OPERATION IRAQI FREEDOM", ("PGOV", "KZ", "OPERATION IRAQI FREEDOM")),
        ("PHUM HUMAN RIGHTS KZ", ("PHUM", "HUMAN RIGHTS", "KZ")),
        ("KZ ISRAELI PALESTINIAN AFFAIRS GAZA DISENGAGEMENT",
         ("KZ", "ISRAELI PALESTINIAN AFFAIRS", "GAZA DISENGAGEMENT")),
        ("ECON PM ECONOMY AND FINANCE", ("ECON", "PM", "ECONOMY AND FINANCE")),
        ("MARR IT REGIONAL SECURITY", ("MARR", "IT", "REGIONAL SECURITY")),
        # Short unknown words stay apart: codes the table lacks.
        ("PREL KPAK PGGV", ("PREL", "KPAK", "PGGV")),
        # A person tag keeps its initial's full stop.
        ("OVIP (HALVERSON, MARTIN K.), PREL", ("OVIP", "HALVERSON, MARTIN K.", "PREL")),
        ("ovip (halverson, martin k.), prel, kz", ("OVIP", "HALVERSON, MARTIN K.", "PREL", "KZ")),
        # Codes run together, however many.
        ("KFRDKIRFCVISCMGTKOCIASECPHUMSMIGEG",
         ("KFRD", "KIRF", "CVIS", "CMGT", "KOCI", "ASEC", "PHUM", "SMIG", "EG")),
        ("PGOV PHUMBA", ("PGOV", "PHUM", "BA")),
        # A four-letter word is an unknown code, not two countries.
        ("KSAF TBIO", ("KSAF", "TBIO")),
    ],
)
def test_tag_values(value: str, tags: tuple[str, ...]) -> None:
    assert tuple(split_tags(value)) == tags


def test_a_long_run_of_plain_words_is_not_one_tag():
    tags = split_tags("PREL NOVAKOVIC GUILLERMO RAMIREZ PEDRO JIMENEZ")
    assert all(len(tag.split()) <= 4 for tag in tags)


@pytest.mark.parametrize(
    "lines",
    [
        "E.O. 12958: DECL: 08/22/2017 AGS: PGOV, PREL, KZ\nSUBJECT: A VISIT",
        "E.O. 12958: DECL: 08/22/2017\nTAS: PGOV, PREL, KZ\nSUBJECT: A VISIT",
        "E.O. 12958: DECL: 08/22/2017\nTABS: PGOV PREL KZ\nSUBJECT: A VISIT",
        "E.O. 12958: DECL: 08/22/2017\ntAgs: pgov, prel, kz\nSUBJECT: A VISIT",
        "E.O. 12958: DECL: 08/22/2017\ntags PGOV PREL KZ\nSUBJECT: A VISIT",
        "E.o. 12958: decl: 08/22/2017 Tags: pgov, prel, kz Subject: a visit",
        "E.O. 12958: DECL: 08/22/2017\nTAGS: PGOV PREL\nKZ\nSUBJECT: A VISIT",
        "E.O. 12958: DECL: 08/22/2017\nTAGS: PGOV, PREL,\nkz\nSUBJECT: A VISIT",
    ],
)
def test_tags_labels_as_typed(lines: str) -> None:
    cable = parse_text(_head(lines))
    assert cable.tags == ("PGOV", "PREL", "KZ")
    assert cable.subject and cable.subject.lower() == "a visit"


def test_tas_and_tabs_alone_in_a_sentence_are_no_label():
    cable = parse_text(_head("SUBJECT: A VISIT") + "\nTABS were kept on the delegation.\n")
    assert cable.tags == ()


# ------------------------------------------------------------------- references


def _refs(lines: str, year: int = 2008) -> tuple[str, ...]:
    text = f"CONFIDENTIAL\n\nSUBJECT: A VISIT\n\n{lines}{PARA}"
    return parse_text(text, known=KnownFields(created=datetime(year, 6, 1))).references


@pytest.mark.parametrize(
    ("item", "ref"),
    [
        ("08 RIO DE JAN 138", "08RIODEJANEIRO138"),
        ("BA 1234", "08BUENOSAIRES1234"),
        ("HK 03591", "08HONGKONG3591"),
        ("VAT 77", "08VATICAN77"),
        ("PORT-OF-SPAIN 412", "08PORTOFSPAIN412"),
        ("SANTIAG0 991", "08SANTIAGO991"),
        ("07 ADDIS 1556", "07ADDISABABA1556"),
        ("BAGHDAD #3565", "08BAGHDAD3565"),
        ("LAGOS O1512", "08LAGOS1512"),
        ("STATE (07) 201265", "07STATE201265"),
        ("KUWAIT (C)02293", "08KUWAIT2293"),
        ("O4 STATE 5521", "04STATE5521"),
        ("870 ULAANBAATAR", "08ULAANBAATAR870"),
    ],
)
def test_reference_item_shapes(item: str, ref: str) -> None:
    assert _refs(f"REF: A. {item}\nB. STATE 4411") == (ref, "08STATE4411")


def test_a_year_with_a_stray_digit_reads_the_latest_year_not_after_the_cable():
    assert _refs("REF: 094 STATE 5521", year=2009) == ("09STATE5521",)
    assert _refs("REF: 094 STATE 5521", year=2004) == ("94STATE5521",)


@pytest.mark.parametrize(
    "lines",
    [
        "REF. A. MANAGUA 520 B. MANAGUA 500",
        "REF A. MANAGUA 520 B. MANAGUA 500",
        "REF: A. MANAGUA 520\n\nB. MANAGUA 500",
        "REF: (A) MANAGUA 520;\n(C) MANAGUA 500",
        "REF: A) MANAGUA 520\n\n-      (B) Managua 500",
        "REF: A) MANAGUA 520 B) \n \nManagua 500",
        "REF: MANAGUA 520; SMITH-JONES E-MAIL 03/04/08; MANAGUA 500",
        "REF: A) MANAGUA 520 B) KEMP-LUTZ EMAIL 05/11/08 C) MANAGUA 500",
        "REF: A. MANAGUA 520 B. MANAGUA 00000711 001.2 OF 003 C. MANAGUA 500",
        "REF: A. MANAGUA 520\nMANAGUA 00000711  001.2 OF 003\nB. MANAGUA 500",
        "REF: A) Managua 520/500",
    ],
)
def test_reference_blocks(lines: str) -> None:
    assert _refs(lines) == ("08MANAGUA520", "08MANAGUA500")


def test_a_lettered_c_item_is_no_confidential_paragraph():
    cable = parse_text(
        "UNCLASSIFIED\n\nSUBJECT: A VISIT\n\nREF: (A) SAO PAULO 526;\n(B) SAO PAULO 319;\n"
        "(C) SAO PAULO 42;\n(D) 05 SAO PAULO 975\n\n1. (U) The minister met the ambassador.\n"
    )
    assert cable.references == ("SAOPAULO526", "SAOPAULO319", "SAOPAULO42", "05SAOPAULO975")
    assert [p.marking.text for p in cable.paragraphs if p.marking] == ["(U)"]


def test_a_reference_glued_after_the_subject():
    cable = parse_text(
        "UNCLASSIFIED\n\nSUBJECT: AN ENERGY VISIT IN RIO Ref(s): A) 08 RIO DE JAN 138; B) 08 RIO"
        " DE JAN 0044 and previous\n\n1. (U) The minister met the ambassador.\n"
    )
    assert cable.subject == "AN ENERGY VISIT IN RIO"
    assert cable.references == ("08RIODEJANEIRO138", "08RIODEJANEIRO44")


def test_a_serial_alone_is_the_cables_own_station():
    from store.parse.refids import parse_references

    assert parse_references("A) 6307 B) STATE 285773", 2003, "03ANKARA6322") == [
        "03ANKARA6307",
        "03STATE285773",
    ]
