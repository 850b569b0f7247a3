"""An import's parse (``stored_only``) gives every field the corpus keeps as the full parse
gives it; only the fields the reader finds again when it shows the cable are left out."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.ingest.parse_records import _parse_one
from store.ingest.read_files import read_paths
from store.model import Cable
from store.parse import parse_text
from store.parse.cable import _STORED_ONLY
from store.parse.transmission import first_sent, parse_transmission
from store.records import RawCable
from tests.parse.test_parser_properties import FRAGMENTS, SETTINGS, cable_like, known_fields

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.generate import generate  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "telegrams"
_KEPT = [name for name in Cable.__slots__ if name not in _STORED_ONLY]


def _both(item: RawCable) -> tuple[Cable, Cable]:
    arguments = dict(source=item.source, known=item.known, cleaned=item.cleaned)
    return parse_text(item.text, **arguments), parse_text(item.text, stored_only=True, **arguments)


def _same_kept(full: Cable, stored: Cable) -> None:
    for name in _KEPT:
        assert getattr(stored, name) == getattr(full, name), name
    assert stored.summary is None


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[RawCable]]:
    out = tmp_path_factory.mktemp("stored-only")
    generate(out, 150, seed=5, formats=("csv", "html"))
    return {
        kind: [item for item in read_paths([out / name]) if isinstance(item, RawCable)]
        for kind, name in (("csv", "cables.csv"), ("html", "cable"))
    }


def test_a_csv_row_keeps_every_stored_field_and_skips_the_routing_block(generated) -> None:
    items = generated["csv"]
    assert len(items) == 150
    skipped_routing = 0
    for item in items:
        full, stored = _both(item)
        _same_kept(full, stored)
        # The row states the date to the minute and the origin: nothing else was read.
        assert (stored.sender, stored.to, stored.info, stored.dtg) == (None, (), (), None)
        skipped_routing += bool(full.to)
    assert skipped_routing > 100  # the shortcut was taken where it saves work


def test_a_page_with_the_hour_only_takes_the_minutes_from_the_dtg_alone(generated) -> None:
    items = generated["html"]
    assert items and all(item.known.created_hour_only for item in items)
    minutes = 0
    for item in items:
        full, stored = _both(item)
        _same_kept(full, stored)  # the date with the DTG's minutes among them
        assert stored.to == ()
        minutes += full.created.minute != 0
    assert minutes > 100


# Routing lines as typed, in lower case, and too long to be one (a line run on); DTGs
# without a precedence, with a bad date, after a VZCZC line.
_DTGS = ["021200Z DEC 2009", "311260Z FEB 07", "P 301200Z FEB 07", "VZCZCXRO R 120508Z JAN 06"]
_HEAD_LINES = st.sampled_from(FRAGMENTS + _DTGS).flatmap(
    lambda line: st.sampled_from([line, line.lower(), "  " + line, line + " " * 300])
)


@SETTINGS
@given(st.lists(st.one_of(_HEAD_LINES, st.text(max_size=40)), max_size=30))
def test_the_first_dtg_alone_is_the_one_the_routing_block_gives(lines: list[str]) -> None:
    assert first_sent(lines) == parse_transmission(lines).sent


def test_the_record_an_import_stores_is_made_from_it(generated) -> None:
    item = generated["csv"][0]
    record = _parse_one(item)
    assert record.values[3] == parse_text(item.text, known=item.known).origin
    assert record.values[1] == str(parse_text(item.text, known=item.known).created)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda path: path.stem)
def test_plain_telegrams_read_the_routing_block_for_the_date(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    full, stored = parse_text(text), parse_text(text, stored_only=True)
    _same_kept(full, stored)
    assert (stored.sender, stored.to, stored.dtg) == (full.sender, full.to, full.dtg)


@SETTINGS
@given(cable_like, known_fields)
def test_any_text_and_known_fields_keep_the_stored_fields(text: str, known) -> None:
    full = parse_text(text, source="x.txt", known=known)
    stored = parse_text(text, source="x.txt", known=known, stored_only=True)
    _same_kept(full, stored)
