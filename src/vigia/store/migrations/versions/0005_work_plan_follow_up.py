"""The Work Plan follow-up: imported plans, area mappings, rating reviews, recommendations and
their follow-up, observations on plan activities.

Revision: 0005
Follows: 0004

Only new tables: nothing existing is rebuilt, so no row is touched on either database.
Documents stored before this revision have no area mappings; ``vigia evaluate`` maps them the
first time it meets them (``mapped_documents`` records which were mapped, by which version).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

CODE = sa.String(64)
LABEL = sa.String(255)
SHORT = sa.String(32)
MOMENT = sa.DateTime(timezone=True)

MAPPING_STATUSES = "status IN ('proposed', 'accepted', 'moved', 'dismissed')"
RATINGS = "('substantial_evidence', 'some_evidence', 'mentioned_only', 'no_information')"
RECOMMENDATION_STATUSES = "status IN ('draft', 'adopted', 'withdrawn')"
FOLLOW_UP_STATUSES = "status IN ('implemented', 'in_progress', 'not_started', 'no_information')"

#: Tables in the order they are created (and dropped in reverse).
TABLES = (
    "work_plans",
    "mapped_documents",
    "area_mappings",
    "rating_reviews",
    "recommendations",
    "recommendation_follow_ups",
    "observations",
)


def _user(table: str, column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["users.id"], name=op.f(f"fk_{table}_{column}_users"), ondelete="SET NULL"
    )


def _create_work_plans() -> None:
    op.create_table(
        "work_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", CODE, nullable=False),
        sa.Column("structure", sa.JSON(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("imported_by", sa.Integer(), nullable=True),
        sa.Column("imported_at", MOMENT, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_work_plans_document_id_documents"),
            ondelete="SET NULL",
        ),
        _user("work_plans", "imported_by"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_plans")),
        sa.UniqueConstraint("code", name=op.f("uq_work_plans_code")),
    )


def _create_mapped_documents() -> None:
    op.create_table(
        "mapped_documents",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("component", CODE, nullable=False),
        sa.Column("component_version", SHORT, nullable=False),
        sa.Column("mapped_at", MOMENT, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_mapped_documents_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_mapped_documents")),
    )


def _create_area_mappings() -> None:
    op.create_table(
        "area_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("country", CODE, nullable=False),
        sa.Column("area", CODE, nullable=False),
        sa.Column("confidence", sa.Double(), nullable=False),
        sa.Column("cues", sa.JSON(), nullable=False),
        sa.Column("component", CODE, nullable=False),
        sa.Column("component_version", SHORT, nullable=False),
        sa.Column("status", SHORT, server_default="proposed", nullable=False),
        sa.Column("original_area", CODE, nullable=True),
        sa.Column("reviewed_by", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", MOMENT, nullable=True),
        sa.CheckConstraint(MAPPING_STATUSES, name=op.f("ck_area_mappings_status_known")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_area_mappings_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence.id"],
            name=op.f("fk_area_mappings_evidence_id_evidence"),
            ondelete="CASCADE",
        ),
        _user("area_mappings", "reviewed_by"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_area_mappings")),
    )
    op.create_index(op.f("ix_area_mappings_document_id"), "area_mappings", ["document_id"])
    op.create_index("ix_area_mappings_country_area", "area_mappings", ["country", "area"])


def _create_rating_reviews() -> None:
    op.create_table(
        "rating_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting", LABEL, nullable=False),
        sa.Column("country", CODE, nullable=False),
        sa.Column("area", CODE, nullable=False),
        sa.Column("proposed_rating", SHORT, nullable=False),
        sa.Column("rating", SHORT, nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("reviewed_by", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", MOMENT, nullable=False),
        sa.CheckConstraint(f"rating IN {RATINGS}", name=op.f("ck_rating_reviews_rating_known")),
        sa.CheckConstraint(
            f"proposed_rating IN {RATINGS}", name=op.f("ck_rating_reviews_proposed_rating_known")
        ),
        _user("rating_reviews", "reviewed_by"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating_reviews")),
    )
    op.create_index(
        "uq_rating_reviews_meeting_country_area",
        "rating_reviews",
        ["meeting", "country", "area"],
        unique=True,
    )


def _create_recommendations() -> None:
    op.create_table(
        "recommendations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting", LABEL, nullable=False),
        sa.Column("country", CODE, nullable=False),
        sa.Column("finding", CODE, nullable=False),
        sa.Column("area", CODE, nullable=True),
        sa.Column("indicator", CODE, nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", SHORT, server_default="draft", nullable=False),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("adopted_at", MOMENT, nullable=True),
        sa.Column("adopted_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(RECOMMENDATION_STATUSES, name=op.f("ck_recommendations_status_known")),
        _user("recommendations", "created_by"),
        _user("recommendations", "adopted_by"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendations")),
    )
    op.create_index("ix_recommendations_meeting_country", "recommendations", ["meeting", "country"])


def _create_follow_ups() -> None:
    op.create_table(
        "recommendation_follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.Column("meeting", LABEL, nullable=False),
        sa.Column("status", SHORT, nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("set_by", sa.Integer(), nullable=True),
        sa.Column("set_at", MOMENT, nullable=False),
        sa.CheckConstraint(
            FOLLOW_UP_STATUSES, name=op.f("ck_recommendation_follow_ups_status_known")
        ),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendations.id"],
            name=op.f("fk_recommendation_follow_ups_recommendation_id_recommendations"),
            ondelete="CASCADE",
        ),
        _user("recommendation_follow_ups", "set_by"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendation_follow_ups")),
    )
    op.create_index(
        "uq_recommendation_follow_ups_meeting",
        "recommendation_follow_ups",
        ["recommendation_id", "meeting"],
        unique=True,
    )


def _create_observations() -> None:
    op.create_table(
        "observations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan", CODE, nullable=False),
        sa.Column("activity", CODE, nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("author_label", sa.String(320), nullable=False),
        sa.Column("country", CODE, nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["observations.id"],
            name=op.f("fk_observations_parent_id_observations"),
            ondelete="CASCADE",
        ),
        _user("observations", "author_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observations")),
    )
    op.create_index("ix_observations_plan_activity", "observations", ["plan", "activity"])


def upgrade() -> None:
    _create_work_plans()
    _create_mapped_documents()
    _create_area_mappings()
    _create_rating_reviews()
    _create_recommendations()
    _create_follow_ups()
    _create_observations()


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
