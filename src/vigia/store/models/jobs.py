"""Background extraction jobs (revisions 0003, 0006)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from vigia.store.models.base import Base, optional_user_id_column, utc_now
from vigia.vocabulary import JOB_STATUSES

# --- Background extraction (revision 0003) ------------------------------------------------------


class ExtractionJobRow(Base):
    """An uploaded file waiting for (or gone through) extraction; ``progress`` is 0 to 100."""

    __tablename__ = "extraction_jobs"
    __table_args__ = (
        CheckConstraint(f"status IN ({', '.join(map(repr, JOB_STATUSES))})", name="status_known"),
        CheckConstraint("progress BETWEEN 0 AND 100", name="progress_percent"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    created_by: Mapped[int | None] = optional_user_id_column()
    file_name: Mapped[str]
    status: Mapped[str] = mapped_column(String(32), default="queued", server_default="queued")
    progress: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    error: Mapped[str | None]
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    #: ``host:pid`` of the server process that queued the job (revision 0006).
    worker: Mapped[str | None] = mapped_column(String(255))
