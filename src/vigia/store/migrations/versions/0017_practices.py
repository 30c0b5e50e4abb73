"""Good practices.

Revision: 0017
Follows: 0016

``practices`` holds what a state reports it did (a law, a protocol, a specialised unit, a shelter, a
campaign, a training programme…): proposed from its reports by the ``practices`` component (with the
sentence, the meeting and a confidence) or added by its focal points (with a description and a
contact); ``status`` is ``proposed`` until the secretariat makes it ``public`` or ``hidden``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    op.create_table(
        "practices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("country", sa.String(64), nullable=False),
        sa.Column("area", sa.String(64)),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("contact", sa.Text),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE")),
        sa.Column("evidence_id", sa.Integer, sa.ForeignKey("evidence.id", ondelete="CASCADE")),
        sa.Column("meeting_code", sa.String(255)),
        sa.Column("confidence", sa.Double),
        sa.Column("component", sa.String(64), nullable=False),
        sa.Column("component_version", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default="proposed"),
        sa.Column("added_by", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
        sa.Column("curated_by", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
        sa.Column("curated_at", sa.DateTime(timezone=True)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('proposed', 'public', 'hidden')", name=op.f("ck_practices_status_known")
        ),
    )
    op.create_index("ix_practices_country_status", "practices", ["country", "status"])
    op.create_index("ix_practices_evidence_id", "practices", ["evidence_id"])
    op.create_index("ix_practices_document_id", "practices", ["document_id"])


def downgrade() -> None:
    op.drop_table("practices")
