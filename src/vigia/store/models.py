"""Database tables, as SQLAlchemy typed declarative models.

One row of ``documents`` per distinct file content (``sha256``); everything extracted from it hangs
off that row and goes with it (``ON DELETE CASCADE``). Facts, events, roles, cooperation links and
help requests point at an ``evidence`` row: the sentence and offsets they came from. Meetings are
shared between documents, so they are not a document's children; what a document says about a
meeting (officers, documents tabled, decisions) is.

The schema itself is created by the Alembic migrations in ``vigia/store/migrations``; these models
must stay in step with them (a test compares the two).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CODE = String(64)
LABEL = String(255)

#: Where a fact is in its review (revision 0003): extracted facts are ``proposed``; only
#: ``published`` ones are shown to everybody.
PROPOSED = "proposed"
CONFIRMED = "confirmed"
CORRECTED = "corrected"
REJECTED = "rejected"
PUBLISHED = "published"
FACT_STATUSES = (PROPOSED, CONFIRMED, CORRECTED, REJECTED, PUBLISHED)


def _now() -> datetime:
    return datetime.now(UTC)


def _document_id() -> Mapped[int]:
    return mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)


def _evidence_id() -> Mapped[int]:
    return mapped_column(ForeignKey("evidence.id", ondelete="CASCADE"))


def _optional_evidence_id() -> Mapped[int | None]:
    return mapped_column(ForeignKey("evidence.id", ondelete="SET NULL"))


def _optional_meeting_id() -> Mapped[int | None]:
    return mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)


def _optional_user_id() -> Mapped[int | None]:
    return mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        str: Text,
        dict[str, Any]: JSON,
        list[int]: JSON,
        list[str]: JSON,
    }


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str]
    media_type: Mapped[str] = mapped_column(LABEL)
    language: Mapped[str | None] = mapped_column(String(16))
    title: Mapped[str | None]
    text: Mapped[str]
    page_starts: Mapped[list[int]]
    code: Mapped[str | None] = mapped_column(LABEL)
    meeting_code: Mapped[str | None] = mapped_column(LABEL)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    # Revision 0003: who uploaded the file, for which country, and the file itself. The bytes are
    # only loaded when ``original`` is read.
    uploaded_by: Mapped[int | None] = _optional_user_id()
    country: Mapped[str | None] = mapped_column(CODE)
    original: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    original_name: Mapped[str | None]

    sections: Mapped[list[SectionRow]] = relationship(passive_deletes=True)
    evidence: Mapped[list[EvidenceRow]] = relationship(passive_deletes=True)
    facts: Mapped[list[FactRow]] = relationship(passive_deletes=True)
    events: Mapped[list[EventRow]] = relationship(passive_deletes=True)
    roles: Mapped[list[RoleRow]] = relationship(passive_deletes=True)
    cooperation_links: Mapped[list[CooperationLinkRow]] = relationship(passive_deletes=True)
    help_requests: Mapped[list[HelpRequestRow]] = relationship(passive_deletes=True)
    officers: Mapped[list[OfficerRow]] = relationship(passive_deletes=True)
    meeting_documents: Mapped[list[MeetingDocumentRow]] = relationship(passive_deletes=True)
    decisions: Mapped[list[DecisionRow]] = relationship(passive_deletes=True)
    area_mappings: Mapped[list[AreaMappingRow]] = relationship(passive_deletes=True)


class SectionRow(Base):
    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _document_id()
    order: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(CODE)
    actor: Mapped[str | None] = mapped_column(CODE)
    code: Mapped[str | None] = mapped_column(LABEL)
    language: Mapped[str | None] = mapped_column(String(16))
    heading: Mapped[str]
    start: Mapped[int]
    end: Mapped[int]


class EvidenceRow(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _document_id()
    start: Mapped[int]
    end: Mapped[int]
    page: Mapped[int | None]
    text: Mapped[str]


class FactRow(Base):
    """A figure. ``value``, ``value_min``, ``qualifier``, ``year``, ``indicator`` are as extracted.

    A correction (revision 0003) goes into the ``corrected_*`` columns beside them: a fact is
    corrected when ``corrected_value`` is set, and then every ``corrected_*`` column holds the
    figure as corrected (``corrected_value_min`` None meaning no range).
    """

    __tablename__ = "facts"
    __table_args__ = (
        CheckConstraint(f"status IN ({', '.join(map(repr, FACT_STATUSES))})", name="status_known"),
        Index("ix_facts_status", "status"),
        Index("ix_facts_country_status_document", "country", "status", "document_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _document_id()
    section_id: Mapped[int | None] = mapped_column(
        ForeignKey("sections.id", ondelete="SET NULL"), index=True
    )
    evidence_id: Mapped[int] = _evidence_id()
    indicator: Mapped[str] = mapped_column(CODE, index=True)
    value: Mapped[float] = mapped_column(Double)
    value_min: Mapped[float | None] = mapped_column(Double)
    qualifier: Mapped[str] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(CODE, index=True)
    actor: Mapped[str | None] = mapped_column(CODE)
    region: Mapped[str | None] = mapped_column(CODE)
    year: Mapped[int | None]
    unit: Mapped[str] = mapped_column(String(32))
    component: Mapped[str] = mapped_column(CODE)
    component_version: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32), default="proposed", server_default="proposed")
    corrected_value: Mapped[float | None] = mapped_column(Double)
    corrected_value_min: Mapped[float | None] = mapped_column(Double)
    corrected_qualifier: Mapped[str | None] = mapped_column(String(32))
    corrected_year: Mapped[int | None]
    corrected_indicator: Mapped[str | None] = mapped_column(CODE)
    review_note: Mapped[str | None]
    reviewed_by: Mapped[int | None] = _optional_user_id()
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    published_by: Mapped[int | None] = _optional_user_id()

    section: Mapped[SectionRow | None] = relationship()
    evidence: Mapped[EvidenceRow] = relationship()
    document: Mapped[DocumentRow] = relationship(viewonly=True)


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _document_id()
    evidence_id: Mapped[int] = _evidence_id()
    kind: Mapped[str] = mapped_column(CODE)
    country: Mapped[str | None] = mapped_column(CODE)
    year: Mapped[int | None]
    component: Mapped[str] = mapped_column(CODE)
    component_version: Mapped[str] = mapped_column(String(32))

    evidence: Mapped[EvidenceRow] = relationship()


class RoleRow(Base):
    __tablename__ = "roles"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _document_id()
    evidence_id: Mapped[int] = _evidence_id()
    country: Mapped[str] = mapped_column(CODE)
    role: Mapped[str] = mapped_column(String(32))
    component: Mapped[str] = mapped_column(CODE)
    component_version: Mapped[str] = mapped_column(String(32))

    evidence: Mapped[EvidenceRow] = relationship()


class CooperationLinkRow(Base):
    __tablename__ = "cooperation_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _document_id()
    evidence_id: Mapped[int] = _evidence_id()
    source: Mapped[str] = mapped_column(CODE)
    target: Mapped[str] = mapped_column(CODE)
    kind: Mapped[str] = mapped_column(CODE)
    component: Mapped[str] = mapped_column(CODE)
    component_version: Mapped[str] = mapped_column(String(32))

    evidence: Mapped[EvidenceRow] = relationship()


class HelpRequestRow(Base):
    __tablename__ = "help_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _document_id()
    evidence_id: Mapped[int] = _evidence_id()
    country: Mapped[str] = mapped_column(CODE)
    topic: Mapped[str]
    component: Mapped[str] = mapped_column(CODE)
    component_version: Mapped[str] = mapped_column(String(32))

    evidence: Mapped[EvidenceRow] = relationship()


class MeetingRow(Base):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(LABEL, unique=True)
    # Revision 0003: what the secretariat knows of the meeting, beside its code.
    name: Mapped[str | None]
    city: Mapped[str | None]
    country: Mapped[str | None] = mapped_column(CODE)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)


class OfficerRow(Base):
    __tablename__ = "officers"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = _optional_meeting_id()
    document_id: Mapped[int] = _document_id()
    evidence_id: Mapped[int | None] = _optional_evidence_id()
    role: Mapped[str] = mapped_column(String(32))
    name: Mapped[str]
    country: Mapped[str | None] = mapped_column(CODE)
    nominated_by: Mapped[str | None] = mapped_column(CODE)

    meeting: Mapped[MeetingRow | None] = relationship()
    evidence: Mapped[EvidenceRow | None] = relationship()


class MeetingDocumentRow(Base):
    """A document code tabled at a meeting, as one stored document lists it."""

    __tablename__ = "meeting_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = _optional_meeting_id()
    document_id: Mapped[int] = _document_id()
    code: Mapped[str] = mapped_column(LABEL)

    meeting: Mapped[MeetingRow | None] = relationship()


class DecisionRow(Base):
    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = _optional_meeting_id()
    document_id: Mapped[int] = _document_id()
    evidence_id: Mapped[int | None] = _optional_evidence_id()
    what: Mapped[str]
    proposed_by: Mapped[list[str]]
    supported_by: Mapped[list[str]]

    meeting: Mapped[MeetingRow | None] = relationship()
    evidence: Mapped[EvidenceRow | None] = relationship()


#: Tables whose rows belong to one document, in the order they are filled.
DOCUMENT_CHILD_TABLES = (
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


# --- Accounts and the audit log (revision 0002) -------------------------------------------------

#: What a user may be: a country's focal point, the OAS secretariat, or an administrator.
ROLES = ("focal_point", "secretariat", "administrator")
FOCAL_POINT = "focal_point"
EMAIL = String(320)


class UserRow(Base):
    """An account. ``email`` is stored lower-cased; only focal points have a ``country``."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(f"role IN ({', '.join(map(repr, ROLES))})", name="role_known"),
        CheckConstraint(
            "(role = 'focal_point' AND country IS NOT NULL)"
            " OR (role <> 'focal_point' AND country IS NULL)",
            name="country_for_focal_points",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(EMAIL, unique=True)
    password_hash: Mapped[str]
    role: Mapped[str] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(CODE)
    display_name: Mapped[str | None]
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    tokens: Mapped[list[ApiTokenRow]] = relationship(back_populates="user", passive_deletes=True)


class ApiTokenRow(Base):
    """A named API token of a user. Only the SHA-256 of its secret is kept, never the secret."""

    __tablename__ = "api_tokens"
    __table_args__ = (
        Index(
            "uq_api_tokens_user_id_name_active",
            "user_id",
            "name",
            unique=True,
            sqlite_where=text("revoked_at IS NULL"),
            postgresql_where=text("revoked_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(LABEL)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[UserRow] = relationship(back_populates="tokens")


class AuditLogRow(Base):
    """One entry of the append-only audit log: who did what to which row, before and after.

    Rows are only ever inserted; the database refuses UPDATE and DELETE (triggers of 0002).
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)
    actor_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor_label: Mapped[str] = mapped_column(EMAIL)
    action: Mapped[str] = mapped_column(CODE, index=True)
    entity: Mapped[str] = mapped_column(CODE)
    entity_id: Mapped[str] = mapped_column(LABEL)
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]
    details: Mapped[dict[str, Any] | None]


# --- Background extraction (revision 0003) ------------------------------------------------------

#: Where an extraction job is: waiting, being run, finished with a document, or failed.
JOB_STATUSES = ("queued", "running", "done", "failed")


class ExtractionJobRow(Base):
    """An uploaded file waiting for (or gone through) extraction; ``progress`` is 0 to 100."""

    __tablename__ = "extraction_jobs"
    __table_args__ = (
        CheckConstraint(f"status IN ({', '.join(map(repr, JOB_STATUSES))})", name="status_known"),
        CheckConstraint("progress BETWEEN 0 AND 100", name="progress_percent"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    created_by: Mapped[int | None] = _optional_user_id()
    file_name: Mapped[str]
    status: Mapped[str] = mapped_column(String(32), default="queued", server_default="queued")
    progress: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    error: Mapped[str | None]
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    #: ``host:pid`` of the server process that queued the job (revision 0006).
    worker: Mapped[str | None] = mapped_column(String(255))


class LoginSessionRow(Base):
    """A login on the web pages; its cookie carries the key whose SHA-256 is ``id`` (0007)."""

    __tablename__ = "login_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LoginFailureRow(Base):
    """Failed logins counted against a key: an account at an address, or an address (0007)."""

    __tablename__ = "login_failures"

    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    last_failed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    blocked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


# --- The Work Plan follow-up (revision 0005) ----------------------------------------------------

#: Where an area mapping is in its review: as the rules proposed it, accepted, moved by a
#: reviewer to another area (``original_area`` keeps where the rules had put it), or dismissed
#: as evidence for no area at all.
MAPPING_STATUSES = ("proposed", "accepted", "moved", "dismissed")
#: The rubric's ratings, strongest first (``data/rubric.json`` describes them).
RATINGS = ("substantial_evidence", "some_evidence", "mentioned_only", "no_information")
RECOMMENDATION_STATUSES = ("draft", "adopted", "withdrawn")
#: What became of an adopted recommendation by a later meeting.
FOLLOW_UP_STATUSES = ("implemented", "in_progress", "not_started", "no_information")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(map(repr, values))})"


class WorkPlanRow(Base):
    """A plan imported by the secretariat; ``structure`` is the plan as ``plans.plan_to_data``."""

    __tablename__ = "work_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(CODE, unique=True)
    structure: Mapped[dict[str, Any]]
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    imported_by: Mapped[int | None] = _optional_user_id()
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class MappedDocumentRow(Base):
    """That a document's sentences were mapped to areas, and by which component version."""

    __tablename__ = "mapped_documents"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    component: Mapped[str] = mapped_column(CODE)
    component_version: Mapped[str] = mapped_column(String(32))
    mapped_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class AreaMappingRow(Base):
    """A sentence of a country's section mapped to an area of the plan, with a confidence."""

    __tablename__ = "area_mappings"
    __table_args__ = (
        CheckConstraint(_in("status", MAPPING_STATUSES), name="status_known"),
        Index("ix_area_mappings_country_area", "country", "area"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _document_id()
    evidence_id: Mapped[int] = _evidence_id()
    country: Mapped[str] = mapped_column(CODE)
    area: Mapped[str] = mapped_column(CODE)
    confidence: Mapped[float] = mapped_column(Double)
    cues: Mapped[list[str]]
    component: Mapped[str] = mapped_column(CODE)
    component_version: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32), default="proposed", server_default="proposed")
    original_area: Mapped[str | None] = mapped_column(CODE)
    reviewed_by: Mapped[int | None] = _optional_user_id()
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
    reviewed_by: Mapped[int | None] = _optional_user_id()
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


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
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    created_by: Mapped[int | None] = _optional_user_id()
    adopted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    adopted_by: Mapped[int | None] = _optional_user_id()

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
    set_by: Mapped[int | None] = _optional_user_id()
    set_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class ObservationRow(Base):
    """An observation on a plan activity by a focal point, or the secretariat's answer to one."""

    __tablename__ = "observations"
    __table_args__ = (Index("ix_observations_plan_activity", "plan", "activity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan: Mapped[str] = mapped_column(CODE)
    activity: Mapped[str] = mapped_column(CODE)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("observations.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = _optional_user_id()
    author_label: Mapped[str] = mapped_column(EMAIL)
    country: Mapped[str | None] = mapped_column(CODE)
    text: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
