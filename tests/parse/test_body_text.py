"""The body as the cable has it: paragraphs everywhere, marks, and the lines that are kept.

Every text here is invented; the shapes are those of real telegrams.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from store.model import Level
from store.parse import parse_text
from store.parse.line_structure import unwrap
from store.parse.paragraphs import _BLANK_LINES, _CLOSER_HINT, _LOOK_CLOSER, _blocks

TELEGRAMS = Path(__file__).resolve().parents[1] / "fixtures" / "telegrams"


def _cable(body: str):
    return parse_text(f"CONFIDENTIAL\n\nSUBJECT: AN INVENTED SUBJECT\n\n{body}\n")


@pytest.fixture(scope="module")
def lists_cable():
    return parse_text((TELEGRAMS / "lists_and_tables.txt").read_text(encoding="utf-8"))


def test_participants_table_and_list_keep_their_lines(lists_cable) -> None:
    texts = [p.text for p in lists_cable.paragraphs]
    assert texts[1] == (
        "Participants:\n\nU.S.\nAmbassador Jane Q. Example\nRosa Inventa, Economic Officer"
        "\n\nKazakhstan\nDeputy Minister Arman Fictiv\nAigul Madeup, Director of Planning"
    )
    assert texts[2].endswith(
        "published:\n\nYear      Old rate    New rate\n2006      9.0         9.5\n"
        "2007      8.0         8.5"
    )
    # Prose is joined for the reader to wrap; the list items keep their lines.
    assert texts[3] == (
        "He listed three concerns, all of them invented for this test cable and long enough"
        " to be wrapped at the margin of the telegram, which the reader joins again:\n\n"
        "-- inflation, which he called the first worry;\n-- the exchange rate; and\n-- habit."
    )


def test_every_paragraph_keeps_its_lines_as_written(lists_cable) -> None:
    table = lists_cable.paragraphs[2]
    assert table.as_written == (
        "The deputy minister handed over this table of invented\n"
        "rates, which the ministry has not yet published:\n\n"
        "    Year      Old rate    New rate\n    2006      9.0         9.5\n"
        "    2007      8.0         8.5"
    )
    one_line = lists_cable.paragraphs[0]
    assert one_line.written is not None  # wrapped in the cable, joined in ``text``
    assert lists_cable.paragraphs[-1].written is None  # one line: the same


def test_sub_paragraphs_and_lower_case_marks_get_their_marking(lists_cable) -> None:
    found = [(p.number, p.marking.text if p.marking else None) for p in lists_cable.paragraphs]
    assert found == [
        ("1.", "(C)"), ("2.", "(U)"), ("3.", "(C)"), ("4.", "(c)"), ("5.", "(S)"),
        ("A.", "(S//NF)"), ("(1)", "(C)"), ("6.", "(U)"),
    ]  # fmt: skip
    lower = lists_cable.paragraphs[3].marking
    assert lower.level is Level.CONFIDENTIAL and lower.short == "C"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("i. (U) A roman sub-paragraph.\n\nii. (S) Another.", [("i.", "U"), ("ii.", "S")]),
        ("b. (C) A lettered one.", [("b.", "C")]),
        ("2) (SBU) A bracketed number.", [("2)", "SBU")]),
        ("(c) A list item alone is no mark.", [(None, None)]),
        ("A. (S/CT) An office symbol is no mark.", [(None, None)]),
        ("The Technical Secretariat (TS) met.", [(None, None)]),
    ],
)
def test_what_is_a_mark(body, expected) -> None:
    found = [(p.number, p.marking.short if p.marking else None) for p in _cable(body).paragraphs]
    assert found == expected


def test_a_year_at_a_line_start_is_no_paragraph_number() -> None:
    cable = _cable("1. (C) He met the minister in\n2004. After that they met again.")
    assert [p.number for p in cable.paragraphs] == ["1."]
    assert cable.paragraphs[0].text == "He met the minister in 2004. After that they met again."


def test_a_small_number_in_mid_sentence_starts_no_paragraph() -> None:
    cable = _cable("1. (C) The vote was lost by\n12. Nobody expected it.")
    assert [p.number for p in cable.paragraphs] == ["1."]


def test_an_unnumbered_cable_gets_its_blank_line_paragraphs() -> None:
    cable = _cable("First invented paragraph, with no number.\n\nSecond one, also plain.")
    assert [p.text for p in cable.paragraphs] == [
        "First invented paragraph, with no number.",
        "Second one, also plain.",
    ]


def test_a_flattened_body_is_one_paragraph() -> None:
    cable = _cable("An invented body flattened onto one long line " * 8)
    assert len(cable.paragraphs) == 1


def test_text_run_on_into_the_ref_line_still_makes_paragraphs() -> None:
    text = (
        "UNCLAS TESTPOST 000963\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL XX\n"
        "SUBJECT: AN INVENTED DEMARCHE\n\nREF: STATE 146857 (U) Poloff delivered the reftel"
        " points to the invented ministry on October 21, which took them without comment.\n"
    )
    cable = parse_text(text)
    assert [(p.marking.short, p.text[:14]) for p in cable.paragraphs] == [("U", "Poloff deliver")]
    assert "no paragraphs found" not in cable.warnings


def test_unwrap_keeps_short_lines_of_a_wrapped_paragraph() -> None:
    text = (
        "The minister said the following officials would join the talks in\n"
        "the spring, all of them named in the invented list below this line:\n"
        "Minister Doe\n"
        "Deputy Roe"
    )
    assert unwrap(text) == (
        "The minister said the following officials would join the talks in the spring, all of"
        " them named in the invented list below this line:\nMinister Doe\nDeputy Roe"
    )


def test_unwrap_joins_narrow_prose_and_keeps_a_short_list() -> None:
    assert unwrap("The minister said that the\ngovernment would wait.") == (
        "The minister said that the government would wait."
    )
    assert unwrap("Ambassador Doe\nMinister Roe\nPoloff Smith") == (
        "Ambassador Doe\nMinister Roe\nPoloff Smith"
    )


def test_a_wide_line_ending_in_a_colon_keeps_its_break() -> None:
    body = (
        "4. (C) The invented delegation that came to the ministry on Monday was as follows:\n"
        "Deputy Minister Doe, the head of the delegation and of its planning staff here\n"
        "and three more officials of the invented ministry of planning and of finance.\n"
    )
    assert _cable(body).paragraphs[0].text == (
        "The invented delegation that came to the ministry on Monday was as follows:\n"
        "Deputy Minister Doe, the head of the delegation and of its planning staff here and"
        " three more officials of the invented ministry of planning and of finance."
    )


# The parts of the line starts the two searches tell apart ("12. (C)", "iv. (S)", "b) ", "o ",
# "--", rulers, marks, indents, a closing colon).
_START_PARTS = [
    *(" ", "\t", "\u2003", "-", "=", "_", "*", "~", "¶", "•", "(", ")", ".", ":"),
    *("o", "a", "iv", "Abcde", "abcdef", "1", "12", "123", "1234", "٣", "C", "SBU"),
]


def test_the_quick_hint_misses_no_line_that_needs_a_closer_look() -> None:
    # Every line start of up to three parts after a line of prose, and every line end.
    for size in (1, 2, 3):
        for parts in itertools.product(_START_PARTS, repeat=size):
            start = "".join(parts)
            for text in (f"The talks went on\n{start} and on", f"The talks {start}\nwent on"):
                if _LOOK_CLOSER.search(text) is not None:
                    assert _CLOSER_HINT.search(text) is not None, repr(text)


def test_the_release_anchor_typed_into_plain_text_is_no_part_of_the_number():
    text = (
        "UNCLAS LUSAKA 000412\n\nSUBJECT: A VISIT\nREF: A. LUSAKA 12\n     ¶B. STATE 1234\n\n"
        "¶1. (U) The minister called.\n  ¶A. He asked for time.\n  ¶B. He thanked us.\n\n"
        "¶ 2. Unmarked, with a ¶ in the line.\n"
    )
    cable = parse_text(text)
    assert [p.number for p in cable.paragraphs] == ["1.", "2."]
    first = "The minister called.\nA. He asked for time.\nB. He thanked us."
    assert cable.paragraphs[0].text == first
    assert cable.paragraphs[1].text == "Unmarked, with a ¶ in the line."
    assert cable.references == ("LUSAKA12", "STATE1234")
    assert "¶1. (U)" in cable.body  # the stored text keeps what was typed


def test_one_scan_finds_the_blocks_and_their_hints_as_two_searches_do() -> None:
    # ``_blocks`` finds the blank lines and the lines needing a closer look in one scan: the
    # blocks must be those between the blank lines, each hinted when a search of it finds a
    # hint.
    lines = ["The talks went on", "", "  ", "\t", *(f"{p} and on" for p in _START_PARTS[:14])]
    lines += [f"{p}. (C) and on" for p in _START_PARTS[14:]] + ["ends with a colon:"]
    for first in range(len(lines)):
        for count in (1, 2, 3, 5):
            chosen = [lines[(first + step * 7) % len(lines)] for step in range(count)]
            for body in ("\n".join(chosen), "\n" + "\n".join(chosen) + "\n\n"):
                blocks = list(_blocks(body))
                starts = [0, *(gap.end() for gap in _BLANK_LINES.finditer(body))]
                ends = [*(gap.start() for gap in _BLANK_LINES.finditer(body)), len(body)]
                spans = list(zip(starts, ends, strict=True))
                assert [(s, e) for s, e, _ in blocks] == spans, repr(body)
                for start, end, hinted in blocks:
                    block = body[start:end]
                    assert hinted == (_CLOSER_HINT.search(block) is not None), repr(body)


@pytest.mark.parametrize(
    ("end", "signer"),
    [
        ("\nVisit the invented classified website.\n**************\n\nHalloran", "Halloran"),
        ("\nVisit the invented classified website.\n--------------\n\nHALLORAN\n", "HALLORAN"),
        ("\nVisit the invented classified website.\n--------------\n", None),
    ],
)
def test_a_ruler_that_closes_the_text_leaves_no_empty_paragraph(end: str, signer) -> None:
    head = "UNCLASSIFIED\n\nSUBJECT: AN INVENTED VISIT\n\n"
    cable = parse_text(f"{head}1. (U) The visit went well.\n{end}")
    assert cable.signer == signer
    assert cable.paragraphs and all(p.text.strip() for p in cable.paragraphs)
