"""Comparability notes: where a state's figures differ from the catalogue's definitions.

Revision: 0013
Follows: 0012

``comparability_notes`` holds, per state and question of the statistics catalogue (``element``;
``''`` for the data set as a whole), the note the state gives on how its figures differ from the
definition (counted at referral rather than detection, a law that defines the offence more
narrowly…), with who changed it last and when. One note per state and question.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    op.create_table(
        "comparability_notes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("country", sa.String(64), nullable=False),
        sa.Column("element", sa.String(64), nullable=False, server_default=""),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
    )
    op.create_index(
        "uq_comparability_notes_country_element",
        "comparability_notes",
        ["country", "element"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_table("comparability_notes")
