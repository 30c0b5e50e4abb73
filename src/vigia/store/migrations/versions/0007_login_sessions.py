"""Login sessions kept on the server, and failed logins counted where every worker sees them.

Revision: 0007
Follows: 0006

``login_sessions`` holds one row per login (the SHA-256 of the key its cookie carries): logging
out, deactivating the account or changing its password ends the row, and a cookie whose row has
ended no longer logs anybody in. ``login_failures`` counts failed logins per account and address,
and per address, with the time until which each key is refused. Only new tables.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

MOMENT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "login_sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "user_id",
            sa.Integer,
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("ended_at", MOMENT, nullable=True),
    )
    op.create_table(
        "login_failures",
        sa.Column("key", sa.String(400), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_failed_at", MOMENT, nullable=False),
        sa.Column("blocked_until", MOMENT, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("login_failures")
    op.drop_table("login_sessions")
