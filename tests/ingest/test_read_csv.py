"""The cables.csv reader: escapes, embedded newlines, huge fields, encodings, broken rows.

Every row here is invented test data in the shape of the 2011 dump.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.ingest import read_csv as read_csv_module
from store.ingest.read_csv import read_csv
from store.records import RawCable, Skipped
from store.sanitize import clean

HEADER = "VZCZCXYZ0001\nRR RUEHC\nDE RUEHTV #0007 0101200\nR 101200Z JAN 06\nFM AMEMBASSY TESTVILLE"


def quoted(text: str) -> str:
    """One field as the dump writes it: quoted, with backslash escapes."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("'", "\\'") + '"'


def row(
    number: int = 1,
    date: str = "1/10/2006 12:00",
    ref_id: str = "06TESTVILLE7",
    origin: str = "Embassy Testville",
    classification: str = "CONFIDENTIAL//NOFORN",
    references: str = "05TESTVILLE3|06STATE12",
    header: str = HEADER,
    body: str = "INVENTED TEST CABLE\n1. (C) Nothing happened.",
) -> str:
    fields = [str(number), date, ref_id, origin, classification, references, header, body]
    return ",".join(quoted(field) for field in fields) + "\n"


def write(tmp_path: Path, content: str | bytes, name: str = "cables.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def read_all(path: Path) -> list[RawCable | Skipped]:
    return list(read_csv(path))


def test_a_row_becomes_a_raw_cable_with_known_fields(tmp_path):
    [cable] = read_all(write(tmp_path, row()))
    assert isinstance(cable, RawCable)
    assert cable.source == str(tmp_path / "cables.csv")
    assert cable.location == "row 1 (line 1)"
    assert cable.text == HEADER + "\nINVENTED TEST CABLE\n1. (C) Nothing happened."
    known = cable.known
    assert known.id == "06TESTVILLE7"
    assert known.created == datetime(2006, 1, 10, 12, 0)
    assert not known.created_hour_only
    assert known.origin == "Embassy Testville"
    assert known.classification == "CONFIDENTIAL//NOFORN"
    assert known.references == ("05TESTVILLE3", "06STATE12")
    assert known.header == HEADER
    assert known.csv_id == 1


def test_row_number_is_the_cables_csv_id(tmp_path):
    from store.parse import parse_text

    [raw] = read_all(write(tmp_path, row(number=190648)))
    assert parse_text(raw.text, source=raw.source, known=raw.known).csv_id == 190648


def test_partial_cable_has_empty_header_and_body_only(tmp_path):
    [cable] = read_all(write(tmp_path, row(header="", references="")))
    assert cable.known.header == ""
    assert cable.known.references == ()
    assert cable.text == "INVENTED TEST CABLE\n1. (C) Nothing happened."


def test_dates_without_zero_padding_and_24_hour(tmp_path):
    path = write(tmp_path, row(1, "12/28/1966 9:05") + row(2, "7/4/2009 23:59", "09TEST2"))
    first, second = read_all(path)
    assert first.known.created == datetime(1966, 12, 28, 9, 5)
    assert second.known.created == datetime(2009, 7, 4, 23, 59)


def test_backslash_escapes(tmp_path):
    body = 'He said "no" and didn\'t sign; path C:\\TEMP\\ and \\"both\\"'
    [cable] = read_all(write(tmp_path, row(header="", body=body)))
    assert cable.text == body


def test_escaped_backslash_before_closing_quote(tmp_path):
    content = '"1","1/10/2006 12:00","06T1","O","C","","","ends in a backslash\\\\"\n'
    content += row(2, ref_id="06T2")
    first, second = read_all(write(tmp_path, content))
    assert first.text == "ends in a backslash\\"
    assert second.known.id == "06T2"


def test_escaped_quote_followed_by_comma_stays_in_the_field(tmp_path):
    [cable] = read_all(write(tmp_path, row(header="", body='a "quote", then\n"more",\nend')))
    assert cable.text == 'a "quote", then\n"more",\nend'


def test_bare_quote_inside_a_field_is_kept(tmp_path):
    content = '"1","1/10/2006 12:00","06T1","O","C","","","say "hi" now"\n'
    [cable] = read_all(write(tmp_path, content))
    assert cable.text == 'say "hi" now'


def test_raw_newlines_in_fields_and_line_numbers(tmp_path):
    body = "line one\nline two\n\nline four"
    path = write(tmp_path, row(1, body=body) + row(2, ref_id="06T2", header="", body="x"))
    first, second = read_all(path)
    assert first.text.endswith(body)
    assert first.location == "row 1 (line 1)"
    # HEADER has 4 newlines, the body 3, one joins them: row 2 starts on line 1 + 8.
    assert second.location == "row 2 (line 9)"


def test_crlf_line_ends(tmp_path):
    content = (row(1) + row(2, ref_id="06T2")).replace("\n", "\r\n")
    first, second = read_all(write(tmp_path, content))
    assert isinstance(second, RawCable) and second.known.id == "06T2"
    assert "\r" not in first.text


def test_field_over_128_kib(tmp_path):
    body = ("A long invented paragraph that isn't short. " * 5000)[: 200 * 1024]
    [cable] = read_all(write(tmp_path, row(header="", body=body)))
    assert cable.text == body


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 17, 64, 1000])
def test_chunk_boundaries_do_not_change_the_result(tmp_path, monkeypatch, chunk):
    content = (
        row(1, body="x\\y \"q\", 's'\n\nz")
        + row(2, ref_id="06T2", header="")
        + '"3","1/1/2006 1:00","06T3","O","C","","","a\\\\"\r\n'
        + row(4, date="13/45/2006 1:00")
        + row(5, ref_id="06T5", body="caf\u00e9")
    )
    path = write(tmp_path, content)
    expected = read_all(path)
    monkeypatch.setattr(read_csv_module, "CHUNK", chunk)
    assert read_all(path) == expected
    assert [type(item) for item in expected] == [RawCable] * 3 + [Skipped, RawCable]


def test_cp1252_row_among_utf8_rows(tmp_path):
    content = (
        row(1, body="caf\u00e9 in UTF-8").encode("utf-8")
        + row(2, ref_id="06T2", body="\u201csmart quotes\u201d in cp1252").encode("cp1252")
        + row(3, ref_id="06T3").encode("utf-8")
    )
    first, second, third = read_all(write(tmp_path, content))
    assert first.text.endswith("caf\u00e9 in UTF-8")
    assert second.text.endswith("\u201csmart quotes\u201d in cp1252")
    assert third.known.id == "06T3"


def test_bytes_undefined_in_cp1252_do_not_crash(tmp_path):
    content = row(header="").encode() + b'"2","1/1/2006 1:00","06T2","O","C","","","\x81\x8d\xff"\n'
    _first, second = read_all(write(tmp_path, content))
    assert isinstance(second, RawCable)
    assert second.text == "<81><8D>\u00ff"


def test_byte_order_mark_is_ignored(tmp_path):
    [cable] = read_all(write(tmp_path, b"\xef\xbb\xbf" + row().encode()))
    assert cable.location == "row 1 (line 1)"
    assert cable.known.id == "06TESTVILLE7"


def test_control_characters_are_neutralized_and_nul_dropped(tmp_path):
    body = "title \x1b]0;pwned\x07 end\x00!"
    [cable] = read_all(write(tmp_path, row(header="", body=body, origin="Embassy\x1b[31m X")))
    assert cable.text == "title ^[]0;pwned^G end!"
    assert cable.known.origin == "Embassy^[[31m X"


def test_wrong_field_count_is_skipped_and_the_rest_imports(tmp_path):
    bad = '"2","1/10/2006 12:00","06T2","O","C","","body"\n'
    path = write(tmp_path, row(1) + bad + row(3, ref_id="06T3"))
    first, skipped, third = read_all(path)
    assert isinstance(first, RawCable)
    assert isinstance(skipped, Skipped)
    assert skipped.location == "row 2 (line 7)"
    assert skipped.reason == "7 fields, expected 8"
    assert third.known.id == "06T3"


def test_bad_date_is_skipped(tmp_path):
    path = write(tmp_path, row(1, date="2/30/2006 10:00") + row(2, date="soon", ref_id="06T2"))
    first, second = read_all(path)
    assert first == Skipped(str(path), "row 1 (line 1)", "bad date '2/30/2006 10:00'")
    assert second.reason == "bad date 'soon'"


def test_empty_reference_id_is_skipped(tmp_path):
    [skipped] = read_all(write(tmp_path, row(ref_id="  ")))
    assert skipped.reason == "empty reference ID"


def test_truncated_last_row_is_skipped(tmp_path):
    content = row(1) + row(2, ref_id="06T2")
    content += '"3","1/10/2006 12:00","06T3","O","C","","","the body stops mid-sent'
    *good, last = read_all(write(tmp_path, content))
    assert [cable.known.id for cable in good] == ["06TESTVILLE7", "06T2"]
    assert isinstance(last, Skipped)
    assert last.location == "row 3 (line 13)"
    assert "truncated" in last.reason


def test_truncated_right_after_an_opening_quote(tmp_path):
    content = row(1) + '"2","1/10/2006 12:00","06T2","O","C","","","'
    good, last = read_all(write(tmp_path, content))
    assert isinstance(good, RawCable)
    assert isinstance(last, Skipped) and "truncated" in last.reason


def test_last_row_without_a_final_newline(tmp_path):
    [cable] = read_all(write(tmp_path, row().rstrip("\n")))
    assert isinstance(cable, RawCable)


def test_blank_lines_between_rows_are_ignored(tmp_path):
    _first, second = read_all(write(tmp_path, row(1) + "\n\n" + row(2, ref_id="06T2") + "\n"))
    assert second.known.id == "06T2"
    assert second.location == "row 2 (line 9)"


def test_a_broken_row_costs_one_report_not_one_per_line(tmp_path):
    # An unescaped quote+comma splits the body; the reader must find row 3 again.
    broken = '"2","1/10/2006 12:00","06T2","O","C","","","he said "no", twice\n'
    broken += 'and more, text\nover, several, lines\nend"\n'
    path = write(tmp_path, row(1) + broken + row(3, ref_id="06T3"))
    items = read_all(path)
    assert isinstance(items[0], RawCable)
    assert isinstance(items[-1], RawCable) and items[-1].known.id == "06T3"
    skipped = items[1:-1]
    assert 1 <= len(skipped) <= 2
    assert all(isinstance(item, Skipped) for item in skipped)
    assert skipped[0].location == "row 2 (line 7)"
    assert items[-1].location == "row 3 (line 11)"


def test_a_quote_that_never_closes_is_cut_off(tmp_path, monkeypatch):
    monkeypatch.setattr(read_csv_module, "CHUNK", 256)
    monkeypatch.setattr(read_csv_module, "MAX_ROW", 2048)
    runaway = '"2","1/10/2006 12:00","06T2","O","C","","","ends with a stray backslash\\"\n'
    runaway += "filler line\n" * 300
    path = write(tmp_path, row(1) + runaway + row(3, ref_id="06T3"))
    items = read_all(path)
    assert items[0].known.id == "06TESTVILLE7"
    assert items[-1].known.id == "06T3"
    assert len(items) == 3
    assert "never closes" in items[1].reason
    assert items[1].location == "line 7"


def test_row_number_that_is_not_a_number_uses_the_ordinal(tmp_path):
    content = row(1) + row(2, ref_id="06T2").replace('"2"', '"two"', 1)
    _first, second = read_all(write(tmp_path, content))
    assert second.location == "row 2 (line 7)"
    assert second.known.id == "06T2"


def test_missing_file_is_skipped(tmp_path):
    [skipped] = read_all(tmp_path / "nope.csv")
    assert isinstance(skipped, Skipped)
    assert skipped.reason.startswith("cannot open")


def test_empty_file_yields_nothing(tmp_path):
    assert read_all(write(tmp_path, b"")) == []


def test_reading_is_lazy(tmp_path):
    path = write(tmp_path, "".join(row(n, ref_id=f"06T{n}") for n in range(1, 1001)))
    stream = read_csv(path)
    assert next(stream).known.id == "06T1"
    stream.close()


# Text full of the characters that matter to the format.
_tricky_text = st.text(alphabet=st.sampled_from("ab ,\"'\\\n\r|\u00e9\x1b"), max_size=40)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=_tricky_text, origin=_tricky_text, chunk=st.integers(1, 50))
def test_any_field_text_round_trips(tmp_path, monkeypatch, body, origin, chunk):
    monkeypatch.setattr(read_csv_module, "CHUNK", chunk)
    path = write(tmp_path, row(header="", origin=origin, body=body) + row(2, ref_id="06T2"))
    first, second = read_all(path)
    assert first.text == clean(body).rstrip()
    assert first.known.origin == (clean(origin).strip() or None)
    assert second.known.id == "06T2"


_csv_bytes = st.lists(
    st.sampled_from([b'"', b",", b"\\", b"\n", b"\r", b"1", b"1/2/2006 3:04", b"\xe9", b"x"]),
    max_size=60,
).map(b"".join)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_csv_bytes | st.binary(max_size=200), chunk=st.integers(1, 40))
def test_any_bytes_give_cables_or_reports_never_an_exception(tmp_path, monkeypatch, data, chunk):
    monkeypatch.setattr(read_csv_module, "CHUNK", chunk)
    items = read_all(write(tmp_path, data))
    assert all(isinstance(item, RawCable | Skipped) for item in items)
