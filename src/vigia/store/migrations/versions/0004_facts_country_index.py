"""An index for the pages and API that list one country's facts of one status.

Without it SQLite reads every published fact through ``ix_facts_status`` and sorts them (60 ms for
one country among 700,000 facts); with it, under a millisecond. See bench/serve.py.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

INDEX = "ix_facts_country_status_document"


def upgrade() -> None:
    op.create_index(INDEX, "facts", ["country", "status", "document_id"])


def downgrade() -> None:
    op.drop_index(INDEX, table_name="facts")
