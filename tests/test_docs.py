"""The docs keep up with the code: every command and option, every indicator."""

from __future__ import annotations

from pathlib import Path

import click

from vigia.cli import main
from vigia.reference import indicators

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_docs_every_command_and_option_is_in_the_user_guide() -> None:
    guide = (DOCS / "user-guide.md").read_text(encoding="utf-8")
    context = click.Context(main)
    for name in main.list_commands(context):
        command = main.get_command(context, name)
        assert command is not None
        assert f"## `vigia {name}`" in guide, f"vigia {name} is not documented"
        for parameter in command.params:
            if isinstance(parameter, click.Option):
                assert any(option in guide for option in parameter.opts), (
                    f"option {parameter.opts} of vigia {name} is not documented"
                )


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
