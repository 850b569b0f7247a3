"""Both seed cables parsed to exact values for every field of ``Cable``.

The expected values are written out by hand from the seed texts and DESIGN section 4; they
are the parser's contract, so a change here is a change in what the parser promises.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

import pytest

from store.model import Cable, Level, Marking
from store.parse import parse_text
from store.sanitize import decode

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEED_000 = SAMPLES / "000_deccae7d197a7652.txt"
SEED_003 = SAMPLES / "003_d5d5211480cd3b2c.txt"

SUMMARY_000 = (
    "Ak Zhol party leader Alikhan Baimenov voiced concern over a tightening of party "
    "financing and the possibility of administrative manipulation of presidential elections "
    "in a June 23rd meeting with Ambassador Ordway. He admitted increasing prosperity of the "
    "electorate but hoped an anti-corruption pitch would attract disgruntled voters. The "
    "former regime insider claimed continuing contact with the presidential administration "
    "and hinted at an upcoming meeting with the president. He hoped that the democratic vote "
    "would be larger in Kazakh-majority regions than in mixed. Baimenov plans a trip to "
    "Washington in mid-July."
)

SUMMARY_003 = (
    "Unsuccessful Ak Zhol presidential candidate Alikhan Baymenov is moving to reorganize his "
    "party, with the goal of occupying the Mazhilis seat it won in 2004 elections and "
    "engaging the GOK in discussion of political reform. The party also intends to take part "
    "in the Democratization Commission that President Nazarbayev has promised to establish "
    "after the inauguration. Ak Zhol's priorities are diversification of the mass media, "
    "reform of Parliament, and reform of the judiciary. Baymenov says that he will look to "
    "someone else in the Ak Zhol leadership to represent the party in Parliament, raising the "
    "question of whether he is angling for a GOK appointment in the inevitable post-inaugural "
    "cabinet reshuffle."
)

# (number as written, portion mark as written, is_heading, first words, last words)
PARAGRAPHS_000 = [
    ("11.", "(C)", False, "Summary: Ak Zhol party leader", "in mid-July. End Summary."),
    (None, None, True, "Money Drying Up", "Money Drying Up"),
    ("12.", "(C)", False, "Baimenov complained of an increasingly", "to get. End Note)"),
    ("13.", "(C)", False, "Baimenov said the split in", "in the Giffen affair."),
    (None, None, True, "Cadres decide the day", "Cadres decide the day"),
    ("14.", "(C)", False, "Baimenov, himself a former head", "82% in those elections."),
    ("15.", "(C)", False, "Amendments to the constitution increasing", "will hamstring reform."),
    (None, None, True, "But we can do better!", "But we can do better!"),
    ("16.", "(C)", False, "Baimenov was extremely realistic about", "without the corruption.\""),
    (None, None, True, "Fear of Limited Unrest", "Fear of Limited Unrest"),
    ("17.", "(C)", False, "Baimenov, who indicated that he", "in rural Aktau province."),
    ("18.", "(C)", False, "He also lamented what he", "religion or religious groups."),
    (None, None, True, "Strength in Numbers -----", "Strength in Numbers -----"),
    ("9.", "(C)", False, "Baimenov believed that pro-democracy", "Communists\" (Russians)."),
    ("10.", "(C)", False, "Comment: Baimenov is more pragmatic,", "movement. End Comment"),
]

RULER = "--------------"
PARAGRAPHS_003 = [
    ("1.", "(SBU)", False, "Summary: Unsuccessful Ak Zhol", "cabinet reshuffle. End summary."),
    ("2.", "(U)", False, "The Ambassador met with Ak", "POEC chief also participated."),
    (None, None, True, f"{RULER}\nPresidential Elections\n{RULER}", "Elections\n" + RULER),
    ("3.", "(SBU)", False, "Baymenov commented briefly on the", "their ballots for him."),
    ("4.", "(SBU)", False, "Baymenov told the Ambassador that", 'there was "no point."'),
    (None, None, True, f"{RULER}\nAk Zhol's Plans", "for the Future\n" + RULER),
    ("5.", "(SBU)", False, "The leadership of Ak Zhol", "number of paid staff."),
    ("6.", "(SBU)", False, "Following this review period, Ak", "party would be eligible."),
    ("7.", "(SBU)", False, "Baymenov added that Ak Zhol", "and a half ago."),
    ("8.", "(SBU)", False, "Ak Zhol's priorities, according to", "Nazarbayev would not agree."),
    (None, None, True, f"{RULER}\nComment\n{RULER}", f"{RULER}\nComment\n{RULER}"),
    ("9.", "(SBU)", False, "Comment: Baymenov's assertion that", "will tell. End comment."),
]
PARTIAL_NOTE = (
    "This record is a partial extract of the original cable. The full text of the original"
    " cable is not available."
)


def _parse(path: Path) -> Cable:
    return parse_text(decode(path.read_bytes()), source=str(path))


@pytest.fixture(scope="module")
def seed_000() -> Cable:
    return _parse(SEED_000)


@pytest.fixture(scope="module")
def seed_003() -> Cable:
    return _parse(SEED_003)


def _check_paragraphs(cable: Cable, expected: list[tuple]) -> None:
    got = [
        (p.number, p.marking.text if p.marking else None, p.is_heading, p.text, p.marking)
        for p in cable.paragraphs
    ]
    assert len(got) == len(expected), [g[:3] for g in got]
    for (number, mark, heading, text, marking), (e_number, e_mark, e_heading, first, last) in zip(
        got, expected, strict=True
    ):
        assert (number, mark, heading) == (e_number, e_mark, e_heading), text[:60]
        assert text.startswith(first), (number, text[:80])
        assert text.endswith(last), (number, text[-80:])
        if mark is not None:
            assert marking == Marking(
                {"(C)": Level.CONFIDENTIAL}.get(mark, Level.UNCLASSIFIED),
                ("SBU",) if mark == "(SBU)" else (),
                mark,
            )


# ----------------------------------------------------------------------------- seed 000


def test_seed_000_every_scalar_field(seed_000: Cable) -> None:
    c = seed_000
    assert c.id == "ALMATY2558"
    assert c.source == str(SEED_000)
    assert c.created is None
    assert c.date_note == "no date line in this partial extract"
    assert c.origin == "Embassy Almaty"  # no catalogue: the banner's station, from the table
    assert c.classification == Marking(Level.CONFIDENTIAL, (), "CONFIDENTIAL")
    assert c.classification.full == "CONFIDENTIAL"
    assert c.captions == ("SIPDIS",)
    assert c.is_partial is True
    assert c.transmission_id is None
    assert c.precedence is None
    assert c.dtg is None
    assert c.sender is None
    assert c.to == ()
    assert c.info == ()
    assert c.declassify_on == date(2010, 6, 30)
    assert c.declassify_note is None
    assert c.tags == ("KDEM", "KZ", "PGOV", "PHUM", "PREL", "POLITICAL")
    assert c.subject == (
        "KAZAKHISTAN: OPPOSITION LEADER FEARS ADMINISTRATIVE MANIPULATION OF ELECTIONS"
    )
    assert c.subject_marking is None
    assert c.references == ()
    assert c.classified_by == "JOHN ORDWAY"
    assert c.classified_by_title == "AMBASSADOR"
    assert c.reasons == "1.4 (b) and (d)"
    assert c.summary == SUMMARY_000
    assert c.signer == "ORDWAY"
    assert c.header == ""
    # The text below the (absent) transmission header, as it came: partial-extract note first.
    assert c.body.startswith(f"{PARTIAL_NOTE}\n\nC O N F I D E N T I A L ALMATY 002558\n\nSIPDIS\n")
    assert c.body.endswith("movement. End Comment\nORDWAY\n\nNNNN")
    assert c.warnings == ("date unknown: no date line in this partial extract",)


def test_seed_000_paragraphs_as_written(seed_000: Cable) -> None:
    _check_paragraphs(seed_000, PARAGRAPHS_000)


def test_seed_000_keeps_the_blank_line_inside_paragraph_17_as_one_paragraph(seed_000) -> None:
    seventeen = next(p for p in seed_000.paragraphs if p.number == "17.")
    assert "hinted at an upcoming meeting with the President himself" in seventeen.text
    assert "\n" not in seventeen.text


def test_seed_000_notes_and_comment_stay_inside_their_paragraphs(seed_000: Cable) -> None:
    twelve = next(p for p in seed_000.paragraphs if p.number == "12.")
    assert "(Note: In a conversation a week later" in twelve.text
    ten = seed_000.paragraphs[-1]
    assert ten.text.startswith("Comment: ") and ten.text.endswith("End Comment")


def test_seed_000_covers_every_field_of_the_model(seed_000: Cable) -> None:
    # A new field in Cable must get an expected value in the tests above.
    names = {f.name for f in dataclasses.fields(Cable)}
    assert names == {
        "id", "source", "created", "date_note", "origin", "classification", "captions",
        "is_partial", "transmission_id", "precedence", "dtg", "sender", "to", "info",
        "declassify_on", "declassify_note", "tags", "subject", "subject_marking",
        "references", "classified_by", "reasons", "summary", "paragraphs", "signer",
        "header", "body", "warnings", "aliases", "csv_id", "classified_by_title", "pages",
        "sections",
    }  # fmt: skip


# ----------------------------------------------------------------------------- seed 003


def test_seed_003_every_scalar_field(seed_003: Cable) -> None:
    c = seed_003
    assert c.id == "06ALMATY79"
    assert c.source == str(SEED_003)
    assert c.created == datetime(2006, 1, 12, 5, 8)
    assert c.date_note is None
    assert c.origin == "US Office Almaty"
    assert c.classification == Marking(
        Level.UNCLASSIFIED, ("FOUO",), "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    )
    assert c.classification.short == "U//FOUO"
    assert c.captions == ("SIPDIS", "SENSITIVE")
    assert c.is_partial is True
    assert c.transmission_id is None
    assert c.precedence is None
    assert c.dtg is None
    assert c.sender is None
    assert c.to == ()
    assert c.info == ()
    assert c.declassify_on is None
    assert c.declassify_note == "N/A"
    assert c.tags == ("PGOV", "PHUM", "KZ", "POLITICAL")
    assert c.subject == "KAZAKHSTAN: BAYMENOV LOOKS TOWARD ASTANA"
    assert c.subject_marking is None
    assert c.references == ()
    assert c.classified_by is None
    assert c.reasons is None
    assert c.summary == SUMMARY_003
    assert c.signer == "ORDWAY"
    assert c.header == ""
    assert c.body.startswith(f"{PARTIAL_NOTE}\nUNCLAS ALMATY 000079 \n\nSIPDIS\n")
    assert c.body.endswith("Time will tell. End comment.\n\nORDWAY\n\n\nNNNN")
    assert "\u00a0" not in c.body
    assert c.warnings == ()


def test_seed_003_paragraphs_as_written(seed_003: Cable) -> None:
    _check_paragraphs(seed_003, PARAGRAPHS_003)


def test_seed_003_duplicate_header_block_makes_no_paragraphs(seed_003: Cable) -> None:
    texts = " ".join(p.text for p in seed_003.paragraphs)
    for header_text in ("UNCLAS ALMATY", "SIPDIS", "DEPARTMENT FOR", "E.O. 12958", "TAGS:"):
        assert header_text not in texts
    assert seed_003.paragraphs[0].number == "1."


def test_seed_003_second_block_of_paragraph_5_stays_in_paragraph_5(seed_003: Cable) -> None:
    five = next(p for p in seed_003.paragraphs if p.number == "5.")
    assert five.text.endswith(
        "organizations.\n\nThey also agreed to reduce the number of paid staff."
    )


def test_seed_003_without_its_page_block_reads_the_same_from_the_banner() -> None:
    text = decode(SEED_003.read_bytes())
    telegram = text[text.index("This record is a partial extract") :]
    cable = parse_text(telegram)
    # No page metadata: the ID takes no year and the classification comes from the banner
    # (UNCLAS + SENSITIVE = U//FOUO), which agrees with the page's catalogue value.
    assert cable.id == "ALMATY79"
    assert cable.classification == Marking(
        Level.UNCLASSIFIED, ("FOUO",), "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    )
    assert cable.origin == "Embassy Almaty"  # the station table's, for the banner's station
    assert [p.number for p in cable.paragraphs if p.number] == [f"{n}." for n in range(1, 10)]
    assert cable.warnings == ("date unknown: no date line in this partial extract",)


def test_seeds_parse_the_same_from_crlf_text() -> None:
    for path in (SEED_000, SEED_003):
        text = decode(path.read_bytes())
        plain = parse_text(text, source="x")
        crlf = parse_text(text.replace("\n", "\r\n"), source="x")
        assert crlf == plain
