"""What every dialog shares: ``Q`` quits from it as from the main screen.

A modal screen hides the app's own bindings, so the app's ``Q`` has to be repeated here. It
is inherited (not in each screen's own ``BINDINGS``), so the help lists it once, under
"Everywhere", and a ``[keys]`` remapping of ``app.quit`` applies here too. In a text field
``Q`` is a letter: the field takes printable keys before any binding sees them.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

Result = TypeVar("Result")


class Dialog(ModalScreen[Result]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("Q", "app.quit", "Quit", show=False, id="app.quit"),
    ]
