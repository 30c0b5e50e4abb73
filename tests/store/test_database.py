"""Opening databases: vigia.store.database."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from vigia.store.database import (
    DatabaseError,
    connect,
    head_revision,
    open_database,
    schema_revision,
    session_factory,
)
from vigia.store.models import MeetingRow


def test_connect_creates_the_folder_of_a_sqlite_file(tmp_path: Path) -> None:
    database = tmp_path / "deep" / "er" / "vigia.db"

    engine = connect(f"sqlite:///{database}")
    engine.dispose()

    assert database.parent.is_dir()


def test_connect_turns_sqlite_foreign_keys_on(tmp_path: Path) -> None:
    engine = connect(f"sqlite:///{tmp_path / 'vigia.db'}")
    with engine.connect() as connection:
        enabled = connection.execute(text("PRAGMA foreign_keys")).scalar()
    engine.dispose()

    assert enabled == 1


@pytest.mark.parametrize("url", ["vigia.db", "", "not a url at all"])
def test_connect_rejects_a_malformed_url(url: str) -> None:
    with pytest.raises(DatabaseError, match="not a database URL"):
        connect(url)


def test_connect_rejects_an_unknown_kind_of_database() -> None:
    with pytest.raises(DatabaseError, match="unsupported database URL nosuchdb://"):
        connect("nosuchdb://somewhere/base")


def test_connect_reports_an_unreachable_server_quickly_without_its_password() -> None:
    started = time.monotonic()

    with pytest.raises(DatabaseError) as raised:
        connect("postgresql://someone:secret@127.0.0.1:1/nothing")

    message = str(raised.value)
    assert message.startswith("cannot open database postgresql+psycopg://someone:***@127.0.0.1:1")
    assert "secret" not in message
    assert "\n" not in message
    assert time.monotonic() - started < 10


def test_connect_reports_a_sqlite_file_that_cannot_be_opened(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="cannot open database"):
        connect(f"sqlite:///{tmp_path}")  # a folder, not a file


def test_open_database_migrates_to_the_latest_schema(database_url: str) -> None:
    engine = open_database(database_url)
    revision = schema_revision(engine)
    engine.dispose()

    assert revision == head_revision()


def test_session_factory_keeps_objects_readable_after_commit(engine: Engine) -> None:
    with session_factory(engine)() as session:
        meeting = MeetingRow(code="TEST-1")
        session.add(meeting)
        session.commit()

    assert (meeting.id, meeting.code) == (1, "TEST-1")
