"""The ``vigia`` command line: each command parses, calls one function, renders.

A command's module is imported only when that command runs (or ``vigia --help`` lists it), so
``vigia facts`` does not load the web service, the charts or the extraction models.
"""

from __future__ import annotations

import importlib

import click

from vigia import __version__

#: Each command, and where it is: ``module:attribute``.
COMMANDS = {
    "extract": "vigia.cli.extract:command",
    "score": "vigia.cli.score:command",
    "learn": "vigia.cli.learn:command",
    "ingest": "vigia.cli.ingest:command",
    "facts": "vigia.cli.facts:command",
    "evaluate": "vigia.cli.evaluate:command",
    "report": "vigia.cli.report:command",
    "plans": "vigia.cli.plans:group",
    "users": "vigia.cli.users:group",
    "db": "vigia.cli.db:group",
    "serve": "vigia.cli.serve:command",
    "demo": "vigia.cli.demo:command",
    "stats": "vigia.cli.stats:group",
    "compare": "vigia.cli.compare:command",
}


class LazyGroup(click.Group):
    """A group whose commands are imported when asked for by name."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands or cmd_name not in COMMANDS:
            return self.commands.get(cmd_name)
        module, attribute = COMMANDS[cmd_name].split(":")
        command: click.Command = getattr(importlib.import_module(module), attribute)
        self.add_command(command, cmd_name)
        return command


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="vigia")
def main() -> None:
    """Vigía: turn reports on trafficking in persons into sourced facts."""
