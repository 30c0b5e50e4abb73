"""The victim case register, and the case manager's role.

Revision: 0014
Follows: 0013

``cases`` holds one row per identified victim, in a register (the keeping state's ISO alpha-3
code, or ``CTDC`` for the public dataset): the fields of IOM's Human Trafficking Case Data Standard
that tables count (year of registration, sex, age group, citizenship, country of exploitation, the
category of exploitation) and the lists behind them (forms, means of control, types of labour and
of sexual exploitation, recruiter relations), and the identifying fields **sealed** (AES-GCM,
``sealed``, with the id of the key in ``sealed_key``). ``users`` accepts the role ``case_manager``,
which like a focal point belongs to one country.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

MOMENT = sa.DateTime(timezone=True)
OLD_ROLES = "role IN ('focal_point', 'secretariat', 'administrator')"
NEW_ROLES = "role IN ('focal_point', 'secretariat', 'administrator', 'case_manager')"
OLD_COUNTRY = (
    "(role = 'focal_point' AND country IS NOT NULL) OR (role <> 'focal_point' AND country IS NULL)"
)
NEW_COUNTRY = (
    "(role IN ('focal_point', 'case_manager') AND country IS NOT NULL)"
    " OR (role NOT IN ('focal_point', 'case_manager') AND country IS NULL)"
)


def upgrade() -> None:
    with op.batch_alter_table("users") as table:
        table.drop_constraint(op.f("ck_users_role_known"), type_="check")
        table.drop_constraint(op.f("ck_users_country_for_focal_points"), type_="check")
        table.create_check_constraint("role_known", NEW_ROLES)
        table.create_check_constraint("country_for_country_roles", NEW_COUNTRY)
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("register", sa.String(64), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("sex", sa.String(16), nullable=False),
        sa.Column("age_group", sa.String(16), nullable=False),
        sa.Column("citizenship", sa.String(64)),
        sa.Column("exploitation_country", sa.String(64)),
        sa.Column("exploitation", sa.String(32), nullable=False),
        sa.Column("forms", sa.JSON, nullable=False),
        sa.Column("means_of_control", sa.JSON, nullable=False),
        sa.Column("labour_types", sa.JSON, nullable=False),
        sa.Column("sex_types", sa.JSON, nullable=False),
        sa.Column("recruiter_relations", sa.JSON, nullable=False),
        sa.Column("status", sa.String(255)),
        sa.Column("data_source", sa.String(255)),
        sa.Column("batch", sa.String(64), nullable=False),
        sa.Column("imported_at", MOMENT, nullable=False),
        sa.Column("imported_by", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
        sa.Column("sealed_key", sa.String(64)),
        sa.Column("sealed", sa.LargeBinary),
    )
    op.create_index("ix_cases_register_year", "cases", ["register", "year"])
    op.create_index("ix_cases_batch", "cases", ["batch"])


def downgrade() -> None:
    op.drop_table("cases")
    op.execute("DELETE FROM users WHERE role = 'case_manager'")
    with op.batch_alter_table("users") as table:
        table.drop_constraint(op.f("ck_users_role_known"), type_="check")
        table.drop_constraint(op.f("ck_users_country_for_country_roles"), type_="check")
        table.create_check_constraint("role_known", OLD_ROLES)
        table.create_check_constraint("country_for_focal_points", OLD_COUNTRY)
