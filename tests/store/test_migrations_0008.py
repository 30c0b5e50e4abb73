"""Revision 0008: a fact's confidence and reasons, up and down, on both databases."""

from __future__ import annotations

from sqlalchemy import inspect

from vigia.store.database import connect, downgrade, schema_revision, upgrade

NEW_COLUMNS = {"confidence", "indicator_reason", "owner_reason"}


def _fact_columns(url: str) -> tuple[set[str], set[str]]:
    engine = connect(url)
    inspector = inspect(engine)
    columns = {column["name"] for column in inspector.get_columns("facts")}
    indexes = {str(index["name"]) for index in inspector.get_indexes("facts")}
    engine.dispose()
    return columns, indexes


def test_migration_0008_adds_and_removes_the_confidence_of_facts(database_url: str) -> None:
    engine = connect(database_url)
    upgrade(engine, "0008")
    assert schema_revision(engine) == "0008"
    columns, indexes = _fact_columns(database_url)
    assert columns >= NEW_COLUMNS and "ix_facts_status_confidence" in indexes
    downgrade(engine, "0007")
    columns, indexes = _fact_columns(database_url)
    assert not NEW_COLUMNS & columns and "ix_facts_status_confidence" not in indexes
    assert {"value", "status", "corrected_value"} <= columns
    engine.dispose()
