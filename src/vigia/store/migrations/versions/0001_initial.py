"""Documents, what was extracted from them, and meeting records.

Revision: 0001
Follows: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import SchemaItem

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

CODE = sa.String(64)
LABEL = sa.String(255)
SHORT = sa.String(32)

#: Every table, in creation order (dropped in reverse).
TABLES = (
    "documents",
    "meetings",
    "sections",
    "evidence",
    "facts",
    "events",
    "roles",
    "cooperation_links",
    "help_requests",
    "officers",
    "meeting_documents",
    "decisions",
)


def _id(table: str) -> list[SchemaItem]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def _reference(
    table: str, column: str, referred: str, *, nullable: bool, on_delete: str
) -> list[SchemaItem]:
    return [
        sa.Column(column, sa.Integer(), nullable=nullable),
        sa.ForeignKeyConstraint(
            [column],
            [f"{referred}.id"],
            name=op.f(f"fk_{table}_{column}_{referred}"),
            ondelete=on_delete,
        ),
    ]


def _document(table: str) -> list[SchemaItem]:
    return _reference(table, "document_id", "documents", nullable=False, on_delete="CASCADE")


def _evidence(table: str, *, nullable: bool = False) -> list[SchemaItem]:
    on_delete = "SET NULL" if nullable else "CASCADE"
    return _reference(table, "evidence_id", "evidence", nullable=nullable, on_delete=on_delete)


def _meeting(table: str) -> list[SchemaItem]:
    return _reference(table, "meeting_id", "meetings", nullable=True, on_delete="CASCADE")


def _provenance() -> list[SchemaItem]:
    return [
        sa.Column("component", CODE, nullable=False),
        sa.Column("component_version", SHORT, nullable=False),
    ]


def _index(table: str, column: str) -> None:
    op.create_index(op.f(f"ix_{table}_{column}"), table, [column])


def _create_documents() -> None:
    op.create_table(
        "documents",
        *_id("documents"),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("media_type", LABEL, nullable=False),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("page_starts", sa.JSON(), nullable=False),
        sa.Column("code", LABEL, nullable=True),
        sa.Column("meeting_code", LABEL, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("sha256", name=op.f("uq_documents_sha256")),
    )
    op.create_table(
        "meetings",
        *_id("meetings"),
        sa.Column("code", LABEL, nullable=False),
        sa.UniqueConstraint("code", name=op.f("uq_meetings_code")),
    )


def _create_sections_and_evidence() -> None:
    op.create_table(
        "sections",
        *_id("sections"),
        *_document("sections"),
        sa.Column("order", sa.Integer(), nullable=False),
        sa.Column("kind", SHORT, nullable=False),
        sa.Column("country", CODE, nullable=True),
        sa.Column("actor", CODE, nullable=True),
        sa.Column("code", LABEL, nullable=True),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("heading", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
    )
    _index("sections", "document_id")
    op.create_table(
        "evidence",
        *_id("evidence"),
        *_document("evidence"),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
    )
    _index("evidence", "document_id")


def _create_facts() -> None:
    op.create_table(
        "facts",
        *_id("facts"),
        *_document("facts"),
        *_reference("facts", "section_id", "sections", nullable=True, on_delete="SET NULL"),
        *_evidence("facts"),
        sa.Column("indicator", CODE, nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("value_min", sa.Double(), nullable=True),
        sa.Column("qualifier", SHORT, nullable=False),
        sa.Column("country", CODE, nullable=True),
        sa.Column("actor", CODE, nullable=True),
        sa.Column("region", CODE, nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("unit", SHORT, nullable=False),
        *_provenance(),
        sa.Column("status", SHORT, nullable=False, server_default="proposed"),
    )
    for column in ("document_id", "section_id", "indicator", "country"):
        _index("facts", column)


def _create_findings() -> None:
    op.create_table(
        "events",
        *_id("events"),
        *_document("events"),
        *_evidence("events"),
        sa.Column("kind", CODE, nullable=False),
        sa.Column("country", CODE, nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        *_provenance(),
    )
    op.create_table(
        "roles",
        *_id("roles"),
        *_document("roles"),
        *_evidence("roles"),
        sa.Column("country", CODE, nullable=False),
        sa.Column("role", SHORT, nullable=False),
        *_provenance(),
    )
    op.create_table(
        "cooperation_links",
        *_id("cooperation_links"),
        *_document("cooperation_links"),
        *_evidence("cooperation_links"),
        sa.Column("source", CODE, nullable=False),
        sa.Column("target", CODE, nullable=False),
        sa.Column("kind", CODE, nullable=False),
        *_provenance(),
    )
    op.create_table(
        "help_requests",
        *_id("help_requests"),
        *_document("help_requests"),
        *_evidence("help_requests"),
        sa.Column("country", CODE, nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        *_provenance(),
    )
    for table in ("events", "roles", "cooperation_links", "help_requests"):
        _index(table, "document_id")


def _create_meeting_records() -> None:
    op.create_table(
        "officers",
        *_id("officers"),
        *_meeting("officers"),
        *_document("officers"),
        *_evidence("officers", nullable=True),
        sa.Column("role", SHORT, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("country", CODE, nullable=True),
        sa.Column("nominated_by", CODE, nullable=True),
    )
    op.create_table(
        "meeting_documents",
        *_id("meeting_documents"),
        *_meeting("meeting_documents"),
        *_document("meeting_documents"),
        sa.Column("code", LABEL, nullable=False),
    )
    op.create_table(
        "decisions",
        *_id("decisions"),
        *_meeting("decisions"),
        *_document("decisions"),
        *_evidence("decisions", nullable=True),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("proposed_by", sa.JSON(), nullable=False),
        sa.Column("supported_by", sa.JSON(), nullable=False),
    )
    for table in ("officers", "meeting_documents", "decisions"):
        _index(table, "meeting_id")
        _index(table, "document_id")


def upgrade() -> None:
    _create_documents()
    _create_sections_and_evidence()
    _create_facts()
    _create_findings()
    _create_meeting_records()


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
