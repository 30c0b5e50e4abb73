"""Revision 0005: the Work Plan follow-up tables, up and down, on both databases."""

from __future__ import annotations

from sqlalchemy import inspect

from vigia.store.database import connect, downgrade, schema_revision, upgrade

FOLLOW_UP_TABLES = {
    "work_plans",
    "mapped_documents",
    "area_mappings",
    "rating_reviews",
    "recommendations",
    "recommendation_follow_ups",
    "observations",
}


def _tables(url: str) -> set[str]:
    engine = connect(url)
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    return names


def test_migration_0005_adds_and_removes_the_follow_up_tables(database_url: str) -> None:
    engine = connect(database_url)
    upgrade(engine, "0005")
    assert schema_revision(engine) == "0005"
    assert _tables(database_url) >= FOLLOW_UP_TABLES
    downgrade(engine, "0004")
    assert not FOLLOW_UP_TABLES & _tables(database_url)
    assert "facts" in _tables(database_url)
    engine.dispose()
