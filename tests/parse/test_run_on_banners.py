"""Banners run onto the line before them, lower-cased, letter-spaced or with SECTION misspelt,
as plain-text copies of the release write them (issue 21, item 1).

Every cable here is invented; each imitates a shape of those copies.
"""

from __future__ import annotations

import pytest

from store.model import Level
from store.parse import parse_text
from store.parse.banner_line import banner_start, read_banner

NOTICE = (
    "This record is a partial extract of the original cable. The full text of the original"
    " cable is not available."
)
FIELDS = (
    "\n\nSIPDIS\n\nE.O. 12958: DECL: 03/02/2019\nTAGS: PREL ECON ZA\n"
    "SUBJECT: COPPER PRICES WEIGH ON THE BUDGET\n\n"
    "Classified By: Ambassador Dana Frost for reasons 1.4 (b) and (d)\n\n"
    "1. (C) The finance minister told us on Monday that the budget would be cut again.\n"
)
ROUTING = (
    "P 041200Z MAR 09\nFM AMEMBASSY LUSAKA\nTO SECSTATE WASHDC PRIORITY 4411\n"
    "INFO SOUTHERN AFRICAN DEVELOPMENT COMMUNITY COLLECTIVE\nAMEMBASSY LONDON"
)


def _head(cable):
    return (
        cable.classification.full if cable.classification else None,
        cable.id,
        cable.origin,
        cable.subject,
        cable.tags,
    )


WANT = (
    "CONFIDENTIAL",
    "09LUSAKA1204",
    "Embassy Lusaka",
    "COPPER PRICES WEIGH ON THE BUDGET",
    ("PREL", "ECON", "ZA"),
)


@pytest.mark.parametrize(
    "head",
    [
        ROUTING + "C O N F I D E N T I A L LUSAKA 001204",
        ROUTING + "CONFIDENTIAL LUSAKA 001204",
        ROUTING + "CONFIDENTIAL SECTION 01 OF 02 LUSAKA 001204",
        ROUTING + "C o n f i d e n t i a l lusaka 001204",
        ROUTING + "confidential secton 01 of 02 lusaka 001204",
        ROUTING.replace("AMEMBASSY LONDON", "SECSTATE WASHDC 8136")
        + "CONFIDENTIAL SECTIN 01 OF 02 LUSAKA 001204",
        "VZCZCXRO1111\nPP RUEHWEB\nDE RUEHLS #1204/01 0631200\nZNY CCCCC ZZH\n"
        + ROUTING.replace("AMEMBASSY LONDON", "RUEHLO/AMEMBASSY LONDON PRIORITY 0042")
        + "C O N F I D E N T I A L SECTION 01 OF 02 LUSAKA 001204",
    ],
)
def test_a_banner_run_onto_the_last_addressee_gives_the_whole_head(head):
    cable = parse_text(head + FIELDS)
    assert _head(cable) == WANT
    assert cable.to == ("SECSTATE WASHDC",)
    assert cable.info[-1] in ("AMEMBASSY LONDON", "SECSTATE WASHDC")
    assert cable.paragraphs[0].text.startswith("The finance minister")


@pytest.mark.parametrize(
    "banner",
    [
        "UNCLAS LUSAKA 001204",
        "Unclas lusaka 001204",
        "U N C L A S SECTION 01 OF 03 LUSAKA 001204",
        "UNCLAS SECTOIN 01 OF 03 LUSAKA 001204",
        "u N c L a S LUSAKA 001204",  # letter-spaced in mixed case, as a retyped copy
        "U n C l A s SECTION 01 OF 03 LUSAKA 001204",
    ],
)
def test_a_banner_after_the_partial_extract_notice(banner):
    cable = parse_text(NOTICE + banner + FIELDS.replace("(C)", "(U)") + "\n")
    assert cable.classification.level is Level.UNCLASSIFIED
    assert cable.id == "LUSAKA1204"  # no year anywhere in this text
    assert cable.origin == "Embassy Lusaka"
    assert cable.subject == "COPPER PRICES WEIGH ON THE BUDGET"
    assert cable.is_partial
    assert cable.body.startswith("This record is a partial extract")


@pytest.mark.parametrize("level", ["S e c r e t", "s E c R e T", "S E c r e t"])
def test_a_lower_case_spaced_banner_of_the_department(level):
    cable = parse_text(NOTICE + level + " state 015220" + FIELDS)
    assert cable.classification.level is Level.SECRET
    assert cable.origin == "Secretary of State"
    assert cable.tags == ("PREL", "ECON", "ZA")


def test_the_sensitive_caption_anywhere_in_the_head_makes_fouo():
    above = parse_text(NOTICE + "\nSENSITIVE\nUNCLAS IZMIR 000412" + FIELDS)
    below = parse_text(NOTICE + "UNCLAS IZMIR 000412\n\nSIPDIS\n\nSensitive\n" + FIELDS)
    for cable in (above, below):
        assert cable.classification.full == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
        assert cable.origin == "Consulate Izmir"


def test_a_banner_after_a_database_row_or_a_catalogue_block():
    row = "2009-03-04 12:00:00\t09LUSAKA1204\tEmbassy Lusaka\tCONFIDENTIAL\t\t"
    block = "Class: CONFIDENTIAL\nDate: 2009-03-04\nKey: 09LUSAKA1204"
    for head in (row + "CONFIDENTIAL LUSAKA 001204", block + "CONFIDENTIAL LUSAKA 001204"):
        cable = parse_text(head + FIELDS)
        assert cable.classification.level is Level.CONFIDENTIAL
        assert cable.subject == "COPPER PRICES WEIGH ON THE BUDGET"


def test_the_stored_header_and_body_parse_again_to_the_same_cable():
    first = parse_text(ROUTING + "CONFIDENTIAL LUSAKA 001204" + FIELDS)
    again = parse_text(first.header + "\n" + first.body)
    assert _head(again) == _head(first) == WANT
    assert again.to == first.to and again.info == first.info


@pytest.mark.parametrize(
    "line",
    [
        "The talks were kept secret in Lusaka 2009",
        "SUBJECT: SECRET TALKS 2009",
        "the confidential lusaka 1204 talks",
        "WE SAW THE SECRETARY LUSAKA 001204",
        "Officials said it was unclas lusaka 001204 but not",
    ],
)
def test_prose_with_a_level_word_is_no_banner(line):
    assert banner_start(line) is None
    assert read_banner(line) is None


def test_prose_with_a_lower_case_level_word_and_no_known_post_is_no_banner():
    assert read_banner("Secret talks 2009") is None
    assert read_banner("Confidential sources 12") is None
    assert read_banner("SECRET TALKS 2009") is not None  # as printed, parse_banner decides
