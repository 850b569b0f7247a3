"""Fuzzing what a user or a file can hand the program.

Random queries (quotes, parentheses, operators, every field prefix, dates and numbers of any
size, unicode, control characters) go through the compiler and then a real search of a small
corpus: the answer is hits or a ``QueryError``, never another exception. Random bytes and
cable-shaped text go through the reader and the parser as a file: the answer is a cable or a
``Skipped`` with its reason, never another exception (nor the importer's last-resort
"parser error" skip).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from cable_factory import build_corpus, telegram, write_telegrams
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.corpus.corpus import Corpus
from store.corpus.timeline import counts
from store.ingest.parsed_records import Record, parsed_records
from store.ingest.read_files import read_file
from store.model import Cable
from store.parse import parse_text
from store.parse.refids import continues_refs
from store.query.compile import QueryError, compile_query
from store.records import RawCable, Skipped

FUZZ = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# --- Queries ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Five invented cables with words, levels, tags, dates and origins for filters to hit."""
    folder = tmp_path_factory.mktemp("fuzz")
    texts = {
        "one": telegram(station="ALMATY", serial=1, when=datetime(2006, 1, 12, 5, 8),
                        subject="KZ: NATO SUMMIT IN RIGA", tags="PGOV PREL KZ",
                        paragraphs=[("(C)", "The U.S. delegation met O'Brien about C-130s."),
                                    ("(S)", "A secret paragraph on negotiations.")]),
        "two": telegram(station="ANKARA", serial=22, when=datetime(2008, 6, 30, 23, 59),
                        level="SECRET", subject="TU: OIL REVENUE", tags="EPET TU",
                        paragraphs=[("(S)", "The café near the ministry; Жуков; 北京.")]),
        "three": telegram(station="RIGA", serial=333, when=datetime(1990, 2, 28, 0, 0),
                          level="UNCLASSIFIED", subject="LG: VISA FRAUD", tags="CVIS LG",
                          paragraphs=[("(U)", "Consular staff report forged stamps.")]),
        "four": telegram(station="STATE", serial=4444, when=datetime(2010, 2, 1, 12, 0),
                         level="TOP SECRET", subject="NATO: \"QUOTED\" (PARENS) -DASH",
                         paragraphs=[("(TS)", "Or and not near; NEAR(a b); 12:30 tag:x.")]),
        "five": telegram(station="BAKU", serial=5, when=datetime(2004, 12, 31, 23, 0),
                         level="SENSITIVE", subject="AJ: NOTHING MUCH",
                         paragraphs=[("(SBU)", "Plain words, 2005-13, 9999, to:9999.")]),
    }  # fmt: skip
    path = build_corpus(folder / "fuzz.sqlite", write_telegrams(folder / "in", texts))
    with Corpus(path) as opened:
        yield opened


FIELDS = ["tag", "origin", "class", "para", "from", "to", "id", "subject"]
WORDS = [
    "nato", "riga", "U.S.", "O'Brien", "C-130", "café", "Жуков", "北京", "secret", "kz",
    "almaty", "06ALMATY", "PGOV", "c,s", "noforn", "u/ts", "nf", "ts", "embassy ankara",
    "%", "_", "a%b_", "[", "']",
]  # fmt: skip
SYNTAX = [
    "OR", "AND", "NOT", "or", "not", "NEAR", "NEAR(", "-", "--", "*", '"', "(", ")", "()",
    ":", "^", "+", ",", "'", "\\", "{subject}:", "NEAR/3", "\x00", "\x1b", "\n", "\t",
    "\u202e", "\u2028", "\ue000", "\u0301", "\ud800", "\x9b",
]  # fmt: skip


def _date(parts: tuple[int, int | None, int | None], widths: tuple[int, int, int]) -> str:
    year, month, day = parts
    text = f"{year:0{widths[0]}d}"
    if month is not None:
        text += f"-{month:0{widths[1]}d}"
        if day is not None:
            text += f"-{day:0{widths[2]}d}"
    return text


# Mostly near the real range, sometimes anything: year 0, 9999, 20 digits.
_number = st.integers(0, 40) | st.integers(1890, 2110) | st.integers(0, 10**20)
dates = st.builds(
    _date,
    st.tuples(_number, st.none() | _number, st.none() | _number),
    st.tuples(st.integers(1, 4), st.integers(1, 2), st.integers(1, 2)),
)
values = st.one_of(
    dates,
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(lambda word: f'"{word}'),
    st.sampled_from(WORDS).map(lambda word: f'"{word}"'),
    st.integers().map(str),
    st.text(max_size=8),
)
field_filters = st.builds(
    lambda name, case, value: (name.upper() if case else name) + ":" + value,
    st.sampled_from(FIELDS),
    st.booleans(),
    values,
)
pieces = st.one_of(
    field_filters,
    st.sampled_from(WORDS),
    st.sampled_from(SYNTAX),
    dates,
    st.integers().map(str),
    st.text(max_size=6),
    st.sampled_from(WORDS).map(lambda word: f"-{word}"),
    st.sampled_from(WORDS).map(lambda word: f"{word}*"),
)
queries = st.builds(
    lambda parts, gap: gap.join(parts),
    st.lists(pieces, max_size=10),
    st.sampled_from([" ", "", "  ", "\t"]),
)


def search_everywhere(corpus: Corpus, query: str) -> None:
    """What the CLI, the app and stats do with a query; raising QueryError is allowed."""
    try:
        compiled = compile_query(query)
    except QueryError as error:
        assert str(error) and "\n" not in str(error)
        return
    for rank in (False, True):
        hits = corpus.search(compiled.match, compiled.filters, limit=5, rank=rank)
        assert len(hits) <= 5
    if compiled.match is not None:
        found = corpus.search_ids(compiled.match, compiled.filters, rank=True)
        assert len(found) <= 5
    else:
        corpus.ids(compiled.filters)
    counts(corpus, compiled.match, compiled.filters, by="month")
    counts(corpus, compiled.match, compiled.filters, by="origin")


@settings(FUZZ, max_examples=1_500)
@given(query=queries)
def test_any_query_searches_or_is_a_query_error(corpus, query):
    search_everywhere(corpus, query)


@settings(FUZZ, max_examples=500)
@given(query=st.text(alphabet=st.characters(codec=None, categories=None), max_size=60))
def test_any_text_searches_or_is_a_query_error(corpus, query):
    search_everywhere(corpus, query)


@pytest.mark.parametrize(
    "query",
    ["to:9999", 'origin:"', "id:\U0010ffff", "from:2100-12-31 to:2100-12-31", "class:,", "x:"],
)
def test_known_edges_search_or_say_why(corpus, query):
    search_everywhere(corpus, query)


# --- Files --------------------------------------------------------------------------------

BANNERS = [
    "UNCLAS", "C O N F I D E N T I A L", "S E C R E T", "SECRET//NOFORN", "TOP SECRET",
    "UNCLAS SECTION 01 OF 02 ALMATY 000079", "C O N F I D E N T I A LSECTION 01 OF 02",
]  # fmt: skip
FIELD_LINES = [
    "VZCZCXYZ0001", "R 120508Z JAN 06", "FM AMEMBASSY ALMATY", "TO RUEHC/SECSTATE WASHDC",
    "BT", "NNNN", "SIPDIS", "E.O. 12958: DECL: 01/12/2016", "E.O. 12958: N/A", "TAGS: PGOV,",
    "TAGS:", "SUBJECT: KZ: A SUBJECT", "SUBJECT:", "REF: A. 06 ALMATY 1 B. STATE 12", "REF:",
    "Classified By: An Officer for reasons 1.4 (b)", "1. (C) Summary: text. End Summary.",
    "2.(S//NF) tight", "¶3. pilcrow", "(SBU)", "-----", "=====", "Identifier: 06ALMATY79",
    "Created: 2006-01-12 05:08:00", "Origin: Embassy Almaty", "Classification: SECRET",
    '"1","1/12/2006 5:08","06ALMATY79","Embassy Almaty","SECRET","","header","body"',
    "<html><body><pre>", "</pre></body></html>", "<table>", "\x1b]52;c;eA==\x07", "\x00",
    "\u202e", "\ufeff", "\r", "\ud800",
]  # fmt: skip
giant_lines = st.builds(
    lambda char, size: char * size,
    st.sampled_from(["A", " ", "1", ".", "\t", "é", "-", "\x00"]),
    st.integers(1_000, 200_000),
)
cable_lines = st.one_of(
    st.sampled_from(BANNERS), st.sampled_from(FIELD_LINES), st.text(max_size=60), giant_lines
)
cable_texts = st.builds(
    lambda lines, end: end.join(lines),
    st.lists(cable_lines, max_size=40),
    st.sampled_from(["\n", "\r\n", "\r", "\n\n", ""]),
)


def _encode(text: str, codec: str) -> bytes:
    # Lone surrogates pass into UTF bytes as such (a broken file); elsewhere a ? stands in.
    return text.encode(codec, "surrogatepass" if codec.startswith("utf") else "replace")


encodings = st.sampled_from(["utf-8", "utf-16", "utf-16-le", "latin-1", "cp1252"])
cable_bytes = st.binary(max_size=4_000) | st.builds(_encode, cable_texts, encodings)
suffixes = st.sampled_from([".txt", ".html", ".csv", ".htm", "", ".dat"])


def read_as_a_file(folder: Path, data: bytes, suffix: str) -> None:
    path = folder / f"fuzzed{suffix}"
    path.write_bytes(data)
    # The reader and the parser straight, past the importer's last-resort catch...
    for item in read_file(path):
        assert isinstance(item, RawCable | Skipped)
        if isinstance(item, RawCable):
            assert isinstance(parse_text(item.text, source=item.source, known=item.known), Cable)
        else:
            assert item.reason and "\n" not in str(item)
    # ...and the import's whole reading half, in this process.
    for record in parsed_records([path], 0, workers=0):
        assert isinstance(record, Record | Skipped)
        if isinstance(record, Skipped):
            assert not record.reason.startswith("parser error"), record.reason


@settings(FUZZ, max_examples=300)
@given(data=cable_bytes, suffix=suffixes)
def test_any_bytes_as_a_file_are_a_cable_or_a_skip(tmp_path, data, suffix):
    read_as_a_file(tmp_path, data, suffix)


@settings(FUZZ, max_examples=300)
@given(text=cable_texts, suffix=suffixes)
def test_cable_shaped_text_as_a_file_is_a_cable_or_a_skip(tmp_path, text, suffix):
    read_as_a_file(tmp_path, _encode(text, "utf-8"), suffix)


@pytest.mark.parametrize(
    "line",
    [
        " " * 20_000 + "x",  # a trailer test took cubic time in blanks before a letter
        "\t" * 20_000 + "1",
        "Classified By: An Officer for reasons 1.4 (b)" + " " * 20_000,  # reasons, then blanks
        "Classified By: An Officer for reasons 1.4 (b) and" + "\t" * 20_000 + ".",
        # Blanks before a banner glued to the text (found by the bytes fuzz test above).
        " " * 2_500 + ";^NC O N F I D E N T I A LSECTION 01 OF 02S E C R E T" + "." * 200,
        # A classification line at the foot, then blanks and a letter it does not take.
        "SECRET//NOFORN" + " " * 20_000 + "\u00e9" * 40,
        # An old-form page header after a run of capitals (the station's words were searched
        # for from every letter) or of blanks (the level word before it, from every blank).
        "A" * 60_000 + "PAGE 02 ALMATY 00000079 002 OF 003;^N",
        " " * 60_000 + "PAGE 02 ALMATY 00000079 002 OF 003!",
        # A Classified By line's joiner ("..., for"), searched for from every comma.
        "," * 200_000 + "CLASSIFIED BY:",
    ],
    ids=["blanks-letter", "tabs-digit", "reasons-blanks", "reasons-tabs-dot", "blanks-banner",
         "foot-blanks", "capitals-page-header", "blanks-page-header", "commas-classified-by"],
)
def test_long_runs_of_blanks_parse(line):
    # Each of these once kept the parser busy for hours; a hang fails the run.
    cable = parse_text(f"UNCLAS\nSUBJECT: X\n{line}\n1. (U) A paragraph.\n{line}")
    assert isinstance(cable, Cable)
    assert isinstance(parse_text(line), Cable)  # the line alone: the head of a fragment


def test_long_runs_of_blanks_in_a_ref_block_and_a_section_header_parse():
    # A REF item line and the repeated header below a section banner: each of these regexes
    # began with two runs of blanks and tried every split of a long one (hours; 15 s here).
    blanks = " " * 20_000
    head = f"CONFIDENTIAL\nSUBJECT: X\nREF: A. 06 ALMATY 79\n{blanks}- B. 06 ASTANA 101\n\n"
    section = f"CONFIDENTIAL SECTION 02 OF 02 ALMATY 000079\n{blanks}x\nSIPDIS\n\n2. (C) B."
    cable = parse_text(head + "1. (C) A.\n\n" + section)
    assert isinstance(cable, Cable)
    assert continues_refs(blanks + "- B. 06 ASTANA 101")
