"""The packaged Alembic migrations (vigia/store/migrations)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from vigia.store.database import MIGRATIONS, downgrade, head_revision, schema_revision, upgrade
from vigia.store.models import Base

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
PACKAGE = MIGRATIONS.parent.parent
SQLITE_INLINE_FOREIGN_KEYS = {("documents", ("uploaded_by",))}
#: The full-text index of ``search_entries``, which each database keeps its own way outside the
#: models (revision 0016): SQLite's FTS5 table and its shadow tables, PostgreSQL's tsvector column.
FULL_TEXT_TABLE = "search_index"
FULL_TEXT_COLUMN = "terms_vector"
FULL_TEXT_INDEX = "ix_search_entries_terms_vector"


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_upgrade_reaches_head_with_every_table(empty_engine: Engine) -> None:
    upgrade(empty_engine)

    assert schema_revision(empty_engine) == head_revision() == "0018"
    assert set(Base.metadata.tables) <= _tables(empty_engine)


def test_upgrade_twice_changes_nothing(empty_engine: Engine) -> None:
    upgrade(empty_engine)
    upgrade(empty_engine)

    assert schema_revision(empty_engine) == head_revision()


def _outside_the_models(difference: Any) -> bool:
    """True for the full-text index of the search entries (see :data:`FULL_TEXT_TABLE`)."""
    if isinstance(difference, list):  # column changes come as a list of one tuple
        difference = difference[0]
    kind = difference[0]
    if kind == "remove_table":
        return str(difference[1].name).startswith(FULL_TEXT_TABLE)
    if kind == "remove_column":
        return difference[2] == "search_entries" and difference[3].name == FULL_TEXT_COLUMN
    if kind == "remove_index":
        return difference[1].name == FULL_TEXT_INDEX
    return False


def _seen_by_reflection(engine: Engine, difference: Any) -> bool:
    """False for the foreign keys SQLAlchemy cannot reflect in full on SQLite.

    SQLite adds a foreign key to an existing table only inline, in the column added
    (``documents.uploaded_by``, revision 0003); SQLAlchemy does not read the ``ON DELETE`` of such
    keys, so they show as removed and added again. test_migrations_0003 checks them with
    ``PRAGMA foreign_key_list``.
    """
    if engine.dialect.name != "sqlite" or not isinstance(difference, tuple):
        return True
    kind, constraint = difference[0], difference[1]
    if kind not in {"add_fk", "remove_fk"}:
        return True
    key = (constraint.table.name, tuple(column.name for column in constraint.columns))
    return key not in SQLITE_INLINE_FOREIGN_KEYS


def test_migrations_match_the_models(empty_engine: Engine) -> None:
    upgrade(empty_engine)

    with empty_engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)

    assert [
        item
        for item in differences
        if _seen_by_reflection(empty_engine, item) and not _outside_the_models(item)
    ] == []


def test_facts_are_indexed_by_country_indicator_and_document(empty_engine: Engine) -> None:
    upgrade(empty_engine)

    indexed = {tuple(index["column_names"]) for index in inspect(empty_engine).get_indexes("facts")}

    assert {("country",), ("indicator",), ("document_id",)} <= indexed


def test_downgrade_to_base_removes_every_table(empty_engine: Engine) -> None:
    upgrade(empty_engine)

    downgrade(empty_engine)

    assert schema_revision(empty_engine) is None
    assert _tables(empty_engine) <= {"alembic_version"}


def test_migration_files_are_package_data() -> None:
    patterns = tomllib.loads(PYPROJECT.read_text())["tool"]["setuptools"]["package-data"]["vigia"]
    packaged = {path for pattern in patterns for path in PACKAGE.glob(pattern)}
    files = {
        path for path in MIGRATIONS.rglob("*") if path.is_file() and "__pycache__" not in path.parts
    }

    assert MIGRATIONS / "script.py.mako" in files
    assert files - packaged == set()
