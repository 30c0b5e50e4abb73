"""``vigia db``: create a database or bring its schema up to date, and say where it stands."""

from __future__ import annotations

import sys

import click

from vigia.cli.database import database_flag, database_option
from vigia.services.databases import (
    DatabaseError,
    MissingDatabase,
    SchemaChange,
    SchemaState,
    is_newer_than_this_version,
    schema_state,
    upgrade_database,
)


def render_change(change: SchemaChange) -> str:
    if change.before == change.after:
        return f"{change.database} is up to date (revision {change.after})"
    if change.before is None:
        return f"created Vigía's schema in {change.database} (revision {change.after})"
    return f"upgraded {change.database} from revision {change.before} to {change.after}"


def render_state(state: SchemaState, url: str) -> str:
    if state.problem is None:
        return f"{state.database}: revision {state.revision}, the latest"
    if is_newer_than_this_version(state.revision):
        return f"{state.problem}; install the newer version of Vigía that made it"
    return f"{state.problem}; run `vigia db upgrade{database_flag(url)}`"


@click.group("db")
def group() -> None:
    """Create the database or upgrade its schema; show where it stands."""


@group.command("upgrade")
@database_option
def upgrade_command(database_url: str) -> None:
    """Create the database if needed and migrate it to the latest schema.

    Safe to run again: a database already up to date is left as it is. Back up a production
    database first (see docs/deploy.md).
    """
    try:
        change = upgrade_database(database_url)
    except DatabaseError as error:
        raise click.ClickException(str(error)) from error
    click.echo(render_change(change))


@group.command("status")
@database_option
def status_command(database_url: str) -> None:
    """Show the database's schema revision; exit status 1 unless it is the latest.

    Nothing is created or changed, not even a missing SQLite file.
    """
    try:
        state = schema_state(database_url)
    except MissingDatabase as error:
        flag = database_flag(database_url)
        raise click.ClickException(f"{error}; create it with `vigia db upgrade{flag}`") from error
    except DatabaseError as error:
        raise click.ClickException(str(error)) from error
    click.echo(render_state(state, database_url))
    if state.problem is not None:
        sys.exit(1)
