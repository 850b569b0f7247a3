"""Page headers and repeated section headers: out of the text, counted, the cut joined.

Every text here is invented; the shapes are those of real telegrams.
"""

from __future__ import annotations

from pathlib import Path

from store.parse import page_breaks, parse_text
from store.parse.page_breaks import remove_page_breaks

TELEGRAMS = Path(__file__).resolve().parents[1] / "fixtures" / "telegrams"


def test_a_page_header_on_its_own_line_goes_and_the_sentence_is_whole_again() -> None:
    body = "military and\n\nSTOCKHOLM 00000506  002 OF 003\n\n\nin the nuclear talks."
    unpaged = remove_page_breaks(body, "STOCKHOLM")
    assert unpaged.text == "military and in the nuclear talks."
    assert unpaged.pages == 3


def test_a_page_header_between_paragraphs_leaves_one_blank_line() -> None:
    unpaged = remove_page_breaks("it ended.\n\nMOSCOW 00002754  002 OF 002\n\n7. (C) Then", None)
    assert unpaged.text == "it ended.\n\n7. (C) Then"


def test_a_page_header_inside_a_flattened_line_keeps_the_words_around_it() -> None:
    text = "the PSDB BRASILIA 00000546 002.2 OF 004 meetings went on"
    assert remove_page_breaks(text, "BRASILIA").text == "the PSDB meetings went on"
    two_words = "the pilot SAO PAULO 00000675 006 OF 008 turned"
    assert remove_page_breaks(two_words, "SAOPAULO").text == "the pilot turned"


def test_an_old_page_header_and_its_classification_lines_go() -> None:
    body = (
        "1. (C) THE MINISTER CALLED IN THE\nCONFIDENTIAL\n\nPAGE 02 TESTPO 01261 061419Z\n"
        "CHARGE TO TALK."
    )
    unpaged = remove_page_breaks(body, None)
    assert unpaged.text == "1. (C) THE MINISTER CALLED IN THE CHARGE TO TALK."
    assert unpaged.pages == 2


def test_a_level_word_at_the_end_of_a_flattened_line_before_the_page_header_goes() -> None:
    body = (
        "THE CHALLENGE, HE SAID, IS  CONFIDENTIAL\nPAGE 02 TESTPOST 05461 02 OF 02 271459Z TO MEET."
    )
    unpaged = remove_page_breaks(body, None)
    assert unpaged.text == "THE CHALLENGE, HE SAID, IS TO MEET."
    assert unpaged.sections == 2


def test_prose_that_says_page_or_a_number_is_kept() -> None:
    body = "See PAGE 2 of the report.\n\nThe vote was 00000012 to 3 OF the seats."
    assert remove_page_breaks(body, None).text == body


def test_an_invented_cable_with_new_page_headers() -> None:
    cable = parse_text((TELEGRAMS / "lists_and_tables.txt").read_text(encoding="utf-8"))
    assert (cable.pages, cable.sections) == (3, 2)
    texts = [p.text for p in cable.paragraphs]
    assert not any("00000042" in t for t in texts)
    assert texts[4] == (
        "In a private aside, the deputy minister said that the cabinet had met in 2004. After"
        " that meeting nothing changed, he claimed."
    )
    # The raw text stays as it came.
    assert "ASTANA 00000042  002 OF 003" in cable.body


def test_an_old_cable_repeats_its_header_at_its_second_section() -> None:
    cable = parse_text((TELEGRAMS / "old_pages_two_sections.txt").read_text(encoding="utf-8"))
    assert (cable.pages, cable.sections) == (3, 2)
    assert [p.text for p in cable.paragraphs] == [
        "THE INVENTED MINISTER SAID THAT THE PARTIES WOULD MEET SOON, AND THAT BOTH OF THEM"
        " HAD AGREED TO TALK ABOUT THE BUDGET BEFORE THE END OF THE YEAR.",
        "HE ADDED NOTHING ELSE OF NOTE. THE TALKS WOULD GO ON UNDER THE SAME RULES AS BEFORE,"
        " HE SAID.",
        "A THIRD PARAGRAPH CLOSES THE INVENTED CABLE.",
    ]
    assert cable.signer == "DOE"


def test_a_cable_without_page_breaks_has_no_page_count() -> None:
    cable = parse_text("CONFIDENTIAL\n\nSUBJECT: S\n\n1. (C) One page only.\n")
    assert (cable.pages, cable.sections) == (None, None)


def test_a_page_header_between_a_title_and_its_ruler_leaves_them_on_two_lines() -> None:
    body = "Invented Issues\nVATICAN 00000078 003.2 OF 005\n--------------- \n\nText."
    assert remove_page_breaks(body, "VATICAN").text == "Invented Issues\n--------------- \n\nText."


def test_the_unchanged_body_says_whether_it_holds_a_section_word() -> None:
    assert remove_page_breaks("1. The plan.\n\n2. The vote.", None).sectioned is False
    assert remove_page_breaks("1. See SECTION 3 of the law.", None).sectioned is True
    assert remove_page_breaks("1. A S E C T I O N word.", None).sectioned is True
    # A body the page breaks were taken out of is not looked at again.
    body = "it ended.\n\nMOSCOW 00002754  002 OF 002\n\n7. (C) Then"
    assert remove_page_breaks(body, None).sectioned is None


def test_new_page_headers_are_found_on_the_same_lines_as_a_search_of_the_whole_body() -> None:
    # The body is searched for a header's "OF 002" first, the whole pattern tried only on
    # those lines: the lines found must be the ones the whole pattern finds on its own.
    lines = [
        "MOSCOW 00002754  002 OF 002",
        "the PSDB BRASILIA 00000546 002.2 OF 004 meetings went on",
        "A 00000001 001 OF 002 and B 00000002 002 OF 002",
        "x.00000418 002 OF 003",  # a serial glued to a word or a dot is none
        "a00000418 002 OF 003",
        "one OF 002 but no serial",
        "00000418 002 OF 0031",  # the total runs on
        "00000418 002\tOF\t003",
        "\t00000418 002 OF   003",
        "",
        "QUITO 00000418 002 OF 003",
    ]
    for count in range(1, len(lines) + 1):
        for shift in range(len(lines)):
            body = "\n".join((lines[shift:] + lines[:shift])[:count])
            expected = page_breaks._line_numbers(body, page_breaks._NEW_PAGE)
            assert page_breaks._new_page_lines(body) == expected, body
