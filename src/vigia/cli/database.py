"""What the commands that use the database share: the ``--db`` option and opening a session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from vigia.settings import DEFAULT_DATABASE_URL, Settings, SettingsError
from vigia.store.database import DatabaseError, describe_error, open_database, session_factory


def _configured_database_url() -> str:
    try:
        return Settings.from_environment().database_url
    except SettingsError as error:
        raise click.ClickException(str(error)) from error


def database_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """``--db URL``, by default ``VIGIA_DATABASE_URL`` or ``sqlite:///vigia.db``."""
    return click.option(
        "--db",
        "database_url",
        default=_configured_database_url,
        show_default=f"VIGIA_DATABASE_URL or {DEFAULT_DATABASE_URL}",
        metavar="URL",
        help="SQLAlchemy URL of the database (SQLite or PostgreSQL).",
    )(function)


@contextmanager
def database_session(url: str) -> Iterator[Session]:
    """A session on the database at ``url``, migrated to the latest schema.

    Any database failure, on opening or later, becomes a one-line :class:`click.ClickException`
    (exit status 1) instead of a traceback.
    """
    try:
        engine = open_database(url)
    except DatabaseError as error:
        raise click.ClickException(str(error)) from error
    try:
        with session_factory(engine)() as session:
            yield session
    except SQLAlchemyError as error:
        raise click.ClickException(f"database error: {describe_error(error)}") from error
    finally:
        engine.dispose()
