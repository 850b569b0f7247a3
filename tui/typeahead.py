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
its rows (a dialog filling a list in a worker says so with ``keys_wait``), and only once
what it set off has come: the messages it made between widgets are handled, and the work a
next key acts on is in (``app.busy``: a listing, a search, a cable on its way). So ``/word``
enter ``jj`` enter moves in the hits, not in the listing they replace, and ``jm`` bookmarks
the row ``j`` reached, whether typed in one burst or slowly. A key typed when all is quiet
goes out at once.
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
# How long the next key waits for the work the one before it set off (a cold search of a
# big corpus takes a second or two); past it the key goes out anyway.
WORK_TIMEOUT = 5.0
# How often the work is looked at meanwhile.
WORK_POLL = 0.005


class Awaited:
    """Work that keys typed ahead wait for, by kind ("search", "listing"): a newer piece of
    one kind replaces the older (exclusive workers), and only the newest one's end counts."""

    def __init__(self) -> None:
        self._current: dict[str, object] = {}

    def begin(self, kind: str) -> object:
        token = object()
        self._current[kind] = token
        return token

    def end(self, kind: str, token: object) -> None:
        if self._current.get(kind) is token:
            del self._current[kind]

    def drop(self, kind: str) -> None:
        """The work of ``kind`` was called off (a newer one need not be waited for)."""
        self._current.pop(kind, None)

    def __bool__(self) -> bool:
        return bool(self._current)


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
                await self._quiet()  # a key typed while its cable or hits are coming waits
                if not app.screen_stack:
                    self.keys.clear()  # the app closed meanwhile
                    return
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

    async def _quiet(self) -> None:
        """Wait until every message the key set off is handled (a search line's enter goes
        from the input to the search bar to the app before the listing gets the focus) and
        the work it started that the next key acts on is in (``app.busy``)."""
        app = self.app
        loop = asyncio.get_running_loop()
        deadline = loop.time() + WORK_TIMEOUT
        while loop.time() < deadline:
            try:
                pumps = [app, *app.screen.walk_children(with_self=True)]
            except Exception:  # no screen: the app is closing
                return
            await asyncio.gather(*(self._round(pump) for pump in pumps))
            queued = any(pump.message_queue_size for pump in pumps)
            if not queued and not getattr(app, "busy", False):
                return
            if not queued:
                await asyncio.sleep(WORK_POLL)

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
