"""Opening the database as the edges do: created and migrated only when asked, errors in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from vigia.services.databases import (
    DatabaseError,
    MissingDatabase,
    SchemaNotReady,
    database_revision,
    database_session,
    is_newer_than_this_version,
    open_engine,
    schema_state,
    sessions_for,
)


def test_a_missing_database_is_refused_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    with (
        pytest.raises(MissingDatabase, match="no database at"),
        database_session(f"sqlite:///{path}"),
    ):
        pass
    assert not path.exists()


def test_migrate_creates_the_database_at_the_latest_schema(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'vigia.db'}"
    with database_session(url, migrate=True) as session:
        assert session.execute(text("SELECT count(*) FROM documents")).scalar_one() == 0
    state = schema_state(url)
    assert state.problem is None and state.revision == state.latest


def test_an_empty_database_is_not_ready_without_migrate(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with pytest.raises(SchemaNotReady, match="has no Vigía schema"):
        open_engine(f"sqlite:///{path}")


def test_a_failure_while_in_use_is_a_one_line_database_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'vigia.db'}"
    one_line = r"^database error: no such table: nowhere$"
    with pytest.raises(DatabaseError, match=one_line), database_session(url, migrate=True) as s:
        s.execute(text("SELECT * FROM nowhere"))


def test_the_revision_of_an_open_database_and_of_one_that_stopped_answering(
    tmp_path: Path,
) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'vigia.db'}", migrate=True)
    revision = database_revision(engine)
    with sessions_for(engine)() as session:
        session.execute(text("DROP TABLE alembic_version"))
        session.commit()
    assert database_revision(engine) is None
    engine.dispose()
    assert revision is not None and not is_newer_than_this_version(revision)
    assert is_newer_than_this_version("9999_from_the_future")
    assert not is_newer_than_this_version(None)
