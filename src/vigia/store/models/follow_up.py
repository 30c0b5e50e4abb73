"""The Work Plan follow-up (revision 0005): imported plans, area mappings, rating reviews,
recommendations, their follow-up, and observations on the Plan's activities."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import CheckConstraint, DateTime, Double, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from vigia.store.models.accounts import EMAIL
from vigia.store.models.base import (
    CODE,
    LABEL,
    Base,
    document_id_column,
    evidence_id_column,
    optional_user_id_column,
    utc_now,
)
from vigia.vocabulary import (
    FOLLOW_UP_STATUSES,
    MAPPING_STATUSES,
    RATINGS,
    RECOMMENDATION_STATUSES,
)

if TYPE_CHECKING:
    from vigia.store.models.documents import DocumentRow, EvidenceRow


# --- The Work Plan follow-up (revision 0005) ----------------------------------------------------


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(map(repr, values))})"


class WorkPlanRow(Base):
    """A plan imported by the secretariat; ``structure`` is the plan as ``plans.plan_to_data``."""

    __tablename__ = "work_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(CODE, unique=True)
    structure: Mapped[dict[str, Any]]
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    imported_by: Mapped[int | None] = optional_user_id_column()
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class MappedDocumentRow(Base):
    """That a document's sentences were mapped to areas, and by which component version."""

    __tablename__ = "mapped_documents"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    component: Mapped[str] = mapped_column(CODE)
    component_version: Mapped[str] = mapped_column(String(32))
    mapped_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class AreaMappingRow(Base):
    """A sentence of a country's section mapped to an area of the plan, with a confidence."""

    __tablename__ = "area_mappings"
    __table_args__ = (
        CheckConstraint(_in("status", MAPPING_STATUSES), name="status_known"),
        Index("ix_area_mappings_country_area", "country", "area"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = document_id_column()
    evidence_id: Mapped[int] = evidence_id_column()
    country: Mapped[str] = mapped_column(CODE)
    area: Mapped[str] = mapped_column(CODE)
    confidence: Mapped[float] = mapped_column(Double)
    cues: Mapped[list[str]]
    component: Mapped[str] = mapped_column(CODE)
    component_version: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32), default="proposed", server_default="proposed")
    original_area: Mapped[str | None] = mapped_column(CODE)
    reviewed_by: Mapped[int | None] = optional_user_id_column()
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    evidence: Mapped[EvidenceRow] = relationship()
    document: Mapped[DocumentRow] = relationship(viewonly=True)


class RatingReviewRow(Base):
    """A reviewer's confirmation (or change) of the rating the rules proposed for an area."""

    __tablename__ = "rating_reviews"
    __table_args__ = (
        CheckConstraint(_in("rating", RATINGS), name="rating_known"),
        CheckConstraint(_in("proposed_rating", RATINGS), name="proposed_rating_known"),
        Index("uq_rating_reviews_meeting_country_area", "meeting", "country", "area", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting: Mapped[str] = mapped_column(LABEL)
    country: Mapped[str] = mapped_column(CODE)
    area: Mapped[str] = mapped_column(CODE)
    proposed_rating: Mapped[str] = mapped_column(String(32))
    rating: Mapped[str] = mapped_column(String(32))
    note: Mapped[str | None]
    reviewed_by: Mapped[int | None] = optional_user_id_column()
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class RecommendationRow(Base):
    """A recommendation to a state, drafted from a gap and edited and adopted by the secretariat."""

    __tablename__ = "recommendations"
    __table_args__ = (
        CheckConstraint(_in("status", RECOMMENDATION_STATUSES), name="status_known"),
        Index("ix_recommendations_meeting_country", "meeting", "country"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting: Mapped[str] = mapped_column(LABEL)
    country: Mapped[str] = mapped_column(CODE)
    finding: Mapped[str] = mapped_column(CODE)
    area: Mapped[str | None] = mapped_column(CODE)
    indicator: Mapped[str | None] = mapped_column(CODE)
    text: Mapped[str]
    status: Mapped[str] = mapped_column(String(32), default="draft", server_default="draft")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    created_by: Mapped[int | None] = optional_user_id_column()
    adopted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    adopted_by: Mapped[int | None] = optional_user_id_column()

    follow_ups: Mapped[list[FollowUpRow]] = relationship(passive_deletes=True)


class FollowUpRow(Base):
    """The status of an adopted recommendation at a later meeting, as the secretariat set it."""

    __tablename__ = "recommendation_follow_ups"
    __table_args__ = (
        CheckConstraint(_in("status", FOLLOW_UP_STATUSES), name="status_known"),
        Index("uq_recommendation_follow_ups_meeting", "recommendation_id", "meeting", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendations.id", ondelete="CASCADE")
    )
    meeting: Mapped[str] = mapped_column(LABEL)
    status: Mapped[str] = mapped_column(String(32))
    note: Mapped[str | None]
    set_by: Mapped[int | None] = optional_user_id_column()
    set_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class ObservationRow(Base):
    """An observation on a plan activity by a focal point, or the secretariat's answer to one."""

    __tablename__ = "observations"
    __table_args__ = (Index("ix_observations_plan_activity", "plan", "activity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan: Mapped[str] = mapped_column(CODE)
    activity: Mapped[str] = mapped_column(CODE)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("observations.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = optional_user_id_column()
    author_label: Mapped[str] = mapped_column(EMAIL)
    country: Mapped[str | None] = mapped_column(CODE)
    text: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
