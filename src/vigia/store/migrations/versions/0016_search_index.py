"""The search index.

Revision: 0016
Follows: 0015

``search_entries`` holds one row per thing a search finds (a document's sentences, the document,
its facts, good practices) with its words as search sees them (``terms``: stems, folded). Each
database indexes ``terms`` for full-text search its own way:

- SQLite: the FTS5 table ``search_index`` over ``search_entries.terms`` (external content), kept in
  step by triggers on insert, update and delete;
- PostgreSQL: the generated column ``terms_vector`` (``to_tsvector('simple', terms)``: the words
  are stemmed already, in their own language) with a GIN index.

The rows of the documents already stored are written by ``vigia db upgrade`` once the schema is
migrated (``vigia.services.search.fill_search_index``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

FORGET = (
    "INSERT INTO search_index(search_index, rowid, terms) VALUES ('delete', old.id, old.terms);"
)
SQLITE_INDEX = [
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "terms, content='search_entries', content_rowid='id')",
    "CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN "
    "INSERT INTO search_index(rowid, terms) VALUES (new.id, new.terms); END",
    f"CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN {FORGET} END",
    f"CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN {FORGET} "
    "INSERT INTO search_index(rowid, terms) VALUES (new.id, new.terms); END",
]
POSTGRESQL_INDEX = [
    "ALTER TABLE search_entries ADD COLUMN terms_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED",
    "CREATE INDEX ix_search_entries_terms_vector ON search_entries USING gin (terms_vector)",
]


def upgrade() -> None:
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE")),
        sa.Column("ref_id", sa.Integer),
        sa.Column("country", sa.String(64)),
        sa.Column("area", sa.String(64)),
        sa.Column("meeting_code", sa.String(255)),
        sa.Column("language", sa.String(16)),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("terms", sa.Text, nullable=False),
    )
    op.create_index("ix_search_entries_document_id", "search_entries", ["document_id"])
    op.create_index("ix_search_entries_kind_ref_id", "search_entries", ["kind", "ref_id"])
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_INDEX, "postgresql": POSTGRESQL_INDEX}.get(dialect, []):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("search_entries_ai", "search_entries_ad", "search_entries_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS search_index")
    op.drop_table("search_entries")
