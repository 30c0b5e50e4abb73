"""Revision 0016: the search index, filled for the documents stored before it, up and down."""

from __future__ import annotations

from sqlalchemy import inspect, text

from vigia.services.databases import open_engine
from vigia.store.database import connect, downgrade, schema_revision, upgrade

DOCUMENT = (
    "INSERT INTO documents (sha256, path, media_type, text, page_starts, created_at) VALUES "
    "(:sha, 'old.txt', 'text/plain', :text, '[0]', '2026-12-07')"
)
TEXT = "Guatemala dispone de cinco albergues. El país capacitó a 300 fiscales."


def test_migration_0016_indexes_the_documents_stored_before_it(database_url: str) -> None:
    engine = connect(database_url)
    upgrade(engine, "0015")
    with engine.begin() as connection:
        connection.execute(text(DOCUMENT), {"sha": "a" * 64, "text": TEXT})
    engine.dispose()

    engine = open_engine(database_url, migrate=True)  # migrates, then indexes what was stored
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT kind, text FROM search_entries ORDER BY id")).all()
    assert [kind for kind, _ in rows] == ["document", "sentence", "sentence"]
    assert rows[1][1] == "Guatemala dispone de cinco albergues."

    downgrade(engine, "0015")
    assert schema_revision(engine) == "0015"
    assert not {"search_entries", "search_index"} & set(inspect(engine).get_table_names())
    engine.dispose()
