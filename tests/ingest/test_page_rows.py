"""Database rows printed on a page instead of a cable (issue 11, item 12).

Every row here is invented, in the shapes the HTML release shows.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from store.ingest.page_rows import read_page_row
from store.ingest.read_files import read_paths
from store.ingest.read_html import parse_page
from store.parse import parse_text
from store.records import RawCable

HEADER_LINES = [
    "VZCZCXYZ0007",
    "OO RUEHWEB",
    "DE RUEHRG #0817/01 1951210",
    "ZNY CCCCC ZZH",
    "O 141210Z JUL 08",
    "FM AMEMBASSY RIGA",
    "TO RUEHC/SECSTATE WASHDC IMMEDIATE 4410",
]
BODY_LINES = [
    "C O N F I D E N T I A L RIGA 000817 ",
    "",
    "SIPDIS ",
    "",
    "E.O. 12958: DECL: 07/14/2018 ",
    "TAGS: PREL PGOV LG",
    'SUBJECT: LATVIA: AN INVENTED TALK ON "FERRY" TARIFFS ',
    "",
    "Classified By: Ambassador Rhea T. Vance, reasons 1.4 (b/d) ",
    "",
    "1. (C) The minister said the tariffs stay, and that the port",
    "will open in May. ",
    "",
    "2. (C) Comment: He sounded tired. End Comment. ",
    "OSTERGAARD ",
]
TABLE = (
    "<table><tr><td>Reference ID</td><td>Created</td><td>Released</td><td>Classification</td>"
    "<td>Origin</td></tr><tr><td>08RIGA817</td><td>2008-07-14 12:12</td><td>2011-08-30 01:44</td>"
    "<td>CONFIDENTIAL</td><td>Embassy Riga</td></tr></table>"
)


def html(*pres: str) -> str:
    blocks = "".join(f"<pre>{p.replace(chr(10), '&#x000A;')}</pre>" for p in pres)
    return f"<html><body>{TABLE}{blocks}</body></html>"


def excerpt() -> str:
    """The cut-off start of the cable that such pages show before the row."""
    return "\n".join(BODY_LINES[:7]) + "...\n\n\n"


def csv_row() -> str:
    def quoted(lines: list[str]) -> str:
        return '"' + "\n".join(lines).replace('"', '""') + '"'

    return (
        '58817,7/14/2008 12:10,08RIGA817,"Embassy\nRiga",CONFIDENTIAL,08RIGA700|08STATE7,'
        f"{quoted(HEADER_LINES)},{quoted(BODY_LINES)[:-1]}"
    )


def tab_row() -> str:
    def escaped(lines: list[str]) -> str:
        return "\\\n".join(lines)

    return "\t".join([
        "58817", "2008-07-14 12:10:00", "08RIGA817", "Embassy Riga", "CONFIDENTIAL",
        "08RIGA700|08STATE7", escaped(HEADER_LINES), escaped(BODY_LINES) + "\\",
    ])  # fmt: skip


def labelled_row() -> str:
    return "\n".join([
        "id: 58817", "date: 7/14/2008 12:10", "refid: 08RIGA817", "origin: Embassy Riga",
        "classification: CONFIDENTIAL", "destination: 08RIGA700|08STATE7", "header:",
        *HEADER_LINES, "----- header ends -----", *BODY_LINES,
    ])  # fmt: skip


SHAPES = {
    "CSV row after an excerpt": (excerpt() + csv_row(), "CSV row"),
    "CSV row cut off inside its body": (csv_row()[:-40], "CSV row"),
    "tab-separated row with backslash line ends": (tab_row(), "tab-separated row"),
    "labelled lines": (labelled_row(), "labelled row"),
    "<<row>> block": (f"<<row>>\n{labelled_row()}\n<</row>>\n", "labelled row"),
    "<<row>> block holding a CSV row": (f"<<row>>\n{csv_row()}\n", "CSV row"),
}


@pytest.mark.parametrize("name", SHAPES)
def test_row_shapes_are_read_as_rows(name: str) -> None:
    text, shape = SHAPES[name]
    row = read_page_row(text)
    assert row is not None and row.problem is None
    assert row.shape == shape
    known = row.known
    assert known.csv_id == 58817
    assert known.created == datetime(2008, 7, 14, 12, 10)
    assert known.id == "08RIGA817"
    assert known.origin == "Embassy Riga"
    assert known.classification == "CONFIDENTIAL"
    assert known.references == ("08RIGA700", "08STATE7")
    assert known.header == "\n".join(HEADER_LINES)
    assert row.text.startswith(known.header + "\nC O N F I D E N T I A L RIGA 000817 \n\nSIPDIS")
    assert "\\" not in row.text
    assert "58817" not in row.text and "\t" not in row.text


@pytest.mark.parametrize("name", SHAPES)
def test_the_telegram_inside_a_row_page_is_parsed(name: str) -> None:
    text, _ = SHAPES[name]
    raw = parse_page("08RIGA817.html", html("header block of the release", text))
    assert isinstance(raw, RawCable)
    assert raw.location.startswith("raw database row")
    cable = parse_text(raw.text, source=raw.source, known=raw.known)
    assert cable.id == "08RIGA817"
    assert cable.csv_id == 58817
    # The row's minutes, not the table's (whose minutes repeat the hour).
    assert cable.created == datetime(2008, 7, 14, 12, 10)
    assert cable.date_note is None
    assert cable.transmission_id == "VZCZCXYZ0007"
    assert cable.subject == 'LATVIA: AN INVENTED TALK ON "FERRY" TARIFFS'
    assert cable.tags == ("PREL", "PGOV", "LG")
    assert cable.references == ("08RIGA700", "08STATE7")
    assert cable.paragraphs[0].text.startswith("The minister said the tariffs stay, and that")
    shown = "\n".join(p.text for p in cable.paragraphs)
    assert "refid:" not in shown and "58817," not in shown and "header ends" not in shown
    if not name.startswith("CSV row cut off"):
        assert cable.signer == "OSTERGAARD"


def test_table_names_the_cable_and_the_row_fills_the_rest() -> None:
    row = csv_row().replace("08RIGA817", "08RIGA00817").replace('"Embassy\nRiga"', "Riga")
    raw = parse_page("08RIGA817.html", html(row))
    assert raw.known.id == "08RIGA817"
    assert raw.known.origin == "Embassy Riga"
    assert raw.known.references == ("08RIGA700", "08STATE7")


def test_row_date_of_another_hour_does_not_replace_the_table_date() -> None:
    row = csv_row().replace("7/14/2008 12:10", "7/15/2008 03:10")
    raw = parse_page("08RIGA817.html", html(row))
    assert raw.known.created == datetime(2008, 7, 14, 12)
    assert raw.known.created_hour_only


def test_tab_row_written_twice_over_is_read_once() -> None:
    fields = tab_row().split("\t")
    doubled = "\t".join(fields[:2] + fields[:2] + fields[2:]) + "\t" + "\t".join(fields[3:])
    row = read_page_row(doubled)
    assert row is not None
    assert row.known.csv_id == 58817 and row.known.id == "08RIGA817"
    assert row.text.endswith("End Comment. \nOSTERGAARD")


def test_escaped_backslash_in_a_tab_row_is_one_backslash() -> None:
    text = tab_row().replace("will open in May.", "will open in May (file C:\\\\PORT\\\\A).")
    row = read_page_row(text)
    assert "will open in May (file C:\\PORT\\A)." in row.text


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(BODY_LINES),
        # A paragraph that mentions a date and a number is no row.
        "1. (C) Figures: 12345,7/14/2008 was the date.\nid: none of these",
        "Origin: Riga\nDate: today\nThe talks went on.",
        "1. (U) Table:\n10\t20\t30\n40\t50\t60",
    ],
)
def test_formatted_cables_are_no_rows(text: str) -> None:
    assert read_page_row(text) is None


def test_row_that_does_not_split_is_kept_as_text_with_the_reason() -> None:
    raw = parse_page("08RIGA817.html", html('"1","7/14/2008 12:10","08RIGA817","only four"'))
    assert "raw database row" in raw.location and "4 fields, expected 8" in raw.location
    assert raw.text.startswith('"1","7/14/2008 12:10"')


def test_labels_of_another_export_are_placed_by_their_values() -> None:
    squashed = "".join(HEADER_LINES)
    text = "\n".join([
        "ID: 58817", "ORIGIN: 08RIGA817", "DATE: 2008-07-14 12:10:00", "SOURCE: Embassy Riga",
        "CLASSIFICATION: CONFIDENTIAL", "MISC: 08RIGA700|08STATE7", f"DESTINATION: {squashed}",
        "", *BODY_LINES,
    ])  # fmt: skip
    row = read_page_row(text)
    assert row is not None and row.shape == "labelled row"
    known = row.known
    assert (known.csv_id, known.id, known.origin) == (58817, "08RIGA817", "Embassy Riga")
    assert known.created == datetime(2008, 7, 14, 12, 10)
    assert known.references == ("08RIGA700", "08STATE7")
    assert known.header == squashed
    # The page's own header block keeps the lines the row ran together.
    raw = parse_page("08RIGA817.html", html("\n".join(HEADER_LINES), text))
    assert raw.known.header == "\n".join(HEADER_LINES)
    cable = parse_text(raw.text, source=raw.source, known=raw.known)
    assert cable.sender == "AMEMBASSY RIGA"
    assert cable.subject == 'LATVIA: AN INVENTED TALK ON "FERRY" TARIFFS'
    assert cable.signer == "OSTERGAARD"


def test_garbled_reference_list_leaves_the_references_to_the_ref_line() -> None:
    row = csv_row().replace("08RIGA700|08STATE7", "08RIGA70008STATE7")
    assert read_page_row(row).known.references is None


def test_a_tab_row_that_starts_with_its_date_is_a_row() -> None:
    fields = tab_row().split("\t")[1:]  # no row number: the export starts with the date
    row = read_page_row("292031Z Jul 08\n" + "\t".join(fields))
    assert row is not None and row.problem is None
    assert row.known.csv_id is None
    assert row.known.created == datetime(2008, 7, 14, 12, 10)
    assert row.known.id == "08RIGA817"
    assert row.known.classification == "CONFIDENTIAL"
    assert "\\" not in row.text and "\t" not in row.text


def test_a_plain_text_file_holding_a_row_is_read_as_the_row(tmp_path) -> None:
    path = tmp_path / "copy.txt"
    fields = tab_row().split("\t")[1:]
    path.write_text(excerpt() + "\n" + "\t".join(fields), encoding="utf-8")
    (raw,) = read_paths([path])
    assert raw.location.startswith("raw database row (tab-separated row)")
    cable = parse_text(raw.text, source=raw.source, known=raw.known)
    assert cable.id == "08RIGA817"
    assert cable.created == datetime(2008, 7, 14, 12, 10)
    assert cable.subject == 'LATVIA: AN INVENTED TALK ON "FERRY" TARIFFS'
    assert not any("\\" in p.text for p in cable.paragraphs)


def test_a_plain_text_copy_with_backslash_line_ends_loses_them(tmp_path) -> None:
    path = tmp_path / "copy.txt"
    lines = [*HEADER_LINES, *BODY_LINES]
    path.write_text("\\\n".join(lines) + "\\\n", encoding="utf-8")
    (raw,) = read_paths([path])
    assert "\\" not in raw.text
    assert parse_text(raw.text).subject == 'LATVIA: AN INVENTED TALK ON "FERRY" TARIFFS'


def test_a_row_origin_spelt_without_its_space_is_the_table_origin() -> None:
    fields = tab_row().split("\t")
    fields[3] = "Embassy BuenosAires"
    row = read_page_row("\t".join(fields))
    cable = parse_text(row.text, known=row.known)
    assert cable.origin == "Embassy Buenos Aires"


def test_a_row_of_one_field_a_line_after_an_excerpt_is_a_row() -> None:
    fields = ["58817", "2008-07-14", "08RIGA817", "Embassy Riga", "CONFIDENTIAL", "08STATE7"]
    telegram = "\n".join([*HEADER_LINES, *BODY_LINES])
    text = excerpt() + "\n\n".join(fields) + "\n\n" + telegram
    row = read_page_row(text)
    assert row is not None and row.shape == "line row"
    assert row.known.created == datetime(2008, 7, 14)
    assert row.known.references == ("08STATE7",)
    assert row.known.header is None  # the parser finds the header in the telegram
    assert row.text == telegram.rstrip()
    raw = parse_page("08RIGA817.html", html("header block of the release", text))
    cable = parse_text(raw.text, source=raw.source, known=raw.known)
    assert cable.subject == 'LATVIA: AN INVENTED TALK ON "FERRY" TARIFFS'
    assert not cable.is_partial
    assert sum("SUBJECT" in p.text for p in cable.paragraphs) == 0
