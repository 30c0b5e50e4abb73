"""Revision 0007: login sessions and failed logins on the server, up and down, on both databases."""

from __future__ import annotations

from sqlalchemy import inspect

from vigia.store.database import connect, downgrade, schema_revision, upgrade


def _tables(url: str) -> set[str]:
    engine = connect(url)
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    return names


def test_migration_0007_adds_and_removes_the_login_tables(database_url: str) -> None:
    engine = connect(database_url)
    upgrade(engine, "0007")
    assert schema_revision(engine) == "0007"
    assert {"login_sessions", "login_failures"} <= _tables(database_url)
    downgrade(engine, "0006")
    assert not {"login_sessions", "login_failures"} & _tables(database_url)
    assert "extraction_jobs" in _tables(database_url)
    engine.dispose()
