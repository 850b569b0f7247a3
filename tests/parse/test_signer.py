"""The signer, on invented cable endings in the shapes real pages have (issue 11, item 9)."""

from __future__ import annotations

import pytest

from store.parse import parse_text
from store.parse.signer import split_signer

HEAD = "CONFIDENTIAL\n\nSUBJECT: AN INVENTED MEETING\n\n"
PROSE = "1. (C) The minister listened and promised to reply before the summit."


def signer(tail: str, body: str = PROSE) -> str | None:
    return parse_text(f"{HEAD}{body}\n{tail}").signer


@pytest.mark.parametrize(
    ("tail", "name"),
    [
        ("\nLangdale\n", "Langdale"),
        ("Van Voorst\n", "Van Voorst"),
        ("McKittrick", "McKittrick"),
        ("\nHALVORSEN##\n", "HALVORSEN"),
        ("\nQUILLARD.\n", "QUILLARD"),
        ("\nBRANNOCK .\n", "BRANNOCK"),
        ("\nLeslie THORVALD\n", "Leslie THORVALD"),
        ("\nFENWICK-HALE\n\n", "FENWICK-HALE"),
        ("\nLU\n", "LU"),
        # A field of one line: the words one blank apart, as typed with tabs or not.
        ("\nVAN \t VOORST\n", "VAN VOORST"),
        ("\nLeslie\tTHORVALD\n", "Leslie THORVALD"),
        ("\nORDWAY \t ORDWAY", "ORDWAY ORDWAY"),
    ],
)
def test_name_on_its_own_line(tail: str, name: str) -> None:
    assert signer(tail) == name


def test_a_name_after_the_last_sentence_keeps_single_blanks() -> None:
    last = "The delegation cleared it.\tPENROSE\tHALLORAN"
    cable = parse_text(f"{HEAD}1. (C) First.\n\n2. (C) {last}")
    assert cable.signer == "PENROSE HALLORAN"


@pytest.mark.parametrize(
    "boilerplate",
    [
        " CONFIDENTIAL\n>",
        "CONFIDENTIAL//NOFORN",
        'NNNN\n"',
        "/\n/\n/",
        "...",
        "NOTE BY OC/T: THIS MESSAGE WAS NOT PASSED TO THE FIELD.",
        "Declassified/Released US Department of State EO Systematic Review 30 JUN 2005",
        "PAGE 04 RIGA 00817 02 OF 02 141200Z",
        "RIGA 00000817  002 OF 002",
        "Visit Embassy Riga's Classified Website: http://www.state.sgov.gov/p/eur/riga",
        "*******************\nVisit Embassy Riga's Classified Website:\n"
        "http://www.state.sgov.gov/p/eur/riga\n*******************",
    ],
)
def test_name_before_trailing_boilerplate(boilerplate: str) -> None:
    assert signer(f"\nOSTERGAARD\n{boilerplate}\n") == "OSTERGAARD"


@pytest.mark.parametrize(
    "mark",
    [
        "=======================CABLE ENDS============================",
        '=====================CABLE ENDS======================\n\n\n\n"',
        "---- CABLE ENDS ----",
        "CABLE ENDS",
    ],
)
def test_the_releases_end_mark_is_no_text_and_the_name_before_it_signs(mark: str) -> None:
    """The web release closed some cables' text with an end mark between rulers: like NNNN,
    it is no paragraph, and the name above it is the signer."""
    cable = parse_text(f"{HEAD}{PROSE}\n\nOSTERGAARD\n\n{mark}\n")
    assert cable.signer == "OSTERGAARD"
    assert [p.text for p in cable.paragraphs] == [PROSE[len("1. (C) ") :]]
    # Words after it are text of the page: the mark is an end mark only at the end.
    tail = f"{HEAD}{PROSE}\n\n{mark}\n\nThe talks go on.\n"
    assert any("CABLE ENDS" in p.text for p in parse_text(tail).paragraphs)


@pytest.mark.parametrize(
    ("last_line", "name"),
    [
        # A page made from a database row may keep the row's closing quote.
        ('OSTERGAARD "', "OSTERGAARD"),
        ("The talks end in June. End comment. QUILLARD \"", "QUILLARD"),
        # A name in lower case after the closing sentence, as flattened pages have it.
        ("The ministry will reply by the end of the week. Halloran", "Halloran"),
        ("The delegation cleared this cable (reftel B). McKittrick", "McKittrick"),
        # Short lines after an end mark.
        ("End Comment. SPOGLI", "SPOGLI"),
        ("End text. SECHE", "SECHE"),
        # Not names: a one-word sentence, two words in lower case, a short line.
        ("The minister asked whether we agreed. Agreed.", None),
        ("The minister then left for the next meeting. Deputy Minister", None),
        ("Mr. Halloran", None),
        ("The talks went well. Regards", None),
        # A quote that closes a quotation is text, and no name comes before it.
        ('He said we "must not wait', None),
    ],
)
def test_name_at_the_end_of_the_last_line(last_line: str, name: str | None) -> None:
    assert signer(f"\n{last_line}\n", body="1. (C) The minister listened.") == name


def test_the_stray_quote_stays_in_text_that_is_no_signature() -> None:
    cable = parse_text(f"{HEAD}1. (C) The talks end in June; more later. \"\n")
    assert cable.signer is None
    assert cable.paragraphs[-1].text.endswith('"')


def test_a_text_run_on_in_the_head_gives_its_signature() -> None:
    text = (
        "UNCLAS TESTPOST 000963\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL XX\n"
        "SUBJECT: AN INVENTED DEMARCHE\n\nREF: STATE 146857 (U) Poloff delivered the reftel"
        " points to the invented ministry on October 21, which took them without comment."
        " Halloran\n"
    )
    cable = parse_text(text)
    assert cable.signer == "Halloran"
    assert [p.text[-16:] for p in cable.paragraphs] == ["without comment."]


def test_name_after_the_website_notice() -> None:
    tail = (
        "\nPlease visit Riga's Classified Website at:\nhttp://www.state.sgov.gov/p/eur/riga/"
        "index.c fm\nPellworth\n"
    )
    assert signer(tail) == "Pellworth"
    tail = "Visit Riga's Classified Website: XXXXXXXXXXXX\nPellworth.\n"
    assert signer(tail) == "Pellworth"


def test_name_after_a_page_header_or_a_closing_formula() -> None:
    assert signer("RIGA 00000817  004 OF 004\nOSTERGAARD") == "OSTERGAARD"
    assert signer("\nMINIMIZE CONSIDERED\nOSTERGAARD") == "OSTERGAARD"
    assert signer("Policy continues. End Comment\nOSTERGAARD") == "OSTERGAARD"


def test_name_in_capitals_under_a_list_or_a_table() -> None:
    assert signer("Start Date: 1/31/2010\n\nEnd Date: 6/1/2010\nOSTERGAARD") == "OSTERGAARD"
    assert signer("-- the archive\n-- the port\n\nMERRIWEATHER\nOSTERGAARD") == "OSTERGAARD"
    assert signer("(371) 6703-6200\nOSTERGAARD") == "OSTERGAARD"


@pytest.mark.parametrize(
    ("last_line", "name"),
    [
        ("The minister will reply before the summit. END COMMENT. HALLORAN", "HALLORAN"),
        ("THE MINISTER WILL REPLY BEFORE THE SUMMIT. END COMMENT. HALLORAN", "HALLORAN"),
        ("The minister will reply before the summit. End comment.  HALLORAN.", "HALLORAN"),
        ("The minister will reply before the summit. END COMMENT Fairbrother", "Fairbrother"),
        ("The minister will reply before the summit (End text of letter) HALLORAN", "HALLORAN"),
        ("Post will report the reply of the minister by septel. SCOBEY", "SCOBEY"),
        ("The delegation has cleared this cable. PENROSE HALLORAN", "PENROSE HALLORAN"),
    ],
)
def test_name_after_the_last_sentence_on_the_same_line(last_line: str, name: str) -> None:
    cable = parse_text(f"{HEAD}1. (C) First.\n\n2. (C) {last_line}")
    assert cable.signer == name
    assert name not in cable.paragraphs[-1].text


@pytest.mark.parametrize(
    "tail",
    [
        "the talks were held in the\nBundestag.",  # a wrapped sentence ends on one word
        "the delegation was led by Ambassador\nStephens.",
        "the talks were held with\nNATO.",  # an acronym ends the sentence
        "THE TALKS WERE HELD IN THE\nBUNDESTAG",  # capitals prose wraps too
        "Tourism     53.5\nCommercial",  # a table cut off in mid-row
        "\nEnd Comment.",
        "\nMinimize considered.",
        "\nThanks",
        "\nXXXXXXXXXXXX",  # a redaction is no name
        "\nThe end.",
    ],
)
def test_no_signer(tail: str) -> None:
    assert signer(tail, "1. (C) The minister listened and said") is None


@pytest.mark.parametrize(
    "last_line",
    [
        "THE MINISTER WILL REPLY. HALLORAN",  # capitals prose: one more sentence, not a name
        "The minister said so. Thanks",
        "The minister will reply. The",
    ],
)
def test_no_signer_on_the_same_line(last_line: str) -> None:
    assert signer("", f"1. (C) {last_line}") is None


def test_body_keeps_what_follows_the_signature_but_the_end_marks() -> None:
    lines = ["2. (C) Last.", "", "OSTERGAARD", " CONFIDENTIAL", "", "NNNN"]
    body, name = split_signer(lines)
    assert name == "OSTERGAARD"
    assert body == ["2. (C) Last.", "", " CONFIDENTIAL"]
