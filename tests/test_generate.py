"""The synthetic corpus generator: deterministic, in the real formats, with the real shape."""

from __future__ import annotations

import collections
import json
import re
import subprocess
import sys
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.generate import (  # noqa: E402
    CLASSIFICATIONS,
    MARKERS,
    PARTIAL_NOTE,
    STATIONS,
    SYNTHETIC_LINE,
    csv_date,
    generate,
    generate_csv,
    generate_html,
    generate_txt,
    iter_cables,
    iter_plans,
    main,
)
from bench.synthetic.render import PORTION_MARKS  # noqa: E402

N = 120

# A field exactly as the dump writes it: quoted, backslash escapes, raw newlines allowed.
_FIELD = re.compile(r'"((?:[^"\\]|\\.)*)"(,|\n)', re.S)
_UNESCAPE = re.compile(r"\\(.)", re.S)


def strict_csv_rows(raw: str) -> list[list[str]]:
    """Parse cables.csv refusing anything but 8 quoted, backslash-escaped fields a row."""
    rows, row, pos = [], [], 0
    while pos < len(raw):
        match = _FIELD.match(raw, pos)
        assert match, f"not a quoted field at offset {pos}: {raw[pos : pos + 40]!r}"
        row.append(_UNESCAPE.sub(r"\1", match.group(1)))
        pos = match.end()
        if match.group(2) == "\n":
            assert len(row) == 8, f"row {len(rows) + 1} has {len(row)} fields"
            rows.append(row)
            row = []
    assert not row, "last row unterminated"
    return rows


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic")
    generate(out, N, seed=11, formats=("csv", "txt", "html"))
    return out


@pytest.fixture(scope="module")
def cables():
    return list(iter_cables(N, seed=11))


def tree_bytes(root: Path) -> dict[str, bytes]:
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return {str(p.relative_to(root)): p.read_bytes() for p in files}


# --- determinism ----------------------------------------------------------------------------


def test_same_seed_gives_byte_identical_files_for_any_number_of_workers(tmp_path, corpus):
    # Small chunks, so that many are in flight at once and must still land in order.
    generate(tmp_path / "again", N, seed=11, formats=("csv", "txt", "html"), jobs=2, chunk_size=7)
    first = tree_bytes(corpus)
    second = tree_bytes(tmp_path / "again")
    assert first.keys() == second.keys()
    assert first == second


def test_another_seed_gives_another_corpus(tmp_path, corpus):
    generate_csv(tmp_path / "other.csv", N, seed=12)
    assert (tmp_path / "other.csv").read_bytes() != (corpus / "cables.csv").read_bytes()


def test_single_format_writers_match_the_full_run(tmp_path, corpus):
    generate_csv(tmp_path / "only.csv", N, seed=11)
    assert (tmp_path / "only.csv").read_bytes() == (corpus / "cables.csv").read_bytes()
    generate_txt(tmp_path / "txt", N, seed=11)
    assert tree_bytes(tmp_path / "txt") == tree_bytes(corpus / "txt")
    generate_html(tmp_path / "cable", N, seed=11)
    assert tree_bytes(tmp_path / "cable") == tree_bytes(corpus / "cable")


# --- cables.csv -----------------------------------------------------------------------------


def test_csv_is_the_dump_format_and_holds_every_cable(corpus, cables):
    raw = (corpus / "cables.csv").read_text(encoding="utf-8")
    assert not raw.startswith('"Row') and "\r" not in raw
    rows = strict_csv_rows(raw)
    assert len(rows) == N
    for cable, row in zip(cables, rows, strict=True):
        assert row == [
            str(cable.row),
            csv_date(cable.created),
            cable.id,
            cable.origin,
            cable.classification,
            "|".join(cable.references),
            cable.header,
            cable.body,
        ]
    assert [int(row[0]) for row in rows] == list(range(1, N + 1))
    # The escapes are exercised: some bodies quote speech, and raw newlines are inside fields.
    assert '\\"' in raw and "\n" in rows[0][7]


def test_csv_dates_are_unpadded_24_hour_and_equal_the_dtg(cables):
    months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    for cable in cables:
        text = csv_date(cable.created)
        assert re.fullmatch(r"[1-9]\d?/[1-9]\d?/\d{4} (\d|1\d|2[0-3]):[0-5]\d", text), text
        assert datetime.strptime(text, "%m/%d/%Y %H:%M") == cable.created
        if cable.header:
            d = cable.created
            dtg = f"{d.day:02d}{d.hour:02d}{d.minute:02d}Z {months[d.month - 1]} {d:%y}"
            assert re.search(rf"^[RPOZ] {dtg}$", cable.header, re.M), cable.header


def test_ids_are_unique_and_serials_grow_with_the_date():
    plans = list(iter_plans(3000, seed=5))
    ids = [plan.id for plan in plans]
    assert len(set(ids)) == len(ids)
    last: dict[tuple[int, int], int] = {}
    previous = None
    for plan in plans:
        assert previous is None or plan.created >= previous
        previous = plan.created
        key = (plan.station, plan.created.year)
        assert plan.serial > last.get(key, 0)
        last[key] = plan.serial
        assert re.fullmatch(r"\d\d[A-Z]+[1-9]\d*", plan.id)
        assert plan.id.startswith(f"{plan.created:%y}{STATIONS[plan.station].code}")


def test_references_cite_earlier_cables_and_appear_in_a_ref_line(cables):
    seen: set[str] = set()
    citing = 0
    for cable in cables:
        for ref in cable.references:
            assert ref in seen
            serial = re.search(r"\d+$", ref).group()
            assert re.search(rf"^(REF:| +[A-Z]\.).*\b{serial}\b", cable.body, re.M)
        citing += bool(cable.references)
        seen.add(cable.id)
    assert citing > N // 5


# --- telegram text --------------------------------------------------------------------------


def test_txt_tree_has_one_telegram_per_cable(corpus, cables):
    files = sorted((corpus / "txt").rglob("*.txt"))
    assert len(files) == N
    for cable in cables:
        text = (corpus / "txt" / f"{cable.created.year}" / f"{cable.id}.txt").read_text()
        if cable.is_partial:
            assert text == PARTIAL_NOTE + "\n\n" + cable.body
        else:
            assert text == cable.header + "\n" + cable.body
            assert text.startswith("VZCZC")


def test_every_cable_says_it_is_synthetic(cables):
    for cable in cables:
        assert SYNTHETIC_LINE in cable.body
        assert "synthetic" in cable.body.lower()


def _banner(body: str) -> str:
    return body.split("\n", 1)[0]


def test_banners_captions_and_portion_marks_match_the_classification(cables):
    for cable in cables:
        banner = _banner(cable.body)
        cls = cable.classification
        if cls.startswith("UNCLASSIFIED"):
            assert banner.startswith("UNCLAS")
            assert "E.O. 12958: N/A" in cable.body or cable.created.year < 1996
        elif cls.startswith("CONFIDENTIAL"):
            assert banner.startswith(("C O N F I D E N T I A L", "CONFIDENTIAL"))
            assert re.search(r"^CLASSIFIED BY: ", cable.body, re.M | re.I)
        else:
            assert banner.startswith(("S E C R E T", "SECRET"))
        if cls.endswith("ONLY"):
            assert "SENSITIVE" in banner or "\nSENSITIVE\n" in cable.body
        if "NOFORN" in cls:
            assert "\nNOFORN\n" in cable.body
        allowed = set(PORTION_MARKS[cls])
        found = re.findall(r"^\d+\. ?(\([A-Z/]+\))", cable.body, re.M | re.I)
        assert set(m.upper() for m in found) <= allowed, (cable.id, found)
        if found:
            assert found[0].upper() == PORTION_MARKS[cls][0]


def test_telegram_parts_are_in_place(cables):
    for cable in cables:
        body = cable.body
        assert body.endswith(f"{cable.signer}\n\nNNNN\n")
        station = STATIONS_BY_ORIGIN[cable.origin]
        serial = int(re.search(r"\d+$", cable.id).group())
        assert _banner(body).rstrip().endswith(f"{station.tg_name} {serial:06d}")
        tags_line = re.search(r"^TAGS: (.*)$", body, re.M | re.I).group(1)
        assert re.split(r",? ", tags_line.upper()) == [t.upper() for t in cable.tags]
        assert 2 <= len(cable.tags) <= 7
        assert re.search(r"^SUBJECT: ", body, re.M | re.I)
        assert re.search(r"^1\. ?", body, re.M)
        if cable.header:
            assert f"FM {station.fm_name}\n" in cable.header
            assert re.search(r"^ZN[RY] (UUUUU|CCCCC|SSSSS) ZZH$", cable.header, re.M)


STATIONS_BY_ORIGIN = {station.origin: station for station in STATIONS}


def test_marker_words_are_exactly_where_the_report_says(cables):
    for cable in cables:
        text = cable.body.lower()
        for word in MARKERS:
            assert (word in text) == (word in cable.markers), (cable.id, word)


# --- html -----------------------------------------------------------------------------------


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[str] = []
        self.pres: list[str] = []
        self.links: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("th", "td", "pre"):
            self._in = tag
            (self.pres if tag == "pre" else self.cells).append("")
        if tag == "a" and self._in == "pre":
            self.links.append(dict(attrs)["href"])

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "pre":
            self.pres[-1] += data
        elif self._in:
            self.cells[-1] += data


def test_html_pages_look_like_the_cablegate_release(corpus, cables):
    assert len(list((corpus / "cable").rglob("*.html"))) == N
    for cable in cables[:40]:
        raw = (corpus / "cable" / f"{cable.created:%Y/%m}" / f"{cable.id}.html").read_text()
        for pre in re.findall(r"<pre>(.*?)</pre>", raw, re.S):
            assert "\n" not in pre and "&#x000A;" in pre
        page = _Page()
        page.feed(raw)
        header, values = page.cells[:5], page.cells[5:10]
        assert header == ["Reference ID", "Created", "Released", "Classification", "Origin"]
        d = cable.created
        assert values[0] == cable.id
        assert values[1] == f"{d:%Y-%m-%d} {d:%H}:{d:%H}"  # minutes wrong, as on the real pages
        assert values[3:] == [cable.classification, cable.origin]
        assert page.pres[-1] == cable.body
        assert len(page.pres) == (1 if cable.is_partial else 2)
        assert [link.split("/")[-1].split("_")[0] for link in page.links] == list(cable.tags)


# --- shape ----------------------------------------------------------------------------------


def test_metadata_follows_the_real_mix():
    plans = list(iter_plans(20_000, seed=3))
    classes = collections.Counter(plan.classification for plan in plans)
    total = sum(CLASSIFICATIONS.values())
    for name, real in CLASSIFICATIONS.items():
        assert abs(classes[name] / len(plans) - real / total) < 0.012, name
    years = collections.Counter(plan.created.year for plan in plans)
    assert min(years) >= 1966 and max(years) == 2010
    assert sum(n for y, n in years.items() if y >= 2004) / len(plans) > 0.9
    assert sum(n for y, n in years.items() if 2005 <= y <= 2009) / len(plans) > 0.8
    assert len({plan.station for plan in plans}) > 250
    assert 0.08 < sum(plan.partial for plan in plans) / len(plans) < 0.12
    assert len(STATIONS) >= 260


def test_bodies_are_heavy_tailed_around_seven_kilobytes():
    sizes = sorted(len(cable.body) for cable in iter_cables(800, seed=4))
    mean = sum(sizes) / len(sizes)
    median = sizes[len(sizes) // 2]
    assert 5_500 < mean < 9_000
    assert median < mean  # a long right tail
    assert sizes[-1] > 4 * median


# --- command line ---------------------------------------------------------------------------


def test_cli_writes_the_corpus_and_prints_the_markers(tmp_path, capsys):
    assert main(["--count", "25", "--out", str(tmp_path / "c"), "--seed", "2", "--quiet"]) == 0
    out = capsys.readouterr().out
    for word in MARKERS:
        assert word in out
    assert (tmp_path / "c" / "cables.csv").exists()
    assert not (tmp_path / "c" / "cable").exists()  # html only on request
    manifest = json.loads((tmp_path / "c" / "manifest.json").read_text())
    assert manifest["count"] == 25 and set(manifest["markers"]) == set(MARKERS)
    assert sum(manifest["classifications"].values()) == 25


@pytest.mark.parametrize(
    "args",
    [
        ["--count", "5", "--formats", "csv,pdf"],
        ["--count", "-3"],
        ["--count", "many"],
    ],
)
def test_cli_rejects_bad_arguments_with_a_one_line_reason(tmp_path, capsys, args):
    with pytest.raises(SystemExit) as stop:
        main([*args, "--out", str(tmp_path / "x")])
    assert stop.value.code == 2
    error_lines = [line for line in capsys.readouterr().err.splitlines() if "error" in line]
    assert len(error_lines) == 1
    assert not (tmp_path / "x").exists()


def test_runs_as_a_script(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), "--count", "3", "--out",
         str(tmp_path / "s"), "--quiet", "--jobs", "1"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "s" / "txt").rglob("*.txt"))) == 3
