"""Good practices (revision 0017): what a state reports it did, proposed from its reports or added
by its focal points, public once the secretariat says so."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Double, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from vigia.store.models.base import CODE, LABEL, Base, optional_user_id_column, utc_now

PROPOSED = "proposed"
PUBLIC = "public"
HIDDEN = "hidden"
PRACTICE_STATUSES = (PROPOSED, PUBLIC, HIDDEN)


class PracticeRow(Base):
    """A good practice: its state, area and kind, a title and (from a focal point) a description
    and a contact; the sentence it was read from, with the component and its confidence."""

    __tablename__ = "practices"
    __table_args__ = (
        CheckConstraint(
            f"status IN ({', '.join(map(repr, PRACTICE_STATUSES))})", name="status_known"
        ),
        Index("ix_practices_country_status", "country", "status"),
        Index("ix_practices_evidence_id", "evidence_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    country: Mapped[str] = mapped_column(CODE)
    area: Mapped[str | None] = mapped_column(CODE)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    evidence_id: Mapped[int | None] = mapped_column(ForeignKey("evidence.id", ondelete="CASCADE"))
    meeting_code: Mapped[str | None] = mapped_column(LABEL)
    confidence: Mapped[float | None] = mapped_column(Double)
    component: Mapped[str] = mapped_column(CODE)
    component_version: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default=PROPOSED, server_default=PROPOSED)
    added_by: Mapped[int | None] = optional_user_id_column()
    curated_by: Mapped[int | None] = optional_user_id_column()
    curated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
