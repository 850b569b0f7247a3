"""Text hygiene (DESIGN section 7, rule 2): ``clean``, ``decode``, ``looks_binary``, and
hostile cable text through the whole parser."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import datetime

import pytest

from store.model import Cable
from store.parse import parse_text
from store.records import KnownFields
from store.sanitize import HIGHLIGHT_END, HIGHLIGHT_START, clean, decode, looks_binary

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def is_unsafe(char: str, *, in_text: bool) -> bool:
    """A character that must never reach the store (tab and newline only inside texts)."""
    code = ord(char)
    if char in "\t\n":
        return not in_text
    return (
        code < 0x20
        or 0x7F <= code <= 0x9F
        or char in BIDI
        or char in (HIGHLIGHT_START, HIGHLIGHT_END)
        or 0xD800 <= code <= 0xDFFF
    )


# Fields whose value is running text, where tab and newline are allowed.
TEXT_FIELDS = {"body", "header", "text", "written", "summary"}


def cable_strings(value: object, path: str = "cable") -> Iterator[tuple[str, str]]:
    """Every string inside a Cable (its fields, tuples, markings, paragraphs), with a path."""
    if isinstance(value, str):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from cable_strings(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from cable_strings(item, f"{path}[{index}]")


def assert_no_raw_controls(cable: Cable) -> None:
    for path, text in cable_strings(cable):
        in_text = path.rsplit(".", 1)[-1].split("[")[0] in TEXT_FIELDS
        bad = [c for c in text if is_unsafe(c, in_text=in_text)]
        assert not bad, f"{path} holds {bad[:5]!r}"


# ------------------------------------------------------------------------------ clean


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1bb", "a^[b"),
        ("\x1b]52;c;SGVsbG8=\x07", "^[]52;c;SGVsbG8=^G"),  # OSC 52: write the clipboard
        ("\x1b]0;pwned\x1b\\", "^[]0;pwned^[\\"),  # set the window title
        ("\x9b31m", "<9B>31m"),  # C1 CSI
        ("\x85\x8d\x9f", "<85><8D><9F>"),
        ("\u202etxt.exe", "<202E>txt.exe"),  # right-to-left override
        ("".join(BIDI), "".join(f"<{ord(c):X}>" for c in BIDI)),
        ("a\x00b", "ab"),  # NUL dropped
        ("a\x7fb", "a^?b"),
        (f"{HIGHLIGHT_START}fake{HIGHLIGHT_END}", "<E000>fake<E001>"),
        ("\ud800x\udfff", "<D800>x<DFFF>"),  # lone surrogates
        ("\udc81", "<DC81>"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("crlf\r\nlone\rcr", "crlf\nlone\ncr"),
        ("\x01\x02\x08\x0b\x0c\x0e\x1f", "^A^B^H^K^L^N^_"),
        ("café 中文 \u00a0 🙂 ¶ –", "café 中文 \u00a0 🙂 ¶ –"),
        ("", ""),
    ],
)
def test_clean_makes_controls_visible(raw: str, shown: str) -> None:
    assert clean(raw) == shown


@pytest.mark.parametrize("raw", ["\x1b[2J\x9b\u202e\ud800\x00\r\n\ue000", "plain", "a^[b<9B>"])
def test_clean_is_idempotent(raw: str) -> None:
    once = clean(raw)
    assert clean(once) == once


def test_clean_of_all_code_points_leaves_nothing_unsafe() -> None:
    everything = "".join(chr(c) for c in range(0x3000)) + "\ue000\ue001" + "\ud800\udbff\udfff"
    cleaned = clean(everything)
    assert not [c for c in cleaned if is_unsafe(c, in_text=True)]


def test_clean_is_fast_on_long_control_runs() -> None:
    # One replacement call per run, not per character: 2 MB of ESC is quick.
    assert clean("\x1b" * 2_000_000) == "^[" * 2_000_000


# ----------------------------------------------------------------------------- decode


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"plain ascii", "plain ascii"),
        ("caf\u00e9 \u2014 \u201cq\u201d".encode(), "caf\u00e9 \u2014 \u201cq\u201d"),
        (b"\xef\xbb\xbfwith BOM", "with BOM"),
        (b"caf\xe9 \x93quoted\x94 \x96", "caf\u00e9 \u201cquoted\u201d \u2013"),  # cp1252
        (b"undefined \x81 \x8d \x8f \x90 \x9d", "undefined \x81 \x8d \x8f \x90 \x9d"),
        ("utf-16 text".encode("utf-16"), "utf-16 text"),
        (b"", ""),
    ],
)
def test_decode(data: bytes, text: str) -> None:
    assert decode(data) == text


@pytest.mark.parametrize(
    "data",
    [b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf",
     bytes(range(256)), b"\xff\xfe\x00", b"\xfe\xff\xd8\x00"],
)  # fmt: skip
def test_decode_never_raises_and_clean_leaves_nothing_unsafe(data: bytes) -> None:
    text = clean(decode(data))
    assert not [c for c in text if is_unsafe(c, in_text=True)]


def test_undefined_cp1252_bytes_become_visible() -> None:
    assert clean(decode(b"a\x81b\xe9")) == "a<81>b\u00e9"


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"", False),
        (b"UNCLAS STATE 000001\n\nSUBJECT: X\n", False),
        (b"text with one \x1b escape in a long enough line of text", False),
        (b"\x00\x01\x02", True),
        (b"UNCLAS STATE 000001\n\nSUBJECT: A STRAY \x00 NUL\n" + b"1. (U) Text.\n" * 20, False),
        (bytes(range(256)) * 8, True),
        (b"mostly \x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10", True),
        ("utf-16 text".encode("utf-16"), False),
    ],
)
def test_looks_binary(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary


# --------------------------------------------------------------- hostile cables, end to end

HOSTILE = "\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x9b1;31m\u202e\u2066\x00\ue000\ue001\ud800\x7f"


def _hostile_telegram() -> str:
    h = HOSTILE
    return (
        f"VZCZC{h}\n"
        f"R 120508Z JAN 06\n"
        f"FM AMEMBASSY {h}ALMATY\n"
        f"TO RUEHC/SECSTATE {h}WASHDC 0001\n"
        f"INFO RUEHXX/AMEMBASSY {h}\n"
        f"BT\n"
        f"C O N F I D E N T I A L ALMATY 000079\n\n"
        f"SIPDIS\n\n"
        f"E.O. 12958: DECL: {h}\n"
        f"TAGS: PGOV {h} [KZ{h}](#)\n"
        f"SUBJECT: (C) {h} TITLE\n\n"
        f"REF: A. 06 STATE 1{h} B. {h}\n\n"
        f"Classified By: {h} for reasons {h}\n\n"
        f"1. (C) Summary: {h} End Summary.\n\n"
        f"{h} Heading\n\n"
        f"2. (S/NF) Text with {h} inside,\r\nand a CRLF\rand a CR.\n\n"
        f"{h}\n"
    )


def test_hostile_telegram_leaves_no_raw_control_in_any_field() -> None:
    cable = parse_text(_hostile_telegram(), source=f"fixtures/evil{HOSTILE}.txt")
    assert_no_raw_controls(cable)
    assert "^[]52;c;" in cable.body
    assert "<9B>" in cable.body and "<202E>" in cable.body and "<D800>" in cable.body
    assert "<E000>" in cable.body and "<E001>" in cable.body
    assert cable.subject is not None and "^[[2J" in cable.subject
    assert cable.id == "06ALMATY79"
    assert [p.number for p in cable.paragraphs if p.number] == ["1.", "2."]


def test_hostile_known_fields_are_cleaned_too() -> None:
    known = KnownFields(
        id=f"06ALMATY79{HOSTILE}",
        created=datetime(2006, 1, 12),
        origin=f"Embassy {HOSTILE}",
        classification=f"SECRET{HOSTILE}",
        references=(f"06STATE1{HOSTILE}", "06STATE2"),
        header=f"VZCZC{HOSTILE}\nFM X",
    )
    cable = parse_text(f"UNCLAS\n\nSUBJECT: {HOSTILE}\n\n1. {HOSTILE}", known=known)
    assert_no_raw_controls(cable)


@pytest.mark.parametrize(
    "text",
    [
        HOSTILE,
        "\x1b" * 10_000,
        "\x9b" * 10_000 + "\n\n1. (C) x",
        "".join(chr(c) for c in range(0x0, 0x250)) * 20,
        "SUBJECT: \x00\x00\x00\n\n1. (C) \x00",
        "\ud800\n\n\udfff",
    ],
    ids=["mixed", "esc-run", "csi-run", "all-low-code-points", "nul", "surrogates"],
)
def test_hostile_texts_through_the_parser(text: str) -> None:
    assert_no_raw_controls(parse_text(text))


def test_nul_is_dropped_not_shown() -> None:
    cable = parse_text("UNCLAS\n\nSUBJECT: A\x00B\n\n1. C\x00D")
    assert cable.subject == "AB"
    assert cable.paragraphs[0].text == "CD"
