"""Back and forward through the cables the user opened, like a web browser's history.

Plain data, no Textual: the app records each cable it opens and asks for the previous or next
one on backspace / alt+right.
"""

from __future__ import annotations

# A long reading session should not grow without bound; nobody goes back 500 cables.
MAX_TRAIL = 500


class Trail:
    """Opened cable IDs with a position; opening after going back drops the forward part."""

    def __init__(self, limit: int = MAX_TRAIL) -> None:
        self._ids: list[str] = []
        self._position = -1
        self._limit = limit

    @property
    def current(self) -> str | None:
        return self._ids[self._position] if self._ids else None

    def visit(self, cable_id: str) -> None:
        if cable_id == self.current:
            return
        del self._ids[self._position + 1 :]
        self._ids.append(cable_id)
        if len(self._ids) > self._limit:
            del self._ids[0]
        self._position = len(self._ids) - 1

    def back(self) -> str | None:
        """The previous cable, or None at the start (the position does not move then)."""
        if self._position <= 0:
            return None
        self._position -= 1
        return self._ids[self._position]

    def forward(self) -> str | None:
        if self._position >= len(self._ids) - 1:
            return None
        self._position += 1
        return self._ids[self._position]

    @property
    def can_go_back(self) -> bool:
        return self._position > 0

    @property
    def can_go_forward(self) -> bool:
        return self._position < len(self._ids) - 1
