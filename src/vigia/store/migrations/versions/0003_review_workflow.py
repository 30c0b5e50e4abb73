"""The review workflow: corrections and publication of facts, uploads, meetings, extraction jobs.

Revision: 0003
Follows: 0002

``facts`` is rebuilt in SQLite batch mode (copy, drop, rename) to get its CHECK constraint; no
table refers to ``facts``, so nothing is lost. ``documents`` and ``meetings`` are never rebuilt:
other tables refer to them with ``ON DELETE CASCADE``, and SQLite's foreign keys cannot be turned
off inside the migration's transaction, so dropping the old table would delete every row hanging
off it. Their columns are added and dropped in place instead (``ALTER TABLE … ADD/DROP COLUMN``,
SQLite 3.35 or later); on SQLite the foreign key of ``documents.uploaded_by`` is written inline in
the column, the only way SQLite adds one to an existing table (and what lets the column be
dropped again).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

CODE = sa.String(64)
SHORT = sa.String(32)
MOMENT = sa.DateTime(timezone=True)

FACT_STATUSES = "status IN ('proposed', 'confirmed', 'corrected', 'rejected', 'published')"
JOB_STATUSES = "status IN ('queued', 'running', 'done', 'failed')"
FACT_USER_COLUMNS = ("reviewed_by", "published_by")

#: The new columns, every one nullable: (name, type).
NewColumns = tuple[tuple[str, sa.types.TypeEngine[Any]], ...]
FACT_COLUMNS: NewColumns = (
    ("corrected_value", sa.Double()),
    ("corrected_value_min", sa.Double()),
    ("corrected_qualifier", SHORT),
    ("corrected_year", sa.Integer()),
    ("corrected_indicator", CODE),
    ("review_note", sa.Text()),
    ("reviewed_by", sa.Integer()),
    ("reviewed_at", MOMENT),
    ("published_at", MOMENT),
    ("published_by", sa.Integer()),
)
DOCUMENT_COLUMNS: NewColumns = (
    ("country", CODE),
    ("original", sa.LargeBinary()),
    ("original_name", sa.Text()),
)
MEETING_COLUMNS: NewColumns = (
    ("name", sa.Text()),
    ("city", sa.Text()),
    ("country", CODE),
    ("starts_on", sa.Date()),
    ("ends_on", sa.Date()),
)
UPLOADED_BY_KEY = "fk_documents_uploaded_by_users"
SQLITE_ADD_UPLOADED_BY = (
    "ALTER TABLE documents ADD COLUMN uploaded_by INTEGER"
    f" CONSTRAINT {UPLOADED_BY_KEY} REFERENCES users (id) ON DELETE SET NULL"
)


def _dialect() -> str:
    return op.get_context().dialect.name


def _upgrade_facts() -> None:
    with op.batch_alter_table("facts") as batch:
        for name, type_ in FACT_COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))
        for column in FACT_USER_COLUMNS:
            batch.create_foreign_key(
                op.f(f"fk_facts_{column}_users"), "users", [column], ["id"], ondelete="SET NULL"
            )
        batch.create_check_constraint(op.f("ck_facts_status_known"), FACT_STATUSES)
        batch.create_index(op.f("ix_facts_status"), ["status"])


def _downgrade_facts() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.drop_index(op.f("ix_facts_status"))
        batch.drop_constraint(op.f("ck_facts_status_known"), type_="check")
        for column in FACT_USER_COLUMNS:
            batch.drop_constraint(op.f(f"fk_facts_{column}_users"), type_="foreignkey")
        for name, _type in reversed(FACT_COLUMNS):
            batch.drop_column(name)


def _upgrade_documents() -> None:
    if _dialect() == "sqlite":
        op.execute(SQLITE_ADD_UPLOADED_BY)
    else:
        op.add_column("documents", sa.Column("uploaded_by", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f(UPLOADED_BY_KEY),
            "documents",
            "users",
            ["uploaded_by"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("documents", recreate="never") as batch:
        for name, type_ in DOCUMENT_COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))


def _downgrade_documents() -> None:
    if _dialect() != "sqlite":
        op.drop_constraint(op.f(UPLOADED_BY_KEY), "documents", type_="foreignkey")
    with op.batch_alter_table("documents", recreate="never") as batch:
        for name, _type in reversed(DOCUMENT_COLUMNS):
            batch.drop_column(name)
        batch.drop_column("uploaded_by")


def _upgrade_meetings() -> None:
    with op.batch_alter_table("meetings", recreate="never") as batch:
        for name, type_ in MEETING_COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))


def _downgrade_meetings() -> None:
    with op.batch_alter_table("meetings", recreate="never") as batch:
        for name, _type in reversed(MEETING_COLUMNS):
            batch.drop_column(name)


def _create_extraction_jobs() -> None:
    op.create_table(
        "extraction_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("status", SHORT, nullable=False, server_default="queued"),
        sa.Column("progress", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_extraction_jobs")),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["users.id"],
            name=op.f("fk_extraction_jobs_created_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_extraction_jobs_document_id_documents"),
            ondelete="SET NULL",
        ),
        sa.CheckConstraint(JOB_STATUSES, name=op.f("ck_extraction_jobs_status_known")),
        sa.CheckConstraint(
            "progress BETWEEN 0 AND 100", name=op.f("ck_extraction_jobs_progress_percent")
        ),
    )


def upgrade() -> None:
    _upgrade_facts()
    _upgrade_documents()
    _upgrade_meetings()
    _create_extraction_jobs()


def downgrade() -> None:
    op.drop_table("extraction_jobs")
    _downgrade_meetings()
    _downgrade_documents()
    _downgrade_facts()
