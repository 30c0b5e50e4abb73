"""Revision 0013: comparability notes, one per state and question, up and down."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from vigia.store.database import connect, downgrade, schema_revision, upgrade

NOTE = (
    "INSERT INTO comparability_notes (country, element, text, changed_at) "
    "VALUES ('CRI', 'victims_detected', 'Counted at referral.', '2026-12-07')"
)


def test_migration_0013_adds_one_note_per_state_and_question(database_url: str) -> None:
    engine = connect(database_url)
    upgrade(engine, "0013")
    assert schema_revision(engine) == "0013"
    with engine.begin() as connection:
        connection.execute(text(NOTE))
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text(NOTE))  # a second note on the same question
    downgrade(engine, "0012")
    assert "comparability_notes" not in inspect(engine).get_table_names()
    engine.dispose()
