"""Origin completion for the filter dialog: a fragment matches anywhere in a name.

Textual's list suggester only completes prefixes, so ``alm`` would never find
``US Office Almaty``. Here a name that starts with the fragment comes first, then one with a
word that starts with it, then one that holds it anywhere. The field holds a comma-separated
list, so only the part after the last comma is completed.

An Input draws a suggestion as the text after what is typed; a match inside a name is not such
a continuation, so ``OriginInput`` draws it as ``  → name`` and right-arrow (Textual's accept
key) puts the completed list in the field.
"""

from __future__ import annotations

from textual.suggester import Suggester, SuggestionReady
from textual.widgets import Input


def best_origin(fragment: str, names: list[str]) -> str | None:
    """The name ``fragment`` completes to: prefix, then word start, then anywhere; ties keep
    the list's order. None for a blank fragment or no match."""
    wanted = fragment.strip().casefold()
    if not wanted:
        return None
    ranked: tuple[int, int] | None = None
    best = None
    for index, name in enumerate(names):
        folded = name.casefold()
        at = folded.find(wanted)
        if at < 0:
            continue
        rank = 0 if at == 0 else 1 if _starts_word(folded, wanted) else 2
        if ranked is None or (rank, index) < ranked:
            ranked, best = (rank, index), name
    return best


def _starts_word(folded: str, wanted: str) -> bool:
    return any(word.startswith(wanted) for word in folded.split())


def complete_list(value: str, names: list[str]) -> str | None:
    """``value`` with its last comma-separated part completed, or None."""
    head, comma, last = value.rpartition(",")
    name = best_origin(last, names)
    if name is None or name == last.strip():
        return None
    return f"{head}{comma} {name}" if comma else name


class OriginSuggester(Suggester):
    def __init__(self, names: list[str]) -> None:
        # The field's value changes with each key; matching is cheap, a cache would only grow.
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = names

    async def get_suggestion(self, value: str) -> str | None:
        return complete_list(value, self.names)


class OriginInput(Input):
    """An Input whose completion may be a name the typed text is inside of."""

    _completion: tuple[str, str] | None = None

    async def _on_suggestion_ready(self, event: SuggestionReady) -> None:
        event.prevent_default()  # Input's own handler would draw it as a continuation
        if event.value != self.value:
            return
        completion = event.suggestion
        self._completion = (event.value, completion)
        if completion.casefold().startswith(event.value.casefold()):
            self._suggestion = event.value + completion[len(event.value) :]
        else:
            self._suggestion = f"{event.value}  → {completion.rpartition(',')[2].strip()}"

    def action_cursor_right(self, select: bool = False) -> None:
        completion = self._completion
        if (not select and self.cursor_at_end and self._suggestion and completion
                and completion[0] == self.value):  # fmt: skip
            self.value = completion[1]
            self.cursor_position = len(self.value)
            return
        super().action_cursor_right(select)
