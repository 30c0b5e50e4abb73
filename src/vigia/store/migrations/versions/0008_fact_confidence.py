"""How sure the extractor is of each fact, and why it read the fact as it did.

Revision: 0008
Follows: 0007

Three nullable columns on ``facts``: ``confidence`` (0 to 1), ``indicator_reason`` and
``owner_reason`` (codes of ``vigia.extract.confidence``: how the indicator was read, how the owner
was found). Facts stored before have none of them; the review queue puts them after the facts
that have one. An index on (status, confidence) serves the review queue, least sure first.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

COLUMNS: tuple[tuple[str, sa.types.TypeEngine[Any]], ...] = (
    ("confidence", sa.Double()),
    ("indicator_reason", sa.String(32)),
    ("owner_reason", sa.String(32)),
)
INDEX = "ix_facts_status_confidence"


def upgrade() -> None:
    with op.batch_alter_table("facts", recreate="never") as batch:
        for name, type_ in COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))
    op.create_index(INDEX, "facts", ["status", "confidence"])


def downgrade() -> None:
    op.drop_index(INDEX, table_name="facts")
    with op.batch_alter_table("facts", recreate="never") as batch:
        for name, _type in reversed(COLUMNS):
            batch.drop_column(name)
