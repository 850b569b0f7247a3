"""Plain text, Markdown and JSON exports of a cable (tui/output/export_formats.py).

All cable texts here are invented for the tests.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime

from store.model import Cable, Level, Marking, Paragraph
from tui.output.export_formats import (
    PARTIAL_NOTICE,
    cable_to_json,
    cable_to_markdown,
    cable_to_text,
    header_fields,
    md_escape,
)

C = Marking(Level.CONFIDENTIAL, (), "(C)")
S_NF = Marking(Level.SECRET, ("NOFORN",), "(S/NF)")
SBU = Marking(Level.UNCLASSIFIED, ("SBU",), "(SBU)")
TS_SCI = Marking(Level.TOP_SECRET, ("SCI",), "(TS//SCI)")

JSON_KEYS = [
    "source", "id", "date", "origin", "classification", "captions", "is_partial",
    "transmission_id", "dtg", "to", "info", "declassify_on", "tags", "subject",
    "references", "classified_by", "classified_by_title", "reasons", "summary", "signer",
    "paragraphs", "warnings",
]  # fmt: skip


def sample_cable(**changes: object) -> Cable:
    fields: dict[str, object] = {
        "id": "07TESTPOST42",
        "source": "fixtures/invented.txt",
        "created": datetime(2007, 8, 9, 10, 11),
        "origin": "Embassy Testville",
        "classification": Marking(Level.SECRET, ("NOFORN",)),
        "captions": ("SIPDIS",),
        "transmission_id": "VZCZCXYZ0001",
        "dtg": "091011Z AUG 07",
        "to": ("SECSTATE WASHDC",),
        "info": ("AMEMBASSY ELSEWHERE", "NSC WASHDC"),
        "declassify_on": date(2017, 8, 9),
        "tags": ("PREL", "XX"),
        "subject": "INVENTED: EXPORT TEST",
        "subject_marking": C,
        "references": ("06TESTPOST1",),
        "classified_by": "A. NOBODY",
        "classified_by_title": "POLOFF",
        "reasons": "1.4 (b) and (d)",
        "summary": "An invented summary.",
        "paragraphs": (
            Paragraph("Summary: An invented summary. End Summary.", "1.", SBU),
            Paragraph("Written with no space after the number.", "9.", C),
            Paragraph("A pilcrow paragraph.", "¶1.", S_NF),
            Paragraph("Invented Heading", is_heading=True),
            Paragraph("An unmarked paragraph.", "4."),
            Paragraph("Top secret text.", "5.", TS_SCI),
        ),
        "signer": "NOBODY",
        "warnings": ("an invented warning",),
    }
    fields.update(changes)
    return Cable(**fields)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------------- text


def test_text_has_banner_header_paragraphs_as_written():
    text = cable_to_text(sample_cable())
    lines = text.splitlines()
    assert lines[0] == "SECRET//NOFORN"
    assert lines[-1] == "SECRET//NOFORN"
    assert "ID: 07TESTPOST42" in lines
    assert "Date: 2007-08-09 10:11" in lines
    assert "Subject: (C) INVENTED: EXPORT TEST" in lines
    assert "Classified by: A. NOBODY, POLOFF; reasons 1.4 (b) and (d)" in lines
    assert "Declassify: 2017-08-09" in lines
    assert "  06TESTPOST1" in lines
    assert "1. (SBU) Summary: An invented summary. End Summary." in lines
    assert "9. (C) Written with no space after the number." in lines
    # The mark as the cable wrote it, not its normalized form.
    assert "¶1. (S/NF) A pilcrow paragraph." in lines
    assert "Invented Heading" in lines
    assert "4. An unmarked paragraph." in lines
    assert "5. (TS//SCI) Top secret text." in lines
    assert lines.index("NOBODY") > lines.index("5. (TS//SCI) Top secret text.")


def test_text_paragraphs_keep_their_line_breaks_and_are_not_rewrapped():
    long_text = "word " * 59 + "word\nsecond line"
    text = cable_to_text(sample_cable(paragraphs=(Paragraph(long_text, "1.", C),)))
    assert "1. (C) " + "word " * 59 + "word\nsecond line" in text


def test_text_unknown_date_partial_and_unknown_classification():
    text = cable_to_text(
        sample_cable(created=None, date_note="no date line", is_partial=True, classification=None)
    )
    lines = text.splitlines()
    assert lines[0] == lines[-1] == "UNKNOWN CLASSIFICATION"
    assert "Date: date unknown (no date line)" in lines
    assert PARTIAL_NOTICE in lines


def test_text_neutralizes_control_characters():
    hostile = "[bold]x[/] \x1b]52;c;ZXZpbA==\x07 \x9b2J \u202eflip"
    text = cable_to_text(sample_cable(subject=hostile, paragraphs=(Paragraph(hostile, "1."),)))
    assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text
    assert "[bold]x[/] ^[]52;c;ZXZpbA==^G <9B>2J <202E>flip" in text


def test_header_fields_skip_what_the_cable_lacks():
    keys = [f.key for f in header_fields(Cable(id="X1"))]
    assert keys == ["id", "date"]


# ------------------------------------------------------------------------------- markdown


def test_markdown_escapes_everything_that_could_link_or_format():
    hostile = (
        "[click](http://evil.example/x) ![img](x.png) <script>alert(1)</script> "
        "&amp; *bold* _it_ `code` ~~gone~~ | a | www.evil.example mail@evil.example $x$"
    )
    escaped = md_escape(hostile)
    assert "\\[click\\]" in escaped
    assert "http\\:\\/\\/evil" in escaped
    assert "\\!\\[img\\]" in escaped
    assert "\\<script\\>" in escaped
    assert "\\&amp;" in escaped
    assert "\\*bold\\*" in escaped and "\\_it\\_" in escaped and "\\`code\\`" in escaped
    assert "\\~\\~gone" in escaped and "\\| a \\|" in escaped
    assert "www\\.evil" in escaped and "mail\\@evil" in escaped
    # No special character is left without its backslash.
    assert not re.search(r"(?<!\\)[\[\]<>`*_|~]", escaped)


def test_markdown_escapes_line_starts():
    escaped = md_escape("# not a heading\n> not a quote\n- not a list\n12. not a list\n=====")
    assert escaped.split("\\\n") == [
        "\\# not a heading",
        "\\> not a quote",
        "\\- not a list",
        "12\\. not a list",
        "\\=====",
    ]


def test_markdown_document_shape():
    md = cable_to_markdown(sample_cable())
    assert md.startswith("**SECRET//NOFORN**\n\n# INVENTED: EXPORT TEST\n")
    assert md.rstrip().endswith("**SECRET//NOFORN**")
    assert "- **ID:** 07TESTPOST42" in md
    assert "- **Subject:** **(C)** INVENTED: EXPORT TEST" in md
    assert "9\\. **(C)** Written with no space after the number." in md
    assert "¶1. **(S/NF)** A pilcrow paragraph." in md
    assert "### Invented Heading" in md
    assert "4\\. An unmarked paragraph." in md
    assert "- 06TESTPOST1" in md


def test_markdown_hostile_cable_has_no_live_link():
    hostile = "[x](http://evil.example) <http://evil.example>"
    md = cable_to_markdown(sample_cable(subject=hostile, paragraphs=(Paragraph(hostile, "1.", C),)))
    assert "](" not in md.replace("\\](", "")
    assert not re.search(r"(?<!\\)<", md)
    assert "\x1b" not in cable_to_markdown(sample_cable(subject="\x1b[31m"))


# ----------------------------------------------------------------------------------- JSON


def test_json_has_exactly_the_promised_keys_in_order():
    data = cable_to_json(sample_cable())
    assert list(data) == JSON_KEYS


def test_json_values():
    data = cable_to_json(sample_cable())
    assert data["source"] == "fixtures/invented.txt"
    assert data["id"] == "07TESTPOST42"
    assert data["date"] == "2007-08-09T10:11:00"
    assert data["classification"] == "SECRET//NOFORN"
    assert data["captions"] == ["SIPDIS"]
    assert data["is_partial"] is False
    assert data["transmission_id"] == "VZCZCXYZ0001"
    assert data["dtg"] == "091011Z AUG 07"
    assert data["to"] == ["SECSTATE WASHDC"]
    assert data["info"] == ["AMEMBASSY ELSEWHERE", "NSC WASHDC"]
    assert data["declassify_on"] == "2017-08-09"
    assert data["tags"] == ["PREL", "XX"]
    assert data["references"] == ["06TESTPOST1"]
    assert data["reasons"] == "1.4 (b) and (d)"
    assert data["signer"] == "NOBODY"
    assert data["warnings"] == ["an invented warning"]
    assert data["paragraphs"][:3] == [
        {"number": "1.", "marking": "(SBU)", "text": "Summary: An invented summary. End Summary."},
        {"number": "9.", "marking": "(C)", "text": "Written with no space after the number."},
        {"number": "¶1.", "marking": "(S//NF)", "text": "A pilcrow paragraph."},
    ]
    assert data["paragraphs"][3] == {"number": None, "marking": None, "text": "Invented Heading"}
    assert data["paragraphs"][5]["marking"] == "(TS//SCI)"
    json.dumps(data)


def test_json_of_a_bare_cable_uses_nulls_and_empty_lists():
    data = cable_to_json(Cable(id="X1"))
    assert list(data) == JSON_KEYS
    assert data["date"] is None and data["classification"] is None
    assert data["declassify_on"] is None and data["paragraphs"] == []
    assert data["to"] == [] and data["warnings"] == []


def test_json_carries_no_raw_control_characters():
    data = cable_to_json(sample_cable(subject="\x1b]0;title\x07", paragraphs=(Paragraph("\x9b"),)))
    dumped = json.dumps(data, ensure_ascii=False)
    assert "\x1b" not in dumped and "\x9b" not in dumped
    assert data["subject"] == "^[]0;title^G"
    assert data["paragraphs"][0]["text"] == "<9B>"


def test_markdown_heading_drawn_with_rulers_is_its_title():
    ruled = Paragraph("--------------\nMoney Drying Up\n--------------", is_heading=True)
    alone = Paragraph("--------------", is_heading=True)
    md = cable_to_markdown(sample_cable(paragraphs=(ruled, alone)))
    assert "### Money Drying Up\n" in md
    assert "### \\-" not in md and "\\-------------" in md
