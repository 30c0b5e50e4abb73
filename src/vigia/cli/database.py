"""What the commands that use the database share: the ``--db`` option and opening a session.

Only ``vigia ingest``, ``vigia demo`` and ``vigia db upgrade`` create a database or migrate it;
every other command needs one at the latest schema and says how to get there when it is not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from vigia.services import databases
from vigia.services.databases import DatabaseError, MissingDatabase, SchemaNotReady
from vigia.settings import DEFAULT_DATABASE_URL, Settings, SettingsError


def configured_database_url() -> str:
    """``VIGIA_DATABASE_URL``, or the default database."""
    try:
        return Settings.from_environment().database_url
    except SettingsError as error:
        raise click.ClickException(str(error)) from error


def database_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """``--db URL``, by default ``VIGIA_DATABASE_URL`` or ``sqlite:///vigia.db``."""
    return click.option(
        "--db",
        "database_url",
        default=configured_database_url,
        show_default=f"VIGIA_DATABASE_URL or {DEFAULT_DATABASE_URL}",
        metavar="URL",
        help="SQLAlchemy URL of the database (SQLite or PostgreSQL).",
    )(function)


def database_flag(url: str) -> str:
    """`` --db URL`` to repeat in a command line, or nothing for the configured database."""
    if url == configured_database_url():
        return ""
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        shown = url
    return f" --db {shown}"


def not_ready_message(error: SchemaNotReady, url: str) -> str:
    """The problem, and the command that solves it."""
    flag = database_flag(url)
    if isinstance(error, MissingDatabase):
        return (
            f"{error}; create it with `vigia db upgrade{flag}`, or store reports in it with "
            f"`vigia ingest{flag} FILE...`"
        )
    return f"{error}; bring it up to date with `vigia db upgrade{flag}`"


@contextmanager
def database_session(url: str, *, migrate: bool = False) -> Iterator[Session]:
    """A session on the database at ``url``, which must be at the latest schema.

    With ``migrate``, the database is created if missing and migrated first. Any database failure,
    on opening or later, becomes a one-line :class:`click.ClickException` (exit status 1) instead
    of a traceback; a database that is missing or not at the latest schema says which command
    makes it so.
    """
    try:
        with databases.database_session(url, migrate=migrate) as session:
            yield session
    except SchemaNotReady as error:
        raise click.ClickException(not_ready_message(error, url)) from error
    except DatabaseError as error:
        raise click.ClickException(str(error)) from error
