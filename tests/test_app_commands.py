"""The browser's commands: ``cables``, ``cables --search QUERY``, ``cables open ID``. Errors
are one line before the screen is touched; the real app is driven in a pseudo-terminal."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from app_support import story_corpus

from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.bench_tui import PtyTerminal  # noqa: E402


@pytest.fixture
def story(tmp_path):
    return story_corpus(tmp_path)


def _cables(*args: str) -> list[str]:
    return [sys.executable, "-m", "tui.cli", *args]


def test_a_bad_search_fails_before_the_app_starts(story, capsys):
    assert main(["--corpus", str(story), "--search=-nato"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("cables: bad query:") and error.count("\n") == 1


def test_open_an_unknown_cable_fails_with_one_line(story, capsys):
    assert main(["--corpus", str(story), "open", "99NOWHERE1"]) == 1
    assert "no cable 99NOWHERE1 in" in capsys.readouterr().err
    # A near miss names the closest IDs, as `cables show` does.
    assert main(["--corpus", str(story), "open", "06TESTPOST9"]) == 1
    assert "closest: 06TESTPOST" in capsys.readouterr().err


def test_a_missing_corpus_fails_with_one_line(tmp_path, capsys):
    assert main(["--corpus", str(tmp_path / "none.sqlite")]) == 2
    assert "no corpus there" in capsys.readouterr().err


def _write_config(isolated_home, text: str) -> Path:
    config = isolated_home / "xdg_config_home" / "cables" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(text + "\n")
    return config


@pytest.mark.parametrize(
    ("setting", "says"),
    [
        ('theme = "nosuchtheme"', "theme: no theme 'nosuchtheme', using the default"),
        ('[keys]\n"no.such" = "x"', "[keys] 'no.such': no binding has that id, ignored"),
        ('[keys]\n"app.quit" = "not a key!!"', "is not a comma-separated list of keys"),
        ("keys = 3", "keys must map binding ids to keys"),
        ("colour = true", "unknown setting 'colour' ignored"),
    ],
)
def test_an_unknown_app_setting_warns_in_one_line_and_keeps_the_default(
    isolated_home, setting, says
):
    from store.userdata.config import load_config
    from tui.commands.browse import app_settings

    config = _write_config(isolated_home, setting)
    checked = app_settings(load_config())
    assert len(checked.warnings) == 1
    assert checked.warnings[0].startswith(f"{config}: ") and says in checked.warnings[0]
    assert checked.theme is None and checked.keys == {}


def test_the_browser_starts_anyway_and_says_so(story, isolated_home):
    _write_config(isolated_home, 'theme = "nosuchtheme"\n[keys]\n"app.quit" = "Q"')
    terminal = PtyTerminal(_cables("--corpus", str(story)), cols=120, rows=30)
    try:
        assert terminal.wait_for_text("nosuchtheme", timeout=30)
        assert terminal.wait_for_text("06TESTPOST", timeout=10)
    finally:
        terminal.close()


def test_a_bad_setting_blocks_only_the_commands_that_use_it(story, isolated_home, capsys):
    config = _write_config(isolated_home, "sidebar_width = 'wide'\nmouse = 3")
    assert main(["--corpus", str(story)]) == 2  # the browser uses both
    error = capsys.readouterr().err
    assert error.startswith(f"cables: {config}: sidebar_width must be") and error.count("\n") == 1
    assert main(["--corpus", str(story), "show", "06TESTPOST1", "-f", "text"]) == 0
    assert capsys.readouterr().err == ""
    config.write_text("corpus = 3\n")
    assert main(["show", "06TESTPOST1"]) == 2
    assert "corpus must be a file path" in capsys.readouterr().err
    assert main(["history"]) == 1  # no corpus, no config needed: only "no searches yet"
    assert capsys.readouterr().err == "no searches yet\n"


def test_cables_opens_the_bundled_samples_on_first_run():
    terminal = PtyTerminal(_cables(), cols=100, rows=30)
    try:
        assert terminal.wait_for(b"06ALMATY79", timeout=30) is not None
        assert terminal.wait_for_text("1 / 2", timeout=10)
    finally:
        terminal.close()
    assert terminal.process.returncode == 0


def test_open_and_search_start_where_asked(story):
    terminal = PtyTerminal(_cables("--corpus", str(story), "open", "06testpost2"), 120, 30)
    try:
        assert terminal.wait_for_text("SECOND INVENTED REPORT", timeout=30)
    finally:
        terminal.close()
    # At 80 columns, one pane at a time: the reader is the one shown.
    terminal = PtyTerminal(_cables("--corpus", str(story), "open", "06testpost2"), 80, 24)
    try:
        assert terminal.wait_for_text("Classified by:", timeout=30)
    finally:
        terminal.close()
    terminal = PtyTerminal(_cables("--corpus", str(story), "--search", "nato"), 120, 30)
    try:
        assert terminal.wait_for_text("2 of 4 match nato", timeout=30)
    finally:
        terminal.close()
