"""Banners, captions, portion marks and catalogue values (DESIGN section 5)."""

from __future__ import annotations

import pytest

from store.model import Level, Marking
from store.parse import parse_text
from store.parse.markings import (
    STRICT_PORTION_MARK,
    caption_words,
    overall_marking,
    parse_banner,
    parse_catalogue,
    parse_portion_mark,
)

U, C, S, TS = Level.UNCLASSIFIED, Level.CONFIDENTIAL, Level.SECRET, Level.TOP_SECRET

# ---------------------------------------------------------------------------------- banners

# line -> (level, captions, section, station, serial)
BANNERS = {
    "C O N F I D E N T I A L ALMATY 002558": (C, [], None, "ALMATY", 2558),
    "UNCLAS": (U, [], None, None, None),
    "UNCLAS ALMATY 000079 ": (U, [], None, "ALMATY", 79),
    "S E C R E T": (S, [], None, None, None),
    "S E C R E T STATE 012345": (S, [], None, "STATE", 12345),
    "UNCLAS E F T O": (U, [], None, None, None),
    "UNCLAS EFTO ANKARA 000321": (U, [], None, "ANKARA", 321),
    "UNCLAS SECTION 01 OF 03 ALMATY 000079": (U, [], (1, 3), "ALMATY", 79),
    "C O N F I D E N T I A L SECTION 02 OF 02 ANKARA 001234": (C, [], (2, 2), "ANKARA", 1234),
    "C O N F I D E N T I A LSECTION 01 OF 02": (C, [], (1, 2), None, None),
    "C O N F I D E N T I A L SECTION 01 OF 02 ALMATY 000079 SIPDIS": (
        C, ["SIPDIS"], (1, 2), "ALMATY", 79,
    ),
    "S E C R E TSECTION 03 OF 04 BAGHDAD 000987": (S, [], (3, 4), "BAGHDAD", 987),
    "TOP SECRET": (TS, [], None, None, None),
    "T O P S E C R E T STATE 000001": (TS, [], None, "STATE", 1),
    "CONFIDENTIAL": (C, [], None, None, None),
    "UNCLASSIFIED": (U, [], None, None, None),
    "SECRET": (S, [], None, None, None),
    "SECRET//NOFORN": (S, ["NOFORN"], None, None, None),
    "UNCLAS SENSITIVE PHNOM PENH 000004": (U, ["SENSITIVE"], None, "PHNOMPENH", 4),
    "UNCLAS SENSITIVE SECTION 01 OF 02 USUN NEW YORK 000123": (
        U, ["SENSITIVE"], (1, 2), "USUNNEWYORK", 123,
    ),
    "LIMITED OFFICIAL USE ROME 001234": (U, ["SENSITIVE"], None, "ROME", 1234),
    "   S E C R E T   SECTION 01 OF 02   STATE 000042   ": (S, [], (1, 2), "STATE", 42),
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY ROME 000125": (U, ["SENSITIVE"], None, "ROME", 125),
    "UNCLAS//FOR OFFICIAL USE ONLY": (U, ["SENSITIVE"], None, None, None),
    "UNCLASSIFIED//FOUO ROME 000125": (U, ["SENSITIVE"], None, "ROME", 125),
    "UNCLAS FOUO ROME 000125": (U, ["SENSITIVE"], None, "ROME", 125),
    "CONFIDENTIAL//REL NATO ROME 000126": (C, ["REL NATO"], None, "ROME", 126),
    "SECRET//REL TO USA, GBR STATE 000007": (S, ["REL USA, GBR"], None, "STATE", 7),
    "S E C R E TANKARA 000123": (S, [], None, "ANKARA", 123),
    "C O N F I D E N T I A LSTATE 012345": (C, [], None, "STATE", 12345),
}  # fmt: skip


@pytest.mark.parametrize("line", list(BANNERS))
def test_banner_forms(line: str) -> None:
    banner = parse_banner(line)
    assert banner is not None, line
    level, captions, section, station, serial = BANNERS[line]
    assert banner.level is level
    assert banner.captions == captions
    assert banner.section == section
    assert banner.station == station
    assert banner.serial == serial


@pytest.mark.parametrize(
    "line",
    [
        "Secret talks began in May.",
        "Confidential sources say so.",
        "SECRETARY RICE MET THE MINISTER",
        "CONFIDENTIALLY, HE SAID",
        "SECRET TALKS BEGAN",
        "UNCLASSIFIED BY DECREE OF THE MINISTER",
        "S E C R E T L Y",
        "SECRETANKARA 000123",
        "SECRETARIAT 2",
        "CONFIDENTIALITY 3",
        "SECSTATE WASHDC",
        "TOPICS FOR DISCUSSION",
        "",
        "C" * 300,
        "SECRET " + "A" * 250,
    ],
)
def test_not_banners(line: str) -> None:
    assert parse_banner(line) is None


# --------------------------------------------------------------------------------- captions


@pytest.mark.parametrize(
    ("line", "captions"),
    [
        ("SIPDIS", ["SIPDIS"]),
        ("NOFORN", ["NOFORN"]),
        ("SENSITIVE", ["SENSITIVE"]),
        ("EXDIS", ["EXDIS"]),
        ("NODIS", ["NODIS"]),
        ("SENSITIVE SIPDIS", ["SENSITIVE", "SIPDIS"]),
        ("NOFORN, SIPDIS", ["NOFORN", "SIPDIS"]),
        ("SENSITIVE BUT UNCLASSIFIED", ["SENSITIVE"]),
        ("sipdis", None),
        ("SIPDIS and more words", None),
        ("Sensitive matters", None),
        ("", None),
    ],
)
def test_caption_lines(line: str, captions: list[str] | None) -> None:
    assert caption_words(line) == captions


@pytest.mark.parametrize(
    ("banner", "full"),
    [
        ("UNCLASSIFIED//FOR OFFICIAL USE ONLY ROME 000125", "UNCLASSIFIED//FOR OFFICIAL USE ONLY"),
        ("UNCLAS FOUO ROME 000125", "UNCLASSIFIED//FOR OFFICIAL USE ONLY"),
        ("CONFIDENTIAL//REL NATO ROME 000126", "CONFIDENTIAL//REL NATO"),
        ("S E C R E TANKARA 000123", "SECRET"),
    ],
)
def test_banner_forms_classify_the_whole_cable(banner: str, full: str) -> None:
    cable = parse_text(f"{banner}\n\nSUBJECT: X\n\n1. (U) Text.\n")
    assert cable.classification is not None and cable.classification.full == full
    assert cable.id is not None and cable.id.endswith(banner.split()[-1].lstrip("0"))
    assert "no classification banner found" not in cable.warnings


def test_overall_marking_from_banner_and_captions() -> None:
    assert overall_marking(U, ["SENSITIVE"]) == Marking(
        U, ("FOUO",), "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    )
    assert overall_marking(C, ["SIPDIS", "NOFORN"]) == Marking(
        C, ("NOFORN",), "CONFIDENTIAL//NOFORN"
    )
    assert overall_marking(S, ["NOFORN"]).full == "SECRET//NOFORN"
    assert overall_marking(S, ["EXDIS"]).full == "SECRET"  # a dissemination caption only
    assert overall_marking(C, ["SENSITIVE"]).full == "CONFIDENTIAL"  # SENSITIVE is for UNCLAS
    assert overall_marking(TS, []).full == "TOP SECRET"


def _cable(banner: str, *captions: str, body: str = "1. (U) Text.") -> str:
    return "\n\n".join([banner, *captions, "SUBJECT: TEST", body])


@pytest.mark.parametrize(
    ("text", "full", "captions"),
    [
        (_cable("UNCLAS ALMATY 000001", "SENSITIVE"), "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
         ("SENSITIVE",)),
        (_cable("UNCLAS SENSITIVE ALMATY 000001"), "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
         ("SENSITIVE",)),
        (_cable("C O N F I D E N T I A L ALMATY 000001", "SIPDIS", "NOFORN"),
         "CONFIDENTIAL//NOFORN", ("SIPDIS", "NOFORN")),
        (_cable("S E C R E T SECTION 01 OF 02 STATE 000001", "NODIS"), "SECRET", ("NODIS",)),
        (_cable("S E C R E T STATE 000001", "EXDIS", "SIPDIS"), "SECRET", ("EXDIS", "SIPDIS")),
        (_cable("UNCLAS E F T O ALMATY 000001"), "UNCLASSIFIED", ()),
        (_cable("TOP SECRET STATE 000001"), "TOP SECRET", ()),
    ],
)  # fmt: skip
def test_classification_through_the_parser(text: str, full: str, captions: tuple) -> None:
    cable = parse_text(text)
    assert cable.classification is not None
    assert cable.classification.full == full
    assert cable.captions == captions


def test_known_catalogue_value_wins_over_the_banner() -> None:
    from store.records import KnownFields

    text = _cable("UNCLAS ALMATY 000001")
    cable = parse_text(text, known=KnownFields(classification="CONFIDENTIAL//NOFORN"))
    assert cable.classification == Marking(C, ("NOFORN",), "CONFIDENTIAL//NOFORN")


# ------------------------------------------------------------------------------ portion marks

# Every form of DESIGN section 5 -> (level, caveats, short chip text)
PORTION_MARKS = {
    "(C)": (C, (), "C"),
    "(SBU)": (U, ("SBU",), "SBU"),
    "(U)": (U, (), "U"),
    "(S)": (S, (), "S"),
    "(S/NF)": (S, ("NOFORN",), "S//NF"),
    "(C/NF)": (C, ("NOFORN",), "C//NF"),
    "(S//NF)": (S, ("NOFORN",), "S//NF"),
    "(C//NF)": (C, ("NOFORN",), "C//NF"),
    "(SBU/NF)": (U, ("SBU", "NOFORN"), "SBU//NF"),
    "(S/REL NATO)": (S, ("REL NATO",), "S//REL NATO"),
    "(S//REL TO USA, GBR)": (S, ("REL USA, GBR",), "S//REL USA, GBR"),
    "(U//FOUO)": (U, ("FOUO",), "U//FOUO"),
    "(S//FGI//NF)": (S, ("FGI", "NOFORN"), "S//FGI//NF"),
    "(C/NOFORN)": (C, ("NOFORN",), "C//NF"),
    "(TS)": (TS, (), "TS"),
    "(TS//SCI)": (TS, ("SCI",), "TS//SCI"),
}


@pytest.mark.parametrize("mark", list(PORTION_MARKS))
def test_portion_marks(mark: str) -> None:
    level, caveats, short = PORTION_MARKS[mark]
    marking = parse_portion_mark(mark)
    assert marking == Marking(level, caveats, mark)
    assert marking.short == short
    assert STRICT_PORTION_MARK.fullmatch(mark)


@pytest.mark.parametrize(
    "text", ["(S/CT)", "(INR/B)", "(TS/X)", "(c)", "(SECRET)", "(CT)", "(U.S.)", "(S", "S)", ""]
)
def test_not_portion_marks(text: str) -> None:
    assert parse_portion_mark(text) is None
    assert not STRICT_PORTION_MARK.fullmatch(text)


@pytest.mark.parametrize("mark", list(PORTION_MARKS))
def test_every_portion_mark_marks_its_paragraph(mark: str) -> None:
    level, caveats, _ = PORTION_MARKS[mark]
    cable = parse_text(_cable("SECRET", body=f"1. {mark} Text of the paragraph."))
    paragraph = cable.paragraphs[0]
    assert paragraph.number == "1."
    assert paragraph.marking == Marking(level, caveats, mark)
    assert paragraph.text == "Text of the paragraph."


def test_office_symbols_and_inline_marks_do_not_mark_a_paragraph() -> None:
    body = (
        "1. (S/CT) Coordinator Smith said little.\n\n"
        "(INR/B) analysts agreed with him on every point that was raised.\n\n"
        "2. The Technical Secretariat (TS) met in The Hague (C) and (S) too.\n\n"
        "Technical Secretariat (TS) staff met again the next day, and agreed."
    )
    cable = parse_text(_cable("UNCLAS", body=body))
    assert [(p.number, p.marking) for p in cable.paragraphs] == [("1.", None), ("2.", None)]
    assert cable.paragraphs[0].text.startswith("(S/CT) Coordinator")
    # An unnumbered block after a numbered paragraph is that paragraph's second block.
    assert cable.paragraphs[0].text.endswith("every point that was raised.")
    assert cable.paragraphs[1].text == (
        "The Technical Secretariat (TS) met in The Hague (C) and (S) too.\n\n"
        "Technical Secretariat (TS) staff met again the next day, and agreed."
    )


def test_mark_with_no_space_after_the_number_and_a_pilcrow() -> None:
    body = "9.(C) Packed tight.\n\n¶10. (S//NF) With a pilcrow.\n\n¶ 11. Unmarked pilcrow."
    cable = parse_text(_cable("SECRET", body=body))
    got = [(p.number, p.marking.text if p.marking else None, p.text) for p in cable.paragraphs]
    assert got == [
        ("9.", "(C)", "Packed tight."),
        ("10.", "(S//NF)", "With a pilcrow."),
        ("11.", None, "Unmarked pilcrow."),
    ]


def test_highest_portion_mark_classifies_a_cable_without_banner() -> None:
    cable = parse_text("SUBJECT: NO BANNER\n\n1. (C) One.\n\n2. (S//NF) Two.\n\n3. (U) Three.")
    assert cable.classification == Marking(S, (), "SECRET")
    assert "no classification banner found" in cable.warnings
    assert "classification taken from the highest portion mark" in cable.warnings


# -------------------------------------------------------------------------- catalogue values

FOUO_FULL = "UNCLASSIFIED//FOR OFFICIAL USE ONLY"


@pytest.mark.parametrize(
    ("value", "level", "caveats", "full"),
    [
        ("UNCLASSIFIED", U, (), "UNCLASSIFIED"),
        (FOUO_FULL, U, ("FOUO",), FOUO_FULL),
        ("CONFIDENTIAL", C, (), "CONFIDENTIAL"),
        ("CONFIDENTIAL//NOFORN", C, ("NOFORN",), "CONFIDENTIAL//NOFORN"),
        ("SECRET", S, (), "SECRET"),
        ("SECRET//NOFORN", S, ("NOFORN",), "SECRET//NOFORN"),
        ("TOP SECRET", TS, (), "TOP SECRET"),
        ("secret//noforn", S, ("NOFORN",), "SECRET//NOFORN"),
        (" SECRET // NOFORN ", S, ("NOFORN",), "SECRET//NOFORN"),
        ("SECRET//REL TO USA, NATO", S, ("REL USA, NATO",), "SECRET//REL USA, NATO"),
    ],
)  # fmt: skip
def test_catalogue_values(value: str, level: Level, caveats: tuple, full: str) -> None:
    assert parse_catalogue(value) == Marking(level, caveats, full)


@pytest.mark.parametrize("value", ["", "RESTRICTED", "SECRET//BANANA", "//", "SECRET//"])
def test_unknown_catalogue_values(value: str) -> None:
    assert parse_catalogue(value) is None


def test_unknown_catalogue_value_falls_back_to_the_banner_with_a_warning() -> None:
    from store.records import KnownFields

    cable = parse_text(_cable("S E C R E T STATE 000001"), known=KnownFields(classification="X"))
    assert cable.classification is not None and cable.classification.full == "SECRET"
    assert "unknown classification value 'X'" in cable.warnings
