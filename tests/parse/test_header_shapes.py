"""Header blocks in the shapes real pages have: flattened, glued, misspelt, long.

Every cable here is invented; each imitates a shape seen in the Cablegate release.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from store.model import Level
from store.parse import parse_text
from store.parse.labels import match_label, split_glued

PARA = "\n\n1. (C) The minister met the ambassador on Sunday and asked for more time.\n"


def test_a_header_flattened_onto_one_line_is_read_field_by_field():
    text = (
        "C O N F I D E N T I A L AMMAN 001204 SIPDIS E.O. 12958: DECL: 06/01/2019 TAGS: PREL"
        " JO IZ SUBJECT: JORDAN WEIGHS A NEW CABINET Classified By: Ambassador Rhea T. Vance,"
        " reasons 1.4 (b/d)" + PARA
    )
    cable = parse_text(text)
    assert cable.id == "AMMAN1204"
    assert cable.classification.level is Level.CONFIDENTIAL
    assert cable.tags == ("PREL", "JO", "IZ")
    assert cable.subject == "JORDAN WEIGHS A NEW CABINET"
    assert cable.reasons == "1.4 (b/d)"
    assert cable.paragraphs[0].text.startswith("The minister met")


def test_fields_on_one_line_without_a_banner():
    cable = parse_text("E.O. 12958: DECL: 04/02/2019 TAGS: PGOV PHUM TS\nSUBJECT: A VISIT" + PARA)
    assert cable.tags == ("PGOV", "PHUM", "TS")
    assert cable.subject == "A VISIT"
    assert cable.declassify_on is not None


def test_a_banner_glued_to_the_line_before_it_is_still_the_banner():
    text = (
        "This record is a partial extract of the original cable. The full text of the original"
        " cable is not available.UNCLAS SECTION 01 OF 02 IZMIR 0412\n\nE.O. 12958: N/A\n"
        "TAGS: ECON TU\nSUBJECT: PORT TRAFFIC FALLS" + PARA
    )
    cable = parse_text(text)
    assert cable.id == "IZMIR412"
    assert cable.classification.level is Level.UNCLASSIFIED
    assert cable.subject == "PORT TRAFFIC FALLS"
    assert cable.is_partial


def test_misspelt_labels_are_read():
    text = (
        "CONFIDENTIAL\n\nSIPDIS\n\nE.0. 12958: DECL: 01/01/2018\nTAGS; PGOV KZ\n"
        "UBJECT: A CABINET RESHUFFLE" + PARA
    )
    cable = parse_text(text)
    assert cable.tags == ("PGOV", "KZ")
    assert cable.subject == "A CABINET RESHUFFLE"
    assert cable.declassify_on is not None


def test_bare_labels_only_in_capitals_with_a_value_of_their_shape():
    assert match_label("TAGS PGOV KZ") == ("tags", "PGOV KZ")
    assert match_label("Tags of the old regime were removed") is None
    assert match_label("Subject to approval, the plan goes ahead") is None
    assert match_label("REF A. STATE 12") == ("ref", "A. STATE 12")
    assert match_label("Classified By: CLASSIFIED BY POLOFF A. B. SEE") == (
        "classified_by",
        "POLOFF A. B. SEE",
    )


def test_subject_ends_where_ref_and_classified_by_begin_on_its_line():
    text = (
        "CONFIDENTIAL KIGALI 000311\n\nE.O. 12958: DECL: 04/02/2019\nTAGS: PGOV PHUM RW\n"
        "SUBJECT: CABINET RESHUFFLE DELAYED AGAIN REF: KIGALI 310 Classified By: Ambassador"
        " Rhea T. Vance, reasons 1.4 (b/d)" + PARA
    )
    cable = parse_text(text)
    assert cable.subject == "CABINET RESHUFFLE DELAYED AGAIN"
    assert cable.references == ("KIGALI310",)
    assert cable.reasons == "1.4 (b/d)"


def test_a_long_addressee_block_does_not_end_the_header():
    posts = "".join(f"AMEMBASSY POST{i} PRIORITY\n" for i in range(14))
    text = (
        f"SECRET STATE 012345\n\nSIPDIS\n\n{posts}\nE.O. 12958: DECL: 01/01/2018\n"
        "TAGS: PREL XX\nSUBJECT: A DEMARCHE TO MANY POSTS" + PARA
    )
    cable = parse_text(text)
    assert cable.subject == "A DEMARCHE TO MANY POSTS"
    assert cable.tags == ("PREL", "XX")


def test_a_letter_spaced_top_secret_banner_is_not_cut_into_secret():
    assert split_glued("T O P S E C R E T MARKPOST 000042") == [
        "T O P S E C R E T MARKPOST 000042"
    ]
    text = "T O P S E C R E T MARKPOST 000042\n\nTAGS: PGOV XX\nSUBJECT: (TS) ONE" + PARA
    assert parse_text(text).classification.level is Level.TOP_SECRET


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        ("E.O. 12958: DECL: 01/01/2019 TAGS: PREL XX",
         ["E.O. 12958:", "DECL: 01/01/2019", "TAGS: PREL XX"]),
        # A label inside a word, after "P " or "TOP ", or with nothing after it is no cut.
        ("E.O. 12958: DECL: 01/01/2019 XTAGS: PREL",
         ["E.O. 12958:", "DECL: 01/01/2019 XTAGS: PREL"]),
        ("NOTE PREF(S): X", ["NOTE PREF(S): X"]),
        ("ashClassified By: Ambassador", ["ashClassified By: Ambassador"]),
        ("...Classified By: Ambassador", ["...", "Classified By: Ambassador"]),
        ("DECL: ", ["DECL: "]),
        ("PEACE DECL: SIGNED", ["PEACE", "DECL: SIGNED"]),
        ("SIPDIS P S E C R E T", ["SIPDIS P S E C R E T"]),
        ("SIPDIS C O N F I D E N T I A L AMMAN 001204",
         ["SIPDIS", "C O N F I D E N T I A L AMMAN 001204"]),
        ("TOP SECRET SECTION 01 OF 02 ROME 000123", ["TOP SECRET SECTION 01 OF 02 ROME 000123"]),
        ("TEXT UNCLAS SECTION 01 OF 02 ROME 000123",
         ["TEXT", "UNCLAS SECTION 01 OF 02 ROME 000123"]),
        # A marked paragraph only after the run of blanks that stood for a line break.
        ("REASONS 1.4 (B)  2. (C) THE MINISTER SAID",
         ["REASONS 1.4 (B)", "2. (C) THE MINISTER SAID"]),
        ("REASONS 1.4 (B) 2. (C) THE MINISTER SAID", ["REASONS 1.4 (B) 2. (C) THE MINISTER SAID"]),
        # Reasons that end the line are not cut short: "and (d)" is no paragraph after them.
        ("Classified By: Ann Berg for reasons 1.4 (b) and (d)",
         ["Classified By: Ann Berg for reasons 1.4 (b) and (d)"]),
        ("CLASSIFIED BY: ANN BERG, REASONS 1.5 (B) AND (D). ",
         ["CLASSIFIED BY: ANN BERG, REASONS 1.5 (B) AND (D). "]),
        ("Classified By: Ann Berg, reasons 1.4(B), (D) & D.",
         ["Classified By: Ann Berg, reasons 1.4(B), (D) & D."]),
        # A word after the reasons that starts like one of their letters is text.
        ("Classified By: Ann Berg, reasons 1.4 (b) and discussed it",
         ["Classified By: Ann Berg, reasons 1.4 (b)", "and discussed it"]),
    ],
)  # fmt: skip
def test_where_a_glued_line_is_cut_and_where_not(line, pieces):
    assert split_glued(line) == pieces


def test_the_first_paragraph_glued_after_the_reasons_is_cut_off():
    pieces = split_glued(
        "Classified By: Deputy Counselor Ann Berg for rea sons 1.4 (b) and (d) (S) Embassy"
        " Oslo delivered the points."
    )
    assert pieces[0].endswith("(d)")
    assert pieces[1].startswith("(S) Embassy Oslo")


def test_reasons_at_the_end_of_the_line_are_read_whole_and_start_no_paragraph():
    # The classifier said twice, the second time on a line of its own above the text.
    text = (
        "S E C R E T MARKPOST 000042\n\nSUBJECT: A MEETING\n\nCLASSIFIED BY: Ann Berg, Pol"
        " Chief; REASON: 1.4(B), (D)\nClassified by DCM Tom Vale for Reasons 1.4 B & D.\n"
        "1. (U) The minister listened."
    )
    cable = parse_text(text)
    assert [p.text for p in cable.paragraphs] == ["The minister listened."]


@pytest.mark.parametrize(
    ("reasons", "read"),
    [
        ("REASON: 1.4(B), \n(C), (D) ", "1.4(B), (C), (D)"),
        ("for reasons 1.4 (b) and\n(d).", "1.4 (b) and (d)"),
        ("for reasons 1.4\n(b) & (d)", "1.4 (b) & (d)"),
    ],
)
def test_reasons_wrapped_onto_the_next_line_go_on_there(reasons: str, read: str):
    text = f"CONFIDENTIAL\n\nSUBJECT: A MEETING\n\nCLASSIFIED BY: Ann Berg; {reasons}\n\n"
    cable = parse_text(text + "1. (S/NF) The minister listened.")
    assert cable.reasons == read
    assert [(p.marking.text, p.text) for p in cable.paragraphs] == [
        ("(S/NF)", "The minister listened.")
    ]


def test_a_marked_paragraph_after_reasons_that_end_in_a_comma_is_a_paragraph():
    text = "CONFIDENTIAL\n\nSUBJECT: A MEETING\n\nClassified By: Ann Berg, reasons 1.4 (b),\n"
    cable = parse_text(text + "(C) The minister listened.")
    assert cable.reasons == "1.4 (b)"
    assert [(p.marking.text, p.text) for p in cable.paragraphs] == [
        ("(C)", "The minister listened.")
    ]


def test_the_stored_text_keeps_the_lines_as_written():
    text = (
        "C O N F I D E N T I A L AMMAN 001204 SIPDIS E.O. 12958: DECL: 06/01/2019 TAGS: PREL"
        " JO" + PARA
    )
    cable = parse_text(text)
    assert cable.body.startswith("C O N F I D E N T I A L AMMAN 001204 SIPDIS E.O. 12958")
    assert parse_text(cable.body) == parse_text(text)


def test_tags_as_the_issue_writes_them():
    from store.parse.tags import split_tags

    assert split_tags("OVIP BIDEN JOSEPH PREL PHUMTZ, ECON, SIPDIS, TZ") == [
        "OVIP", "BIDEN, JOSEPH", "PREL", "PHUM", "TZ", "ECON",
    ]  # fmt: skip
    assert split_tags("ecin, pgov") == ["ECIN", "PGOV"]
    assert split_tags("OVIP (CLINTON, HILLARY) PGOV") == ["OVIP", "CLINTON, HILLARY", "PGOV"]
    assert split_tags("PREL;PGOV;HU") == ["PREL", "PGOV", "HU"]
    assert split_tags("PREL PGOV     THE REST OF A LINE") == ["PREL", "PGOV"]
    # A word is split only into known codes of a code's length: a word stays whole.
    assert split_tags("PGOV PHUM KZ POLITICAL") == ["PGOV", "PHUM", "KZ", "POLITICAL"]
    assert split_tags("TRADE AND DEVELOPMENT, ECON") == ["TRADE AND DEVELOPMENT", "ECON"]
    assert split_tags("PREL, PREL") == ["PREL"]


def test_tags_go_on_across_a_line_of_codes_with_hyphens_and_slashes():
    text = (
        "CONFIDENTIAL SANJOSE 000124\n\nE.O. 12958: DECL: 02/26/2019\nTAGS: AORC PREL UNGA\n"
        "UNGA/C-6, AU-I, CS\nSUBJECT: A VOTE IN THE ASSEMBLY" + PARA
    )
    cable = parse_text(text)
    assert cable.tags == ("AORC", "PREL", "UNGA", "UNGA/C-6", "AU-I", "CS")
    assert cable.subject == "A VOTE IN THE ASSEMBLY"


def test_subject_ends_at_a_page_header_a_notice_or_a_glued_classified_by():
    head = "UNCLASSIFIED\n\nTAGS: PGOV XX\n"
    flattened = parse_text(
        "C O N F I D E N T I A L THE HAGUE 001001 SIPDIS E.O. 12958: DECL: 01/01/2016 TAGS:"
        " PGOV NL SUBJECT: SCHOOLS IN THE NETHERLANDS THE HAGUE 00001001 001.2 OF 002 1. (C)"
        " The schools are many."
    )
    assert flattened.subject == "SCHOOLS IN THE NETHERLANDS"
    notice = parse_text(
        head + "SUBJECT: BIRD FLU RETURNS Sensitive but unclassified. Please handle"
        " accordingly." + PARA
    )
    assert notice.subject == "BIRD FLU RETURNS"
    glued = parse_text(
        head + "SUBJECT: A VISIT TO BAHRAINClassified By: Ambassador Ann Roe for reasons 1.4"
        " (b)" + PARA
    )
    assert (glued.subject, glued.classified_by) == ("A VISIT TO BAHRAIN", "Ann Roe")


def test_an_executive_order_in_the_subject_is_not_the_eo_field():
    cable = parse_text(
        "SECRET\n\nE.O. 12958: DECL: 12/07/2016\nTAGS: KNNP NZ\nSUBJECT: E.O. 13382 ENTITIES"
        " -- EXAMPLES" + PARA
    )
    assert cable.subject == "E.O. 13382 ENTITIES -- EXAMPLES"


def test_subject_label_said_twice_after_a_mark():
    cable = parse_text("SECRET\n\nTAGS: PREL NS\nSUBJECT: (C) SUBJECT: BRIEFING FOR A CALL" + PARA)
    assert cable.subject == "BRIEFING FOR A CALL"
    assert cable.subject_marking is not None


OLD_ROUTING = """PAGE 01 LUSAKA 01877 01 OF 05 121033Z
ACTION AID-00
INFO LOG-00 AF-00 /012W
------------------A1B2C3 121036Z /38
121036Z Mar 01
FM AMEMBASSY LUSAKA
TO SECSTATE WASHDC IMMEDIATE 4321
INFO AMEMBASSY HARARE
UNCLASSIFIED     PTQ5512

UNCLAS LUSAKA 001877

E.O. 12958: N/A
TAGS: PGOV ZA
SUBJECT: ELECTION DATE SET

1. (U) The date is set.
"""


def test_an_old_routing_block_gives_dtg_sender_and_addressees():
    cable = parse_text(OLD_ROUTING)
    assert cable.id == "01LUSAKA1877"
    assert cable.created == datetime(2001, 3, 12, 10, 36)
    assert cable.sender == "AMEMBASSY LUSAKA"
    assert cable.to == ("SECSTATE WASHDC",)
    assert cable.info == ("AMEMBASSY HARARE",)


def test_a_message_sequence_number_is_not_a_station_and_serial():
    cable = parse_text("UNCLASSIFIED     PTQ5512\n\nSUBJECT: A NOTE\n\n1. (U) Text.\n")
    assert cable.id == ""


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("O 221108Z SEP 08 ZDK CTG #00514", datetime(2008, 9, 22, 11, 8)),
        ("R 201247Z Jan 04", datetime(2004, 1, 20, 12, 47)),
    ],
)
def test_a_dtg_with_text_after_it_or_in_mixed_case(line, when):
    cable = parse_text(f"{line}\nFM AMEMBASSY ROME\nUNCLAS ROME 000514\n\nSUBJECT: X" + PARA)
    assert cable.created == when


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("Wednesday, 14 May 2003, 16:40", datetime(2003, 5, 14, 16, 40)),
        ("Cable dated:2002-11-15T12:40:00", datetime(2002, 11, 15, 12, 40)),
        ("3/10/2005 16:26", datetime(2005, 3, 10, 16, 26)),
    ],
)
def test_a_partial_extract_gets_its_date_and_its_id_a_year(line, when):
    text = (
        "This record is a partial extract of the original cable. The full text of the original"
        f" cable is not available.\n{line}\nC O N F I D E N T I A L LISBON 001177\n\n"
        "TAGS: PREL PO\nSUBJECT: A MEETING" + PARA
    )
    cable = parse_text(text)
    assert cable.created == when
    assert cable.id == f"{when.year % 100:02d}LISBON1177"


def test_a_date_inside_a_sentence_is_not_the_cable_date():
    cable = parse_text("UNCLAS LISBON 001177\n\nSUBJECT: X\n\n1. (U) On 14 May 2003 we met.\n")
    assert cable.created is None


def test_fields_go_on_past_a_page_header_or_an_address_line_below_the_subject():
    text = (
        "UNCLAS THE HAGUE 001001\n\nTAGS: PREL NL\nSUBJECT: SCHOOLS IN THE NETHERLANDS\n"
        "THE HAGUE 00001001 001.2 OF 002\nDEPT FOR EUR/WE\n\nREF: THE HAGUE 00149\n\n"
        "Classified By: Ambassador Ann Roe for reasons 1.4 (b)\n\n1. (U) There are many."
    )
    cable = parse_text(text)
    assert cable.references == ("THEHAGUE149",)
    assert cable.classified_by == "Ann Roe"
    assert cable.paragraphs[0].text == "There are many."


def test_a_line_after_the_subject_with_no_field_below_is_text():
    text = "UNCLAS ROME 000001\n\nSUBJECT: A VISIT\n\nThe visit went well.\n\n1. (U) More."
    assert parse_text(text).paragraphs[0].text.startswith("The visit went well.")


@pytest.mark.parametrize(
    ("text", "references", "first"),
    [
        (  # flattened: the REF line ends at the page header and the first paragraph
            "UNCLAS SECTION 01 OF 03 TRIPOLI 000467\n\nTAGS: PGOV LY\nSUBJECT: A TRIAL\n\n"
            "REF: A) TRIPOLI 158, B) TRIPOLI 218  TRIPOLI 00000467  001.2 OF 003   1. (C) Summary:"
            " Eleven men were convicted.",
            ("TRIPOLI158", "TRIPOLI218"),
            "Summary: Eleven men were convicted.",
        ),
        (  # an unnumbered first paragraph runs on from the REF block (issue 21, item 12)
            "UNCLAS OSLO 000412\n\nSUBJECT: A DEMARCHE\nREF: A. STATE 12345\nB. OSLO 345\n"
            "Embassy officials delivered the points in reftel A to the ministry on May 5 and\n"
            "asked for a reply within the week.\n\n2. The ministry said it would reply.\n",
            ("STATE12345", "OSLO345"),
            "Embassy officials delivered the points in reftel A to the ministry on May 5 and"
            " asked for a reply within the week.",
        ),
    ],
)
def test_the_body_starts_where_the_ref_block_ends(text, references, first):
    cable = parse_text(text)
    assert cable.references == references
    assert cable.paragraphs[0].text == first
    assert all("00000467" not in p.text for p in cable.paragraphs)


def test_tag_without_s_or_colon_before_codes():
    cable = parse_text("SECRET BRASILIA 000952\n\nTAG MASS, PREL, BR\nSUBJECT: A REQUEST" + PARA)
    assert cable.tags == ("MASS", "PREL", "BR")


def test_lettered_ref_items_are_not_marked_paragraphs():
    text = (
        "UNCLAS SAO PAULO 000412\n\nSIPDIS\n\nSENSITIVE\n\nE.O. 12958: N/A\nTAGS: PGOV BR\n"
        "SUBJECT: A MAYOR'S RACE\n\nREF: (A) SAO PAULO 101\n(B) BRASILIA 55;\n(C) Sao Paulo 260\n\n"
        "(D) 05 SAO PAULO 975\n\n1. (SBU) The race is close.\n"
    )
    cable = parse_text(text)
    assert cable.references[-1] == "05SAOPAULO975"
    assert len(cable.references) == 4
    assert [p.number for p in cable.paragraphs] == ["1."]
    assert all(p.marking.level is Level.UNCLASSIFIED for p in cable.paragraphs)


def test_a_marked_paragraph_after_the_ref_block_is_still_a_paragraph():
    text = (
        "CONFIDENTIAL ROME 000412\n\nSUBJECT: A VISIT\nREF: STATE 1234\n"
        "(C) On 12 May the minister called.\n"
    )
    cable = parse_text(text)
    assert cable.references == ("STATE1234",)
    assert cable.paragraphs[0].text.startswith("On 12 May")


@pytest.mark.parametrize(
    "page_header",
    [
        "PAGE 02        HARARE  01234  01 OF 02  271459Z",
        "CONFIDENTIAL\n\nPAGE 02        HARARE  01234  01 OF 02  271459Z",
        "HARARE 00001234  002 OF 004",
    ],
)
def test_a_subject_cut_by_a_page_header_is_joined_across_it(page_header):
    text = (
        "CONFIDENTIAL HARARE 001234\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PGOV ZI\n"
        f"SUBJECT: ASSISTANT SECRETARY MEETS WITH ZIMBABWE\n\n{page_header}\n"
        "OPPOSITION LEADER\n\nClassified By: Ambassador Ann Lee for reasons 1.4 (b)" + PARA
    )
    cable = parse_text(text)
    assert cable.subject == "ASSISTANT SECRETARY MEETS WITH ZIMBABWE OPPOSITION LEADER"
    assert cable.classified_by == "Ann Lee"
    assert cable.paragraphs[0].text.startswith("The minister met")
    assert not any("OPPOSITION" in p.text for p in cable.paragraphs)


def test_after_a_page_header_below_the_subject_an_address_line_or_paragraph_is_not_subject():
    for after in ("DEPT FOR AF/S", "1. (C) The minister met the ambassador."):
        text = (
            "CONFIDENTIAL HARARE 001234\n\nSUBJECT: A COMPLETE SUBJECT\n\n"
            f"PAGE 02        HARARE  01234  01 OF 02  271459Z\n{after}" + PARA
        )
        assert parse_text(text).subject == "A COMPLETE SUBJECT"


def test_the_date_from_a_later_sections_dtg_never_from_a_referenced_cable():
    section_two = (
        "\n\nR 231340Z AUG 01\nFM AMEMBASSY BAMAKO\nTO SECSTATE WASHDC 2201\n"
        "UNCLAS SECTION 02 OF 02 BAMAKO 003110\n\n3. (U) More text of the second section.\n"
    )
    text = (
        NOTICE_HEAD + "UNCLAS SECTION 01 OF 02 BAMAKO 003110\n\nSUBJECT: A TEST\n"
        "REF: A. BAMAKO 2999\n     R 101200Z JUL 01\n\n1. (U) The text." + section_two
    )
    cable = parse_text(text)
    assert cable.created == datetime(2001, 8, 23, 13, 40)
    assert cable.id == "01BAMAKO3110"
    only_ref = parse_text(text.replace(section_two, "\n"))
    assert only_ref.created is None or only_ref.created.month != 7


NOTICE_HEAD = "This record is a partial extract of the original cable.\n\n"


def test_the_date_from_a_dtg_inside_a_flattened_routing_line():
    text = (
        NOTICE_HEAD + "CONFIDENTIAL     PTQ2529\n\nINFO LOG-00 NP-00 /006W  ----8A8E22 271459Z /38 "
        "O 271459Z SEP 00 FM AMEMBASSY HARARE TO SECSTATE WASHDC IMMEDIATE 7213\n"
        "C O N F I D E N T I A L HARARE 005461\n\nSUBJECT: A TEST" + PARA
    )
    assert parse_text(text).created == datetime(2000, 9, 27, 14, 59)


def test_the_year_from_a_year_station_serial_line_or_the_file_name():
    text = "2001BAMAKO03110\n\nUNCLAS BAMAKO 003110\n\nSUBJECT: A TEST\n\n1. (U) Text.\n"
    assert parse_text(text).id == "01BAMAKO3110"
    bare = "UNCLAS BAMAKO 003110\n\nSUBJECT: A TEST\n\n1. (U) Text.\n"
    assert parse_text(bare, source="/copies/01BAMAKO3110.txt").id == "01BAMAKO3110"
    assert parse_text(bare, source="/copies/99BAMAKO42.txt").id == "BAMAKO3110"


def test_a_date_line_in_brackets_is_read():
    banner = "C O N F I D E N T I A L LIMA 003571"
    text = f"Cable dated:2005-08-17T21:24:00]{banner}\n\nSUBJECT: X" + PARA
    cable = parse_text(text)
    assert cable.created == datetime(2005, 8, 17, 21, 24)
    assert cable.id == "05LIMA3571"


@pytest.mark.parametrize(
    ("text", "references"),
    [
        (
            "UNCLAS OSLO 000412\n\nSUBJECT: A DEMARCHE\nREF: A. STATE 12345\n"
            "B. Embassy email to the desk of May 5\nC. OSLO 345\n\n"
            "1. The ministry said it would reply.\n",
            ("STATE12345", "OSLO345"),
        ),
        (  # letters that are marks too: "(C) RECIFE 65" is an item, not run-on text
            "UNCLAS SAO PAULO 000647\n\nSUBJECT: A VISIT\n\nREF: (A) SAO PAULO 101; (B) BRASILIA"
            " 55;\n(C) RECIFE 65;\n(D) SAO PAULO 316 SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT\n"
            "\n1. (SBU) The governor met the consul general on Monday and spoke at length.\n",
            ("SAOPAULO101", "BRASILIA55", "RECIFE65", "SAOPAULO316"),
        ),
    ],
)
def test_a_ref_block_of_items_only_stays_references(text, references):
    cable = parse_text(text)
    assert [p.number for p in cable.paragraphs] == ["1."]
    assert cable.references == references
