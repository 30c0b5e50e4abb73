"""Opening a database and bringing its schema up to date with the packaged Alembic migrations.

Any SQLAlchemy URL works in principle; Vigía is tested on SQLite (``sqlite:///vigia.db``, the
default) and PostgreSQL through psycopg 3 (``postgresql+psycopg://user@host/database``; a bare
``postgresql://`` URL is taken to mean psycopg 3 too).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from vigia.store.versions import track_writes

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
CONNECT_TIMEOUT_SECONDS = 5
URL_EXAMPLES = "sqlite:///vigia.db or postgresql+psycopg://user@host/database"
POSTGRESQL_ALIASES = frozenset({"postgresql", "postgres"})


class DatabaseError(Exception):
    """A database Vigía cannot open or migrate. ``str()`` is one line, fit to show a user."""


class SchemaNotReady(DatabaseError):
    """A database that exists but lacks Vigía's schema, or has an older or newer one."""


class MissingDatabase(SchemaNotReady):
    """A SQLite file that does not exist (and was not to be created)."""


def connect(url: str, *, create: bool = True) -> Engine:
    """An engine for ``url``, checked by opening one connection.

    With ``create`` (the default), a missing SQLite file is created, with its folder; without it, a
    missing SQLite file raises :class:`MissingDatabase` and nothing is written to disk. Turns
    SQLite's foreign keys on (so that deleting a document deletes what hangs off it) and gives
    PostgreSQL connections a timeout, so that an unreachable server fails within seconds. Raises
    :class:`DatabaseError` on a malformed or unsupported URL and on a database that cannot be
    reached.
    """
    parsed = _parse(url)
    if create:
        _create_sqlite_folder(parsed)
    else:
        _require_sqlite_file(parsed)
    engine = _create_engine(parsed)
    try:
        with engine.connect():
            pass
    except SQLAlchemyError as error:
        engine.dispose()
        reason = describe_error(error)
        raise DatabaseError(f"cannot open database {_shown(parsed)}: {reason}") from error
    return engine


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the packaged migrations up to ``revision`` (by default, all of them)."""
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Undo migrations down to ``revision`` (by default, all of them: an empty database)."""
    with engine.begin() as connection:
        command.downgrade(_alembic_config(connection), revision)


def open_database(url: str) -> Engine:
    """:func:`connect`, then :func:`upgrade`; migration failures also raise DatabaseError."""
    engine = connect(url)
    _migrate(engine)
    return engine


def _migrate(engine: Engine) -> str | None:
    """Upgrade to the latest schema; the revision before. Disposes of ``engine`` on failure."""
    try:
        before = schema_revision(engine)
        upgrade(engine)
    except SQLAlchemyError as error:
        engine.dispose()
        shown = _shown(engine.url)
        raise DatabaseError(f"cannot migrate database {shown}: {describe_error(error)}") from error
    return before


@dataclass(frozen=True)
class SchemaChange:
    """What :func:`upgrade_database` did: the revision before (None: no schema) and after."""

    database: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class SchemaState:
    """Where a database's schema stands: its revision, the latest, and what is wrong if anything."""

    database: str
    revision: str | None
    latest: str | None
    problem: str | None


def upgrade_database(url: str) -> SchemaChange:
    """Create the database if needed and migrate it to the latest schema."""
    engine = connect(url)
    before = _migrate(engine)
    engine.dispose()
    return SchemaChange(_shown(engine.url), before, head_revision())


def schema_state(url: str) -> SchemaState:
    """Where the schema of the database at ``url`` stands; nothing is created or changed."""
    engine = connect(url, create=False)
    try:
        return SchemaState(
            _shown(engine.url), schema_revision(engine), head_revision(), schema_problem(engine)
        )
    except SQLAlchemyError as error:
        reason = describe_error(error)
        raise DatabaseError(f"cannot read database {_shown(engine.url)}: {reason}") from error
    finally:
        engine.dispose()


def open_existing_database(url: str) -> Engine:
    """An engine on a database already at the latest schema; nothing is created or migrated.

    Raises :class:`MissingDatabase` for a SQLite file that does not exist, :class:`SchemaNotReady`
    for a database without Vigía's schema or at another revision, :class:`DatabaseError` for one
    that cannot be opened.
    """
    engine = connect(url, create=False)
    try:
        problem = schema_problem(engine)
    except SQLAlchemyError as error:
        engine.dispose()
        reason = describe_error(error)
        raise DatabaseError(f"cannot read database {_shown(engine.url)}: {reason}") from error
    if problem is not None:
        engine.dispose()
        raise SchemaNotReady(problem)
    return engine


def schema_problem(engine: Engine) -> str | None:
    """Why the database is not ready for this version of Vigía, or None when it is."""
    current, latest = schema_revision(engine), head_revision()
    shown = _shown(engine.url)
    if current == latest:
        return None
    if current is None:
        return f"database {shown} has no Vigía schema"
    if current not in known_revisions():
        return f"database {shown} is at revision {current}, newer than this Vigía knows ({latest})"
    return f"database {shown} is at revision {current}; this Vigía needs {latest}"


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions bound to ``engine``; objects stay readable after a commit, and a commit that
    changes what the site shows bumps the data version (:mod:`vigia.store.versions`)."""
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    track_writes(factory)
    return factory


def schema_revision(engine: Engine) -> str | None:
    """The migration the database is at, or None for a database without Vigía's tables."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    """The latest migration shipped with this version of Vigía."""
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    """Every migration shipped with this version of Vigía."""
    script = ScriptDirectory.from_config(_alembic_config())
    return {revision.revision for revision in script.walk_revisions()}


def _alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    config.attributes["connection"] = connection
    return config


def _parse(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(f"not a database URL; expected something like {URL_EXAMPLES}") from None
    if parsed.drivername in POSTGRESQL_ALIASES:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _create_sqlite_folder(url: URL) -> None:
    path = _sqlite_file(url)
    if path is None:
        return
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseError(f"cannot create folder {folder}: {error.strerror}") from error


def _sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL, or None for other databases, memory and ``file:`` URIs."""
    database = url.database
    if url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    if database.startswith("file:"):
        return None
    return Path(database)


def _require_sqlite_file(url: URL) -> None:
    path = _sqlite_file(url)
    if path is not None and not path.is_file():
        raise MissingDatabase(f"no database at {path}")


def _create_engine(url: URL) -> Engine:
    try:
        engine = create_engine(url, connect_args=_connect_arguments(url))
    except (ArgumentError, NoSuchModuleError, ImportError) as error:
        raise DatabaseError(
            f"unsupported database URL {_shown(url)} ({describe_error(error)}); "
            f"expected something like {URL_EXAMPLES}"
        ) from error
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


def _connect_arguments(url: URL) -> dict[str, Any]:
    if url.get_backend_name() == "postgresql" and "connect_timeout" not in url.query:
        return {"connect_timeout": CONNECT_TIMEOUT_SECONDS}
    return {}


def _enable_sqlite_foreign_keys(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _shown(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def describe_error(error: BaseException) -> str:
    """The first meaningful line of a driver's error, without SQLAlchemy's wrapping."""
    original = getattr(error, "orig", None)
    text = str(original if original is not None else error)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__
