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
        "REF A MANAGUA 520; MANAGUA 500",
        "REF: A. MANAGUA 520\n\nB. MANAGUA 500",
        "REF: (A) MANAGUA 520;\n(C) MANAGUA 500",
        "REF: A) MANAGUA 520\n\n-      (B) Managua 500",
        "REF: A) MANAGUA 520 B) \n \nManagua 500",
        "REF: MANAGUA 520; SMITH-JONES E-MAIL 03/04/08; MANAGUA 500",
        "REF: A) MANAGUA 520 B) KEMP-LUTZ EMAIL 05/11/08 C) MANAGUA 500",
        "REF: A. MANAGUA 520 B. MANAGUA 00000711 001.2 OF 003 C. MANAGUA 500",
        "REF: A. MANAGUA 520\nMANAGUA 00000711  001.2 OF 003\nB. MANAGUA 500",
        "REF: A) Managua 520/500",
        "REF: (A) MANAGUA 520 \n \n     (C )MANAGUA 500",
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


# ---------------------------------------------------------------- Classified By


def _classified(line: str) -> tuple[str | None, str | None]:
    cable = parse_text(f"CONFIDENTIAL\n\nSUBJECT: A VISIT\n\n{line}{PARA}")
    return cable.classified_by, cable.classified_by_title


@pytest.mark.parametrize(
    ("line", "name"),
    [
        # Titles misspelt, with a zero for an O, or not in the table's spelling.
        ("Classified By: Ambassaor Rhea T. Vance for reasons 1.4 (b) and (d)", "Rhea T. Vance"),
        ("CLASSIFIED BY AMBASSAD0R RHEA T. VANCE. REASON: 1.5 (D)", "RHEA T. VANCE"),
        ("Classified By: Acting P/E Counseor Tod Vinter, reasons 1.4 (b,d)", "Tod Vinter"),
        ("Classified By: Acting P/E Counsleor Tod Vinter, reasons 1.4 (b,d)", "Tod Vinter"),
        ("CLASSIFIED BY: ACTING E/P CIEF TOD VINTER.  REASONS: 1.4(B,D).", "TOD VINTER"),
        ("Classified By: DEFENSE ATTACHE LTC TOD VINTER FOR REASONS 1.4 (B)", "TOD VINTER"),
        ("Classified By: PolMinCons Tod Vinter, reasons 1.4 (b/d).", "Tod Vinter"),
        ("Classified By: SPECIAL ENVOY TOD K. VINTER\n", "TOD K. VINTER"),
        ("Classified By: Ambasasdor Rhea Vance, Reasons 1.4 (b) and (d)", "Rhea Vance"),
        # A title "for" or "to" a place.
        ("CLASSIFIED BY AMBASSADOR TO CHAD RHEA VANCE. REASON 1.5(D).", "RHEA VANCE"),
        ("Classified By: Special Envoy for Sudan and Chad\nRhea C. Vance\n", "Rhea C. Vance"),
        ("Classified By: SCA/DAS for Central Asia Tod Vinter\n", "Tod Vinter"),
        ("Classified By: Deputy Chief of Mission Tod Vinter, reasons 1.4 (b)", "Tod Vinter"),
        ("Classified By: Minister Counselor for Economic Affairs Tod M. Vinter, 1.4 (b)",
         "Tod M. Vinter"),
        # The name glued to the title, or cut by the line wrap.
        ("Classified By: AMB:RVANCE, Reasons 1.4 (b) and (c)", "RVANCE"),
        ("Classified By: Acting DCM/Tod Vinter for reasons 1.4 (b and d)", "Tod Vinter"),
        ("Classified By: Acting Pol/Econ Counselor:Tod Vinter, reasons 1.4 (b)", "Tod Vinter"),
        ("Classified By: Provincial Affairs Deputy Coordinator Tod Vi\nnter for reasons 1.4 (b)",
         "Tod Vinter"),
        ("Classified By: Deputy Political Counselor Tod O. Vinte\nr, E.O. 12958, reasons 1.4 (b)",
         "Tod O. Vinter"),
        # What follows the name is not the name.
        ("Classified By: DCM RHEA VANCE BASED ON E.O.12958 REASONS 1.4 (b)", "RHEA VANCE"),
        ("Classified By: CDA RHEA VANCE BASED UPON REASONS 1.5 (B) AND (D)", "RHEA VANCE"),
        ("Classified By: DCM RHEA E. VANCE DUE TO 1,4 (C) AND (D).", "RHEA E. VANCE"),
        ("Classified By: CHARGE RHEA VANCE F0R REASONS 1.5 (B) AND (D)", "RHEA VANCE"),
        ("Classified By: ECONOMIC COUNSELOR RHEA VANCE\n FOR 12958 1.4 B, D, AND E", "RHEA VANCE"),
        ("Classified By: Ambassador Rhea Vance.  Resons 1.5 (B) and (D)", "Rhea Vance"),
        ("Classified By: Amb. Rhea Vance. E.O 12958. Reasons 1.4 (B&D).", "Rhea Vance"),
        ("Classified By: PRM/AFR Dir. Rhea Vance-reasons 1.4(b/d)", "Rhea Vance"),
        # The label said again, and the name on the line below the label.
        ("Classified By: 1. CLASSIFIED BY NEA ASSISTANT SECRETARY TOD VINTER\nREASONS: 1.4 (B)",
         "TOD VINTER"),
        ("Classified By: This message classified by Econ Minister Counselor\nTod Vinter for"
         " reasons 1.4 (b)", "Tod Vinter"),
        ("1. CONFIDENTIAL - ENTIRE TEXT.  CLASSIFIED BY:\nTOD W.S. VINTER, AMBASSADOR."
         "  REASON: 1.5", "TOD W.S. VINTER"),
        # Charge d'Affaires as typed.
        ("Classified By: Charge d,Affaires a.i. Tod Vinter, reasons 1.4(b)", "Tod Vinter"),
        ("Classified By: Charge' Tod Vinter for Reasons 1.4 (B, D)", "Tod Vinter"),
        ("Classified By: Charge d'Afairs (AI) Tod Vinter for Reasons 1.4 (b)", "Tod Vinter"),
        ("Classified By: Ambassador Rhea L. Vance, III. \nReasons: 1.4 (b) and (d).",
         "Rhea L. Vance, III"),
    ],
)
def test_classified_by_shapes(line: str, name: str) -> None:
    assert _classified(line)[0] == name


@pytest.mark.parametrize(
    "lines",
    [
        "Classified By:\n\nAmbassador Rhea Vance, reasons 1.4 (b)",
        "CLASSIFIED\nBY: AMBASSADOR RHEA VANCE, REASONS 1.4 (B)",
        "CLASSIFIED BY:\nAMBASSADOR RHEA VANCE\nREASONS 1.4 (B)",
    ],
)
def test_the_name_below_the_label(lines: str) -> None:
    assert _classified(lines)[0].upper() == "RHEA VANCE"


def test_a_misspelt_title_stays_the_title():
    assert _classified("Classified By: Ambassaor Rhea T. Vance for reasons 1.4 (b)") == (
        "Rhea T. Vance",
        "Ambassaor",
    )


def test_a_given_name_near_a_title_word_stays_the_name():
    # "Charles" is two keystrokes off "charge": a name, not a title.
    assert _classified("Classified By: Ambassador Charles Vance, Reasons 1.4 (b)")[0] == (
        "Charles Vance"
    )


def test_a_header_copy_cut_short_gives_way_to_the_full_line():
    cable = parse_text(
        "CONFIDENTIAL\n\nSUBJECT: A VISIT\n\nClassified By: ...\n\nREF: STATE 12\n\n"
        "Classified By: Ambassador Rhea Vance for reasons 1.4 (b)" + PARA
    )
    assert cable.classified_by == "Rhea Vance"


# ----------------------------------------------------------------------- signer

_LAST_PARAGRAPH = "\n\n5. (C) The talks will resume in the spring.\n"


def _signer(tail: str) -> str | None:
    return parse_text("CONFIDENTIAL\n\nSUBJECT: A VISIT" + PARA + _LAST_PARAGRAPH + tail).signer


@pytest.mark.parametrize(
    ("tail", "name"),
    [
        ("\nVANCE\n\nCONFIDENTIAL\n\nDeclassified/Released US Department of State EO Systematic\n"
         "Review 30 JUN 2006\n", "VANCE"),
        ("VANCE\n\n\nCONFIDENTIAL\n\nSIPDIS\n", "VANCE"),
        ("\nVANCE\nLIMITED OFFICIAL USE\nNNNN", "VANCE"),
        ("VANCE\n\nNOTE: NOT PASSED TO ABOVE ADDRESSEE(S)\n\n      CONFIDENTIAL", "VANCE"),
        ("VANCE\n\n\nNNNN\n\n      2004CARACA01540 - CONFIDENTIAL", "VANCE"),
        ("VANCE \n \n      SECRET \n \n> \n 2002ROME01748 - Classification: SECRET", "VANCE"),
        ("\nGP-3\nVANCE\n", "VANCE"),
        ("\n6.  AMMAN MINIMIZE CONSIDERED.  VANCE\n", "VANCE"),
        ("VANCE\n\nROME 00003382  003 OF 003\n", "VANCE"),
        ("\nVance\n", "Vance"),
        ("\nR.A. VANCE\n", "R.A. VANCE"),
        ("\nJ. Vance\n", "J. Vance"),
    ],
)
def test_signer_shapes(tail: str, name: str) -> None:
    assert _signer(tail) == name


def test_a_lettered_last_item_is_no_signer():
    assert _signer("\nB. NONE.\n") is None


# --------------------------------------------------------------------- markings


@pytest.mark.parametrize(
    ("line", "mark", "level", "caveats"),
    [
        ("1. (S/REL TO NATO/AUS) One.", "(S/REL TO NATO/AUS)", "SECRET", ("REL NATO, AUS",)),
        ("1. (C//REL TO USA, KEN, GBR//) One.", "(C//REL TO USA, KEN, GBR//)", "CONFIDENTIAL",
         ("REL USA, KEN, GBR",)),
        ("1. (S//REL TO USA//NF) One.", "(S//REL TO USA//NF)", "SECRET", ("REL USA", "NOFORN")),
        ("1. (SBU ) One.", "(SBU )", "UNCLASSIFIED", ("SBU",)),
        ("1. ( C) One.", "( C)", "CONFIDENTIAL", ()),
        ("2 . (U) One.", "(U)", "UNCLASSIFIED", ()),
    ],
)
def test_marks_as_typed(line: str, mark: str, level: str, caveats: tuple[str, ...]) -> None:
    cable = parse_text(f"SECRET\n\nSUBJECT: A VISIT\n\n{line}\n")
    marking = cable.paragraphs[0].marking
    assert marking is not None
    assert (marking.text, marking.level.name, marking.caveats) == (mark, level, caveats)
    assert cable.paragraphs[0].text == "One."


def test_an_office_symbol_is_no_mark():
    cable = parse_text("SECRET\n\nSUBJECT: A VISIT\n\n1. (S/CT) Office staff met.\n")
    assert cable.paragraphs[0].marking is None
