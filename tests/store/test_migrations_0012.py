"""Revision 0012: a statistics form names its document, emptied when the document goes."""

from __future__ import annotations

from sqlalchemy import inspect, text

from vigia.store.database import connect, downgrade, schema_revision, upgrade

DOCUMENT = (
    "INSERT INTO documents (id, sha256, path, media_type, text, page_starts, created_at) "
    "VALUES (7, 'abc', 'statistics/CRI/2024', 'text/plain', 'x', '[]', '2026-12-07')"
)
FORM = (
    "INSERT INTO statistics_forms (id, country, year, data_set, version, status, changed_at, "
    "document_id) VALUES (1, 'CRI', 2024, 'tip-annual', 1, 'approved', '2026-12-07', 7)"
)


def _columns(engine: object) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns("statistics_forms")}


def test_migration_0012_adds_the_form_document_and_takes_it_away(database_url: str) -> None:
    engine = connect(database_url)
    upgrade(engine, "0012")
    assert schema_revision(engine) == "0012"
    assert "document_id" in _columns(engine)
    with engine.begin() as connection:
        connection.execute(text(DOCUMENT))
        connection.execute(text(FORM))
        connection.execute(text("DELETE FROM documents WHERE id = 7"))
        kept = connection.execute(text("SELECT document_id FROM statistics_forms")).all()
    assert kept == [(None,)]  # the form stays; its link is emptied
    downgrade(engine, "0011")
    assert "document_id" not in _columns(engine)
    assert schema_revision(engine) == "0011"
    engine.dispose()
