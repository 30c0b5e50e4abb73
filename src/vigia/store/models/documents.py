"""Documents and what is extracted from them: sections, evidence, facts, events, roles, cooperation
links, requests for help, meetings and what a document says about them."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from vigia.store.models.base import (
    CODE,
    LABEL,
    Base,
    document_id_column,
    evidence_id_column,
    optional_evidence_id_column,
    optional_meeting_id_column,
    optional_user_id_column,
    utc_now,
)
from vigia.vocabulary import FACT_STATUSES

if TYPE_CHECKING:
    from vigia.store.models.follow_up import AreaMappingRow


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
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    # Revision 0003: who uploaded the file, for which country, and the file itself. The bytes are
    # only loaded when ``original`` is read.
    uploaded_by: Mapped[int | None] = optional_user_id_column()
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
    document_id: Mapped[int] = document_id_column()
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
    document_id: Mapped[int] = document_id_column()
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
        Index("ix_facts_status_confidence", "status", "confidence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = document_id_column()
    section_id: Mapped[int | None] = mapped_column(
        ForeignKey("sections.id", ondelete="SET NULL"), index=True
    )
    evidence_id: Mapped[int] = evidence_id_column()
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
    #: How sure the extractor was (0 to 1) and why (revision 0008); None for older facts.
    confidence: Mapped[float | None] = mapped_column(Double)
    indicator_reason: Mapped[str | None] = mapped_column(String(32))
    owner_reason: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32), default="proposed", server_default="proposed")
    corrected_value: Mapped[float | None] = mapped_column(Double)
    corrected_value_min: Mapped[float | None] = mapped_column(Double)
    corrected_qualifier: Mapped[str | None] = mapped_column(String(32))
    corrected_year: Mapped[int | None]
    corrected_indicator: Mapped[str | None] = mapped_column(CODE)
    review_note: Mapped[str | None]
    reviewed_by: Mapped[int | None] = optional_user_id_column()
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    published_by: Mapped[int | None] = optional_user_id_column()

    section: Mapped[SectionRow | None] = relationship()
    evidence: Mapped[EvidenceRow] = relationship()
    document: Mapped[DocumentRow] = relationship(viewonly=True)


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = document_id_column()
    evidence_id: Mapped[int] = evidence_id_column()
    kind: Mapped[str] = mapped_column(CODE)
    country: Mapped[str | None] = mapped_column(CODE)
    year: Mapped[int | None]
    component: Mapped[str] = mapped_column(CODE)
    component_version: Mapped[str] = mapped_column(String(32))

    evidence: Mapped[EvidenceRow] = relationship()


class RoleRow(Base):
    __tablename__ = "roles"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = document_id_column()
    evidence_id: Mapped[int] = evidence_id_column()
    country: Mapped[str] = mapped_column(CODE)
    role: Mapped[str] = mapped_column(String(32))
    component: Mapped[str] = mapped_column(CODE)
    component_version: Mapped[str] = mapped_column(String(32))

    evidence: Mapped[EvidenceRow] = relationship()


class CooperationLinkRow(Base):
    __tablename__ = "cooperation_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = document_id_column()
    evidence_id: Mapped[int] = evidence_id_column()
    source: Mapped[str] = mapped_column(CODE)
    target: Mapped[str] = mapped_column(CODE)
    kind: Mapped[str] = mapped_column(CODE)
    component: Mapped[str] = mapped_column(CODE)
    component_version: Mapped[str] = mapped_column(String(32))

    evidence: Mapped[EvidenceRow] = relationship()


class HelpRequestRow(Base):
    __tablename__ = "help_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = document_id_column()
    evidence_id: Mapped[int] = evidence_id_column()
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
    meeting_id: Mapped[int | None] = optional_meeting_id_column()
    document_id: Mapped[int] = document_id_column()
    evidence_id: Mapped[int | None] = optional_evidence_id_column()
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
    meeting_id: Mapped[int | None] = optional_meeting_id_column()
    document_id: Mapped[int] = document_id_column()
    code: Mapped[str] = mapped_column(LABEL)

    meeting: Mapped[MeetingRow | None] = relationship()


class DecisionRow(Base):
    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = optional_meeting_id_column()
    document_id: Mapped[int] = document_id_column()
    evidence_id: Mapped[int | None] = optional_evidence_id_column()
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
