"""The README's two set-up commands stay true, and CI runs the same test command."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    lines = (ROOT / "README.md").read_text().splitlines()
    start = lines.index("```sh")
    end = lines.index("```", start + 1)
    return lines[start + 1 : end]


def test_readme_starts_with_two_setup_commands():
    lines = (ROOT / "README.md").read_text().splitlines()
    assert lines[0].startswith("# ")
    assert lines[2] == "```sh"
    commands = readme_commands()
    assert len(commands) == 2
    assert commands[0].endswith("&& cables")
    assert "[test]" in commands[1] and "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert readme_commands()[1] in ci


def test_the_readme_shows_the_screen_the_app_shows(tmp_path):
    from readme_screen import render, screen_block

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = screen_block(readme)
    shown = "\n".join(readme.splitlines()[start:end])
    # On a difference: python tests/readme_screen.py --write, and read the diff.
    assert shown == render(tmp_path)
