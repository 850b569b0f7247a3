"""Pages that show a cut excerpt of a telegram's head and then the whole telegram again, and
lettered lists whose letters are level codes.

Every cable here is invented; each imitates a shape seen in the Cablegate release.
"""

from __future__ import annotations

from store.model import Level
from store.parse import parse_text

HEAD = (
    "C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000417 \n \nSIPDIS \n \n"
    "E.O. 12958: DECL: 03/02/2016 \nTAGS: PREL PGOV NO\n"
    "SUBJECT: NORWAY WEIGHS A FISHERIES DEAL \n \n"
)
BODY = (
    "1. (C) The minister said the talks would resume in May.\n\n"
    "2. (C) He expected no agreement before the summer.\n"
)


def _header_text(cable) -> bool:
    """Whether any paragraph holds a repeated banner or header field."""
    return any(
        word in p.text
        for p in cable.paragraphs
        for word in ("C O N F", "TAGS:", "E.O. 12958", "SUBJECT:", "OSLO 000417")
    )


def test_an_excerpt_cut_at_ref_then_the_full_copy_with_its_head_on_separate_lines():
    text = (
        HEAD + "REF...\n\n"
        "C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000417 SIPDIS E.O. 12958: "
        "DECL: 03/02/2016 TAGS: PREL PGOV NO\n" + BODY
    )
    cable = parse_text(text)
    assert not _header_text(cable)
    assert [p.number for p in cable.paragraphs] == ["1.", "2."]
    assert cable.subject == "NORWAY WEIGHS A FISHERIES DEAL"
    assert cable.tags == ("PREL", "PGOV", "NO")


def test_a_copy_led_by_the_page_date_after_a_cut_paragraph_number():
    # "1. ...3/4/2006 10:12 UNCLAS ...": the cut, the page's date and the flattened head.
    text = (
        "UNCLAS OSLO 000417 \n \nSIPDIS \n \nDept for EUR/NB \n \nE.O. 12958: N/A \n"
        "TAGS: PREL PGOV NO\nSUBJECT: NORWAY WEIGHS A FISHERIES DEAL \n \n"
        "REFS: (A) OSLO 0301, (B) Oslo 0288 \n \n"
        "1. ...3/4/2006 10:12 UNCLAS OSLO 000417 SIPDIS Dept for EUR/NB E.O. 12958: N/A "
        "TAGS: PREL PGOV NO\n\nSUBJECT: NORWAY WEIGHS A FISHERIES DEAL REFS: (A) OSLO 0301, "
        "(B) Oslo 0288 \n\n1. The minister said the talks would resume in May.\n"
    )
    cable = parse_text(text)
    assert not _header_text(cable)
    assert cable.paragraphs[0].text.startswith("The minister said")
    # Read once, not once more from the copy's REFS line.
    assert [ref.endswith(("OSLO301", "OSLO288")) for ref in cable.references] == [True, True]


def test_fields_the_excerpt_cut_are_read_from_the_copy():
    text = (
        HEAD.replace("TAGS: PREL PGOV NO\n", "")
        + "Classified ...\n\n"
        + "C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000417 SIPDIS\nE.O. 12958:\n"
        "DECL: 03/02/2016\nTAGS: PREL PGOV NO\n\nSUBJECT: NORWAY WEIGHS A FISHERIES DEAL\n\n"
        "Classified By: Ambassador Ann Moe for reasons 1.4 (b) and (d)\n\n" + BODY
    )
    cable = parse_text(text)
    assert not _header_text(cable)
    assert cable.tags == ("PREL", "PGOV", "NO")
    assert cable.classified_by == "Ann Moe"
    assert len(cable.paragraphs) == 2


def test_a_copy_cut_after_its_head_leaves_the_excerpt_as_the_text():
    text = (
        HEAD + "1. (C) The minister said...\n\n"
        "C O N F I D E N T I A L OSLO 000417 SIPDIS E.O. 12958: DECL: 03/02/2016 TAGS: PREL\n"
    )
    cable = parse_text(text)
    assert not _header_text(cable)
    assert [(p.number, p.text) for p in cable.paragraphs] == [("1.", "The minister said...")]


def test_a_later_section_banner_after_an_ellipsis_is_no_copy():
    text = (
        HEAD
        + BODY.replace("May.", "May...")
        + "\nC O N F I D E N T I A L SECTION 02 OF 02 OSLO 000417\n\n"
        "3. (C) TAGS: the minister's word for labels, he joked.\n"
    )
    cable = parse_text(text)
    assert [p.number for p in cable.paragraphs] == ["1.", "2.", "3."]


def test_a_lettered_list_whose_letters_include_level_codes_is_no_marking():
    # A questionnaire: the answers are chosen letters; (C) is answer C, not CONFIDENTIAL.
    text = (
        "UNCLAS OSLO 000417 \n\nSUBJECT: BURGLARY SURVEY \n\n"
        "1. (U) SURROUNDINGS (homes are):\n\n"
        "(C) Close to areas where theft is common.\n\n"
        "2. (U) MANNER (thieves mostly):\n\n"
        "(D) Flee when seen.\n\n"
        "3. (U) TOOLS (thieves mostly carry):\n\n"
        "(B) Crowbars.\n"
    )
    cable = parse_text(text)
    assert cable.classification.level is Level.UNCLASSIFIED
    assert all(p.marking is None or p.marking.text == "(U)" for p in cable.paragraphs)
    assert any("(C) Close to areas" in p.text for p in cable.paragraphs)


def test_bare_marks_without_their_neighbour_letters_stay_marks():
    text = (
        "CONFIDENTIAL OSLO 000417 \n\nSUBJECT: TALKS \n\n"
        "(C) The minister said the talks would resume.\n\n"
        "(U) The press reported the same.\n\n(A) One choice.\n"
    )
    cable = parse_text(text)
    marks = [p.marking.text for p in cable.paragraphs if p.marking]
    assert marks == ["(C)", "(U)"]


def test_an_excerpt_cut_without_an_ellipsis_before_the_copy():
    text = (
        HEAD + "Summary\n--------\n\n"
        "C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000417 SIPDIS\nE.O. 12958:\n"
        "DECL: 03/02/2016\nTAGS: PREL PGOV NO\n\nSummary\n-------\n\n" + BODY
    )
    cable = parse_text(text)
    assert not _header_text(cable)
    assert [p.number for p in cable.paragraphs] == [None, "1.", "2."]
