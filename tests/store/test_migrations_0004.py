"""Revision 0004: the index on facts(country, status, document_id), up and down, on both databases."""

from __future__ import annotations

from sqlalchemy import inspect

from vigia.store.database import connect, downgrade, schema_revision, upgrade


def _fact_indexes(url: str) -> set[str]:
    engine = connect(url)
    names = {index["name"] or "" for index in inspect(engine).get_indexes("facts")}
    engine.dispose()
    return names


def test_migration_0004_adds_and_removes_the_country_index(database_url: str) -> None:
    engine = connect(database_url)
    upgrade(engine, "0004")
    assert schema_revision(engine) == "0004"
    assert "ix_facts_country_status_document" in _fact_indexes(database_url)
    downgrade(engine, "0003")
    assert "ix_facts_country_status_document" not in _fact_indexes(database_url)
    assert "ix_facts_status" in _fact_indexes(database_url)
    engine.dispose()
