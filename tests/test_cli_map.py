"""``cables map``: the cables of a search counted by post and drawn on a world map."""

from __future__ import annotations

import json

import pytest
from cable_factory import build_corpus, telegram, write_telegrams

from tui.cli import main


@pytest.fixture
def corpus(tmp_path):
    texts = {
        f"{station}{n}": telegram(station=station, serial=n, subject=f"X: REPORT {n} ON NATO",
                                  paragraphs=[("(U)", f"NATO report {n} from {station}.")])
        for station, many in (("CAIRO", 5), ("LONDON", 2), ("ALMATY", 1))
        for n in range(1, many + 1)
    }  # fmt: skip
    return build_corpus(tmp_path / "m.sqlite", write_telegrams(tmp_path / "in", texts))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_map_counts_posts_and_names_the_biggest(corpus, capsys):
    code, out, err = run(capsys, "--corpus", str(corpus), "map", "--width", "100")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "8 cables in the corpus, from 3 posts"
    assert "Cairo 5" in out and "\x1b" not in out  # a pipe: no escapes
    assert any(c in out for c in "⠁⠂⠄⡀⢀⠈⠐⠠")  # braille coasts
    legend = [line for line in lines if "(Embassy" in line]
    assert legend[0].split()[1:3] == ["5", "Cairo"]
    assert len(lines[1]) == 100


def test_a_search_maps_only_its_cables_and_json_has_coordinates(corpus, capsys):
    code, out, _ = run(capsys, "--corpus", str(corpus), "map", "nato", "-cairo", "--json")
    document = json.loads(out)
    assert code == 0 and document["total"] == 3
    posts = {p["origin"]: p for p in document["posts"]}
    assert set(posts) == {"Embassy London", "Embassy Almaty"}
    assert posts["Embassy London"]["count"] == 2 and posts["Embassy London"]["country"] == "GB"


def test_dumb_terminals_get_ascii_and_colour_only_when_asked(corpus, capsys, monkeypatch):
    monkeypatch.setenv("TERM", "dumb")
    code, out, _ = run(capsys, "--corpus", str(corpus), "map", "--width", "60")
    assert code == 0 and out.isascii() and "@" in out
    monkeypatch.setenv("TERM", "xterm-256color")
    code, out, _ = run(capsys, "--corpus", str(corpus), "map", "--color", "always")
    assert code == 0 and "\x1b[" in out


def test_nothing_matched_is_exit_1_and_a_bad_query_exit_2(corpus, capsys):
    code, out, err = run(capsys, "--corpus", str(corpus), "map", "zzzqqq")
    assert code == 1 and out == "" and err.strip() == "no cables matched"
    code, _, err = run(capsys, "--corpus", str(corpus), "map", "from:2005-13")
    assert code == 2 and err.startswith("cables: bad query") and "Traceback" not in err
    with pytest.raises(SystemExit) as exit_info:
        main(["--corpus", str(corpus), "map", "--width", "0"])
    assert exit_info.value.code == 2
