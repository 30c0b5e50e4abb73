"""The ``vigia`` command line: each command parses, calls one function, renders."""

from __future__ import annotations

import click

from vigia import __version__
from vigia.cli.db import group as db_group
from vigia.cli.demo import command as demo_command
from vigia.cli.evaluate import command as evaluate_command
from vigia.cli.extract import command as extract_command
from vigia.cli.facts import command as facts_command
from vigia.cli.ingest import command as ingest_command
from vigia.cli.learn import command as learn_command
from vigia.cli.plans import group as plans_group
from vigia.cli.report import command as report_command
from vigia.cli.score import command as score_command
from vigia.cli.serve import command as serve_command
from vigia.cli.users import group as users_group


@click.group()
@click.version_option(__version__, prog_name="vigia")
def main() -> None:
    """Vigía: turn reports on trafficking in persons into sourced facts."""


for _command in (
    extract_command,
    score_command,
    learn_command,
    ingest_command,
    facts_command,
    evaluate_command,
    report_command,
    plans_group,
    users_group,
    db_group,
    serve_command,
    demo_command,
):
    main.add_command(_command)
