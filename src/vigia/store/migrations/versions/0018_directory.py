"""The directory of national authorities and focal points.

Revision: 0018
Follows: 0017

``directory_entries`` holds, per state, its national authorities and focal points: the institution
(public), and a person's name, position, email, phone and address (for signed-in users only). The
secretariat keeps it; every change is audited.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    op.create_table(
        "directory_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("country", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("institution", sa.Text, nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("position", sa.Text),
        sa.Column("email", sa.Text),
        sa.Column("phone", sa.Text),
        sa.Column("address", sa.Text),
        sa.Column("changed_by", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('national_authority', 'focal_point')",
            name=op.f("ck_directory_entries_kind_known"),
        ),
    )
    op.create_index("ix_directory_entries_country", "directory_entries", ["country"])


def downgrade() -> None:
    op.drop_table("directory_entries")
