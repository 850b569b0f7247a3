"""The one-shot commands as shell users expect them: IDs by prefix, the right usage line,
plain messages for odd input."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from cable_factory import build_corpus, telegram, write_telegrams

from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def corpus(tmp_path):
    source = write_telegrams(
        tmp_path / "in",
        {
            "a": telegram(station="ALMATY", serial=79, subject="KZ: ONE"),
            "b": telegram(station="ASTANA", serial=101, subject="KZ: TWO"),
            "c": telegram(station="ASTANA", serial=102, subject="KZ: THREE"),
            "d": telegram(station="ROME", serial=5, when=datetime(2007, 3, 1), subject="IT"),
        },
    )
    return str(build_corpus(tmp_path / "c.sqlite", source))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def usage_error(capsys, *args: str) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    assert exit_info.value.code == 2
    return capsys.readouterr().err


def test_show_takes_a_unique_prefix(corpus, capsys):
    code, out, err = run(capsys, "--corpus", corpus, "show", "06alm", "--format", "text")
    assert code == 0, err
    assert "KZ: ONE" in out


def test_show_lists_the_candidates_of_an_ambiguous_prefix(corpus, capsys):
    code, out, err = run(capsys, "--corpus", corpus, "show", "06AST")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "06ASTANA101, 06ASTANA102" in err and "several" in err


def test_open_lists_the_candidates_too(corpus, capsys):
    # Resolved before the app starts, so no screen is needed to see the message.
    code, _, err = run(capsys, "--corpus", corpus, "open", "06AST")
    assert code == 1 and "06ASTANA101, 06ASTANA102" in err


def test_an_empty_id_gets_a_proper_message(corpus, capsys):
    code, out, err = run(capsys, "--corpus", corpus, "show", "")
    assert code == 2 and out == ""
    assert err == "cables: no cable ID given (e.g. 06ALMATY79; see `cables search`)\n"


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (["locate", "--json"], "usage: cables locate"),
        (["show", "A", "B"], "usage: cables show"),
        (["--corpus", "x.sqlite", "history", "extra"], "usage: cables history"),
    ],
)
def test_a_stray_argument_prints_the_commands_usage(args, usage, capsys):
    err = usage_error(capsys, *args)
    assert err.startswith(usage) and "unrecognized arguments" in err


def test_history_counts_one_hit_in_the_singular(capsys):
    from store.userdata.history import History

    History().record("baimenov", hits=1)
    History().record("nato", hits=2)
    code, out, _ = run(capsys, "history")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[2:4] == ["2", "hits"]
    assert lines[1].split()[2:4] == ["1", "hit"]


@pytest.mark.parametrize("command", [["history"], ["search", "nato"]])
def test_limit_zero_is_refused_alike(command, capsys):
    err = usage_error(capsys, *command, "--limit", "0")
    assert f"usage: cables {command[0]}" in err and "--limit" in err
    assert "must be at least 1, not 0" in err


def test_near_gets_a_message_about_near(corpus, capsys):
    code, _, err = run(capsys, "--corpus", corpus, "search", "NEAR(a b)")
    assert code == 2 and err.count("\n") == 1
    assert "NEAR" in err and "no matching" not in err


def test_remove_deletes_cables_and_a_typo_removes_nothing(corpus, capsys):
    code, _, err = run(capsys, "--corpus", corpus, "remove", "07ROME5", "07ROME6")
    assert code == 1 and "no cable 07ROME6" in err
    code, out, _ = run(capsys, "--corpus", corpus, "remove", "07rome5", "06 ALMATY 000079")
    assert code == 0 and out == "removed 2 cables: 07ROME5 06ALMATY79\n"
    code, _, err = run(capsys, "--corpus", corpus, "show", "06ALMATY79")
    assert code == 1 and "no cable 06ALMATY79" in err
    code, out, _ = run(capsys, "--corpus", corpus, "search", "KZ", "--json")
    assert code == 0 and "06ALMATY79" not in out and "06ASTANA101" in out
    code, out, _ = run(capsys, "--corpus", corpus, "stats")
    assert out.startswith("2 cables") and "Rome" not in out
    code, _, err = run(capsys, "--corpus", corpus, "remove", "06AST")  # no prefixes here
    assert code == 1 and "no cable 06AST" in err


def test_the_first_import_replaces_the_bundled_samples(tmp_path, capsys):
    code, out, _ = run(capsys, "stats")
    assert code == 0 and out.startswith("2 cables")  # the samples, made on first use
    source = write_telegrams(tmp_path / "mine", {"x": telegram(station="ROME", serial=7)})
    code, out, _ = run(capsys, "import", "-q", str(source))
    assert code == 0 and "replaced the 2 bundled sample cables" in out
    code, out, _ = run(capsys, "stats")
    assert out.startswith("1 cables")
    code, out, _ = run(capsys, "import", "-q", str(tmp_path / "mine"))
    assert code == 0 and "replaced" not in out
    # The samples came in once, and a later import of them is an import like any other.
    code, out, _ = run(capsys, "import", "-q", str(ROOT / "samples"))
    code, out, _ = run(capsys, "stats")
    assert out.startswith("3 cables")


def test_an_import_that_brings_nothing_keeps_the_samples(tmp_path, capsys):
    run(capsys, "show", "06ALMATY79")
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "empty.txt").write_bytes(b"")
    code, _, _ = run(capsys, "import", "-q", str(junk))
    assert code == 1
    code, out, _ = run(capsys, "stats")
    assert out.startswith("2 cables")
    source = write_telegrams(tmp_path / "mine", {"x": telegram(station="ROME", serial=7)})
    code, out, _ = run(capsys, "import", "-q", str(source))
    assert "replaced the 2 bundled sample cables" in out  # still marked as the samples


def test_bookmarks_export_to_a_file_never_overwrites_without_force(tmp_path, capsys):
    from store.userdata.bookmarks import Bookmarks

    Bookmarks().add("06ALMATY79", "read this")
    target = tmp_path / "marks.md"
    code, out, err = run(capsys, "bookmarks", "export", str(target))
    assert code == 0 and out == "" and "exported 1 bookmark to" in err
    assert "06ALMATY79" in target.read_text() and target.read_text().startswith("# Bookmarks")
    target.write_text("my own notes")
    code, _, err = run(capsys, "bookmarks", "export", str(target))
    assert code == 2 and err == f"cables: {target} already exists: --force replaces it\n"
    assert target.read_text() == "my own notes"
    code, _, _ = run(capsys, "bookmarks", "export", str(target), "--force")
    assert code == 0 and "06ALMATY79" in target.read_text()
    code, _, _ = run(capsys, "bookmarks", "export", str(tmp_path / "marks.json"))
    assert code == 0 and json.loads((tmp_path / "marks.json").read_text())["bookmarks"]


def test_a_bad_export_path_gets_a_plain_message(tmp_path, capsys):
    from store.userdata.export_file import ExportError, write_export

    missing = tmp_path / "no" / "such" / "dir" / "marks.md"
    run(capsys, "show", "06ALMATY79")  # the first run's notice out of the way
    code, _, err = run(capsys, "bookmarks", "export", str(missing))
    assert code == 2 and "Errno" not in err and err.count("\n") == 1
    assert f"the folder {missing.parent} does not exist" in err
    with pytest.raises(ExportError, match="is a folder"):
        write_export(tmp_path, "x", overwrite=True)  # the browser's export, same message


@pytest.mark.parametrize(
    ("command", "says"),
    [
        ("remove", "example"),
        ("bookmarks", "--force"),
        ("show", "--no-pager"),
        ("search", "--color"),
    ],
)
def test_the_new_options_are_in_the_help(command, says, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert says in capsys.readouterr().out
