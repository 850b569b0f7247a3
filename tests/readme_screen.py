"""The screen at the top of the README, made by the app itself at 80x24 on the bundled
samples: the listing, then enter on the first cable (below 100 columns they take the
screen in turn).

    python tests/readme_screen.py           # print it
    python tests/readme_screen.py --write   # put it in README.md

``tests/test_readme.py`` fails when the README's block is not what the app shows.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import tempfile
from pathlib import Path

from app_support import make_app, open_first, samples_corpus, screen_text, settle, wait_until

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SIZE = (80, 24)
FENCE = "```"
_POSITION = re.compile(r"lines \d+-\d+/\d+ \d+%")  # the reader's, in the status line


def render(workdir: Path) -> str:
    """The listing's rows, a blank line, then the reader's screen; no trailing blanks."""

    async def run() -> str:
        app = make_app(samples_corpus(workdir, ROOT / "samples"))
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            listing = _lines(screen_text(app))
            listing = listing[: listing.index("")] if "" in listing else listing
            await open_first(pilot)
            # The status line shows the position once the reader, laid out when its pane
            # is shown, has said so: on a loaded machine that message can come after.
            await wait_until(pilot, lambda: _POSITION.search(screen_text(app)) is not None)
            return "\n".join([*listing, "", *_lines(screen_text(app))]).rstrip("\n")

    return asyncio.run(run())


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def screen_block(readme: str) -> tuple[int, int]:
    """Line numbers of the first plain fenced block's first and past-last line of text."""
    lines = readme.splitlines()
    start = lines.index(FENCE) + 1
    return start, lines.index(FENCE, start)


def with_screen(readme: str, screen: str) -> str:
    lines = readme.splitlines()
    start, end = screen_block(readme)
    return "\n".join([*lines[:start], *screen.splitlines(), *lines[end:]]) + "\n"


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as folder:
        # Never the user's own bookmarks or history: every XDG folder in the temporary one.
        for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = str(Path(folder) / name.lower())
        screen = render(Path(folder))
    if "--write" in argv:
        README.write_text(with_screen(README.read_text(encoding="utf-8"), screen), encoding="utf-8")
    else:
        print(screen)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
