"""The Cablegate HTML page reader. Fixture pages under tests/fixtures/html are invented."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.ingest.read_html import parse_page, read_html
from store.records import RawCable, Skipped


@pytest.fixture
def pages(fixtures_dir):
    return fixtures_dir / "html" / "cable"


def page(table: str = "", *pres: str) -> str:
    blocks = "".join(f"<pre>{block}</pre>" for block in pres)
    return f"<html><body>{table}{blocks}</body></html>"


def test_header_row_table_and_two_pre_blocks(pages):
    path = pages / "2006" / "01" / "06TESTPOST1.html"
    cable = read_html(path)
    assert isinstance(cable, RawCable)
    assert cable.source == str(path)
    assert cable.location == ""
    known = cable.known
    assert known.id == "06TESTPOST1"
    assert known.classification == "CONFIDENTIAL//NOFORN"
    assert known.origin == "Embassy Testpost"
    assert known.references is None
    assert known.header.startswith("VZCZCXYZ0001\nRR RUEHWEB\n\nDE RUEHTP #0001")
    assert known.header.endswith("TO RUEHC/SECSTATE WASHDC 0001")
    assert cable.text.startswith(known.header + "\nC O N F I D E N T I A L TESTPOST 000001 \n")


def test_created_keeps_date_and_hour_only(pages):
    known = read_html(pages / "2006" / "01" / "06TESTPOST1.html").known
    assert known.created == datetime(2006, 1, 12, 5, 0)
    assert known.created_hour_only


def test_newline_references_links_and_entities_in_pre(pages):
    text = read_html(pages / "2006" / "01" / "06TESTPOST1.html").text
    assert "\nTAGS: PGOV PREL TL \n" in text
    assert 'invented for tests & says "nothing" <real>.' in text
    assert "&#x000A;" not in text and "<a" not in text
    assert text.endswith("TESTER")


def test_label_value_pairs_any_case_and_one_pre_for_a_partial_cable(pages):
    cable = read_html(pages / "2006" / "01" / "06TESTPOST2.html")
    assert isinstance(cable, RawCable)
    known = cable.known
    assert known.id == "06TESTPOST2"
    assert known.created == datetime(2006, 1, 31, 17, 0)
    # &nbsp; and runs of blanks in a cell read as single spaces.
    assert known.classification == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert known.origin == "Embassy Testpost"
    # The body block alone: a partial cable, no transmission header.
    assert known.header == ""
    assert cable.text.startswith("UNCLAS TESTPOST 000002 \n\nSENSITIVE")
    assert "TAGS: ECON TL\n" in cable.text


def test_raw_database_row_page_is_read_as_a_csv_row(pages):
    cable = read_html(pages / "2006" / "01" / "06TESTPOST3.html")
    assert isinstance(cable, RawCable)
    assert "raw database row" in cable.location
    # The row's fields, not the row as text: no quotes or field separators in the cable.
    assert cable.text.startswith("UNCLAS TESTPOST 000003\n\nSUBJECT: INVENTED RAW ROW PAGE\n")
    assert '"' not in cable.text
    assert cable.known.id == "06TESTPOST3"
    # The row's date keeps its minutes (the page's Created cell would give 09:00).
    assert cable.known.created == datetime(2006, 1, 20, 9, 41)
    assert not cable.known.created_hour_only
    assert cable.known.header == ""


def test_raw_row_with_escapes_and_references_gives_every_field(tmp_path):
    from store.parse import parse_text

    row = (
        '"1234","3/1/2008 10:07","08PARIS77","Embassy Paris","SECRET",'
        '"08PARIS1|08PARIS2","","S E C R E T PARIS 000077&#x000A;&#x000A;'
        'SUBJECT: A \\"QUOTED\\" ROW&#x000A;&#x000A;1. (S) Text with a \\\\ backslash.&#x000A;"'
    )
    page = tmp_path / "08PARIS77.html"
    page.write_text(f"<html><body><pre>{row}</pre></body></html>")
    raw = read_html(page)
    assert isinstance(raw, RawCable)
    cable = parse_text(raw.text, source=raw.source, known=raw.known)
    assert cable.id == "08PARIS77"
    assert cable.subject == 'A "QUOTED" ROW'
    assert cable.references == ("08PARIS1", "08PARIS2")
    assert cable.created == datetime(2008, 3, 1, 10, 7)
    assert [p.text for p in cable.paragraphs] == ["Text with a \\ backslash."]


def test_raw_row_that_does_not_split_is_kept_as_text(tmp_path):
    page = tmp_path / "08PARIS78.html"
    page.write_text('<pre>"1","3/1/2008 10:07","08PARIS78","only four fields"</pre>')
    raw = read_html(page)
    assert isinstance(raw, RawCable)
    assert raw.location.startswith("raw database row") and "4 fields" in raw.location
    assert raw.text.startswith('"1","3/1/2008 10:07"')


def test_page_without_pre_is_skipped(pages):
    path = pages / "2007" / "03" / "07TESTPOST4.html"
    assert read_html(path) == Skipped(str(path), "", "no <pre> block (no cable text on this page)")


def test_empty_first_pre_means_a_partial_cable():
    cable = parse_page("p.html", page("", "  ", "UNCLAS&#x000A;1. Invented."))
    assert cable.known.header == ""
    assert cable.text == "UNCLAS\n1. Invented."


def test_only_empty_pre_blocks_are_skipped():
    skipped = parse_page("p.html", page("", "", " &#x000A; "))
    assert isinstance(skipped, Skipped)
    assert "empty" in skipped.reason


def test_missing_table_falls_back_to_the_file_name():
    cable = parse_page("cable/2006/01/06TESTPOST9.html", page("", "UNCLAS"))
    assert cable.known.id == "06TESTPOST9"
    assert cable.known.created is None
    assert not cable.known.created_hour_only


def test_file_name_that_is_not_an_id_gives_no_id():
    assert parse_page("dir/index.html", page("", "UNCLAS")).known.id is None


def test_pairs_on_one_row_and_unclosed_cells():
    table = (
        "<table><tr><td>Reference ID<td>06TESTPOST5<td>Origin:<td>Embassy Testpost"
        "<tr><td>Created<td>not a date</table>"
    )
    cable = parse_page("p.html", page(table, "HDR", "BODY"))
    assert cable.known.id == "06TESTPOST5"
    assert cable.known.origin == "Embassy Testpost"
    assert cable.known.created is None


def test_control_characters_in_page_are_neutralized():
    table = "<table><tr><th>Origin</th></tr><tr><td>Embassy &#x1b;]0;x&#x7;</td></tr></table>"
    cable = parse_page("p.html", page(table, "HDR", "BODY \x1b[2J &#x9b;x &#x202e;y"))
    # HTML drops references to C0 controls and reads &#x9b; as cp1252 does; raw ones show.
    assert cable.known.origin == "Embassy ]0;x"
    assert cable.text == "HDR\nBODY ^[[2J \u203ax <202E>y"


def test_broken_markup_does_not_raise():
    for markup in (
        "<pre>unclosed body",
        "<pre><a href='x'>PGOV",
        "<![if foo]><pre>x</pre>",
        "<table><tr><td>Created</td></tr></table><pre>x",
        "<",
        "</pre></table>",
    ):
        result = parse_page("p.html", markup)
        assert isinstance(result, RawCable | Skipped)


def test_unreadable_file_is_skipped(tmp_path):
    skipped = read_html(tmp_path / "gone.html")
    assert isinstance(skipped, Skipped)
    assert skipped.reason.startswith("cannot read")


def test_cp1252_page(tmp_path):
    path = tmp_path / "06TESTPOST6.html"
    path.write_bytes(page("", "HDR", "\u201cquoted\u201d caf\u00e9").encode("cp1252"))
    assert read_html(path).text == "HDR\n\u201cquoted\u201d caf\u00e9"


@settings(max_examples=200)
@given(
    st.lists(
        st.sampled_from(
            [
                "<pre>",
                "</pre>",
                "<table>",
                "<tr>",
                "<td>",
                "</td>",
                "<th>",
                "Created",
                "Origin",
                "2006-01-02 03:03",
                "&#x000A;",
                "<a href='x'>",
                "</a>",
                "<!--",
                "<![",
                "&",
                "<",
                "x",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_any_markup_gives_a_cable_or_a_report(markup):
    assert isinstance(parse_page("p.html", markup), RawCable | Skipped)


def test_the_release_paragraph_anchor_is_dropped_a_typed_pilcrow_kept():
    body = (
        "UNCLAS&#x000A;&#x000A;<a id='par1' href='#par1'>¶</a>1. (U) Invented.&#x000A;"
        "REF: <a id='parB' href='#parB'>¶</a>B. STATE 1&#x000A;"
        "<a id='par0550016624' href='#par0550016624'>¶</a>0550016624. &#x000A;"
        "The ¶ sign typed in a cable stays. <a href='#top'>¶</a>"
    )
    text = parse_page("p.html", page("", "", body)).text
    assert text == (
        "UNCLAS\n\n1. (U) Invented.\nREF: B. STATE 1\n0550016624. \n"
        "The ¶ sign typed in a cable stays. ¶"
    )


# --- The release's navigation is skipped, never what the parser would read --------------

_NAVIGATION = st.lists(
    st.sampled_from([
        "<div class='pick'>", "</div>", "<a href='#tag_A' onclick=\"swap('x');\">PGOV</a>",
        "<h3>Browse by tag</h3>", "<p>released so far</p>", "<br/>", "text & more ",
        "<a title='<table>'>odd</a>", "<!-- <pre>not read</pre> -->",
        "<a title=\"x > <pre \">odd</a>", "<a title='a > <script '>odd</a>", "a < b ",
        "<title>Cable Viewer</title>", "<textarea>",
        "<script>if (a<b) { x = '<table>'; }</script>", "<style>pre { }</style>",
        "<![CDATA[<pre>x</pre>]]>", "<!-- <b>a</b> <pre>c</pre> -->",
        "<script>x = '<b>'; y = '<pre>z</pre>';</script>",
        "<table><tr><td>Origin</td><td>Nav Post</td></tr></table>",
    ]),
    max_size=12,
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(before=_NAVIGATION, after=_NAVIGATION)
def test_skipping_the_navigation_reads_every_page_as_a_whole_parse_does(before, after):
    # (On 3.11 an open <textarea> changes nothing; the cut still stops short of it, as newer
    # Pythons read what follows it as text.)
    from unittest import mock

    import store.ingest.read_html as reader

    table = (
        "<table class='cable'><tr><th>Reference ID</th><th>Origin</th></tr>"
        "<tr><td><a href='x'>06TESTPOST9</a></td><td>Embassy Testpost</td></tr></table>"
    )
    markup = page("".join(before) + table, "HEADER", "UNCLAS TESTPOST 000009\n\n1. TEXT")
    markup = markup.replace("</body>", "".join(after) + "</body>")
    skipped = parse_page("06TESTPOST9.html", markup)
    with mock.patch.object(reader, "_reading_starts", lambda page: 0):
        assert skipped == parse_page("06TESTPOST9.html", markup)


def test_an_open_element_of_text_keeps_the_whole_page_parsed():
    from store.ingest.read_html import _reading_starts

    table = "<table><tr><td>Origin</td><td>Embassy Testpost</td></tr></table>"
    assert _reading_starts(f"<title>Cable Viewer</title><div>{table}") > 0
    assert _reading_starts(f"<title>Cable <b>Viewer {table}</title>") == 0
    assert _reading_starts(f"<TEXTAREA>{table}</textarea>") == 0
