"""FM / TO / INFO: page headers are no recipients; fragments without a VZCZC line are read."""

from __future__ import annotations

from store.parse import parse_text

_PAGED = """R 071504Z FEB 07
FM SECSTATE WASHDC
TO AMEMBASSY ROME PRIORITY 1234
AMEMBASSY PARIS
PAGE 02 STATE 023763 071504Z
AMEMBASSY MADRID
INFO USMISSION USNATO
UNCLAS STATE 023763

SUBJECT: WHEAT QUOTAS

1. (U) Text.
"""

_FRAGMENT = """FM AMEMBASSY ROME
TO SECSTATE WASHDC 4411
INFO AMEMBASSY PARIS
AMCONSUL MILAN
SUBJECT: OLIVE HARVEST

1. (U) To the growers the news was bad.
"""

_ROUTED = """PAGE 01 LUSAKA 01877 01 OF 05 121033Z
ACTION AID-00
INFO LOG-00 EUR-00 SS-00
------------------
121036Z MAR 01
FM AMEMBASSY LUSAKA
TO SECSTATE WASHDC IMMEDIATE 1234
INFO AMEMBASSY HARARE
PAGE 02 LUSAKA 01877 01 OF 05 121033Z
AMEMBASSY PRETORIA
UNCLAS LUSAKA 001877

SUBJECT: MAIZE

1. (U) Text.
"""


def test_page_header_is_not_a_recipient() -> None:
    cable = parse_text(_PAGED)
    assert cable.to == ("AMEMBASSY ROME", "AMEMBASSY PARIS", "AMEMBASSY MADRID")
    assert cable.info == ("USMISSION USNATO",)


def test_fragment_without_transmission_id() -> None:
    cable = parse_text(_FRAGMENT)
    assert cable.transmission_id is None
    assert cable.sender == "AMEMBASSY ROME"
    assert cable.origin == "Embassy Rome"
    assert cable.to == ("SECSTATE WASHDC",)
    assert cable.info == ("AMEMBASSY PARIS", "AMCONSUL MILAN")


def test_routing_block_codes_are_not_recipients() -> None:
    cable = parse_text(_ROUTED)
    assert cable.to == ("SECSTATE WASHDC",)
    assert cable.info == ("AMEMBASSY HARARE", "AMEMBASSY PRETORIA")
    assert cable.origin == "Embassy Lusaka"


def test_body_sentence_starting_with_to_is_no_recipient() -> None:
    text = "UNCLASSIFIED\n\nSUBJECT: X\n\nTO THE MINISTER THIS WAS NEWS.\n1. (U) Text.\n"
    assert parse_text(text).to == ()


def _addressees(head: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    cable = parse_text(head + "\n\nSUBJECT: A TEST\n\n1. (U) The text of the cable.\n")
    return cable.to, cable.info


def test_a_page_header_on_the_to_line_is_skipped_and_the_list_goes_on() -> None:
    to, info = _addressees(
        "P 021830Z MAR 09\nFM SECSTATE WASHDC\nTO PAGE 02        STATE   004242  021845Z\n"
        "ALL EUROPEAN POSTS COLLECTIVE PRIORITY\nAMEMBASSY OSLO PRIORITY\n"
        "INFO WHITE HOUSE WASHINGTON DC\nUNCLAS STATE 004242"
    )
    assert to == ("ALL EUROPEAN POSTS COLLECTIVE", "AMEMBASSY OSLO")
    assert info == ("WHITE HOUSE WASHINGTON DC",)


def test_header_text_where_addressees_stand_ends_the_list() -> None:
    routing = "R 120900Z MAY 08\nFM AMEMBASSY OSLO\nTO SECSTATE WASHDC 1234\nINFO AMEMBASSY RIGA\n"
    for after in (
        "C O N F I D E N T I A L THE HAGUE",
        "C O N F I D E N T\nI A L SECTION 01 OF 02 THE HAGUE",
        "SIPDIS",
        "Cable dated:2008-05-12T09:00:00",
        "2008-05-12 09:00:00",
        "5/12/2008 9:00 CONFIDENTIAL",
        "Class: CONFIDENTIAL",
        "This record is a partial extract of the original cable.",
        "14:34,08OSLO1234,Embassy Oslo,CONFIDENTIAL",
    ):
        to, info = _addressees(routing + after + "\nAMEMBASSY PARIS\n\nCONFIDENTIAL OSLO 001234")
        assert to == ("SECSTATE WASHDC",), after
        assert info == ("AMEMBASSY RIGA",), after


def test_the_secret_service_is_an_addressee() -> None:
    _, info = _addressees(
        "R 120900Z MAY 08\nFM AMEMBASSY OSLO\nTO SECSTATE WASHDC 1234\n"
        "INFO US SECRET SERVICE WASHDC\nSECRET SERVICE WASHDC\nUNCLAS OSLO 001234"
    )
    assert info == ("US SECRET SERVICE WASHDC", "SECRET SERVICE WASHDC")
