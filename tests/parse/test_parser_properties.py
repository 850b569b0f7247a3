"""Property tests: any text, any bytes, any known fields -> a Cable, never an exception.

Random text alone rarely looks like a cable, so one strategy glues together fragments that do
(banners, labelled fields, numbered and marked paragraphs, rulers, hostile characters) with
random text in between, to reach the parser's deeper paths.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.model import Cable
from store.parse import parse_text
from store.records import KnownFields
from store.sanitize import decode

SETTINGS = settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
TEXT_FIELDS = {"body", "header", "text", "written", "summary"}


def _unsafe(char: str, in_text: bool) -> bool:
    code = ord(char)
    if char in "\t\n":
        return not in_text
    return (
        code < 0x20
        or 0x7F <= code <= 0x9F
        or char in BIDI
        or char in "\ue000\ue001"
        or 0xD800 <= code <= 0xDFFF
    )


def _strings(value: object, path: str = "cable") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def _check(cable: Cable) -> None:
    assert isinstance(cable, Cable)
    assert not any("internal parser error" in w for w in cable.warnings), cable.warnings
    for path, text in _strings(cable):
        in_text = path.rsplit(".", 1)[-1].split("[")[0] in TEXT_FIELDS
        bad = [c for c in text if _unsafe(c, in_text)]
        assert not bad, f"{path} holds {bad[:5]!r}"
    for paragraph in cable.paragraphs:
        # Numbers are as written: each one is in the text the cable was read from.
        if paragraph.number is not None:
            assert paragraph.number in cable.body
    assert isinstance(cable.tags, tuple) and isinstance(cable.paragraphs, tuple)


FRAGMENTS = [
    "VZCZCXRO1234", "R 120508Z JAN 06", "O P 021200Z DEC 2009", "FM AMEMBASSY ALMATY",
    "TO RUEHC/SECSTATE WASHDC PRIORITY 1234", "INFO RUEHAST/USOFFICE ASTANA 0456", "BT",
    "ZEN/AMCONSUL X", "C O N F I D E N T I A L ALMATY 002558", "UNCLAS", "S E C R E T",
    "UNCLAS E F T O", "C O N F I D E N T I A LSECTION 01 OF 02", "TOP SECRET",
    "UNCLAS SECTION 02 OF 03 STATE 000001", "SIPDIS", "NOFORN", "SENSITIVE", "EXDIS",
    "E.O. 12958: DECL: 06/30/2010", "E.O. 12958: N/A", "DECL:", "TAGS: PGOV, PREL,",
    "TAGS: [KZ](#) [PGOV](#)", "SUBJECT: (C) A SUBJECT", "SUBJECT:", "REF: A. 06 TBILISI 619",
    "B. STATE 12", "C. EMAIL FROM X", "Classified By: Ambassador X for reasons 1.4 (b)",
    "1. (C) Summary: text", "End Summary.", "9.(C) tight", "¶1. pilcrow", "A. (S) lettered",
    "(S/CT) office", "(S//NF)", "(SBU/NF)", "(S/REL NATO)", "Money Drying Up", "-----",
    "=====", "Note: x End Note", "Comment:", "XXXXXXXXXXXX", "ORDWAY", "NNNN", "#0079",
    "Identifier", "Created", "Classification", "Origin", "06ALMATY79", "2006-01-12 05:08:00",
    "Cable title:", "Tags:", "pdf how-to read a cable",
    "This record is a partial extract of the original cable.", "   ", "\t", "\u00a0",
    "\r", "\r\n", "\x1b]52;c;eA==\x07", "\x9b", "\u202e", "\x00", "\ue000", "\ud800",
]  # fmt: skip

cable_like = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)),
    max_size=60,
).flatmap(
    lambda parts: st.sampled_from(["\n", "\n\n", " ", ""]).map(lambda sep: sep.join(parts))
)

# Every code point, surrogates included.
any_text = st.text(alphabet=st.characters(codec=None, categories=None), max_size=400)

known_fields = st.builds(
    KnownFields,
    id=st.none() | st.sampled_from(["06ALMATY79", "08ECTION01OF02MANAMA492", "x"]) | st.text(),
    created=st.none() | st.datetimes(min_value=datetime(1966, 1, 1)),
    created_hour_only=st.booleans(),
    origin=st.none() | st.text(max_size=30),
    classification=st.none()
    | st.sampled_from(["SECRET//NOFORN", "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "?"])
    | st.text(max_size=20),
    references=st.none() | st.lists(st.text(max_size=20), max_size=4).map(tuple),
    header=st.none() | st.just("") | cable_like,
)


@SETTINGS
@given(any_text)
def test_any_text(text: str) -> None:
    _check(parse_text(text))


@SETTINGS
@given(cable_like)
def test_cable_like_text(text: str) -> None:
    cable = parse_text(text, source="x.txt")
    _check(cable)
    assert parse_text(text, source="x.txt") == cable  # deterministic


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes(data: bytes) -> None:
    _check(parse_text(decode(data)))


@SETTINGS
@given(cable_like, known_fields, st.none() | st.text(max_size=30))
def test_any_known_fields(text: str, known: KnownFields, source: str | None) -> None:
    body = f"{known.header}\n{text}" if known.header else text
    _check(parse_text(body, source=source, known=known))
