"""The database as the edges open it: created or migrated where asked, its sessions, its health.

The edges (the commands, the web service, the benchmarks) open the database here and never reach
into :mod:`vigia.store` themselves::

    with database_session("sqlite:///vigia.db") as session:
        ingest_path(session, path)

Opening refuses a database that is missing or not at the latest schema with
:class:`SchemaNotReady` (``migrate=True`` creates and migrates it instead); any other failure to
open, read or write is a :class:`DatabaseError` whose ``str()`` is one line, fit to show a user.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from vigia.extract.sentences import split_sentences
from vigia.store.database import (
    DatabaseError,
    MissingDatabase,
    SchemaChange,
    SchemaNotReady,
    SchemaState,
    describe_error,
    known_revisions,
    open_database,
    open_existing_database,
    schema_revision,
    schema_state,
    session_factory,
)
from vigia.store.database import upgrade_database as upgrade_schema
from vigia.store.practices import fill_practices
from vigia.store.search_index import fill_search_index
from vigia.store.versions import DataVersion, data_version

__all__ = [
    "DataVersion",
    "DatabaseError",
    "MissingDatabase",
    "SchemaChange",
    "SchemaNotReady",
    "SchemaState",
    "data_version",
    "database_revision",
    "database_session",
    "describe_error",
    "is_newer_than_this_version",
    "open_engine",
    "schema_state",
    "sessions_for",
    "upgrade_database",
]


def open_engine(url: str, *, migrate: bool = False) -> Engine:
    """An engine on the database at ``url``; dispose of it when done.

    Without ``migrate`` the database must already be at the latest schema and nothing is written;
    with it, a missing database is created and an older schema upgraded first (the documents
    stored before the search index are then indexed).
    """
    if not migrate:
        return open_existing_database(url)
    engine = open_database(url)
    _fill_search_index(engine)
    return engine


def upgrade_database(url: str) -> SchemaChange:
    """Create the database at ``url`` if needed, migrate it to the latest schema, and index the
    documents stored before the search index."""
    change = upgrade_schema(url)
    engine = open_existing_database(url)
    try:
        _fill_search_index(engine)
    finally:
        engine.dispose()
    return change


def _fill_search_index(engine: Engine) -> None:
    """Index the documents stored before the search index, and propose the practices of those
    stored before the compendium."""
    try:
        with session_factory(engine)() as session:
            fill_search_index(session, split_sentences)
            fill_practices(session)
    except SQLAlchemyError as error:
        engine.dispose()
        raise DatabaseError(
            f"cannot index the stored documents: {describe_error(error)}"
        ) from error


def sessions_for(engine: Engine) -> sessionmaker[Session]:
    """Sessions on ``engine``; what they load stays readable after a commit."""
    return session_factory(engine)


@contextmanager
def database_session(url: str, *, migrate: bool = False) -> Iterator[Session]:
    """One session on the database at ``url`` (see :func:`open_engine`), closed with its engine.

    A database failure while the session is in use becomes a :class:`DatabaseError` too.
    """
    engine = open_engine(url, migrate=migrate)
    try:
        with session_factory(engine)() as session:
            yield session
    except SQLAlchemyError as error:
        raise DatabaseError(f"database error: {describe_error(error)}") from error
    finally:
        engine.dispose()


def database_revision(engine: Engine) -> str | None:
    """The database's schema revision (None: no schema); DatabaseError when it does not answer."""
    try:
        return schema_revision(engine)
    except SQLAlchemyError as error:
        raise DatabaseError(f"database error: {describe_error(error)}") from error


def is_newer_than_this_version(revision: str | None) -> bool:
    """Whether ``revision`` was made by a newer Vigía than this one (it is not among ours)."""
    return revision is not None and revision not in known_revisions()
