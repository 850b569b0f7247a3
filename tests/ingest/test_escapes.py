"""Backslash escapes of exported pages are undone; real backslashes stay (issue 12, item 4)."""

from __future__ import annotations

from store.ingest.escapes import undo_line_continuations, unescape_field
from store.ingest.read_html import parse_page
from store.parse import parse_text


def test_field_escapes() -> None:
    assert unescape_field("a\\\nb\\\nc\\") == "a\nb\nc"
    assert unescape_field("C:\\\\TEMP") == "C:\\TEMP"
    assert unescape_field("no escapes") == "no escapes"
    # An escape the export does not write is text.
    assert unescape_field("a \\ b \\x") == "a \\ b \\x"


def test_line_continuations_on_every_line_are_undone() -> None:
    text = "UNCLAS RIGA 000001 \\\n \\\nSUBJECT: LINES \\\n \\\n1. (U) Text. \\\nOSTERGAARD \\"
    assert undo_line_continuations(text) == (
        "UNCLAS RIGA 000001 \n \nSUBJECT: LINES \n \n1. (U) Text. \nOSTERGAARD "
    )


def test_backslashes_that_are_text_stay() -> None:
    text = "1. (U) Paths:\nC:\\TEMP\\\nD:\\DATA\\\nThe files are gone.\nOne more line.\nEnd."
    assert undo_line_continuations(text) == text
    garbled = "\\\\\\\\ZFR IMI ZFR\\\\\\\\ \nPARAGRAPH 3 \n\\\\\\\\ZFR IMI ZFR\\\\\\\\ \nRIGA"
    assert undo_line_continuations(garbled) == garbled
    # A doubled backslash at a line end is a backslash.
    assert undo_line_continuations("a\\\\\nb\\\\\nc\\\\\nd\\\\") == "a\\\\\nb\\\\\nc\\\\\nd\\\\"


def test_one_backslash_ending_the_text_is_dropped() -> None:
    text = "1. (U) The last paragraph.\nOSTERGAARD \\"
    assert undo_line_continuations(text) == "1. (U) The last paragraph.\nOSTERGAARD "


def test_page_that_kept_its_line_continuations_parses_clean() -> None:
    body = "\\&#x000A;".join([
        "UNCLAS RIGA 000001 ", "", "SIPDIS ", "", "E.O. 12958: N/A ", "TAGS: PREL LG",
        "SUBJECT: AN INVENTED PAGE THAT KEPT ITS ESCAPES ", "",
        "1. (U) The minister spoke at length about the port", "and the ferry. ", "",
        "OSTERGAARD \\",
    ])  # fmt: skip
    raw = parse_page("08RIGA1.html", f"<html><body><pre>{body}</pre></body></html>")
    cable = parse_text(raw.text, source=raw.source, known=raw.known)
    assert "\\" not in cable.body
    assert cable.subject == "AN INVENTED PAGE THAT KEPT ITS ESCAPES"
    assert cable.paragraphs[0].text == "The minister spoke at length about the port and the ferry."
    assert cable.signer == "OSTERGAARD"
