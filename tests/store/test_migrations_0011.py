"""Revision 0011: the statistics forms and their values, up and down, on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from vigia.store.database import connect, downgrade, schema_revision, upgrade

TABLES = {"statistics_forms", "data_values"}
FORM = (
    "INSERT INTO statistics_forms (id, country, year, data_set, version, status, changed_at) "
    "VALUES (1, 'CRI', 2024, 'tip-annual', 1, 'draft', '2026-12-07')"
)
VALUE = (
    "INSERT INTO data_values (form_id, element, options, value, source, entered_at) "
    "VALUES (1, 'persons_convicted', '', {value}, 'form', '2026-12-07')"
)


def test_migration_0011_adds_and_removes_the_statistics_tables(database_url: str) -> None:
    engine = connect(database_url)
    upgrade(engine, "0011")
    assert schema_revision(engine) == "0011"
    assert set(inspect(engine).get_table_names()) >= TABLES
    with engine.begin() as connection:
        connection.execute(text(FORM))
        connection.execute(text(VALUE.format(value=43)))
    for refused in (VALUE.format(value=44), VALUE.format(value=-1)):  # twice; negative
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(text(refused))
    downgrade(engine, "0010")
    assert not TABLES & set(inspect(engine).get_table_names())
    engine.dispose()
