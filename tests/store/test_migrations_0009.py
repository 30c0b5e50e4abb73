"""Revision 0009: the report editions and their kept files, up and down, on both databases."""

from __future__ import annotations

from sqlalchemy import inspect

from vigia.store.database import connect, downgrade, schema_revision, upgrade

TABLES = {"report_editions", "report_files"}


def test_migration_0009_adds_and_removes_the_report_editions(database_url: str) -> None:
    engine = connect(database_url)
    upgrade(engine, "0009")
    assert schema_revision(engine) == "0009"
    assert set(inspect(engine).get_table_names()) >= TABLES
    downgrade(engine, "0008")
    assert not TABLES & set(inspect(engine).get_table_names())
    upgrade(engine, "0009")  # the triggers' function was dropped with them
    assert set(inspect(engine).get_table_names()) >= TABLES
    engine.dispose()
