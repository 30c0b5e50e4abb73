"""Migration 0002: accounts, API tokens and the append-only audit log."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from vigia.domain import Document
from vigia.store.database import connect, downgrade, schema_revision, session_factory, upgrade
from vigia.store.repository import find_document, store_document

ACCOUNT_TABLES = {"users", "api_tokens", "audit_log"}
INSERT_ENTRY = text(
    "INSERT INTO audit_log (at, actor_label, action, entity, entity_id)"
    " VALUES (CURRENT_TIMESTAMP, 'system', 'fact.correct', 'facts', '1')"
)


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def _store_at_0001(engine: Engine, document: Document) -> None:
    """A database at 0001 holding ``document``: stored with today's models, then migrated down."""
    upgrade(engine)
    with session_factory(engine)() as session:
        store_document(session, document)
    downgrade(engine, "0001")


def test_upgrade_to_0002_adds_the_account_tables_and_keeps_documents(
    empty_engine: Engine, make_document: Callable[..., Document]
) -> None:
    document = make_document("kept")
    _store_at_0001(empty_engine, document)
    assert not ACCOUNT_TABLES & _tables(empty_engine)

    upgrade(empty_engine, "0002")

    assert schema_revision(empty_engine) == "0002"
    assert _tables(empty_engine) >= ACCOUNT_TABLES
    with session_factory(empty_engine)() as session:
        assert find_document(session, document.sha256) is not None


def test_upgrade_to_0002_creates_the_columns_and_keys(empty_engine: Engine) -> None:
    upgrade(empty_engine, "0002")
    inspector = inspect(empty_engine)

    assert [column["name"] for column in inspector.get_columns("users")] == [
        "id",
        "email",
        "password_hash",
        "role",
        "country",
        "display_name",
        "is_active",
        "created_at",
        "last_login_at",
    ]
    assert [column["name"] for column in inspector.get_columns("audit_log")] == [
        "id",
        "at",
        "actor_user_id",
        "actor_label",
        "action",
        "entity",
        "entity_id",
        "before",
        "after",
        "details",
    ]
    foreign_keys = {
        (table, key["constrained_columns"][0], key["options"].get("ondelete"))
        for table in ("api_tokens", "audit_log")
        for key in inspector.get_foreign_keys(table)
    }
    assert foreign_keys == {
        ("api_tokens", "user_id", "CASCADE"),
        ("audit_log", "actor_user_id", "SET NULL"),
    }
    unique = {
        (table, tuple(constraint["column_names"]))
        for table in ("users", "api_tokens")
        for constraint in inspector.get_unique_constraints(table)
    }
    assert unique == {("users", ("email",)), ("api_tokens", ("token_hash",))}


def test_upgrade_to_0002_makes_the_audit_log_append_only(empty_engine: Engine) -> None:
    upgrade(empty_engine, "0002")
    with empty_engine.begin() as connection:
        connection.execute(INSERT_ENTRY)

    for statement in ("UPDATE audit_log SET action = 'forged'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), empty_engine.begin() as connection:
            connection.execute(text(statement))


def test_downgrade_from_0002_to_0001_removes_only_the_account_tables(
    empty_engine: Engine, make_document: Callable[..., Document]
) -> None:
    document = make_document("kept")
    _store_at_0001(empty_engine, document)
    upgrade(empty_engine, "0002")
    with empty_engine.begin() as connection:
        connection.execute(INSERT_ENTRY)  # the triggers do not stop the table being dropped

    downgrade(empty_engine, "0001")

    assert schema_revision(empty_engine) == "0001"
    assert not ACCOUNT_TABLES & _tables(empty_engine)
    assert {"documents", "facts"} <= _tables(empty_engine)
    with session_factory(empty_engine)() as session:
        assert find_document(session, document.sha256) is not None


def test_upgrade_after_downgrade_of_0002_works_again(empty_engine: Engine) -> None:
    upgrade(empty_engine, "0002")
    downgrade(empty_engine, "0001")

    upgrade(empty_engine, "0002")

    assert schema_revision(empty_engine) == "0002"
    assert _tables(empty_engine) >= ACCOUNT_TABLES


@pytest.mark.postgres
def test_downgrade_of_0002_on_postgresql_drops_the_trigger_function(postgres_url: str) -> None:
    query = text(
        "SELECT count(*) FROM pg_proc JOIN pg_namespace ON pg_namespace.oid = pronamespace"
        " WHERE proname = 'audit_log_refuse_change' AND nspname = current_schema()"
    )
    engine = connect(postgres_url)
    try:
        upgrade(engine, "0002")
        with engine.connect() as connection:
            created = connection.execute(query).scalar()
        downgrade(engine, "0001")
        with engine.connect() as connection:
            dropped = connection.execute(query).scalar()
    finally:
        engine.dispose()

    assert (created, dropped) == (1, 0)
