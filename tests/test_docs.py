"""The docs keep up with the code: every command and option, every indicator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click

from vigia.cli import main
from vigia.reference import indicators

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _commands(group: click.Group, path: str = "vigia") -> Iterator[tuple[str, click.Command]]:
    """Every command under ``group``, nested ones too, with its full name ("vigia users list")."""
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        assert command is not None
        yield f"{path} {name}", command
        if isinstance(command, click.Group):
            yield from _commands(command, f"{path} {name}")


def _heading(full_name: str) -> str:
    """``## `vigia facts``` for a command, ``### `vigia users list``` one level down, and so on."""
    return "#" * full_name.count(" ") + "# `" + full_name + "`"


def _section(guide: str, heading: str, *, intro_only: bool = False) -> str:
    """The text under ``heading`` up to the next heading of its level or above.

    With ``intro_only``, up to the next heading of any level: a group's introduction.
    """
    level = len(heading) - len(heading.lstrip("#"))
    start = guide.index(heading + "\n")
    lines: list[str] = []
    for line in guide[start:].splitlines()[1:]:
        hashes = len(line) - len(line.lstrip("#"))
        if hashes and line[hashes : hashes + 1] == " " and (intro_only or hashes <= level):
            break
        lines.append(line)
    return "\n".join(lines)


def _documented_options(guide: str, full_name: str) -> str:
    """The command's section, plus the introductions of the groups it belongs to."""
    words = full_name.split()
    parents = [" ".join(words[:end]) for end in range(2, len(words))]
    intros = [_section(guide, _heading(parent), intro_only=True) for parent in parents]
    return "\n".join([_section(guide, _heading(full_name)), *intros])


def test_docs_every_command_and_option_is_in_the_user_guide() -> None:
    guide = (DOCS / "user-guide.md").read_text(encoding="utf-8")
    for full_name, command in _commands(main):
        assert _heading(full_name) + "\n" in guide, f"{full_name} has no section in the guide"
        section = _documented_options(guide, full_name)
        for parameter in command.params:
            if isinstance(parameter, click.Option):
                assert any(option in section for option in parameter.opts), (
                    f"option {parameter.opts} of {full_name} is not documented in its section"
                )


def test_docs_nested_commands_are_checked() -> None:
    names = [full_name for full_name, _command in _commands(main)]

    assert "vigia users" in names
    assert "vigia users revoke-token" in names


def test_docs_every_command_is_in_the_readme() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    for name in main.list_commands(click.Context(main)):
        assert f"`vigia {name}" in readme


def test_docs_every_indicator_is_in_the_catalogue_page() -> None:
    page = (DOCS / "indicators.md").read_text(encoding="utf-8")
    for name in indicators():
        assert f"`{name}`" in page


def test_docs_readme_test_command_is_what_ci_runs() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    ci = (DOCS.parent / ".ci" / "run").read_text(encoding="utf-8")
    blocks = readme.split("```")
    test_command = blocks[3].strip()
    assert "pytest" in test_command
    assert ci.rstrip().endswith(test_command)
