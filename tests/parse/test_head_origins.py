"""split_head: the head cut one field a line, and where each line it hands out came from."""

from __future__ import annotations

from store.parse.header_block import split_head

# An invented telegram whose line above the banner runs two fields together.
_GLUED = [
    "VZCZCXYZ0001",
    "FM AMEMBASSY ROME",
    "",
    "E.O. 12958: DECL: 01/02/2019 TAGS: PGOV PREL",
    "C O N F I D E N T I A L ROME 000123",
    "",
    "SUBJECT: A VISIT",
    "",
    "1. (C) The minister came.",
    "",
    "2. (U) He left.",
]


def test_each_line_out_comes_from_the_line_its_origin_names() -> None:
    out, origin = split_head(_GLUED, 2)
    assert len(out) > len(_GLUED)  # the glued line was cut
    origins = [origin[index] for index in range(len(out))]
    assert origins == sorted(origins)
    for index, line in enumerate(out):
        assert line.strip() in _GLUED[origins[index]]
    # Below the cut line, one line out for each line in.
    cut = max(i for i, o in enumerate(origins) if o == 3)
    assert out[cut + 1 :] == _GLUED[4:]
    assert origins[cut + 1 :] == list(range(4, len(_GLUED)))


def test_a_head_with_nothing_to_cut_comes_back_as_it_is() -> None:
    lines = [line for line in _GLUED if "TAGS" not in line]
    out, origin = split_head(lines, 2)
    assert out is lines
    assert [origin[index] for index in range(len(out))] == list(range(len(lines)))

