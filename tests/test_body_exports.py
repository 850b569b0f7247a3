"""The body in every output: kept lines, re-wrapped prose, raw text, census, para: filter.

The cable is the invented fixture ``lists_and_tables.txt`` (a participants list, a table, a
bulleted list and page breaks).
"""

from __future__ import annotations

import shutil

import pytest
from cable_factory import build_corpus

from store.corpus.corpus import Corpus
from store.corpus.filters import Filters
from store.model import Level
from store.query.compile import QueryError, compile_query
from tui.cli import main
from tui.output.export_formats import cable_to_markdown, cable_to_text, header_fields
from tui.output.render import render_cable


@pytest.fixture
def corpus(tmp_path, fixtures_dir):
    source = tmp_path / "in"
    source.mkdir()
    for name in ("lists_and_tables.txt", "complete_telegram.txt"):
        shutil.copy(fixtures_dir / "telegrams" / name, source / name)
    return build_corpus(tmp_path / "c.sqlite", source)


@pytest.fixture
def cable(corpus):
    with Corpus(corpus, readonly=True) as opened:
        return opened.get("08ASTANA42")


def test_text_width_0_keeps_every_line_of_the_cable(cable) -> None:
    out = cable_to_text(cable, 0)
    assert "3. (C) The deputy minister handed over this table of invented\nrates, which" in out
    assert "\n    Year      Old rate    New rate\n    2006      9.0         9.5\n" in out
    assert "U.S.\nAmbassador Jane Q. Example\nRosa Inventa, Economic Officer\n" in out
    assert "00000042" not in out  # page headers are no text, even here


def test_text_with_a_width_rewraps_prose_and_keeps_lists_and_tables(cable) -> None:
    out = cable_to_text(cable, 60)
    body = out[out.index("\n1. (C) Summary") :]
    assert all(len(line) <= 60 for line in body.split("\n"))
    assert "3. (C) The deputy minister handed over this table of invented\nrates" not in out
    assert "\nYear      Old rate    New rate\n2006      9.0         9.5\n" in out
    assert "\n-- inflation, which he called the first worry;\n-- the exchange rate; and\n" in out
    assert "U.S.\nAmbassador Jane Q. Example\nRosa Inventa, Economic Officer\n" in out


def test_markdown_keeps_list_lines_and_puts_prose_on_one_line(cable) -> None:
    out = cable_to_markdown(cable, 80)
    assert "he called the first worry;\\\n\\-- the exchange rate; and\\\n\\-- habit." in out
    assert "invented for this test cable and long enough to be wrapped" in out


def test_the_reader_shows_pages_sections_and_the_census(cable) -> None:
    fields = {f.key: f.value for f in header_fields(cable)}
    assert fields["pages"] == "3 in 2 sections"
    assert fields["marks"] == "2 (S) · 4 (C) · 2 (U)"
    plain = "\n".join(line.text.plain for line in render_cable(cable).layout(80).lines)
    assert "2 (S) · 4 (C) · 2 (U)" in plain
    # The reader wraps prose to its width; the list keeps its lines.
    assert "\n-- the exchange rate; and\n" in plain


def test_show_raw_prints_the_cable_as_imported(corpus, fixtures_dir, capsys) -> None:
    code = main(["--corpus", str(corpus), "show", "08astana42", "--format", "raw"])
    out = capsys.readouterr().out
    assert code == 0
    original = (fixtures_dir / "telegrams" / "lists_and_tables.txt").read_text(encoding="utf-8")
    assert out == original


def test_show_width_0_and_bad_widths(corpus, capsys) -> None:
    assert main(["--corpus", str(corpus), "show", "08ASTANA42", "-f", "text", "--width", "0"]) == 0
    assert "invented\nrates" in capsys.readouterr().out
    assert main(["--corpus", str(corpus), "show", "08ASTANA42", "--width", "5"]) != 0
    assert "--width" in capsys.readouterr().err


def test_para_filter_finds_cables_with_a_secret_paragraph(corpus) -> None:
    assert compile_query("para:secret").filters.para_levels == frozenset({Level.SECRET})
    with pytest.raises(QueryError):
        compile_query("para:purple")
    with Corpus(corpus, readonly=True) as opened:
        secret = opened.page(Filters(para_levels=frozenset({Level.SECRET})))
        assert "08ASTANA42" in [s.id for s in secret]
        # Its banner says CONFIDENTIAL: only the paragraph filter finds it.
        banner = opened.page(Filters(levels=frozenset({Level.SECRET})))
        assert "08ASTANA42" not in [s.id for s in banner]
        top = opened.count(Filters(para_levels=frozenset({Level.TOP_SECRET})))
        assert top == 0
