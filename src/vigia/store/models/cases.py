"""The victim case register (revision 0014): one row per identified victim, in a register."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from vigia.store.models.base import CODE, Base, optional_user_id_column


class CaseRow(Base):
    """A victim's record: what published tables count, and the identifying fields sealed.

    ``register`` is the state keeping the record (ISO alpha-3) or a regional register (``CTDC``
    for the public dataset). ``sealed`` holds the identifying fields (name, document number,
    contact, notes) encrypted with the key ``sealed_key`` (``vigia.store.sealing``); nothing
    identifying is stored in the clear.
    """

    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_register_year", "register", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    register: Mapped[str] = mapped_column(CODE)
    year: Mapped[int] = mapped_column(Integer)
    sex: Mapped[str] = mapped_column(String(16))
    age_group: Mapped[str] = mapped_column(String(16))
    citizenship: Mapped[str | None] = mapped_column(CODE)
    exploitation_country: Mapped[str | None] = mapped_column(CODE)
    #: The one category published tables count the case under (see ``data/cases.json``).
    exploitation: Mapped[str] = mapped_column(String(32))
    forms: Mapped[list[str]] = mapped_column(JSON)
    means_of_control: Mapped[list[str]] = mapped_column(JSON)
    labour_types: Mapped[list[str]] = mapped_column(JSON)
    sex_types: Mapped[list[str]] = mapped_column(JSON)
    recruiter_relations: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str | None] = mapped_column(String(255))
    data_source: Mapped[str | None] = mapped_column(String(255))
    #: The file it came from (its SHA-256), so that a file imported twice is told.
    batch: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    imported_by: Mapped[int | None] = optional_user_id_column()
    sealed_key: Mapped[str | None] = mapped_column(String(64))
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
