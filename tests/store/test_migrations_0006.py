"""Revision 0006: extraction jobs name their worker, up and down, on both databases."""

from __future__ import annotations

from sqlalchemy import inspect, text

from vigia.store.database import connect, downgrade, schema_revision, upgrade


def _job_columns(url: str) -> set[str]:
    engine = connect(url)
    names = {column["name"] for column in inspect(engine).get_columns("extraction_jobs")}
    engine.dispose()
    return names


def test_migration_0006_adds_and_removes_the_worker_keeping_jobs(database_url: str) -> None:
    engine = connect(database_url)
    upgrade(engine, "0005")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO extraction_jobs (created_at, file_name, status, progress) "
                "VALUES (CURRENT_TIMESTAMP, 'old.pdf', 'running', 30)"
            )
        )
    upgrade(engine, "0006")
    assert schema_revision(engine) == "0006"
    assert "worker" in _job_columns(database_url)
    with engine.connect() as connection:
        row = connection.execute(text("SELECT file_name, worker FROM extraction_jobs")).one()
    assert tuple(row) == ("old.pdf", None)
    downgrade(engine, "0005")
    assert "worker" not in _job_columns(database_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM extraction_jobs")).scalar() == 1
    engine.dispose()
