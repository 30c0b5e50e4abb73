"""Published editions of the regional report, kept byte for byte.

Revision: 0009
Follows: 0008

``report_editions`` holds one row per publication of a meeting's report (its number, date and
publisher); ``report_files`` the files of an edition, one per language and format, with their
SHA-256 and size. The files never change: UPDATE and DELETE of ``report_files`` are refused by
triggers (a PL/pgSQL function on PostgreSQL, ``RAISE(ABORT)`` on SQLite), as for the audit log.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

MOMENT = sa.DateTime(timezone=True)
KEPT_MESSAGE = "report_files are kept as published"

POSTGRESQL_UPGRADE = (
    f"""
    CREATE FUNCTION report_files_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION USING MESSAGE = '{KEPT_MESSAGE}: ' || TG_OP || ' refused';
    END
    $$
    """,
    """
    CREATE TRIGGER report_files_no_update_or_delete BEFORE UPDATE OR DELETE ON report_files
    FOR EACH ROW EXECUTE FUNCTION report_files_refuse_change()
    """,
)
POSTGRESQL_DOWNGRADE = ("DROP FUNCTION IF EXISTS report_files_refuse_change()",)
SQLITE_UPGRADE = tuple(
    f"""
    CREATE TRIGGER report_files_no_{operation.lower()} BEFORE {operation} ON report_files
    BEGIN
        SELECT RAISE(ABORT, '{KEPT_MESSAGE}: {operation} refused');
    END
    """
    for operation in ("UPDATE", "DELETE")
)


def _execute(statements: tuple[str, ...]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    op.create_table(
        "report_editions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting", sa.String(255), nullable=False),
        sa.Column("edition", sa.Integer, nullable=False),
        sa.Column("published_at", MOMENT, nullable=False),
        sa.Column("published_by", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
    )
    op.create_index(
        "uq_report_editions_meeting_edition", "report_editions", ["meeting", "edition"], unique=True
    )
    op.create_table(
        "report_files",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "edition_id",
            sa.Integer,
            sa.ForeignKey("report_editions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
    )
    op.create_index(
        "uq_report_files_edition_id_language_format",
        "report_files",
        ["edition_id", "language", "format"],
        unique=True,
    )
    dialect = op.get_context().dialect.name
    if dialect == "postgresql":
        _execute(POSTGRESQL_UPGRADE)
    elif dialect == "sqlite":
        _execute(SQLITE_UPGRADE)


def downgrade() -> None:
    op.drop_table("report_files")  # its triggers go with it
    if op.get_context().dialect.name == "postgresql":
        _execute(POSTGRESQL_DOWNGRADE)
    op.drop_table("report_editions")
