"""Every reader hands the parser text that cleaning again would not change, and says so
(``RawCable.cleaned``), so that the parser can skip its own ``clean``: the texts here are
full of what ``clean`` changes, in each shape a reader takes apart.

Every text here is invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from store.ingest.read_files import read_paths
from store.parse import parse_text
from store.records import RawCable
from store.sanitize import clean

# Line ends of three kinds, terminal escapes, NUL, a C1 control, a bidi override, a highlight
# marker, a no-break space, a line separator.
DIRTY = (
    "UNCLAS TESTVILLE 000007 \r\n\r\nE.O. 12958: N/A\rTAGS: PREL\x1b]52;c;eA==\x07\r\n"
    "SUBJECT: AN \x9bINVENTED\u202e TEST\x00 CABLE\ue000\r\n\r\n"
    "1. (U) Nothing\u00a0happened\x08 at all.\u2028Really.\r\n"
)
HEADER = "VZCZCXYZ0001\r\nRR RUEHC\r\nDE RUEHTV #0007 0101200\r\nR 101200Z JAN 06"


def _csv_field(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _csv_row(number: int, body: str) -> str:
    fields = [str(number), "1/10/2006 12:00", f"06TESTVILLE{number}", "Embassy Testville",
              "UNCLASSIFIED", "", HEADER, body]  # fmt: skip
    return ",".join(_csv_field(field) for field in fields) + "\n"


def _tab_row(body: str) -> str:
    return "\t".join(["7", "2006-01-10 12:00:00", "06TESTVILLE7", "Embassy Testville",
                      "UNCLASSIFIED", "", HEADER.replace("\r\n", "\\\n"), body])  # fmt: skip


def _page(*pres: str) -> str:
    table = (
        "<table><tr><td>Reference ID</td><td>Created</td><td>Classification</td><td>Origin</td>"
        "</tr><tr><td>06TESTVILLE7</td><td>2006-01-10 12:00</td><td>UNCLASSIFIED</td>"
        "<td>Embassy Testville</td></tr></table>"
    )
    blocks = "".join(f"<pre>{pre}</pre>" for pre in pres)
    return f"<html><body>{table}{blocks}</body></html>"


FILES: dict[str, str | bytes] = {
    "telegram.txt": HEADER + "\r\n\r\n" + DIRTY,
    "cp1252.txt": (HEADER + "\r\n\r\n" + DIRTY).encode("utf-8", "replace")[:-4] + b"\x81\x9d\xe9",
    "backslashed.txt": "".join(line + "\\\n" for line in DIRTY.split("\n")),
    "tab_row.txt": _tab_row(DIRTY),
    "labelled_row.txt": "id: 7\ndate: 1/10/2006 12:00\nrefid: 06TESTVILLE7\norigin: Embassy"
    " Testville\nclassification: UNCLASSIFIED\nheader:\n" + HEADER + "\r\n\r\n" + DIRTY,
    "cables.csv": _csv_row(7, DIRTY) + _csv_row(8, "\\\\" + DIRTY.replace("\r\n", "\\\r\n")),
    "page.html": _page(HEADER.replace("\n", "&#x000A;"), DIRTY.replace("\x1b", "&#27;")),
    "row_page.html": _page("the release's header", _csv_row(9, DIRTY)[:-1]),
}


@pytest.fixture
def raw_cables(tmp_path: Path) -> list[RawCable]:
    for name, content in FILES.items():
        data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
        (tmp_path / name).write_bytes(data)
    cables = [item for item in read_paths([tmp_path]) if isinstance(item, RawCable)]
    assert len(cables) == len(FILES) + 1  # two rows in the CSV file
    return cables


def test_every_reader_says_its_text_is_clean_and_it_is(raw_cables: list[RawCable]) -> None:
    for raw in raw_cables:
        assert raw.cleaned, raw.source
        assert clean(raw.text) == raw.text, raw.source


def test_a_text_said_to_be_clean_parses_as_when_the_parser_cleans_it(
    raw_cables: list[RawCable],
) -> None:
    for raw in raw_cables:
        trusted = parse_text(raw.text, source=raw.source, known=raw.known, cleaned=True)
        assert trusted == parse_text(raw.text, source=raw.source, known=raw.known), raw.source


def test_a_text_not_said_to_be_clean_is_cleaned() -> None:
    cable = parse_text(HEADER + "\r\n\r\n" + DIRTY)
    shown = cable.header + cable.body
    assert "\r" not in shown and "\x1b" not in shown and "^[]52" in cable.body
