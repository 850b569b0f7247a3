"""The open cable out of the reader, as a pager user expects: ``|`` pipes it to a shell
command, ``w`` writes it to a file (text, or Markdown for a .md name), ``Y`` copies its text
through the terminal (OSC 52). A mixin of ``CablesApp``; the cable is read again from the
corpus in a worker, and every failure is one line, never a traceback.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from store.file_names import safe_file_name
from tui.messages import Notice
from tui.open_cable_work import with_open_cable

# Terminals cap what an OSC 52 sequence may carry (xterm and tmux near 100,000 bytes of
# base64, about 74 KB of text); past it the copy is silently dropped, so say so instead.
OSC52_LIMIT = 74_000
# A piped command that does not end by then is left to run; the app does not wait longer.
PIPE_TIMEOUT = 60


class SavingMixin:
    """``|``, ``w`` and ``Y`` on the open cable."""

    def _with_cable_text(self, use, *, markdown: bool = False) -> None:
        """Call ``use(text)`` in a worker with the open cable as plain text (or Markdown)."""
        from tui.export_formats import cable_to_markdown, cable_to_text

        def fetch(corpus, shown):
            return corpus.get_rowid(shown.rowid)

        def text_of(cable) -> None:
            use(cable_to_markdown(cable) if markdown else cable_to_text(cable))

        with_open_cable(self, fetch, text_of, "save", "is no longer in the corpus", "error")

    def action_copy_text(self) -> None:
        def copy(text: str) -> None:
            size = len(text.encode())
            if size > OSC52_LIMIT:
                self.post_message(Notice(
                    f"the cable is {size // 1024} KB, more than a terminal takes through "
                    f"OSC 52 ({OSC52_LIMIT // 1000} KB): w writes it to a file", "warning",
                ))  # fmt: skip
                return
            self.call_from_thread(self.copy_to_clipboard, text)
            self.post_message(Notice(f"copied the text of {self.shown.id} ({size:,} bytes)"))

        self._with_cable_text(copy)

    def action_write(self) -> None:
        from tui.screens.note import LineDialog

        shown = self.shown
        if shown is None:
            self.bell()
            return
        if self.shell_refused("w (write to a file)"):
            return

        def chosen(name: str | None) -> None:
            if name:
                self._write_to(Path(name).expanduser())

        # The ID is data: the name proposed from it stays in the current folder.
        proposed = Path.cwd() / safe_file_name(shown.id, ".txt")
        self.push_screen(LineDialog(
            f"Write {shown.id} to a file", str(proposed),
            hint="a .md name writes Markdown, any other plain text; escape cancels",
        ), chosen)  # fmt: skip

    def _write_to(self, path: Path) -> None:
        from tui.screens.confirm import ConfirmDialog

        markdown = path.suffix.lower() in (".md", ".markdown")

        def write(text: str) -> None:
            try:
                path.write_text(text, encoding="utf-8")
            except OSError as error:
                reason = error.strerror or str(error)
                self.post_message(Notice(f"cannot write {path}: {reason}", "error"))
                return
            kind = "Markdown" if markdown else "text"
            self.post_message(Notice(f"wrote {self.shown.id} as {kind} to\n{path}"))

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._with_cable_text(write, markdown=markdown)

        if path.exists():
            self.push_screen(ConfirmDialog(f"{path} exists: overwrite it?"), confirmed)
        else:
            self._with_cable_text(write, markdown=markdown)

    def action_pipe(self) -> None:
        from tui.screens.note import LineDialog

        if self.shown is None:
            self.bell()
            return
        if self.shell_refused("| (pipe to a command)"):
            return

        def chosen(command: str | None) -> None:
            if command:
                self._with_cable_text(lambda text: self.call_from_thread(self._pipe, command, text))

        self.push_screen(LineDialog(
            "Pipe the cable to a shell command", "",
            hint="e.g. less, wc -w, grep -i nato; enter runs it, escape cancels",
            placeholder="command",
        ), chosen)  # fmt: skip

    def _pipe(self, command: str, text: str) -> None:
        """Run ``command`` with the cable on its input, the terminal handed to it (a pager
        needs it); where the app cannot let go of the terminal (the web), its output is shown."""
        from textual.app import SuspendNotSupported

        try:
            with self.suspend():
                done = subprocess.run(command, shell=True, input=text, text=True, check=False)
                if done.returncode:
                    print(f"[exit status {done.returncode}: press enter]", flush=True)
                    input()
        except SuspendNotSupported:
            try:
                done = subprocess.run(
                    command, shell=True, input=text, text=True,
                    capture_output=True, timeout=PIPE_TIMEOUT, check=False,
                )  # fmt: skip
            except subprocess.TimeoutExpired:
                self.notify(f"{command}: still running after {PIPE_TIMEOUT} s", markup=False)
                return
            output = (done.stdout or done.stderr).strip()
            note = output[-400:] if output else f"exit status {done.returncode}"
            self.notify(note, markup=False, severity="error" if done.returncode else "information")
