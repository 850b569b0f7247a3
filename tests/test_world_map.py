"""The world map: posts placed where they stand, sized by count, in braille or ASCII."""

from __future__ import annotations

from pathlib import Path

import store.parse
from store.geo.land import land_mask
from store.geo.places import place_of, places
from tui.output.world_map import default_height, draw_world

STATIONS_FILE = Path(store.parse.__file__).with_name("data") / "stations.tsv"


def _cell_of(world, origin):
    return next((m.col, m.row) for m in world.marks if m.origin == origin)


def test_known_posts_stand_where_their_cities_are():
    assert place_of("Embassy Cairo").country == "EG"
    assert place_of("Embassy San Jose").country == "CR"  # not California
    assert place_of("Secretary of State").city == "Washington"
    assert place_of("US Delegation, Secretary") is None  # travels: never drawn
    assert place_of(None) is None and place_of("Embassy Atlantis") is None
    cairo = place_of("Embassy Cairo")
    assert 29 < cairo.latitude < 31 and 30 < cairo.longitude < 32


def test_the_land_mask_knows_land_from_sea():
    mask = land_mask()
    assert mask.is_land(41.9, 12.5) and mask.is_land(-25.0, 134.0)  # Rome, inner Australia
    assert not mask.is_land(30.0, -40.0) and not mask.is_land(0.0, -150.0)  # two oceans
    assert not mask.is_land(-75.0, 0.0)  # south of the map


def test_every_station_of_the_parser_has_a_place_or_none_on_purpose():
    origins = {
        line.split("\t")[1]
        for line in STATIONS_FILE.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#") and "\t" in line
    }
    unplaced = {o for o in origins if o not in places()}
    assert unplaced <= {"US Delegation, Secretary"}, sorted(unplaced)


def test_marks_sit_in_their_cells_west_to_east_and_north_to_south():
    counts = {"Embassy Cairo": 300, "Secretary of State": 200, "Embassy Canberra": 5,
              "Embassy London": 100}  # fmt: skip
    world = draw_world(counts, 100)
    assert len(world.lines) == default_height(100) == 20
    assert all(len(line.plain) == 100 for line in world.lines)
    washington, london = _cell_of(world, "Secretary of State"), _cell_of(world, "Embassy London")
    cairo, canberra = _cell_of(world, "Embassy Cairo"), _cell_of(world, "Embassy Canberra")
    assert washington[0] < london[0] < cairo[0] < canberra[0]
    assert london[1] < cairo[1] < canberra[1]
    # Cairo: 31.2 E, 30.1 N -> column (31.2 + 180) / 360 * 100, row (84 - 30.1) / 144 * 20
    assert cairo == (58, 7)


def test_marks_grow_with_the_count_and_the_biggest_are_named():
    counts = {"Embassy Cairo": 1000, "Embassy Tokyo": 30, "Embassy Lima": 2}
    world = draw_world(counts, 120, labels=1)
    sizes = {m.origin: m.size for m in world.marks}
    assert sizes["Embassy Cairo"] > sizes["Embassy Tokyo"] > sizes["Embassy Lima"]
    text = world.plain
    assert "Cairo 1,000" in text and "Tokyo" not in text  # one label asked for
    assert world.marks[0].origin == "Embassy Cairo"


def test_a_label_never_covers_another_mark():
    # Brussels, The Hague and London are a few cells apart at this width.
    counts = {"Embassy London": 50, "Embassy The Hague": 40, "Embassy Brussels": 30,
              "Embassy Paris": 20}  # fmt: skip
    world = draw_world(counts, 80)
    for mark in world.marks:
        assert world.lines[mark.row].plain[mark.col] in "·•●", mark


def test_ascii_only_draws_no_unicode_and_posts_on_no_place_are_listed():
    world = draw_world({"Embassy Cairo": 10, "US Delegation, Secretary": 3}, 60, ascii_only=True)
    assert world.plain.isascii() and "@" in world.plain and "." in world.plain
    assert world.unplaced == [("US Delegation, Secretary", 3)]


def test_a_selected_post_is_shown_reversed():
    world = draw_world({"Embassy Cairo": 10, "Embassy Lima": 5}, 80, selected="Embassy Lima")
    col, row = _cell_of(world, "Embassy Lima")
    styles = [str(span.style) for span in world.lines[row].spans if span.start == col]
    assert any("reverse" in style for style in styles)
