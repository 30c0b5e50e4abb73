"""Published editions of the regional report (revision 0009).

An edition is what the secretariat published for a meeting on one day: the report written in each
language and format, kept byte for byte with its SHA-256. The files never change afterwards (the
database refuses UPDATE and DELETE of ``report_files``); publishing again makes a new edition.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from vigia.store.models.base import LABEL, Base, optional_user_id_column, utc_now


class ReportEditionRow(Base):
    """The ``edition``-th publication of the regional report of ``meeting``."""

    __tablename__ = "report_editions"
    __table_args__ = (
        Index("uq_report_editions_meeting_edition", "meeting", "edition", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting: Mapped[str] = mapped_column(LABEL)
    edition: Mapped[int] = mapped_column(Integer)
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    published_by: Mapped[int | None] = optional_user_id_column()

    files: Mapped[list[ReportFileRow]] = relationship(
        order_by="(ReportFileRow.language, ReportFileRow.format)", passive_deletes=True
    )


class ReportFileRow(Base):
    """One file of an edition: the report in ``language`` as ``format``, with its hash and size."""

    __tablename__ = "report_files"
    __table_args__ = (
        Index(
            "uq_report_files_edition_id_language_format",
            "edition_id",
            "language",
            "format",
            unique=True,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("report_editions.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(8))
    format: Mapped[str] = mapped_column(String(8))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
