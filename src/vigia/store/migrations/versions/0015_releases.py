"""Releases of case-register tables and the privacy-budget ledger.

Revision: 0015
Follows: 0014

``releases`` holds each table the secretariat released from a case register: the query (register,
dimensions, scope), the mechanism (``suppression`` or ``laplace``), its parameters (k; epsilon and
delta), the years of records it counts, the published cells (JSON), who approved it and when. The
epsilon a register's year has spent is the sum over its Laplace releases: the ledger. ``query_key``
names a query and its parameters, so that asking for the same release again returns the stored one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    op.create_table(
        "releases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("register", sa.String(64), nullable=False),
        sa.Column("dimensions", sa.JSON, nullable=False),
        sa.Column("scope", sa.String(32)),
        sa.Column("mechanism", sa.String(32), nullable=False),
        sa.Column("k", sa.Integer),
        sa.Column("epsilon", sa.Double),
        sa.Column("delta", sa.Double),
        sa.Column("years", sa.JSON, nullable=False),
        sa.Column("query_key", sa.String(255), nullable=False),
        sa.Column("cells", sa.JSON, nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("approved_by", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "mechanism IN ('suppression', 'laplace')", name=op.f("ck_releases_mechanism_known")
        ),
    )
    op.create_index("uq_releases_query_key", "releases", ["query_key"], unique=True)
    op.create_index("ix_releases_register", "releases", ["register"])


def downgrade() -> None:
    op.drop_table("releases")
