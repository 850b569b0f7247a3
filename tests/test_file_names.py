"""File names made from data are safe base names in the folder the user chose."""

from __future__ import annotations

import pytest

from store.userdata.file_names import MAX_STEM, safe_file_name


@pytest.mark.parametrize(
    ("stem", "name"),
    [
        ("06ALMATY79", "06ALMATY79.txt"),
        ("../../X", "X.txt"),
        ("a/b", "a_b.txt"),
        ("a\\b", "a_b.txt"),
        ("$(touch x)", "touch_x.txt"),
        ("`id`; rm -rf ~", "id_rm_-rf.txt"),
        (".hidden", "hidden.txt"),
        ("-rf", "rf.txt"),
        ("..", "cable.txt"),
        ("", "cable.txt"),
        ("/", "cable.txt"),
        ("x\x1b]0;title\x07\n", "x_0_title.txt"),
        ("caf\u00e9 \u201cquoted\u201d", "caf_quoted.txt"),
        ("a..b", "a.b.txt"),
        ("CON", "CON_.txt"),
        ("nul.x", "nul.x_.txt"),
    ],
)
def test_data_becomes_a_safe_base_name(stem, name):
    assert safe_file_name(stem, ".txt") == name


def test_the_length_is_capped(tmp_path):
    name = safe_file_name("A" * 10_000, ".txt")
    assert name == "A" * MAX_STEM + ".txt"
    (tmp_path / name).write_text("fits any file system")


def test_it_never_leaves_the_folder(tmp_path):
    for stem in ["../../X", "a/../../b", "/etc/passwd", "..\\..\\x", "~root", "$HOME/x"]:
        path = tmp_path / safe_file_name(stem, ".txt")
        assert path.resolve().parent == tmp_path.resolve()
        assert not path.name.startswith((".", "-"))
