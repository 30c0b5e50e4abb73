"""Revision 0017: good practices, up and down."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from vigia.store.database import connect, downgrade, schema_revision, upgrade

PRACTICE = (
    "INSERT INTO practices (country, kind, title, component, component_version, status, "
    "created_at) VALUES ('CRI', 'shelter', 'A shelter', 'focal_point', '1', :status, '2026-12-07')"
)


def test_migration_0017_adds_practices_with_known_statuses(database_url: str) -> None:
    engine = connect(database_url)
    upgrade(engine, "0017")
    assert schema_revision(engine) == "0017"
    with engine.begin() as connection:
        connection.execute(text(PRACTICE), {"status": "public"})
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text(PRACTICE), {"status": "secret"})
    downgrade(engine, "0016")
    assert "practices" not in inspect(engine).get_table_names()
    engine.dispose()
