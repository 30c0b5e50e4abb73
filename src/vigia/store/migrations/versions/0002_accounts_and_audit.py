"""Accounts, API tokens and the append-only audit log.

Revision: 0002
Follows: 0001

The audit log refuses UPDATE and DELETE through triggers: a PL/pgSQL function on PostgreSQL (which
also refuses TRUNCATE), ``RAISE(ABORT)`` triggers on SQLite. A later migration that rebuilds
``audit_log`` in SQLite batch mode (copy, drop, rename) loses the SQLite triggers and must create
them again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

CODE = sa.String(64)
LABEL = sa.String(255)
SHORT = sa.String(32)
EMAIL = sa.String(320)
MOMENT = sa.DateTime(timezone=True)

APPEND_ONLY_MESSAGE = "audit_log is append-only"

POSTGRESQL_UPGRADE = (
    f"""
    CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION USING MESSAGE = '{APPEND_ONLY_MESSAGE}: ' || TG_OP || ' refused';
    END
    $$
    """,
    """
    CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()
    """,
    """
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()
    """,
)
POSTGRESQL_DOWNGRADE = ("DROP FUNCTION IF EXISTS audit_log_refuse_change()",)

SQLITE_UPGRADE = tuple(
    f"""
    CREATE TRIGGER audit_log_no_{operation.lower()} BEFORE {operation} ON audit_log
    BEGIN
        SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}: {operation} refused');
    END
    """
    for operation in ("UPDATE", "DELETE")
)


def _create_users() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", EMAIL, nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("role", SHORT, nullable=False),
        sa.Column("country", CODE, nullable=True),
        sa.Column("display_name", sa.Text(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("last_login_at", MOMENT, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
        sa.CheckConstraint(
            "role IN ('focal_point', 'secretariat', 'administrator')",
            name=op.f("ck_users_role_known"),
        ),
        sa.CheckConstraint(
            "(role = 'focal_point' AND country IS NOT NULL)"
            " OR (role <> 'focal_point' AND country IS NULL)",
            name=op.f("ck_users_country_for_focal_points"),
        ),
    )


def _create_api_tokens() -> None:
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", LABEL, nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("last_used_at", MOMENT, nullable=True),
        sa.Column("revoked_at", MOMENT, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_api_tokens_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    op.create_index(
        "uq_api_tokens_user_id_name_active",
        "api_tokens",
        ["user_id", "name"],
        unique=True,
        sqlite_where=sa.text("revoked_at IS NULL"),
        postgresql_where=sa.text("revoked_at IS NULL"),
    )


def _create_audit_log() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", MOMENT, nullable=False),
        sa.Column("actor_user_id", sa.Integer(), nullable=True),
        sa.Column("actor_label", EMAIL, nullable=False),
        sa.Column("action", CODE, nullable=False),
        sa.Column("entity", CODE, nullable=False),
        sa.Column("entity_id", LABEL, nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
        sa.ForeignKeyConstraint(
            ["actor_user_id"],
            ["users.id"],
            name=op.f("fk_audit_log_actor_user_id_users"),
            ondelete="SET NULL",
        ),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"])
    op.create_index(op.f("ix_audit_log_action"), "audit_log", ["action"])


def _execute(statements: tuple[str, ...]) -> None:
    for statement in statements:
        op.execute(statement)


def _dialect() -> str:
    return op.get_context().dialect.name


def upgrade() -> None:
    _create_users()
    _create_api_tokens()
    _create_audit_log()
    if _dialect() == "postgresql":
        _execute(POSTGRESQL_UPGRADE)
    elif _dialect() == "sqlite":
        _execute(SQLITE_UPGRADE)


def downgrade() -> None:
    op.drop_table("audit_log")  # its triggers go with it
    if _dialect() == "postgresql":
        _execute(POSTGRESQL_DOWNGRADE)
    op.drop_index("uq_api_tokens_user_id_name_active", table_name="api_tokens")
    op.drop_table("api_tokens")
    op.drop_table("users")
