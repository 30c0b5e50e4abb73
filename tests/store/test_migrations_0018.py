"""Revision 0018: the directory of national authorities and focal points, up and down."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from vigia.store.database import connect, downgrade, schema_revision, upgrade

ENTRY = (
    "INSERT INTO directory_entries (country, kind, institution, changed_at) "
    "VALUES ('TTO', :kind, 'Counter Trafficking Unit', '2026-12-07')"
)


def test_migration_0018_adds_the_directory(database_url: str) -> None:
    engine = connect(database_url)
    upgrade(engine, "0018")
    assert schema_revision(engine) == "0018"
    with engine.begin() as connection:
        connection.execute(text(ENTRY), {"kind": "national_authority"})
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text(ENTRY), {"kind": "mayor"})
    downgrade(engine, "0017")
    assert "directory_entries" not in inspect(engine).get_table_names()
    engine.dispose()
