"""``vigia db upgrade`` and ``vigia db status``: vigia.cli.db."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from vigia.cli import main
from vigia.store.database import connect, downgrade, head_revision, schema_revision


def _db(*arguments: str) -> Result:
    return CliRunner().invoke(main, ["db", *arguments])


def test_db_upgrade_creates_the_schema_then_leaves_it(database_url: str) -> None:
    created = _db("upgrade", "--db", database_url)
    again = _db("upgrade", "--db", database_url)

    assert created.exit_code == 0, created.output
    assert created.stdout.startswith("created Vigía's schema in ")
    assert f"(revision {head_revision()})" in created.stdout
    assert again.exit_code == 0 and "is up to date" in again.stdout
    engine = connect(database_url)
    assert schema_revision(engine) == head_revision()
    engine.dispose()


def test_db_upgrade_migrates_an_older_schema(database_url: str) -> None:
    _db("upgrade", "--db", database_url)
    engine = connect(database_url)
    downgrade(engine, "0004")
    engine.dispose()

    result = _db("upgrade", "--db", database_url)

    assert result.exit_code == 0, result.output
    assert f"from revision 0004 to {head_revision()}" in result.stdout


def test_db_status_says_where_the_schema_stands(database_url: str) -> None:
    missing = _db("status", "--db", database_url)
    _db("upgrade", "--db", database_url)
    latest = _db("status", "--db", database_url)

    assert missing.exit_code == 1
    assert "vigia db upgrade --db " in missing.output
    assert latest.exit_code == 0
    assert f"revision {head_revision()}, the latest" in latest.stdout


def test_db_status_on_an_older_schema_exits_1(database_url: str) -> None:
    _db("upgrade", "--db", database_url)
    engine = connect(database_url)
    downgrade(engine, "0004")
    engine.dispose()

    result = _db("status", "--db", database_url)

    assert result.exit_code == 1
    assert f"is at revision 0004; this Vigía needs {head_revision()}" in result.stdout


def test_db_status_creates_no_file_nor_folder(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "vigia.db"

    result = _db("status", "--db", f"sqlite:///{missing}")

    assert result.exit_code == 1
    assert f"no database at {missing}" in result.output
    assert not missing.parent.exists()


def test_db_upgrade_unreachable_database_is_one_line_and_status_1() -> None:
    result = _db("upgrade", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none")

    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot open database")
    assert result.output.count("\n") == 1
