"""Extraction jobs name the server process that runs them, so that a restart can tell its own
abandoned jobs (``running`` or ``queued`` in a process that is gone) from those of a live process.

Revision: 0006
Follows: 0005

Adds one nullable column: no row is rewritten. Jobs stored before it have no worker; at the next
start-up those still unfinished are marked failed (their process is gone by then).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    with op.batch_alter_table("extraction_jobs") as table:
        table.add_column(sa.Column("worker", sa.String(255), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("extraction_jobs") as table:
        table.drop_column("worker")
