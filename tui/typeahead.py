"""Typeahead: keys that come in a burst (a paste, keystrokes bunched by an SSH link) reach
what the keys before them opened, in order.

Textual forwards each key to the widget that has the focus when the app reads the key, and
the app reads a whole burst before the first key's binding runs (the key bubbles from the
focused widget back up to the app through several message queues first). So in ``/xyz`` the
search line opened by ``/`` would get nothing, and ``mhello`` would type ``hello`` into the
listing under the note dialog ``m`` opens.

``KeyQueue`` hands the app's keys on one at a time: the next key goes out only when the one
before it has bubbled all the way through (its binding ran, the focus it gave moved), and
when a key pushed a screen, only once that screen is mounted, has focused its input and has
its rows (a dialog filling a list in a worker says so with ``keys_wait``). A
lone key goes out at once, as before; only keys that come while one is in flight wait.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from typing import TYPE_CHECKING

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump

# A queue that does not answer within this long is closing (its widget went away): the key
# after goes out anyway, so a burst never hangs the keyboard.
ROUND_TIMEOUT = 0.5
# How long a pushed screen may take to mount and focus its first widget.
SCREEN_TIMEOUT = 2.0


class KeyQueue:
    """The app's keys, handed on in order (``App.on_event`` gives each key to ``take``)."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.keys: deque[events.Key] = deque()
        self._task: asyncio.Task[None] | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    def take(self, key: events.Key) -> None:
        self.keys.append(key)
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        from textual.app import App

        app = self.app
        try:
            while self.keys:
                key = self.keys.popleft()
                screen = app.screen
                target = app.focused or screen
                await App.on_event(app, key)  # forwards it to the focused widget
                # Followed through even when alone: the next key may be a millisecond away.
                await self._through(target)
                if app.screen is not screen or getattr(app.screen, "keys_wait", False):
                    await self._settled(app.screen)
        finally:
            self._task = None
            if self.keys:  # came while the last one was going out
                self._task = asyncio.get_running_loop().create_task(self._run())

    async def _round(self, pump: MessagePump) -> None:
        """Wait until ``pump`` has handled every message queued on it before now."""
        done = asyncio.Event()
        if not pump.call_later(done.set):
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), ROUND_TIMEOUT)

    async def _through(self, target: MessagePump) -> None:
        """Follow a key up its bubbling path: each queue handles it before the sentinel."""
        for pump in target.ancestors_with_self:
            await self._round(pump)
        # A binding's focus() is itself a callback queued on the app.
        await self._round(self.app)

    async def _settled(self, screen) -> None:
        """A key pushed ``screen``: wait for it to mount and focus its widget."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SCREEN_TIMEOUT
        while loop.time() < deadline:
            # (A screen with nothing to focus, a yes/no question, is ready once mounted.)
            focused = screen.focused is not None or not screen.focus_chain
            if screen.is_mounted and focused and not getattr(screen, "keys_wait", False):
                break
            if screen is not self.app.screen:
                return  # already gone again
            await asyncio.sleep(0.005)
        await self._round(screen)
        await self._round(self.app)
