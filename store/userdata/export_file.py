"""Writing an export (bookmarks, a cable) to a file the user named: never a raw OSError,
never over an existing file unless asked."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


class ExportError(Exception):
    """The export could not be written; ``str()`` is one line naming the path."""


class ExportExists(ExportError):
    """The file is there and replacing it was not asked for."""


def write_export(path: Path, text: str, *, overwrite: bool) -> None:
    path = Path(path).expanduser()
    if path.is_dir():
        raise ExportError(f"{path} is a folder: name a file in it")
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: the folder {path.parent} does not exist")
    try:
        if overwrite:
            _replace(path, text)
        else:
            # "x" creates or fails in one step: no window for another writer between a check
            # and the write.
            with path.open("x", encoding="utf-8") as out:
                out.write(text)
    except FileExistsError:
        raise ExportExists(f"{path} already exists") from None
    except OSError as error:
        reason = (
            "permission denied"
            if error.errno in (errno.EACCES, errno.EPERM)
            else (error.strerror or str(error))
        )
        raise ExportError(f"cannot write {path}: {reason}") from None


def _replace(path: Path, text: str) -> None:
    # A crash mid-write leaves the old file whole, not half of the new one.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        # mkstemp makes the file private; an export is as readable as any file written.
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
