"""The one-shot commands: output, exit codes, one-line errors, and no Textual import."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cable_factory import build_corpus, telegram, write_telegrams

from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def corpus(tmp_path, samples_dir):
    source = write_telegrams(
        tmp_path / "in",
        {"hostile": telegram(station="EVIL", subject="X: [bold red]SECRET[/] \x1b]52;c;aGk=\x07",
                             paragraphs=[("(C)", "REF: [/] and [@click=app.quit]go[/]")])},
    )  # fmt: skip
    for sample in samples_dir.iterdir():
        (source / sample.name).write_bytes(sample.read_bytes())
    return build_corpus(tmp_path / "c.sqlite", source)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_show_prints_the_cable_plain_when_piped(corpus, capsys):
    code, out, err = run(capsys, "--corpus", str(corpus), "show", "06almaty79")
    assert code == 0, err
    assert out.startswith("UNCLASSIFIED//FOR OFFICIAL USE ONLY")
    assert "1. (SBU) Summary: Unsuccessful Ak Zhol" in out
    assert "\x1b" not in out


def test_show_formats(corpus, capsys):
    code, out, _ = run(capsys, "show", "06ALMATY79", "--format", "json", "--corpus", str(corpus))
    data = json.loads(out)
    assert code == 0 and data["id"] == "06ALMATY79" and data["paragraphs"][0]["marking"] == "(SBU)"
    code, out, _ = run(capsys, "show", "06ALMATY79", "-f", "md", "--corpus", str(corpus))
    assert code == 0 and "(SBU)" in out


def test_show_unknown_id_suggests_the_closest(corpus, capsys):
    code, out, err = run(capsys, "--corpus", str(corpus), "show", "06ALMATY80")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "closest: 06ALMATY79" in err


def test_hostile_cable_text_never_reaches_the_terminal(corpus, capsys):
    code, out, _ = run(capsys, "--corpus", str(corpus), "show", "06EVIL1", "--format", "rich")
    assert code == 0
    assert "[bold red]SECRET[/]" in out and "[@click=app.quit]" in out
    assert "\x1b]52" not in out and "^[]52;c;aGk=^G" in out


def test_search_plain_json_and_exit_codes(corpus, capsys):
    code, out, _ = run(capsys, "--corpus", str(corpus), "search", "Baimenov")
    assert code == 0 and out.startswith("ALMATY2558\t")
    code, out, _ = run(capsys, "search", "baymenov", "--json", "--rank", "--corpus", str(corpus))
    hit = json.loads(out.splitlines()[0])
    assert set(hit) == {"id", "date", "origin", "classification", "subject", "snippet", "score"}
    assert hit["id"] == "06ALMATY79" and isinstance(hit["score"], float)
    code, out, err = run(capsys, "--corpus", str(corpus), "search", "nosuchwordanywhere")
    assert code == 1 and out == ""
    code, out, err = run(capsys, "--corpus", str(corpus), "search", "from:2009 to:2001")
    assert code == 2 and err.startswith("cables: bad query:") and err.count("\n") == 1


def test_search_words_may_be_exclusions_unquoted(corpus, capsys):
    # `cables search Baimenov -ordway`: -ordway is a query word, not an unknown option.
    code, out, _ = run(capsys, "--corpus", str(corpus), "search", "Baimenov", "-zzz", "-n", "1")
    assert code == 0 and out.startswith("ALMATY2558\t") and out.count("\n") == 1
    code, out, _ = run(capsys, "--corpus", str(corpus), "search", "Baimenov", "-ordway")
    assert code == 1 and out == ""
    code, out, _ = run(capsys, "--corpus", str(corpus), "search", "--limit=1", "--", "-zzz", "akim")
    assert code == 0 and out.count("\n") == 1
    code, _, err = run(capsys, "--corpus", str(corpus), "search")
    assert code == 2 and err == "cables: bad query: empty query: type words to search for\n"


def test_an_error_message_never_sends_a_control_sequence(corpus, capsys):
    code, _, err = run(capsys, "--corpus", str(corpus), "show", "\x1b]0;PWNED\x07")
    assert code == 1 and "\x1b" not in err and "\x07" not in err and "^[" in err


def test_missing_and_broken_corpora_get_one_line(tmp_path, capsys):
    code, _, err = run(capsys, "--corpus", str(tmp_path / "none.sqlite"), "show", "X1")
    assert code == 2 and "no corpus" in err and err.count("\n") == 1
    junk = tmp_path / "junk.sqlite"
    junk.write_text("junk" * 1000)
    code, _, err = run(capsys, "--corpus", str(junk), "search", "word")
    assert code == 2 and "not a cables corpus" in err and "Traceback" not in err


def test_a_configured_corpus_that_is_not_there_is_reported_not_made(capsys, isolated_home):
    config = isolated_home / "xdg_config_home" / "cables" / "config.toml"
    config.parent.mkdir(parents=True)
    missing = isolated_home / "unmounted" / "c.sqlite"
    config.write_text(f'corpus = "{missing}"\n')
    code, _, err = run(capsys, "show", "06ALMATY79")
    assert code == 2 and "no corpus there" in err and err.count("\n") == 1
    assert not missing.parent.exists()


def test_bad_config_gets_one_line(tmp_path, capsys, isolated_home):
    config = isolated_home / "xdg_config_home" / "cables" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("corpus = 3\n")  # a setting `show` uses (test_app_commands: the others)
    code, _, err = run(capsys, "show", "06ALMATY79")
    assert code == 2 and "corpus must be a file path" in err and err.count("\n") == 1


def test_import_reports_skips_and_fails_when_nothing_imports(tmp_path, capsys):
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "empty.txt").write_bytes(b"")
    (junk / "noid.txt").write_text("Just words, no banner, no ID.\n")
    target = str(tmp_path / "c.sqlite")
    code, out, err = run(capsys, "--corpus", target, "import", "-q", str(junk))
    assert code == 1 and "skipped 2" in out and "every item was skipped" in err
    assert "empty.txt" in err and "empty file" in err
    (junk / "good.txt").write_text(telegram())
    code, out, _ = run(capsys, "--corpus", target, "import", "-q", str(junk))
    assert code == 0 and "imported 1," in out


@pytest.mark.parametrize("jobs", ["2", "0"])
def test_import_jobs_give_the_same_corpus(tmp_path, capsys, jobs):
    source = tmp_path / "in"
    source.mkdir()
    for serial in range(1, 6):
        (source / f"{serial}.txt").write_text(telegram(serial=serial))
    target = str(tmp_path / "c.sqlite")
    code, out, err = run(capsys, "--corpus", target, "import", "-q", "--jobs", jobs, str(source))
    assert code == 0 and "imported 5," in out, err


@pytest.mark.parametrize("jobs", ["x", "-1", "65", "2.5", "99999999999999999999"])
def test_import_jobs_out_of_bounds_is_one_line_and_exit_2(tmp_path, capsys, jobs):
    with pytest.raises(SystemExit) as stopped:
        main(["--corpus", str(tmp_path / "c.sqlite"), "import", "--jobs", jobs, str(tmp_path)])
    _, err = capsys.readouterr()
    assert stopped.value.code == 2 and "--jobs" in err and "Traceback" not in err


def test_first_run_imports_the_samples_into_the_default_corpus(capsys, isolated_home):
    code, _, err = run(capsys, "show", "06ALMATY79", "--format", "text")
    assert code == 0 and "first run" in err
    assert (isolated_home / "xdg_data_home" / "cables" / "corpus.sqlite").exists()


def test_locate_stats_history_bookmarks(corpus, capsys, isolated_home):
    code, out, _ = run(capsys, "--corpus", str(corpus), "locate")
    assert code == 0 and str(corpus) in out and "xdg_state_home" in out
    code, out, _ = run(capsys, "--corpus", str(corpus), "stats")
    assert code == 0 and out.startswith("3 cables") and "CONFIDENTIAL" in out
    code, _, err = run(capsys, "history")
    assert code == 1 and "no searches" in err
    from store.userdata.bookmarks import Bookmarks

    Bookmarks().add("06ALMATY79", "read this [bold]")
    Bookmarks().add("99GONE1")
    code, out, _ = run(capsys, "--corpus", str(corpus), "bookmarks")
    assert code == 0 and "06ALMATY79" in out and "read this [bold]" in out
    assert "not in the current corpus" in out
    code, out, _ = run(capsys, "--corpus", str(corpus), "bookmarks", "export", "--format", "md")
    assert code == 0 and "06ALMATY79" in out
    md = out
    code, out, _ = run(capsys, "--corpus", str(corpus), "bookmarks", "list", "--format", "md")
    assert code == 0 and out == md
    code, out, _ = run(capsys, "--corpus", str(corpus), "bookmarks", "export")
    assert code == 0 and json.loads(out)["bookmarks"]


@pytest.mark.parametrize(
    "command", ["show", "search", "import", "stats", "locate", "parse", "map"]
)
def test_every_command_has_help_with_examples(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "example" in capsys.readouterr().out


def test_one_shot_commands_do_not_import_textual(corpus):
    script = (
        "import sys; from tui.cli import main; "
        f"main(['--corpus', {str(corpus)!r}, sys.argv[1], *sys.argv[2:]]); "
        "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]; "
        "sys.stdout.flush(); print('TEXTUAL' if bad else 'CLEAN', file=sys.stderr)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for args in (["show", "06ALMATY79"], ["search", "Baimenov"], ["stats"], ["locate"],
                 ["parse", str(ROOT / "samples")], ["history"], ["bookmarks"],
                 ["show", "06ALM", "--color", "always"], ["remove", "99NONE1"],
                 ["tags"], ["people"], ["map", "--color", "always"]):  # fmt: skip
        done = subprocess.run(
            [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env
        )
        assert done.stderr.strip().endswith("CLEAN"), (args, done.stderr)


def test_serve_says_what_it_needs(monkeypatch, capsys, corpus):
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.delitem(sys.modules, "tui.web.server", raising=False)
    code, _, err = run(capsys, "--corpus", str(corpus), "serve")
    assert code == 2 and "pip install 'cables[serve]'" in err


@pytest.fixture
def serve_calls(monkeypatch):
    """``cables serve`` up to the point where it would listen: what it would listen on."""
    pytest.importorskip("textual_serve")
    from tui.web import server

    calls: list[dict] = []
    monkeypatch.setattr(server, "serve", lambda app, host, port: calls.append(
        {"app": app, "host": host, "port": port}
    ))  # fmt: skip
    built: list[str] = []
    real_make_app = server.make_app
    monkeypatch.setattr(server, "make_app", lambda guard, command, title: (
        built.append(command) or real_make_app(guard, command, title)
    ))  # fmt: skip
    monkeypatch.delenv("CABLES_SERVE_TOKEN", raising=False)
    return calls, built


def test_serve_listens_on_loopback_and_prints_a_url_with_a_new_token(capsys, corpus, serve_calls):
    calls, built = serve_calls
    code, out, err = run(capsys, "--corpus", str(corpus), "serve", "--port", "8123")
    assert code == 0 and calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8123
    url = re.search(r"http://127\.0\.0\.1:8123/\?token=([\w-]{40,})", out)
    assert url, out
    assert "warning" not in err
    assert str(corpus) in built[0] and built[0].endswith("--served")  # | w x off in the page
    run(capsys, "--corpus", str(corpus), "serve", "--port", "8123")
    assert url.group(1) not in capsys.readouterr().out  # a new token each run


def test_serve_takes_a_token_from_the_environment_and_allow_shell(
    capsys, corpus, serve_calls, monkeypatch
):
    _, built = serve_calls
    monkeypatch.setenv("CABLES_SERVE_TOKEN", "my-own-token-0123456789")
    code, out, _ = run(capsys, "--corpus", str(corpus), "serve", "--allow-shell")
    assert code == 0 and "/?token=my-own-token-0123456789" in out
    assert "--served" not in built[0]


def test_serve_on_another_address_warns_in_one_line(capsys, corpus, serve_calls):
    calls, _ = serve_calls
    code, out, err = run(capsys, "--corpus", str(corpus), "serve", "--host", "0.0.0.0")
    assert code == 0 and calls[0]["host"] == "0.0.0.0"
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "reachable from other machines" in warnings[0]
    assert "/?token=" in out


@pytest.mark.parametrize("options,message", [
    (["--token", "short"], "at least 16"),
    (["--token", "with space but long enough"], "only letters"),
    (["--port", "0"], "--port must be 1-65535"),
    (["--port", "70000"], "--port must be 1-65535"),
])  # fmt: skip
def test_serve_refuses_a_bad_token_or_port_in_one_line(capsys, corpus, serve_calls, options,
                                                      message):  # fmt: skip
    calls, _ = serve_calls
    code, _, err = run(capsys, "--corpus", str(corpus), "serve", *options)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not calls
