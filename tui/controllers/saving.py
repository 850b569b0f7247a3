"""The cable out of the browser, as a pager user expects: ``|`` pipes it to a shell
command, ``w`` writes it to a file (text, or Markdown for a .md name), ``Y`` copies its text
and ``y`` its ID through the terminal (OSC 52). The cable is read again from the corpus in a
worker, and every failure is one line, never a traceback.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from store.userdata.file_names import safe_file_name
from tui.controllers.open_cable_work import with_cable, with_id
from tui.messages import Notice
from tui.output.safe_text import safe
from tui.state.browser import Target

# Terminals cap what an OSC 52 sequence may carry (xterm and tmux near 100,000 bytes of
# base64, about 74 KB of text); past it the copy is silently dropped, so say so instead.
OSC52_LIMIT = 74_000
# A piped command that does not end by then is left to run; the app does not wait longer.
PIPE_TIMEOUT = 60


class Saver:
    """``y``, ``Y``, ``|`` and ``w`` on the cable a key acts on (the app's ``target()``)."""

    def __init__(self, app) -> None:
        self.app = app

    def copy_id(self, target: Target | None) -> None:
        app = self.app
        target = with_id(app, target, self.copy_id)
        if target is None:
            return
        app.copy_to_clipboard(target.id)
        app.notify(f"copied {safe(target.id)}", markup=False, timeout=2)

    def _with_cable_text(self, target: Target | None, use, *, markdown: bool = False) -> None:
        """Call ``use(text, cable_id)`` in a worker with the cable as plain text (or
        Markdown)."""
        from tui.output.export_formats import cable_to_markdown, cable_to_text

        def fetch(corpus, found):
            return corpus.get_rowid(found.rowid)

        def text_of(cable) -> None:
            use(cable_to_markdown(cable) if markdown else cable_to_text(cable), cable.id)

        with_cable(self.app, target, fetch, text_of, "save", "is no longer in the corpus",
                   "error")  # fmt: skip

    def copy_text(self, target: Target | None) -> None:
        app = self.app

        def copy(text: str, cable_id: str) -> None:
            size = len(text.encode())
            if size > OSC52_LIMIT:
                app.post_message(Notice(
                    f"the cable is {size // 1024} KB, more than a terminal takes through "
                    f"OSC 52 ({OSC52_LIMIT // 1000} KB): w writes it to a file", "warning",
                ))  # fmt: skip
                return
            app.call_from_thread(app.copy_to_clipboard, text)
            app.post_message(Notice(f"copied the text of {cable_id} ({size:,} bytes)"))

        self._with_cable_text(target, copy)

    def write(self, target: Target | None) -> None:
        from tui.screens.note import LineDialog

        app = self.app
        target = with_id(app, target, self.write)
        if target is None or app.shell_refused("w (write to a file)"):
            return
        name = target.id

        def chosen(answer: str | None) -> None:
            if answer:
                self._write_to(target, Path(answer).expanduser())

        # The ID is data: the name proposed from it stays in the current folder.
        proposed = Path.cwd() / safe_file_name(name, ".txt")
        app.push_screen(LineDialog(
            f"Write {name} to a file", str(proposed),
            hint="a .md name writes Markdown, any other plain text; escape cancels",
        ), chosen)  # fmt: skip

    def _write_to(self, target: Target, path: Path) -> None:
        from tui.screens.confirm import ConfirmDialog

        app = self.app
        markdown = path.suffix.lower() in (".md", ".markdown")

        def write(text: str, cable_id: str) -> None:
            try:
                path.write_text(text, encoding="utf-8")
            except OSError as error:
                reason = error.strerror or str(error)
                app.post_message(Notice(f"cannot write {path}: {reason}", "error"))
                return
            kind = "Markdown" if markdown else "text"
            app.post_message(Notice(f"wrote {cable_id} as {kind} to\n{path}"))

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._with_cable_text(target, write, markdown=markdown)

        if path.exists():
            app.push_screen(ConfirmDialog.overwrite(path), confirmed)
        else:
            self._with_cable_text(target, write, markdown=markdown)

    def pipe(self, target: Target | None) -> None:
        from tui.screens.note import LineDialog

        app = self.app
        if target is None:
            app.bell()
            return
        if app.shell_refused("| (pipe to a command)"):
            return

        def run(text: str, command: str) -> None:
            app.call_from_thread(self._pipe, command, text)

        def chosen(command: str | None) -> None:
            if command:
                self._with_cable_text(target, lambda text, _id: run(text, command))

        app.push_screen(LineDialog(
            "Pipe the cable to a shell command", "",
            hint="e.g. less, wc -w, grep -i nato; enter runs it, escape cancels",
            placeholder="command",
        ), chosen)  # fmt: skip

    def _pipe(self, command: str, text: str) -> None:
        """Run ``command`` with the cable on its input and the terminal handed to it (a pager
        needs it), then wait for a key, as mutt does (``pipe_terminal``); where the app
        cannot let go of the terminal (the web), what it printed is shown in the app."""
        from textual.app import SuspendNotSupported

        app = self.app
        try:
            with app.suspend():
                from tui.controllers.pipe_terminal import run_in_terminal

                run_in_terminal(command, text)
        except SuspendNotSupported:
            self._pipe_captured(command, text)

    def _pipe_captured(self, command: str, text: str) -> None:
        from tui.screens.output import OutputScreen

        app = self.app

        def work() -> None:
            try:
                done = subprocess.run(
                    command, shell=True, input=text, text=True, errors="replace",
                    capture_output=True, timeout=PIPE_TIMEOUT, check=False,
                )  # fmt: skip
            except subprocess.TimeoutExpired:
                app.post_message(Notice(f"{command}: still running after {PIPE_TIMEOUT} s"))
                return
            printed = done.stdout + (done.stderr or "")
            app.call_from_thread(app.push_screen, OutputScreen(command, printed, done.returncode))

        app.background(work, "pipe")
