"""The parser on hand-written cables: every edge case of issue 2, one test each.

All cable texts here and in ``tests/fixtures/telegrams/`` are invented for these tests (see
that folder's README); none is a real cable.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from store.model import Cable, Level, Marking
from store.parse import parse_text
from store.records import KnownFields
from store.sanitize import decode

TELEGRAMS = Path(__file__).resolve().parents[1] / "fixtures" / "telegrams"
C = Level.CONFIDENTIAL


def _fixture(name: str) -> Cable:
    path = TELEGRAMS / name
    return parse_text(decode(path.read_bytes()), source=str(path))


def _numbers(cable: Cable) -> list[str | None]:
    return [p.number for p in cable.paragraphs]


# ------------------------------------------------------------- a complete telegram


@pytest.fixture(scope="module")
def complete() -> Cable:
    return _fixture("complete_telegram.txt")


def test_complete_telegram_transmission_header(complete: Cable) -> None:
    assert complete.transmission_id == "VZCZCXRO4821"
    assert complete.precedence == "ROUTINE"
    assert complete.dtg == "120508Z JAN 06"
    assert complete.created == datetime(2006, 1, 12, 5, 8)
    assert complete.date_note is None
    assert complete.sender == "AMEMBASSY ALMATY"
    assert complete.origin == "Embassy Almaty"
    assert complete.to == ("SECSTATE WASHDC",)
    # Routing prefixes, precedence words and serials are not part of a name; ZEN lines are
    # addressees the message was not sent to.
    assert complete.info == (
        "CIS COLLECTIVE",
        "USOFFICE ASTANA",
        "AMEMBASSY PHNOM PENH",
        "NSC WASHDC",
    )
    assert complete.is_partial is False
    assert complete.header.startswith("VZCZCXRO4821\nRR RUEHAST RUEHBUL\n")
    assert complete.header.endswith("RHEHNSC/NSC WASHDC\nBT")
    assert complete.body.startswith("C O N F I D E N T I A L SECTION 01 OF 02 ALMATY 000079")


def test_complete_telegram_fields(complete: Cable) -> None:
    assert complete.id == "06ALMATY79"
    assert complete.classification == Marking(C, ("NOFORN",), "CONFIDENTIAL//NOFORN")
    assert complete.captions == ("SIPDIS", "NOFORN")
    assert complete.declassify_on == date(2016, 1, 12)
    assert complete.declassify_note is None
    # Wrapped, comma-separated, with a multi-word tag.
    assert complete.tags == ("PGOV", "PREL", "KDEM", "KZ", "TRADE AND DEVELOPMENT")
    # Wrapped subject that starts with a portion mark.
    assert complete.subject == "KAZAKHSTAN: INVENTED MINISTER PROMISES NOTHING IN PARTICULAR"
    assert complete.subject_marking == Marking(C, (), "(C)")
    assert complete.references == ("05ALMATY4410", "06STATE123", "05TBILISI619")
    assert complete.classified_by == "Jane Q. Example"
    assert complete.classified_by_title == "Ambassador"
    assert complete.reasons == "1.4 (b) and (d)"
    assert complete.summary == (
        "The invented minister met the Ambassador on January 10 and promised nothing in "
        "particular. He spoke at length about roads."
    )
    assert complete.signer == "EXAMPLE"
    assert complete.warnings == ()


def test_complete_telegram_paragraphs(complete: Cable) -> None:
    got = [
        (p.number, p.marking.text if p.marking else None, p.is_heading, p.text)
        for p in complete.paragraphs
    ]
    assert got == [
        ("1.", "(C)", False,
         "Summary: The invented minister met the Ambassador on January 10 and promised nothing "
         "in particular.  He spoke at length about roads. End Summary."),
        ("2.", "(S/NF)", False,
         "The minister said:\n-- roads will be built;\n-- bridges will follow; and\n"
         "-- nobody will pay."),
        (None, None, True, "Background\n----------"),
        ("3.", "(C)", False,
         "Technical Secretariat (TS) officials joined the meeting. "
         "The (S/CT) coordinator did not."),
        ("4.", "(U)", False,
         "Comment: This is a comment paragraph that runs across the page and closes here. "
         "End Comment."),
        ("5.", "(SBU)", False,
         "Our contact XXXXXXXXXXXX told us the road plan was drafted by the ministry in "
         "December."),
        ("A.", "(S)", False, "First lettered sub-paragraph."),
        ("B.", "(C//NF)", False, "Second lettered sub-paragraph."),
        ("6.", "(C)", False,
         "(Note: The minister's deputy left early. End Note.) The meeting ended at noon."),
    ]  # fmt: skip
    assert complete.paragraphs[1].marking == Marking(Level.SECRET, ("NOFORN",), "(S/NF)")


def test_second_section_banner_and_its_captions_are_not_text(complete: Cable) -> None:
    texts = "\n".join(p.text for p in complete.paragraphs)
    assert "SECTION 02 OF 02" not in texts
    assert "SIPDIS" not in texts
    assert "BT" not in texts.split() and "NNNN" not in texts and "#0079" not in texts


# ------------------------------------------------------------------------- TAGS


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("TAGS: PGOV PREL KZ", ("PGOV", "PREL", "KZ")),
        ("TAGS: PGOV, PREL, KZ", ("PGOV", "PREL", "KZ")),
        ("TAGS: PGOV PREL, KZ, ECON", ("PGOV", "PREL", "KZ", "ECON")),
        ("TAGS: PGOV, PREL,\n      KZ, ECON", ("PGOV", "PREL", "KZ", "ECON")),
        ("TAGS: [KDEM](#) [KZ](#)\n[PGOV](#)", ("KDEM", "KZ", "PGOV")),
        ("TAGS: KZ, POLITICAL PARTIES, PGOV", ("KZ", "POLITICAL PARTIES", "PGOV")),
        ("TAGS: PGOV, PREL, KZ.", ("PGOV", "PREL", "KZ")),
        ("TAGS:PGOV PGOV KZ", ("PGOV", "KZ")),
        ("TAGS PGOV PREL", ("PGOV", "PREL")),
        ("TAG: PGOV", ("PGOV",)),
    ],
)
def test_tags(line: str, tags: tuple[str, ...]) -> None:
    cable = parse_text(f"UNCLAS STATE 000001\n\n{line}\nSUBJECT: X\n\n1. Text.")
    assert cable.tags == tags
    assert cable.subject == "X"


# ---------------------------------------------------------------------- subject


@pytest.mark.parametrize(
    ("lines", "subject", "mark"),
    [
        ("SUBJECT: ONE LINE", "ONE LINE", None),
        ("SUBJECT: WRAPPED\n  OVER TWO LINES", "WRAPPED OVER TWO LINES", None),
        ("SUBJECT: (C) MARKED", "MARKED", "(C)"),
        ("SUBJECT: (S//NF) MARKED AND\nWRAPPED", "MARKED AND WRAPPED", "(S//NF)"),
        ("SUBJECT: (SBU)", None, "(SBU)"),
        ("SUBJ: OLD STYLE LABEL", "OLD STYLE LABEL", None),
        ("SUBJECT: (S/CT) OFFICE VISIT", "(S/CT) OFFICE VISIT", None),
        ("Subject: Mixed Case Subject", "Mixed Case Subject", None),
    ],
)
def test_subject(lines: str, subject: str | None, mark: str | None) -> None:
    cable = parse_text(f"SECRET\n\nTAGS: PGOV\n{lines}\n\n1. (S) Text.")
    assert cable.subject == subject
    assert (cable.subject_marking.text if cable.subject_marking else None) == mark
    assert _numbers(cable) == ["1."]


def test_subject_continuation_stops_at_the_next_field() -> None:
    cable = parse_text("SECRET\n\nSUBJECT: FIRST LINE\nSECOND LINE\nREF: STATE 5\n\n1. (S) x")
    assert cable.subject == "FIRST LINE SECOND LINE"
    assert cable.references == ("STATE5",)


# ------------------------------------------------------------------- paragraphs


def test_pilcrow_numbers_and_lettered_paragraphs() -> None:
    body = (
        "¶1. (C) First.\n\n"
        "¶2. (C) Second, with sub-paragraphs:\n"
        "A. (S) Lettered one.\n"
        "B. (S//NF) Lettered two.\n\n"
        "¶3. Third, unmarked."
    )
    cable = parse_text(f"SECRET\n\nSUBJECT: P\n\n{body}")
    got = [(p.number, p.marking.text if p.marking else None, p.text) for p in cable.paragraphs]
    assert got == [
        ("1.", "(C)", "First."),
        ("2.", "(C)", "Second, with sub-paragraphs:"),
        ("A.", "(S)", "Lettered one."),
        ("B.", "(S//NF)", "Lettered two."),
        ("3.", None, "Third, unmarked."),
    ]


def test_numbers_are_never_renumbered_or_reordered() -> None:
    body = "\n\n".join(f"{n}. (C) Paragraph {n}." for n in (11, 12, 9, 10, 3))
    cable = parse_text(f"CONFIDENTIAL\n\nSUBJECT: ORDER\n\n{body}")
    assert _numbers(cable) == ["11.", "12.", "9.", "10.", "3."]


def test_headings_and_rulers() -> None:
    body = (
        "1. (C) Opening.\n\n"
        "Money Drying Up\n\n"
        "2. (C) After a plain heading.\n\n"
        "------------\n"
        "Framed Heading\n"
        "------------\n"
        "3. (C) Right under a framed heading, no blank line.\n\n"
        "Underlined Heading\n"
        "==================\n\n"
        "4. (C) After an underlined heading.\n\n"
        "-----\n\n"
        "5. (C) After a lone ruler.\n\n"
        "Next Steps:\n\n"
        "6. (C) After a heading with a colon."
    )
    cable = parse_text(f"CONFIDENTIAL\n\nSUBJECT: H\n\n{body}")
    got = [(p.number, p.is_heading, p.text) for p in cable.paragraphs]
    assert got == [
        ("1.", False, "Opening."),
        (None, True, "Money Drying Up"),
        ("2.", False, "After a plain heading."),
        (None, True, "------------\nFramed Heading\n------------"),
        ("3.", False, "Right under a framed heading, no blank line."),
        (None, True, "Underlined Heading\n=================="),
        ("4.", False, "After an underlined heading."),
        (None, True, "-----"),
        ("5.", False, "After a lone ruler."),
        (None, True, "Next Steps:"),
        ("6.", False, "After a heading with a colon."),
    ]


def test_short_lines_that_are_not_headings() -> None:
    body = "1. (C) Opening.\n\nHe said:\n\nThank you.\n\nXXXXXXXXXXXX\n\n2. (C) Closing."
    cable = parse_text(f"CONFIDENTIAL\n\nSUBJECT: H\n\n{body}")
    assert not any(p.is_heading for p in cable.paragraphs)
    assert cable.paragraphs[0].text == "Opening.\n\nHe said:\n\nThank you.\n\nXXXXXXXXXXXX"


def test_notes_and_comments_stay_in_their_paragraphs() -> None:
    body = (
        "1. (C) The minister agreed. (Note: He had refused twice before. End Note.) "
        "Then he left.\n\n"
        "2. (C) Comment: We doubt it.\n\n"
        "End Comment.\n\n"
        "3. (C) Note: A closing note. End Note."
    )
    cable = parse_text(f"CONFIDENTIAL\n\nSUBJECT: N\n\n{body}")
    assert _numbers(cable) == ["1.", "2.", "3."]
    assert "(Note: He had refused twice before. End Note.)" in cable.paragraphs[0].text
    assert cable.paragraphs[1].text == "Comment: We doubt it.\n\nEnd Comment."


def test_redactions_stay_as_written_and_are_no_signer_or_reference() -> None:
    text = (
        "SECRET\n\nSUBJECT: R\nREF: A. XXXXXXXXXXXX 1234 B. STATE 9\n\n"
        "1. (S) XXXXXXXXXXXX, a contact, met XXXXXXXXXXXX.\n\nXXXXXXXXXXXX\n"
    )
    cable = parse_text(text)
    assert cable.paragraphs[0].text.startswith("XXXXXXXXXXXX, a contact, met XXXXXXXXXXXX.")
    assert cable.signer is None
    assert cable.references == ("STATE9",)


def test_blank_line_in_mid_sentence_is_closed_up() -> None:
    body = "1. (C) The minister hinted at an\n\nupcoming visit.\n\n2. (C) Next."
    cable = parse_text(f"CONFIDENTIAL\n\nSUBJECT: B\n\n{body}")
    texts = [p.text for p in cable.paragraphs]
    assert texts == ["The minister hinted at an upcoming visit.", "Next."]


def test_unnumbered_cable_with_table_list_and_section_break() -> None:
    cable = _fixture("unnumbered_unclassified.txt")
    assert cable.id == "ALMATY321"
    assert cable.classification == Marking(Level.UNCLASSIFIED, (), "UNCLASSIFIED")
    assert cable.subject == (
        "KAZAKHSTAN: AN INVENTED NOTE ON BANKING THAT HAS NO NUMBERED PARAGRAPHS"
    )
    assert cable.summary == "The invented central bank raised its rate today. Nobody was surprised."
    assert [(p.is_heading, p.text) for p in cable.paragraphs] == [
        (True, "Summary\n-------"),
        (False, "The invented central bank raised its rate today. Nobody was surprised."),
        (False, "End Summary."),
        (True, "The Rates Table\n---------------"),
        (False, "The bank published this table:\nRate      Old     New\n"
                "Base      9.0     9.5\nRepo      8.0     8.5"),
        (False, "Analysts listed three reasons:\n- inflation;\n- the exchange rate; and\n"
                "- habit."),
        (False, "A paragraph that was cut by the section banner in the middle of a sentence "
                "goes on here."),
    ]  # fmt: skip
    assert cable.signer == "ORDWAY"
    assert all(p.number is None and p.marking is None for p in cable.paragraphs)


def test_hanging_indent_is_unwrapped() -> None:
    body = "1. (C) The first line of a paragraph\n   whose next lines are indented\n   alike."
    cable = parse_text(f"CONFIDENTIAL\n\nSUBJECT: I\n\n{body}")
    assert cable.paragraphs[0].text == (
        "The first line of a paragraph whose next lines are indented alike."
    )


# ------------------------------------------------------------------ summaries


@pytest.mark.parametrize(
    ("body", "summary"),
    [
        ("1. (C) Summary: One. End Summary.", "One."),
        ("1. (C) SUMMARY: Upper. END SUMMARY.", "Upper."),
        ("1. (C) Summary. Dot. End summary.", "Dot."),
        ("1. (C) Summary and Comment: Both. End Summary and Comment.", "Both."),
        ("1. (C) BEGIN SUMMARY: Begun. END SUMMARY", "Begun."),
        ("1. (C) Summary: No end marker here.\n\n2. (C) Other.", "No end marker here."),
        ("1. (C) Summary: First part.\n\n2. (C) Second part. End Summary.\n\n3. (C) x",
         "First part.\n\nSecond part."),
        ("1. (C) Summary: Bracketed (End Summary)", "Bracketed"),
        # Only End Summary marks it: the opening paragraph(s) up to it (issue 11, item 11).
        ("1. (C) The summary of events follows. End Summary.", "The summary of events follows."),
        ("1. (C) The talks went well.\n\n2. (C) The talks ended. End Summary.\n\n3. (C) x",
         "The talks went well.\n\nThe talks ended."),
        ("1. (C) Summary and Introduction: Loose. End Summary.", "Loose."),
        ("1. (SBU) (SBU) Summary: Twice marked. END SUMMARY", "Twice marked."),
        ("1. (C) SUMMARY (U) Marked after. END SUMMARY", "Marked after."),
        ("SENSITIVE BUT UNCLASSIFIED\n\n------- SUMMARY -------\n\n1. (U) Under a banner"
         " heading. END SUMMARY.\n\n2. (U) Rest.", "Under a banner heading."),
        ("1. (C) Summary of the talks follows. End Summary.", "Summary of the talks follows."),
        ("1. (C) a\n\n2. (C) b\n\n3. (C) c\n\n4. (C) d\n\n5. (C) e\n\n6. (C) f\n\n"
         "7. (C) g. End Summary.", None),
        ("1. (C) Nothing to see.", None),
        # One blank for each run of white space: a kept line break, a table's columns.
        ("1. (C) Summary: The delegation was as follows:\nDoe\nRoe. End Summary.",
         "The delegation was as follows: Doe Roe."),
        ("1. (C) Summary: Rates    Old     New. End Summary.", "Rates Old New."),
    ],
)  # fmt: skip
def test_summary(body: str, summary: str | None) -> None:
    cable = parse_text(f"CONFIDENTIAL\n\nSUBJECT: S\n\n{body}")
    assert cable.summary == summary


# ----------------------------------------------------------- fields, origin, dates


@pytest.mark.parametrize(
    ("line", "on", "note"),
    [
        ("E.O. 12958: DECL: 06/30/2010", date(2010, 6, 30), None),
        ("E.O. 12958: DECL 6/30/2015", date(2015, 6, 30), None),
        ("E.O. 12958 DECL: 2015-06-30", date(2015, 6, 30), None),
        ("E.O. 13526: DECL: 01/05/2020", date(2020, 1, 5), None),
        ("EO 12958 DECL: 01/05/20", date(2020, 1, 5), None),
        ("E.O. 12958: N/A", None, "N/A"),
        ("E.O. 12958: DECL: 1.6X1, 1.6X6", None, "1.6X1, 1.6X6"),
        ("E.O. 12958: DECL: 02/30/2010", None, "02/30/2010"),
        ("DECL: OADR", None, "OADR"),
    ],
)
def test_declassification(line: str, on: date | None, note: str | None) -> None:
    cable = parse_text(f"SECRET\n\n{line}\nSUBJECT: D\n\n1. (S) x")
    assert (cable.declassify_on, cable.declassify_note) == (on, note)


@pytest.mark.parametrize(
    ("line", "who", "title", "why"),
    [
        ("Classified By: Ambassador John Doe for reasons 1.4 (b) and (d)",
         "John Doe", "Ambassador", "1.4 (b) and (d)"),
        ("Classified By: Acting DCM Jane Roe, Reasons 1.4(b), (d).",
         "Jane Roe", "Acting DCM", "1.4(b), (d)"),
        ("CLASSIFIED BY: POLOFF A. SMITH. REASON: 1.5 (B/D)", "A. SMITH", "POLOFF", "1.5 (B/D)"),
        ("Classified by Charge d'Affaires Kim; reasons 1.4 (b),(d)",
         "Kim", "Charge d'Affaires", "1.4 (b),(d)"),
        ("Classified By: Ambassador John Doe,\nfor reasons 1.4 (d)", "John Doe", "Ambassador",
         "1.4 (d)"),
        ("Classified By: Someone without reasons given", "Someone", None, "given"),
        ("Classified By: Nobody Given", "Nobody Given", None, None),
        # The examples (issue 11, item 1).
        ("Classified By: Deputy Political Counselor Miriam K. Oduya per 1.4 (b) and (d)",
         "Miriam K. Oduya", "Deputy Political Counselor", "1.4 (b) and (d)"),
        ("CLASSIFIED BY: Tomas Reyvik, Acting Assistant Secretary, EUR; REASON: 1.4(B)",
         "Tomas Reyvik", "Acting Assistant Secretary, EUR", "1.4(B)"),
        # Wrapped mid-word, comma forms, suffixes, a title before the comma.
        ("Classified By: Political Minister-Counselor Ivo Tarn for rea\nsons 1.4 (b/d)",
         "Ivo Tarn", "Political Minister-Counselor", "1.4 (b/d)"),
        ("Classified By: Gene A. Mott, Ambassador, U.S. Embassy Lusaka, reasons 1.4 (d)",
         "Gene A. Mott", "Ambassador, U.S. Embassy Lusaka", "1.4 (d)"),
        ("Classified By: Assistant Secretary, Thomas B. Quill, E.O. 12958 1.4 (b)",
         "Thomas B. Quill", "Assistant Secretary", "E.O. 12958 1.4 (b)"),
        ("Classified By: DCM Robert O. Blane, Jr., reasons 1.4 (b) and (d)",
         "Robert O. Blane, Jr.", "DCM", "1.4 (b) and (d)"),
        ("Classified By: Charge d'Affaires a.i. Lee Ann Voss under 1.4 (d)",
         "Lee Ann Voss", "Charge d'Affaires a.i.", "1.4 (d)"),
        ("Classified By: A/DCM Ola Berg, reasons 1.4 (b)", "Ola Berg", "A/DCM", "1.4 (b)"),
        ("Classified By: PolCouns Mary de la Pena, 1.4 (b)", "Mary de la Pena", "PolCouns",
         "1.4 (b)"),
        ("Classified By: Under Secretary Nils Dorn for reasons 1.4 (b)", "Nils Dorn",
         "Under Secretary", "1.4 (b)"),
    ],
)  # fmt: skip
def test_classified_by(line: str, who: str, title: str | None, why: str | None) -> None:
    cable = parse_text(f"SECRET\n\nSUBJECT: C\n{line}\n\n1. (S) x")
    assert (cable.classified_by, cable.classified_by_title, cable.reasons) == (who, title, why)


def test_classified_by_inside_the_first_paragraph():
    cable = parse_text(
        "CONFIDENTIAL LUSAKA 000877\n\nE.O. 12958: DECL: 01/01/2001\nTAGS: PGOV ZA\n"
        "SUBJECT: ELECTION DATE SET\n\n1.  (U) CLASSIFIED BY POLOFF DAVID T. ARKWRIGHT.  "
        "REASON: 1.5 (D).\n\n2. (C) The date is set for December.\n"
    )
    assert (cable.classified_by, cable.classified_by_title, cable.reasons) == (
        "DAVID T. ARKWRIGHT",
        "POLOFF",
        "1.5 (D)",
    )


def test_a_sentence_saying_classified_by_is_not_the_line():
    cable = parse_text(
        "CONFIDENTIAL\n\nSUBJECT: A REPORT\n\n1. (C) The report was classified by the"
        " ministry: Minister Amos Bell said so.\n"
    )
    assert cable.classified_by is None


@pytest.mark.parametrize(
    ("sender", "origin"),
    [
        ("AMEMBASSY ALMATY", "Embassy Almaty"),
        ("AMEMBASSY PHNOM PENH", "Embassy Phnom Penh"),
        ("AMEMBASSY ROME", "Embassy Rome"),
        ("AMCONSUL HONG KONG", "Consulate Hong Kong"),
        ("SECSTATE WASHDC", "Secretary of State"),
        ("USMISSION USNATO", "Mission USNATO"),
        ("USMISSION GENEVA", "Mission Geneva"),
        ("USOFFICE ALMATY", "US Office Almaty"),
        ("USUN NEW YORK", "USUN New York"),
        ("REO BASRAH", "REO Basrah"),
    ],
)
def test_origin_from_the_sender(sender: str, origin: str) -> None:
    text = f"O 021200Z DEC 09\nFM {sender}\nTO RUEHC/SECSTATE WASHDC\nBT\nSECRET\n\n1. (S) x"
    cable = parse_text(text)
    assert cable.origin == origin
    assert cable.precedence == "IMMEDIATE"
    assert cable.created == datetime(2009, 12, 2, 12, 0)


def test_known_fields_win_and_the_csv_header_is_read() -> None:
    header = (
        "VZCZCXYZ0001\nPP RUEHWEB\n\nDE RUEHTA #0001 0011200\nZNR UUUUU ZZH\n"
        "P 011200Z JAN 06\nFM AMEMBASSY ALMATY\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\n"
    )
    body = "UNCLAS ALMATY 000001\n\nSIPDIS\n\nSUBJECT: CSV ROW\n\n1. Text."
    known = KnownFields(
        id="06ALMATY1",
        created=datetime(2006, 1, 1, 12, 0),
        origin="Embassy Almaty",
        classification="UNCLASSIFIED",
        references=(),
        header=header,
    )
    cable = parse_text(f"{header}\n{body}", source="cables.csv", known=known)
    assert cable.id == "06ALMATY1"
    assert cable.header == header
    assert cable.transmission_id == "VZCZCXYZ0001"
    assert cable.to == ("SECSTATE WASHDC",)
    assert cable.is_partial is False
    assert cable.subject == "CSV ROW"
    assert cable.body.startswith("UNCLAS ALMATY 000001")
    assert cable.warnings == ()


def test_empty_csv_header_means_partial_and_html_minutes_are_unknown() -> None:
    known = KnownFields(id="06ALMATY1", created=datetime(2006, 1, 1, 12), created_hour_only=True,
                        header="")  # fmt: skip
    cable = parse_text("UNCLAS ALMATY 000001\n\nSUBJECT: X\n\n1. Text.", known=known)
    assert cable.is_partial is True
    assert cable.date_note == "minutes unknown: the HTML release repeats the hour there"


def test_page_extract_without_telegram_subject_uses_the_page_title() -> None:
    cable = _fixture("page_extract_no_subject.txt")
    assert cable.id == "07TBILISI1234"
    assert cable.created == datetime(2007, 5, 3, 14, 22)
    assert cable.origin == "Embassy Tbilisi"
    assert cable.classification == Marking(C, ("NOFORN",), "CONFIDENTIAL//NOFORN")
    assert cable.subject == "GEORGIA: AN INVENTED TITLE FROM THE PAGE"
    assert cable.tags == ("PGOV", "PREL", "GG")
    assert cable.declassify_on == date(2017, 5, 3)
    assert (cable.classified_by, cable.classified_by_title, cable.reasons) == (
        "Invented Person",
        "DCM",
        "1.4 (d)",
    )
    assert _numbers(cable) == ["1.", "2."]
    assert cable.paragraphs[0].text == (
        "This paragraph was written for the tests and has a no-break space inside it."
    )
    assert cable.signer == "INVENTED"
    assert cable.header == ""
    assert cable.is_partial is False
    assert cable.warnings == ()


def test_id_from_the_file_name_when_the_text_has_none() -> None:
    cable = parse_text("SUBJECT: X\n\n1. Text.", source="/some/where/06ALMATY000079.txt")
    assert cable.id == "06ALMATY79"
    assert "reference ID taken from the file name" in cable.warnings


# ------------------------------------------------------------- degenerate inputs


def test_no_banner() -> None:
    cable = parse_text("E.O. 12958: N/A\nTAGS: PGOV\nSUBJECT: NO BANNER\n\n1. Text.\n\n2. More.")
    assert cable.classification is None
    assert cable.subject == "NO BANNER"
    assert _numbers(cable) == ["1.", "2."]
    assert "no classification banner found" in cable.warnings
    assert "no reference ID found" in cable.warnings


def test_no_paragraphs() -> None:
    cable = parse_text("SECRET STATE 000001\n\nTAGS: PGOV\nSUBJECT: NOTHING FOLLOWS\n")
    assert cable.paragraphs == ()
    assert cable.subject == "NOTHING FOLLOWS"
    assert "no paragraphs found" in cable.warnings


def test_only_a_subject() -> None:
    cable = parse_text("SUBJECT: ONLY THIS")
    assert cable.subject == "ONLY THIS"
    assert cable.paragraphs == ()
    assert cable.id == ""
    assert cable.warnings == (
        "date unknown: no date found in the cable",
        "no classification banner found",
        "no reference ID found",
        "no paragraphs found",
    )


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\r\n\r\n", "\t \u00a0 \n"])
def test_empty_text(text: str) -> None:
    cable = parse_text(text)
    assert cable.id == ""
    assert cable.paragraphs == ()
    assert cable.body == ""
    assert cable.warnings[0] == "empty text"


def test_binary_junk() -> None:
    junk = bytes(range(256)) * 40 + b"\xff\xfe\x00\x00\x9b\x1b[2J"
    cable = parse_text(decode(junk), source="junk.bin")
    assert isinstance(cable, Cable)
    assert "\x1b" not in cable.body and "\x00" not in cable.body and "\x9b" not in cable.body


def test_bytes_are_accepted_and_decoded() -> None:
    cable = parse_text("UNCLAS\n\nSUBJECT: CAF\xc9\n\n1. Text.".encode("cp1252"))  # type: ignore[arg-type]
    assert cable.subject == "CAFÉ"


def test_ten_megabyte_single_line() -> None:
    # Must be linear: no regex may backtrack over the line more than once. (Speed itself is
    # measured in bench/; this only shows it finishes and returns the text.)
    line = "SECRET " + "word (C) 1. Summary: (S/NF) " * 370_000
    assert len(line) > 10_000_000
    cable = parse_text(line)
    assert len(cable.paragraphs) == 1
    assert len(cable.body) == len(line)


def test_ten_megabytes_of_one_line_paragraphs_is_capped() -> None:
    text = "SECRET\n\nSUBJECT: MANY\n\n" + "1. (C) x\n" * 1_200_000
    cable = parse_text(text)
    assert len(cable.paragraphs) == 5001
    assert cable.paragraphs[-1].text.endswith("1. (C) x")
    assert "over 5000 paragraphs or 20000 blocks: the rest is kept as one block" in cable.warnings


def test_a_million_tiny_blocks_are_capped() -> None:
    cable = parse_text("SECRET\n\nSUBJECT: MANY\n\n1. (C) a" + "\n\nb" * 1_000_000)
    assert len(cable.paragraphs) == 1
    assert cable.paragraphs[0].text.startswith("a b b b")
    assert cable.paragraphs[0].text.endswith("b\n\nb")
    assert "over 5000 paragraphs or 20000 blocks: the rest is kept as one block" in cable.warnings


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr(newline: str) -> None:
    lines = ["UNCLAS STATE 000001", "", "SUBJECT: LINE ENDS", "", "1. First line", "second line.",
             "", "2. Next.", "", "RICE"]  # fmt: skip
    cable = parse_text(newline.join(lines))
    assert [p.text for p in cable.paragraphs] == ["First line second line.", "Next."]
    assert cable.signer == "RICE"
    assert "\r" not in cable.body


def test_no_break_spaces_are_plain_spaces() -> None:
    text = (
        "UNCLAS\u00a0STATE\u00a0000001\n\nTAGS:\u00a0PGOV\u00a0PREL\n\n"
        "SUBJECT:\u00a0NBSP\n\n1.\u00a0(U)\u00a0Text\u00a0here."
    )
    cable = parse_text(text)
    assert cable.id == "STATE1"
    assert cable.tags == ("PGOV", "PREL")
    assert cable.subject == "NBSP"
    assert cable.paragraphs[0].text == "Text here."
    assert cable.paragraphs[0].marking == Marking(Level.UNCLASSIFIED, (), "(U)")
    assert "\u00a0" not in cable.body


def test_prose_starting_with_a_level_word_is_no_banner() -> None:
    cable = parse_text("Secret talks began in May.\n\nThey went on all summer.")
    assert cable.classification is None
    assert [p.text for p in cable.paragraphs] == [
        "Secret talks began in May.",
        "They went on all summer.",
    ]


def test_signer_variants() -> None:
    def signer(tail: str) -> str | None:
        return parse_text(f"SECRET\n\nSUBJECT: S\n\n1. (S) Text.\n{tail}").signer

    assert signer("\nRICE\n") == "RICE"
    assert signer("RICE") == "RICE"
    assert signer("\nO'NEILL\nBT\n#1234\nNNNN\n") == "O'NEILL"
    assert signer("\nSMITH-JONES\n\n\n") == "SMITH-JONES"
    assert signer("\nEND COMMENT\n") is None
    assert signer("\nSIPDIS\n") is None
    assert signer("\nThe end.\n") is None


def test_a_parser_bug_still_returns_a_cable(monkeypatch: pytest.MonkeyPatch) -> None:
    import store.parse.cable

    def broken(*_args: object) -> Cable:
        raise RuntimeError("simulated bug \x1b[2J")

    monkeypatch.setattr(store.parse.cable, "_parse", broken)
    cable = parse_text("UNCLAS\n\n1. Text \x9b.", source="a\nb.txt",
                       known=KnownFields(id="06 ALMATY 79"))  # fmt: skip
    assert cable.id == "06ALMATY79"
    assert cable.source == "a^Jb.txt"
    assert cable.body == "UNCLAS\n\n1. Text <9B>."
    assert cable.warnings == (
        "internal parser error, cable kept unparsed: RuntimeError('simulated bug \\x1b[2J')",
    )


def test_none_text_does_not_raise() -> None:
    cable = parse_text(None)  # type: ignore[arg-type]
    assert isinstance(cable, Cable)


def test_addressing_lines_before_the_fields_are_skipped_in_any_case() -> None:
    text = (
        "UNCLAS STATE 000001\n\nDepartment for EUR/CACEN (Jones)\nPASS TO TREASURY\n\n"
        "E.O. 12958: N/A\nTAGS: PGOV\nSUBJECT: MIXED CASE ADDRESSING\n\n1. Text."
    )
    cable = parse_text(text)
    assert (cable.subject, cable.tags, cable.declassify_note) == (
        "MIXED CASE ADDRESSING", ("PGOV",), "N/A"
    )
    assert [(p.number, p.text) for p in cable.paragraphs] == [("1.", "Text.")]


def test_a_cable_without_labelled_fields_keeps_all_its_text() -> None:
    text = "UNCLAS STATE 000001\n\nSIPDIS\n\nThe first line of prose.\nMore prose.\n\nSecond."
    cable = parse_text(text)
    assert cable.captions == ("SIPDIS",)
    assert [p.text for p in cable.paragraphs] == ["The first line of prose. More prose.", "Second."]
    assert "no SUBJECT line found" in cable.warnings


def test_captions_and_section_banners_inside_a_paragraph_are_removed_cleanly() -> None:
    body = (
        "1. (S) The minister said that the\nSIPDIS\ngovernment would wait.\n\n"
        "2. (S) Then\nS E C R E T SECTION 02 OF 02 STATE 000001\nmore text."
    )
    cable = parse_text(f"SECRET\n\nSUBJECT: X\n\n{body}")
    assert [p.text for p in cable.paragraphs] == [
        "The minister said that the government would wait.",
        "Then more text.",
    ]


@pytest.mark.parametrize(
    ("line", "who", "title"),
    [
        ("Classified By: com jonathan farrar for reasons 1.4 (b)", "jonathan farrar", "com"),
        ("Classified By: (U) Polcounselor Jon Kuntz, reasons 1.4 (b)", "Jon Kuntz", "Polcounselor"),
        ("Classified By: Ambassador for reasons 1.4 (b)", None, "Ambassador"),
    ],
)
def test_classified_by_in_lower_case_after_a_mark_or_with_no_name(line, who, title):
    cable = parse_text(f"SECRET\n\nSUBJECT: C\n{line}\n\n1. (S) x")
    assert (cable.classified_by, cable.classified_by_title) == (who, title)


def test_summary_under_a_ruler_heading_word() -> None:
    body = "1. (C) Summary\n- - - -\n\n2. (C) Ruled off. End Summary.\n\n3. (C) Rest."
    assert parse_text(f"CONFIDENTIAL\n\nSUBJECT: S\n\n{body}").summary == "Ruled off."
