"""Which files the paths a user names hold: a walk that survives any tree.

The walk keeps its own stack, so a folder nested thousands deep cannot exhaust Python's
recursion limit (``os.walk`` recurses before Python 3.12). Symbolic links to folders found
inside a tree are reported, not followed, so no link loop can trap it; a folder reached twice
all the same (a bind mount of a parent) is reported once it repeats. A file reached twice
(a link to a file already read, a hard link, a path named twice) is read once. Fifos,
sockets and devices are reported, never opened: opening a fifo would block the import.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

# Yields (path, None) for a file to read, (path, reason) for an entry that is reported.
Entry = tuple[Path, str | None]


def walk_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Entry]:
    """Every file under ``paths`` in a stable order: each path in turn, sorted inside,
    a folder's files before its subfolders, hidden names left out."""
    seen: dict[tuple[int, int], Path] = {}
    for path in paths:
        yield from _walk_one(Path(path), seen)


def _walk_one(top: Path, seen: dict[tuple[int, int], Path]) -> Iterator[Entry]:
    try:
        info = top.stat()  # follows a link: the user named it, so it is followed once
    except OSError as error:
        yield top, _stat_problem(top, error)
        return
    if not stat.S_ISDIR(info.st_mode):
        yield _file_of(top, info, seen)
        return
    if top.is_symlink():
        top = top.resolve()
    folders = [(top, info)]
    while folders:
        folder, folder_info = folders.pop()
        key = (folder_info.st_dev, folder_info.st_ino)
        if key in seen:
            yield folder, f"directory already read as {seen[key]} (a loop in the tree)"
            continue
        seen[key] = folder
        try:
            with os.scandir(folder) as listing:
                entries = sorted(
                    (entry for entry in listing if not entry.name.startswith(".")),
                    key=lambda entry: entry.name,
                )
        except OSError as error:
            yield folder, f"cannot read: {error.strerror or error}"
            continue
        subfolders = []
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append((path, entry.stat(follow_symlinks=False)))
                    continue
                if entry.is_file(follow_symlinks=False):
                    # No stat for the common case: a release tree holds 251,287 files.
                    yield _once(path, (folder_info.st_dev, entry.inode()), seen)
                    continue
                if entry.is_symlink() and entry.is_dir():
                    yield path, "symbolic link to a directory, not followed"
                    continue
                entry_info = entry.stat()
            except OSError as error:
                yield path, _stat_problem(path, error)
                continue
            yield _file_of(path, entry_info, seen)
        # Popped last first: subfolders are walked in sorted order.
        folders.extend(reversed(subfolders))


def _file_of(path: Path, info: os.stat_result, seen: dict[tuple[int, int], Path]) -> Entry:
    if not stat.S_ISREG(info.st_mode):
        return path, f"not a regular file ({_kind(info.st_mode)})"
    return _once(path, (info.st_dev, info.st_ino), seen)


def _once(path: Path, key: tuple[int, int], seen: dict[tuple[int, int], Path]) -> Entry:
    """The file to read, or why not: it was read already, reached another way."""
    if key in seen:
        return path, f"same file as {seen[key]}, read once"
    seen[key] = path
    return path, None


def _stat_problem(path: Path, error: OSError) -> str:
    if path.is_symlink():
        if isinstance(error, FileNotFoundError):
            return "broken symbolic link"
        return f"cannot follow symbolic link: {error.strerror or error}"
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    return f"cannot read: {error.strerror or error}"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a fifo"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"
