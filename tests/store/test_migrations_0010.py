"""Revision 0010: the data version, up and down, on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from vigia.store.database import connect, downgrade, schema_revision, upgrade


def test_migration_0010_adds_the_one_row_of_the_data_version_and_removes_it(
    database_url: str,
) -> None:
    engine = connect(database_url)
    upgrade(engine, "0010")
    assert schema_revision(engine) == "0010"
    with engine.connect() as connection:
        assert connection.execute(text("SELECT id, version FROM data_version")).all() == [(1, 1)]
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            text("INSERT INTO data_version (id, version, changed_at) VALUES (2, 1, '2026-01-01')")
        )
    downgrade(engine, "0009")
    assert "data_version" not in inspect(engine).get_table_names()
    engine.dispose()
