"""The help screen (? or F1): every key of every part of the app, as currently bound.

It reads the ``BINDINGS`` of the classes the app names (``key_sections``: the screen never
imports the app), with the user's ``[keys]`` remapping applied, so it cannot drift from what
the keys do. The binding id is shown too: it is the name to use
in the config file.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.screens.base import Dialog

# What the search line understands (the README says the same).
SEARCH_SYNTAX = (
    "words              all must occur (stemmed: visit finds visits, visited)",
    '"a phrase"         the words in this order',
    "prefix*            every word starting so (baim* finds Baimenov)",
    "-word, NOT word    without it;  a OR b   either",
    "tag:PGOV origin:almaty class:secret (c, u, noforn) id:06ALMATY",
    'from:2005-06 to:2006   subject:word  subject:"a phrase"',
    'person:"oduya, miriam"   named in its TAGS, Classified By or signature (p, P)',
)

# The reader's keys are less's where the app leaves them free; what differs, and why.
READER_NOTES = (
    "In the listing / searches all cables; in the reader / finds in the open cable",
    "(as in less) and & searches all cables. ? is help everywhere, so backward find is",
    "ctrl+r (the shell's reverse search). n/N go on from where the screen is.",
    "u is less's half page up in the reader: undo a removed bookmark with U.",
    "A number before g, G, % or j jumps: 40g line 40, 50% half way, 3j three lines.",
    "ctrl+b is less's page back: the sidebar is toggled with s.",
)

KEY_WIDTH = 22
DESCRIPTION_WIDTH = 24


def _bindings_of(cls: type) -> list[Binding]:
    out = []
    for item in cls.__dict__.get("BINDINGS", []):
        if isinstance(item, Binding):
            out.append(item)
        elif isinstance(item, tuple):
            out.append(Binding(*item))
    return out


def collect_bindings(sections: list[tuple[str, type]]) -> list[tuple[str, str, Binding]]:
    """``(section title, class name, binding)`` for every key the user can press, given
    ``(title, class)`` for each part of the app that has keys (the app's ``key_sections``)."""
    return [
        (title, cls.__name__, binding)
        for title, cls in sections
        for binding in _bindings_of(cls)
    ]


def key_names(app, binding: Binding) -> str:
    """The binding's keys as the user types them, after the config's remapping."""
    keymap = getattr(app, "_keymap", {}) or {}
    keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
    shown = []
    for key in keys.split(","):
        key = key.strip()
        if key:
            shown.append(app.get_key_display(Binding(key, binding.action)))
    return ", ".join(dict.fromkeys(shown))


def help_content(app) -> Content:
    lines: list[Content] = []
    current = None
    for title, _, binding in collect_bindings(app.key_sections()):
        if title != current:
            if current is not None:
                lines.append(Content(""))
            lines.append(Content.styled(title, "bold underline"))
            current = title
        keys = key_names(app, binding)
        description = binding.description or binding.action
        lines.append(
            Content.assemble(
                (keys.ljust(KEY_WIDTH), "bold"),
                description.ljust(DESCRIPTION_WIDTH),
                (binding.id or "", "dim"),
            )
        )
    lines.append(Content(""))
    lines.append(Content.styled("Reader keys (less's)", "bold underline"))
    lines.extend(Content(line) for line in READER_NOTES)
    lines.append(Content(""))
    lines.append(Content.styled("Search (/)", "bold underline"))
    lines.extend(Content(line) for line in SEARCH_SYNTAX)
    lines.append(Content(""))
    lines.append(
        Content.styled(
            'Remap a key in the config file\'s [keys] table: "binding.id" = "keys".', "italic"
        )
    )
    return Content("\n").join(lines)


class HelpScreen(Dialog[None]):
    """Every key, grouped by where it works."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close help", id="help.close"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="help.down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="help.up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="help.page_down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="help.page_up"),
        Binding("g,home", "top", "Top", show=False, id="help.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="help.bottom"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 90;
        max-width: 100%;
        height: 100%;
        max-height: 40;
        border: round $primary;
        border-title-align: center;
        background: $surface;
        padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        scroll = VerticalScroll(Static(help_content(self.app), id="help-text"))
        scroll.border_title = "Keys (q or escape closes)"
        scroll.can_focus = True
        yield scroll

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        scroll = self.query_one(VerticalScroll)
        scroll.scroll_to(y=scroll.scroll_y + lines, animate=False)

    def action_top(self) -> None:
        self.query_one(VerticalScroll).scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.query_one(VerticalScroll).scroll_end(animate=False)

    def action_page(self, direction: int) -> None:
        scroll = self.query_one(VerticalScroll)
        step = max(1, scroll.scrollable_content_region.height - 1)
        scroll.scroll_to(y=scroll.scroll_y + direction * step, animate=False)
