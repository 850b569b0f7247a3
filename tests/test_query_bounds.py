"""Every date and number a user types is checked: a one-line error and exit 2, never a
traceback (``to:9999`` once overflowed the date arithmetic), and the exit statuses are in
``--help``."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from cable_factory import build_corpus, telegram, write_telegrams

from store.corpus.corpus import Corpus
from store.corpus.filters import Filters
from store.query.compile import QueryError, compile_query
from tui.cli import EXIT_MEANINGS, main

BAD_DATES = [
    "to:9999", "to:9999-12-31", "from:0000", "from:2005-13", "to:2005-02-30", "from:1899",
    "to:2101", "from:1899-12-31", "to:2005-00", "from:2005-06-00", "to:2006-04-31",
    "from:2005-99", "to:99999999999999999999", "from:2005-01-99999999999999999",
    "nato from:٢٠٠٦",
]  # fmt: skip


@pytest.fixture
def corpus(tmp_path):
    source = write_telegrams(tmp_path / "in", {"one": telegram(subject="KZ: NATO TALKS")})
    return str(build_corpus(tmp_path / "c.sqlite", source))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("query", BAD_DATES)
def test_a_bad_date_is_a_query_error(query):
    with pytest.raises(QueryError) as info:
        compile_query(query)
    assert "bad date" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("to:9999", "the year must be 1900 to 2100"),
        ("from:2005-13", "the month must be 1 to 12"),
        ("to:2005-02-30", "2005-02 has days 1 to 28"),
    ],
)
def test_the_date_error_says_what_is_wrong(query, reason):
    with pytest.raises(QueryError, match=reason):
        compile_query(query)


@pytest.mark.parametrize(
    ("query", "start", "end"),
    [
        ("from:1900 to:2100", date(1900, 1, 1), date(2100, 12, 31)),
        ("from:2004-02 to:2004-02", date(2004, 2, 1), date(2004, 2, 29)),
        ("from:2005-6-1 to:2005-06-30", date(2005, 6, 1), date(2005, 6, 30)),
    ],
)
def test_the_ends_of_the_range_are_accepted(query, start, end):
    filters = compile_query(query).filters
    assert (filters.date_from, filters.date_to) == (start, end)


def test_the_corpus_takes_any_date_a_filter_holds(corpus):
    # Filters also come from the filter screen and the timeline, not only from a query.
    with Corpus(corpus) as opened:
        far = Filters(date_from=date(1, 1, 1), date_to=date.max)
        assert [s.id for s in opened.page(far, limit=5)] == ["06TESTPOST1"]
        assert opened.page(Filters(date_to=date(1, 1, 1)), limit=5) == []


@pytest.mark.parametrize("command", ["search", "stats"])
@pytest.mark.parametrize("query", ["to:9999", "to:9999-12-31", "from:0000", "to:2005-02-30"])
def test_the_cli_says_bad_query_in_one_line_and_exits_2(corpus, capsys, command, query):
    code, out, err = run(capsys, "--corpus", corpus, command, query)
    assert code == 2 and out == ""
    assert err.startswith("cables: bad query: bad date in") and err.count("\n") == 1


def test_a_bad_search_for_the_browser_fails_before_it_starts(corpus, capsys, monkeypatch):
    from tui.app import CablesApp

    def must_not_start(*args, **kwargs):
        raise AssertionError("the browser started on a bad query")

    monkeypatch.setattr(CablesApp, "run", must_not_start)
    code, _, err = run(capsys, "--corpus", corpus, "--search", "nato to:9999")
    assert code == 2 and err.startswith("cables: bad query: bad date") and err.count("\n") == 1


def test_the_installed_command_prints_no_traceback(corpus):
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--corpus", corpus, "search", "to:9999"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


HUGE = "9" * 30


@pytest.mark.parametrize(
    "args",
    [
        ["search", "nato", "--limit", HUGE],
        ["search", "nato", "-n", HUGE],
        ["search", "nato", f"-n{HUGE}"],
        ["search", "nato", "--limit", "1000001"],
        ["search", "nato", "--limit", "9" * 5000],  # int() itself refuses 4,300+ digits
        ["search", "nato", "--limit", "1_000"],
        ["search", "nato", "--limit", "٣"],
        ["history", "-n", HUGE],
        ["stats", "--top", HUGE],
        ["stats", "nato", "--by", "origin", f"--top={HUGE}"],
        ["stats", "--top", "0"],
        ["thread", "06TESTPOST1", "--depth", HUGE],
        ["show", "06TESTPOST1", "--width", HUGE],
    ],
)
def test_a_huge_or_odd_number_option_is_a_usage_error(corpus, capsys, args):
    try:
        code = main(["--corpus", corpus, *args])
    except SystemExit as stop:  # argparse's own usage error
        code = stop.code
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "Traceback" not in err and len(err) < 600
    assert err.splitlines()[-1].startswith(("cables: --", f"cables {args[0]}: error: argument"))


def test_the_top_level_help_gives_the_exit_statuses(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "exit status: 0 found, 1 nothing found, 2 bad usage or query" in out


@pytest.mark.parametrize("command", ["search", "stats", "show", "locate", "import", "serve"])
def test_every_command_help_gives_its_exit_statuses(capsys, command):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    status = capsys.readouterr().out.rstrip().splitlines()[-1]
    assert status.startswith("exit status: 0 ") and status.endswith("2 bad usage or query")
    assert ("; 1 " in status) == bool(EXIT_MEANINGS.get(command, ("", ""))[1])
