"""The ``vigia`` command line: each command parses, calls one function, renders."""

from __future__ import annotations

import click

from vigia import __version__


@click.group()
@click.version_option(__version__, prog_name="vigia")
def main() -> None:
    """Vigía: turn reports on trafficking in persons into sourced facts."""


def _register_commands() -> None:
    from vigia.cli import extract, facts, ingest

    for module in (extract, facts, ingest):
        main.add_command(module.command)


_register_commands()
