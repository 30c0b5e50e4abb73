"""An approved statistics form names the document that records it.

Revision: 0012
Follows: 0011

When the secretariat approves a state's yearly form, its totals are stored as a document of their
own (``vigia.evaluate.statistics_facts``): one sentence per question, the figures as published
facts with the component ``statistics_form``. ``statistics_forms.document_id`` points to it; it is
emptied when the document goes (the form is unlocked). One nullable column: no row is rewritten.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

FOREIGN_KEY = "fk_statistics_forms_document_id_documents"


def upgrade() -> None:
    with op.batch_alter_table("statistics_forms") as table:
        table.add_column(sa.Column("document_id", sa.Integer, nullable=True))
        table.create_foreign_key(
            FOREIGN_KEY, "documents", ["document_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("statistics_forms") as table:
        table.drop_constraint(FOREIGN_KEY, type_="foreignkey")
        table.drop_column("document_id")
