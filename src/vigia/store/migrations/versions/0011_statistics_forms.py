"""A state's yearly statistics form and its values.

Revision: 0011
Follows: 0010

``statistics_forms`` holds one form per state, year and data set (code and version of the statistics
catalogue's data set), with its status: ``draft`` while it is filled, ``submitted`` by the focal
point, ``approved`` (and then locked) by the secretariat. ``data_values`` holds its values, one per
data element and cell (``options``: ``''`` for the total, else ``sex=female;age=adult`` in the
breakdown's order), with where each came from and who entered it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

MOMENT = sa.DateTime(timezone=True)
STATUSES = "status IN ('draft', 'submitted', 'approved')"
SOURCES = "source IN ('form', 'csv', 'api')"


def _user() -> sa.ForeignKey:
    return sa.ForeignKey("users.id", ondelete="SET NULL")


def upgrade() -> None:
    op.create_table(
        "statistics_forms",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("country", sa.String(64), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("data_set", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("status", sa.String(32), nullable=False, server_default="draft"),
        sa.Column("changed_at", MOMENT, nullable=False),
        sa.Column("submitted_at", MOMENT),
        sa.Column("submitted_by", sa.Integer, _user()),
        sa.Column("approved_at", MOMENT),
        sa.Column("approved_by", sa.Integer, _user()),
        sa.CheckConstraint(STATUSES, name=op.f("ck_statistics_forms_status_known")),
    )
    op.create_index(
        "uq_statistics_forms_country_year_data_set",
        "statistics_forms",
        ["country", "year", "data_set"],
        unique=True,
    )
    op.create_table(
        "data_values",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "form_id",
            sa.Integer,
            sa.ForeignKey("statistics_forms.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("element", sa.String(64), nullable=False),
        sa.Column("options", sa.String(255), nullable=False, server_default=""),
        sa.Column("value", sa.Double, nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("entered_at", MOMENT, nullable=False),
        sa.Column("entered_by", sa.Integer, _user()),
        sa.CheckConstraint(SOURCES, name=op.f("ck_data_values_source_known")),
        sa.CheckConstraint("value >= 0", name=op.f("ck_data_values_not_negative")),
    )
    op.create_index(
        "uq_data_values_form_id_element_options",
        "data_values",
        ["form_id", "element", "options"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_table("data_values")
    op.drop_table("statistics_forms")
