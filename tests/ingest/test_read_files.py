"""Reading the paths a user names: directory walks, format detection, hostile files.

All file contents here are invented.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from store.ingest import read_files as read_files_module
from store.ingest import walk as walk_module
from store.ingest.read_files import count_hint, detect_format, read_file, read_paths
from store.records import KnownFields, RawCable, Skipped

CSV_ROW = (
    '"1","1/10/2006 12:00","06TESTVILLE7","Embassy Testville","UNCLASSIFIED","",'
    '"","INVENTED TEST CABLE\n1. (U) Nothing."\n'
)
TELEGRAM = "UNCLAS TESTVILLE 000007\n\nSUBJECT: INVENTED TEST CABLE\n\n1. (U) Nothing.\n"
HTML = "<!DOCTYPE html><html><body><pre>HDR</pre><pre>BODY</pre></body></html>"


def make(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def summary(items) -> list[tuple[str, str]]:
    """(file name, what came out) for each item, in order."""
    out = []
    for item in items:
        name = Path(item.source).name
        out.append((name, item.reason if isinstance(item, Skipped) else "cable"))
    return out


def test_samples_read_as_whole_text_cables(samples_dir):
    items = list(read_paths([samples_dir]))
    assert [Path(item.source).name for item in items] == sorted(
        path.name for path in samples_dir.iterdir() if not path.name.startswith(".")
    )
    for item in items:
        assert isinstance(item, RawCable)
        assert item.location == ""
        assert item.known == KnownFields()
        assert "\r" not in item.text
    # The page extract's no-break spaces are text, not controls: they stay.
    assert any("\u00a0" in item.text for item in items)


def test_nested_directories_in_sorted_order_without_hidden(tmp_path, fixtures_dir):
    shutil.copytree(fixtures_dir / "html", tmp_path / "release")
    make(tmp_path / "b" / "z.txt", TELEGRAM)
    make(tmp_path / "b" / "a" / "deep" / "x.txt", TELEGRAM)
    make(tmp_path / "a.txt", TELEGRAM)
    make(tmp_path / ".hidden.txt", TELEGRAM)
    make(tmp_path / ".git" / "inside.txt", TELEGRAM)
    make(tmp_path / "b" / ".cache" / "inside.txt", TELEGRAM)
    names = [Path(item.source).relative_to(tmp_path).as_posix() for item in read_paths([tmp_path])]
    assert names == [
        "a.txt",
        "b/z.txt",
        "b/a/deep/x.txt",
        "release/cable/2006/01/06TESTPOST1.html",
        "release/cable/2006/01/06TESTPOST2.html",
        "release/cable/2006/01/06TESTPOST3.html",
        "release/cable/2007/03/07TESTPOST4.html",
    ]
    assert list(read_paths([tmp_path])) == list(read_paths([tmp_path]))


def test_html_tree_goes_through_the_html_reader(fixtures_dir):
    items = list(read_paths([fixtures_dir / "html"]))
    assert summary(items) == [
        ("06TESTPOST1.html", "cable"),
        ("06TESTPOST2.html", "cable"),
        ("06TESTPOST3.html", "cable"),
        ("07TESTPOST4.html", "no <pre> block (no cable text on this page)"),
    ]
    assert items[0].known.id == "06TESTPOST1"


def test_format_is_told_by_content_not_name(tmp_path):
    csv_named_txt = make(tmp_path / "dump.txt", CSV_ROW)
    text_named_csv = make(tmp_path / "telegram.csv", TELEGRAM)
    html_without_suffix = make(tmp_path / "page", HTML)
    [from_csv] = read_file(csv_named_txt)
    [from_text] = read_file(text_named_csv)
    [from_html] = read_file(html_without_suffix)
    assert from_csv.known.id == "06TESTVILLE7"
    assert from_csv.location == "row 1 (line 1)"
    assert from_text.text == TELEGRAM and from_text.known == KnownFields()
    assert from_html.text == "HDR\nBODY"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"", "empty"),
        (b" \n\t\n", "empty"),
        (b"\x00\x01\x02PK", "binary"),
        (b'"1","12/28/1966 9:05","66T1"', "csv"),
        (b'\xef\xbb\xbf"251287","2/28/2010 23:59","10T9"', "csv"),
        (b"<!DOCTYPE html PUBLIC", "html"),
        (b"  <HTML>", "html"),
        (b"<div>nav</div>\n<table class='cable'>", "html"),
        (b"UNCLAS ALMATY 000079\n", "text"),
        (b"Identifier\nCreated\nClassification\nOrigin\n", "text"),
        (b"1. (C) Figures: 12,1/2/2006 etc.", "text"),
    ],
)
def test_detect_format(head, kind):
    assert detect_format(head) == kind


def test_html_suffix_with_markup_that_is_not_a_page_start(tmp_path):
    assert detect_format(b"<div>cable</div>", ".html") == "html"
    assert detect_format(b"<div>cable</div>", ".txt") == "text"


def test_binary_empty_and_blank_files_are_skipped(tmp_path):
    make(tmp_path / "a.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    make(tmp_path / "b.txt", b"")
    make(tmp_path / "c.txt", b"\n  \n")
    make(tmp_path / "d.txt", TELEGRAM)
    assert summary(read_paths([tmp_path])) == [
        ("a.png", "not a cable: binary data"),
        ("b.txt", "empty file"),
        ("c.txt", "empty file"),
        ("d.txt", "cable"),
    ]


def test_cp1252_text_file(tmp_path):
    path = make(tmp_path / "t.txt", "\u201cInvented\u201d caf\u00e9\r\n".encode("cp1252"))
    [cable] = read_file(path)
    assert cable.text == "\u201cInvented\u201d caf\u00e9\n"


def test_ten_megabyte_single_line_is_just_text(tmp_path):
    path = make(tmp_path / "long.txt", "INVENTED " * (10 * 1024 * 1024 // 9))
    [cable] = read_paths([path])
    assert isinstance(cable, RawCable)
    assert len(cable.text) >= 10 * 1024 * 1024 - 9


def test_oversized_text_file_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(read_files_module, "MAX_TEXT_BYTES", 100)
    [skipped] = read_paths([make(tmp_path / "big.txt", TELEGRAM * 10)])
    assert isinstance(skipped, Skipped) and "larger than" in skipped.reason


def test_missing_path_is_reported(tmp_path):
    [skipped] = read_paths([tmp_path / "nowhere"])
    assert skipped == Skipped(str(tmp_path / "nowhere"), "", "no such file or directory")


def test_file_that_vanished_is_reported(tmp_path):
    [skipped] = read_file(tmp_path / "gone.txt")
    assert skipped.reason.startswith("cannot read")


def test_dangling_symlink_is_reported(tmp_path):
    (tmp_path / "link.txt").symlink_to(tmp_path / "missing.txt")
    assert summary(read_paths([tmp_path])) == [("link.txt", "broken symbolic link")]
    assert summary(read_paths([tmp_path / "link.txt"])) == [("link.txt", "broken symbolic link")]


def test_directory_links_are_not_followed_so_loops_end(tmp_path):
    make(tmp_path / "d" / "t.txt", TELEGRAM)
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d")
    (tmp_path / "d" / "up").symlink_to("..")
    assert summary(read_paths([tmp_path])) == [
        ("loop", "symbolic link to a directory, not followed"),
        ("t.txt", "cable"),
        ("up", "symbolic link to a directory, not followed"),
    ]


def test_a_link_that_points_at_itself_is_reported(tmp_path):
    (tmp_path / "self.txt").symlink_to("self.txt")
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    make(tmp_path / "c.txt", TELEGRAM)
    items = [(name, reason.split(":")[0]) for name, reason in summary(read_paths([tmp_path]))]
    assert items == [
        ("a.txt", "cannot follow symbolic link"),
        ("b.txt", "cannot follow symbolic link"),
        ("c.txt", "cable"),
        ("self.txt", "cannot follow symbolic link"),
    ]


def test_a_directory_link_named_by_the_user_is_followed(tmp_path):
    make(tmp_path / "real" / "t.txt", TELEGRAM)
    (tmp_path / "alias").symlink_to(tmp_path / "real")
    assert summary(read_paths([tmp_path / "alias"])) == [("t.txt", "cable")]


def test_one_file_is_read_once_however_many_ways_it_is_reached(tmp_path):
    original = make(tmp_path / "b" / "t.txt", TELEGRAM)
    (tmp_path / "a.txt").symlink_to(original)
    os.link(original, tmp_path / "c.txt")
    items = list(read_paths([tmp_path, original, tmp_path / "b"]))
    assert summary(items) == [
        ("a.txt", "cable"),
        ("c.txt", f"same file as {tmp_path / 'a.txt'}, read once"),
        ("t.txt", f"same file as {tmp_path / 'a.txt'}, read once"),
        ("t.txt", f"same file as {tmp_path / 'a.txt'}, read once"),
        ("b", f"directory already read as {tmp_path / 'b'} (a loop in the tree)"),
    ]
    assert count_hint([tmp_path, original]) == 1


def test_special_files_are_not_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    make(tmp_path / "t.txt", TELEGRAM)
    assert summary(read_paths([tmp_path])) == [
        ("pipe", "not a regular file (a fifo)"),
        ("t.txt", "cable"),
    ]
    assert summary(read_paths([tmp_path / "pipe"])) == [("pipe", "not a regular file (a fifo)")]
    assert summary(read_file(tmp_path / "pipe")) == [("pipe", "not a regular file")]


def test_a_fifo_linked_under_a_text_name_does_not_block(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "cable.txt").symlink_to(tmp_path / "pipe")
    # read_file is where the walk's check could be raced: it refuses on the open file.
    assert summary(read_file(tmp_path / "cable.txt")) == [("cable.txt", "not a regular file")]


def test_a_tree_nested_thousands_deep_is_walked(tmp_path, deep_folder):
    make(deep_folder(tmp_path / "top", 1500) / "deep.txt", TELEGRAM)
    make(tmp_path / "top" / "shallow.txt", TELEGRAM)
    assert summary(read_paths([tmp_path])) == [("shallow.txt", "cable"), ("deep.txt", "cable")]
    assert count_hint([tmp_path]) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files regardless of permissions")
def test_unreadable_directory_is_reported(tmp_path):
    make(tmp_path / "locked" / "inside.txt", TELEGRAM)
    make(tmp_path / "ok.txt", TELEGRAM)
    (tmp_path / "locked").chmod(0)
    try:
        items = summary(read_paths([tmp_path]))
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert items == [("ok.txt", "cable"), ("locked", "cannot read: Permission denied")]


def test_a_directory_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    # The same as a chmod 000 directory, for root too (permission bits do not bind root).
    make(tmp_path / "locked" / "inside.txt", TELEGRAM)
    make(tmp_path / "ok.txt", TELEGRAM)
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(walk_module.os, "scandir", scandir)
    items = summary(read_paths([tmp_path]))
    assert items == [("ok.txt", "cable"), ("locked", "cannot read: Permission denied")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files regardless of permissions")
def test_unreadable_file_is_reported(tmp_path):
    path = make(tmp_path / "secret.txt", TELEGRAM)
    make(tmp_path / "z.txt", TELEGRAM)
    path.chmod(0)
    assert summary(read_paths([tmp_path])) == [
        ("secret.txt", "cannot read: Permission denied"),
        ("z.txt", "cable"),
    ]


def test_a_file_that_cannot_be_opened_is_reported(tmp_path, monkeypatch):
    path = make(tmp_path / "secret.txt", TELEGRAM)
    make(tmp_path / "z.txt", TELEGRAM)
    real_open = os.open

    def refusing_open(name, flags, *args):
        if Path(name) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, flags, *args)

    monkeypatch.setattr(read_files_module.os, "open", refusing_open)
    assert summary(read_paths([tmp_path])) == [
        ("secret.txt", "cannot read: Permission denied"),
        ("z.txt", "cable"),
    ]


def test_paths_are_read_in_the_order_given(tmp_path):
    second = make(tmp_path / "a.txt", TELEGRAM)
    first = make(tmp_path / "z.txt", TELEGRAM)
    assert [item.source for item in read_paths([first, second])] == [str(first), str(second)]


def test_read_paths_is_lazy(tmp_path):
    for number in range(50):
        make(tmp_path / f"{number:03}.txt", TELEGRAM)
    items = read_paths([tmp_path])
    assert Path(next(items).source).name == "000.txt"


def test_count_hint(tmp_path, fixtures_dir):
    shutil.copytree(fixtures_dir / "html", tmp_path / "html")
    make(tmp_path / "t.txt", TELEGRAM)
    make(tmp_path / ".hidden.txt", TELEGRAM)
    assert count_hint([tmp_path]) == 5
    dump = make(tmp_path / "cables.csv", CSV_ROW * 1000)
    assert count_hint([dump]) == dump.stat().st_size // 7000
    # A .csv file that is not a dump counts as one cable.
    assert count_hint([make(tmp_path / "notes.csv", TELEGRAM)]) == 1
    assert count_hint([tmp_path / "nowhere"]) is None


def test_one_cable_reads_the_same_from_csv_and_html(tmp_path):
    header = "VZCZCXYZ0009\nRR RUEHC\nFM AMEMBASSY TESTVILLE\n"
    body = 'CONFIDENTIAL\nTAGS: PGOV TL\nSUBJECT: "INVENTED"\n\n1. (C) Don\'t panic.\n\n'
    escaped = body.replace("\\", "\\\\").replace('"', '\\"').replace("'", "\\'")
    csv_path = make(
        tmp_path / "cables.csv",
        f'"1","1/10/2006 12:34","06TESTVILLE9","Embassy Testville","CONFIDENTIAL","",'
        f'"{header}","{escaped}"\n',
    )

    def html_text(text: str) -> str:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "&#x000A;")
        return text.replace("PGOV", "<a href='/tag/PGOV_0.html'>PGOV</a>")

    html_path = make(
        tmp_path / "cable" / "2006" / "01" / "06TESTVILLE9.html",
        "<html><body><table><tr><th>Reference ID</th><th>Created</th><th>Classification</th>"
        "<th>Origin</th></tr><tr><td>06TESTVILLE9</td><td>2006-01-10 12:12</td>"
        "<td>CONFIDENTIAL</td><td>Embassy Testville</td></tr></table>"
        f"<pre>{html_text(header)}</pre><pre>{html_text(body)}</pre></body></html>",
    )
    [from_csv] = read_paths([csv_path])
    [from_html] = read_paths([html_path])
    assert from_csv.text == from_html.text == header + body.rstrip()
    assert from_csv.known.header == from_html.known.header == header.rstrip()
    for name in ("id", "origin", "classification"):
        assert getattr(from_csv.known, name) == getattr(from_html.known, name)
    assert from_html.known.created == from_csv.known.created.replace(minute=0)
