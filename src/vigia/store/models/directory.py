"""The directory of national authorities and focal points (revision 0018), kept by the
secretariat: whom to contact in each state."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from vigia.store.models.base import CODE, Base, optional_user_id_column, utc_now

NATIONAL_AUTHORITY = "national_authority"
FOCAL_POINT_ENTRY = "focal_point"
ENTRY_KINDS = (NATIONAL_AUTHORITY, FOCAL_POINT_ENTRY)


class DirectoryEntryRow(Base):
    """A state's national authority or focal point: the institution (public) and how to reach it
    (for signed-in users only)."""

    __tablename__ = "directory_entries"
    __table_args__ = (
        CheckConstraint(f"kind IN ({', '.join(map(repr, ENTRY_KINDS))})", name="kind_known"),
        Index("ix_directory_entries_country", "country"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    country: Mapped[str] = mapped_column(CODE)
    kind: Mapped[str] = mapped_column(String(32))
    institution: Mapped[str] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text)
    position: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(Text)
    changed_by: Mapped[int | None] = optional_user_id_column()
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
