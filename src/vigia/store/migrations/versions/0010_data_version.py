"""The data version: a number that grows with every committed change of what the site shows.

Revision: 0010
Follows: 0009

``data_version`` has one row (``id`` 1): ``version`` and ``changed_at`` of the last commit that
changed a table other than the logins, the throttle, the API tokens, the jobs and the audit log
(see :mod:`vigia.store.versions`). The web service keys its cache of public answers, their ETag and
Last-Modified on it, so every worker and every process sees a change at once.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    table = op.create_table(
        "data_version",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_data_version_one_row")),
    )
    op.bulk_insert(table, [{"id": 1, "version": 1, "changed_at": datetime.now(UTC)}])


def downgrade() -> None:
    op.drop_table("data_version")
