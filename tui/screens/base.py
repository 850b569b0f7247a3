"""What every dialog shares: ``Q`` quits from it as from the main screen.

A modal screen hides the app's own bindings, so the app's ``Q`` has to be repeated here. It
is inherited (not in each screen's own ``BINDINGS``), so the help lists it once, under
"Everywhere", and a ``[keys]`` remapping of ``app.quit`` applies here too. In a text field
``Q`` is a letter: the field takes printable keys before any binding sees them.

A dialog that fills its list in a worker sets ``keys_wait`` until the rows are in: the keys
typed ahead (``Bd``: open the bookmarks, delete the first) wait for them instead of acting on
an empty list (see ``tui.typeahead``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

Result = TypeVar("Result")


class FilledInWorker:
    """A screen whose rows come from a worker (mixed into the Screen subclass)."""

    keys_wait = False

    def fill(self, work: Callable[[], None], group: str, *, exclusive: bool = False) -> None:
        """Run ``work`` (which posts the rows) in a worker; keys wait until it has ended.

        The flag is cleared on the screen's own queue, behind the message with the rows, so
        the next key finds them in. Only the newest fill clears it: an exclusive one replaced
        by another does not.
        """
        token = object()
        self._fill_token = token
        self.keys_wait = True

        def clear() -> None:
            if self._fill_token is token:
                self.keys_wait = False

        def run() -> None:
            try:
                work()
            finally:
                self.call_later(clear)  # type: ignore[attr-defined]

        self.app.background(run, group, exclusive=exclusive)  # type: ignore[attr-defined]


def step_cursor(widget, step: int) -> None:
    """j/k in a screen's list (an OptionList or a Tree): one row down or up."""
    widget.action_cursor_down() if step > 0 else widget.action_cursor_up()


class Dialog(FilledInWorker, ModalScreen[Result]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("Q", "app.quit", "Quit", show=False, id="app.quit"),
    ]
