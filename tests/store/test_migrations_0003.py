"""Migration 0003: the review workflow (fact corrections and publication, uploads, jobs)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, inspect, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from vigia.domain import Document
from vigia.store.database import downgrade, head_revision, schema_revision, session_factory, upgrade
from vigia.store.models import DOCUMENT_CHILD_TABLES, Base, FactRow
from vigia.store.repository import store_document

REVIEW_COLUMNS = [
    "corrected_value",
    "corrected_value_min",
    "corrected_qualifier",
    "corrected_year",
    "corrected_indicator",
    "review_note",
    "reviewed_by",
    "reviewed_at",
    "published_at",
    "published_by",
]
DOCUMENT_COLUMNS = ["uploaded_by", "country", "original", "original_name"]
MEETING_COLUMNS = ["name", "city", "country", "starts_on", "ends_on"]
KEPT_TABLES = (*DOCUMENT_CHILD_TABLES, "documents", "meetings")
INSERT_USER = text(
    "INSERT INTO users (email, password_hash, role, created_at)"
    " VALUES ('gone@example.org', '-', 'secretariat', CURRENT_TIMESTAMP)"
)


def _columns(engine: Engine, table: str) -> list[str]:
    return [column["name"] for column in inspect(engine).get_columns(table)]


def _row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table: connection.scalar(select(func.count()).select_from(Base.metadata.tables[table]))
            or 0
            for table in KEPT_TABLES
        }


def _facts(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, indicator, value, value_min, qualifier, status FROM facts ORDER BY id")
        )
        return [tuple(row) for row in rows]


def _stored_at_0002(engine: Engine, document: Document) -> None:
    """A database at 0002 holding ``document``, one of its facts published."""
    upgrade(engine)
    with session_factory(engine)() as session:
        store_document(session, document)
        session.scalars(select(FactRow)).first().status = "published"  # type: ignore[union-attr]
        session.commit()
    downgrade(engine, "0002")


def _user_id(connection: Connection) -> int:
    connection.execute(INSERT_USER)
    user_id: int = connection.execute(text("SELECT max(id) FROM users")).scalar_one()
    return user_id


def test_downgrade_from_0003_keeps_every_row_and_restores_the_0002_columns(
    empty_engine: Engine, make_document: Callable[..., Document]
) -> None:
    upgrade(empty_engine, "0002")
    columns_at_0002 = {table: _columns(empty_engine, table) for table in KEPT_TABLES}

    _stored_at_0002(empty_engine, make_document("kept"))

    assert schema_revision(empty_engine) == "0002"
    assert {table: _columns(empty_engine, table) for table in KEPT_TABLES} == columns_at_0002
    assert "extraction_jobs" not in inspect(empty_engine).get_table_names()
    assert _row_counts(empty_engine)["facts"] == 4
    assert min(_row_counts(empty_engine).values()) >= 1


def test_upgrade_to_0003_keeps_every_row_and_adds_the_columns(
    empty_engine: Engine, make_document: Callable[..., Document]
) -> None:
    _stored_at_0002(empty_engine, make_document("kept"))
    counts, facts = _row_counts(empty_engine), _facts(empty_engine)

    upgrade(empty_engine, "0003")

    assert schema_revision(empty_engine) == "0003"
    assert _row_counts(empty_engine) == counts
    assert _facts(empty_engine) == facts
    assert [status for *_rest, status in facts].count("published") == 1
    assert _columns(empty_engine, "facts")[-len(REVIEW_COLUMNS) :] == REVIEW_COLUMNS
    assert _columns(empty_engine, "documents")[-len(DOCUMENT_COLUMNS) :] == DOCUMENT_COLUMNS
    assert _columns(empty_engine, "meetings")[-len(MEETING_COLUMNS) :] == MEETING_COLUMNS
    with empty_engine.connect() as connection:
        corrected = connection.execute(text("SELECT corrected_value FROM facts")).scalars().all()
    assert set(corrected) == {None}


def test_upgrade_to_0003_keeps_the_indexes_of_facts(empty_engine: Engine) -> None:
    upgrade(empty_engine, "0003")

    indexed = {tuple(index["column_names"]) for index in inspect(empty_engine).get_indexes("facts")}

    assert {("document_id",), ("section_id",), ("indicator",), ("country",), ("status",)} <= (
        indexed
    )


def test_upgrade_to_0003_keeps_the_audit_log_append_only(empty_engine: Engine) -> None:
    upgrade(empty_engine, "0003")
    with empty_engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_log (at, actor_label, action, entity, entity_id)"
                " VALUES (CURRENT_TIMESTAMP, 'system', 'fact.confirm', 'facts', '1')"
            )
        )

    with pytest.raises(Exception, match="append-only"), empty_engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_log"))


def test_facts_refuse_an_unknown_status(
    empty_engine: Engine, make_document: Callable[..., Document]
) -> None:
    upgrade(empty_engine)
    with session_factory(empty_engine)() as session:
        store_document(session, make_document())

    with pytest.raises(IntegrityError), empty_engine.begin() as connection:
        connection.execute(text("UPDATE facts SET status = 'approved'"))

    with empty_engine.connect() as connection:
        statuses = connection.execute(text("SELECT DISTINCT status FROM facts")).scalars().all()
    assert statuses == ["proposed"]


@pytest.mark.parametrize(("status", "progress"), [("queued", -1), ("done", 101), ("paused", 0)])
def test_extraction_jobs_refuse_an_unknown_status_or_progress(
    empty_engine: Engine, status: str, progress: int
) -> None:
    upgrade(empty_engine)
    insert = text(
        "INSERT INTO extraction_jobs (created_at, file_name, status, progress)"
        " VALUES (CURRENT_TIMESTAMP, 'report.pdf', :status, :progress)"
    )

    with pytest.raises(IntegrityError), empty_engine.begin() as connection:
        connection.execute(insert, {"status": status, "progress": progress})


def test_extraction_jobs_start_queued_at_zero(empty_engine: Engine) -> None:
    upgrade(empty_engine)
    with empty_engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO extraction_jobs (created_at, file_name)"
                " VALUES (CURRENT_TIMESTAMP, 'report.pdf')"
            )
        )
        job = connection.execute(text("SELECT status, progress FROM extraction_jobs")).one()

    assert tuple(job) == ("queued", 0)


def test_deleting_a_user_or_a_document_empties_the_references_to_it(
    empty_engine: Engine, make_document: Callable[..., Document]
) -> None:
    upgrade(empty_engine)
    with session_factory(empty_engine)() as session:
        document_id = store_document(session, make_document()).id
    with empty_engine.begin() as connection:
        user_id = _user_id(connection)
        parameters = {"user": user_id, "document": document_id}
        for statement in (
            "UPDATE documents SET uploaded_by = :user",
            "UPDATE facts SET reviewed_by = :user, published_by = :user",
            "INSERT INTO extraction_jobs (created_at, created_by, file_name, document_id)"
            " VALUES (CURRENT_TIMESTAMP, :user, 'report.pdf', :document)",
        ):
            connection.execute(text(statement), parameters)

    with empty_engine.begin() as connection:
        connection.execute(text("DELETE FROM users WHERE id = :user"), {"user": user_id})
        connection.execute(text("DELETE FROM documents"))
        references = connection.execute(
            text("SELECT created_by, document_id FROM extraction_jobs")
        ).one()

    assert tuple(references) == (None, None)


def test_deleting_a_user_keeps_the_documents_and_facts_they_touched(
    empty_engine: Engine, make_document: Callable[..., Document]
) -> None:
    upgrade(empty_engine)
    with session_factory(empty_engine)() as session:
        store_document(session, make_document())
    with empty_engine.begin() as connection:
        user_id = _user_id(connection)
        connection.execute(text("UPDATE documents SET uploaded_by = :user"), {"user": user_id})
        connection.execute(text("UPDATE facts SET reviewed_by = :user"), {"user": user_id})

    with empty_engine.begin() as connection:
        connection.execute(text("DELETE FROM users WHERE id = :user"), {"user": user_id})
        uploaded_by = connection.execute(text("SELECT uploaded_by FROM documents")).scalars()
        reviewed_by = connection.execute(text("SELECT reviewed_by FROM facts")).scalars()
        kept = (set(uploaded_by), set(reviewed_by))

    assert kept == ({None}, {None})
    assert _row_counts(empty_engine)["facts"] == 4


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_sqlite_documents_uploaded_by_sets_null_on_delete(empty_engine: Engine) -> None:
    upgrade(empty_engine)

    with empty_engine.connect() as connection:
        keys = connection.execute(text("PRAGMA foreign_key_list(documents)")).all()

    assert [(key.table, key._mapping["from"], key.to, key.on_delete) for key in keys] == [
        ("users", "uploaded_by", "id", "SET NULL")
    ]


def test_upgrade_after_downgrade_of_0003_works_again(empty_engine: Engine) -> None:
    upgrade(empty_engine)
    downgrade(empty_engine, "0002")

    upgrade(empty_engine)

    assert schema_revision(empty_engine) == head_revision()
    assert "extraction_jobs" in inspect(empty_engine).get_table_names()
