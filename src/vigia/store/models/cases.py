"""The victim case register (revision 0014): one row per identified victim, in a register; and the
tables released from it (revision 0015)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, DateTime, Double, Index, Integer, LargeBinary, String
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


class ReleaseRow(Base):
    """A table released from a case register, with what it spent (revision 0015)."""

    __tablename__ = "releases"
    __table_args__ = (
        CheckConstraint("mechanism IN ('suppression', 'laplace')", name="mechanism_known"),
        Index("uq_releases_query_key", "query_key", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    register: Mapped[str] = mapped_column(CODE, index=True)
    dimensions: Mapped[list[str]] = mapped_column(JSON)
    scope: Mapped[str | None] = mapped_column(String(32))
    mechanism: Mapped[str] = mapped_column(String(32))
    k: Mapped[int | None] = mapped_column(Integer)
    epsilon: Mapped[float | None] = mapped_column(Double)
    delta: Mapped[float | None] = mapped_column(Double)
    #: The years of records it counts: each spends its epsilon.
    years: Mapped[list[int]] = mapped_column(JSON)
    query_key: Mapped[str] = mapped_column(String(255))
    #: The published cells: ``[[key, value], ...]``, ``*`` for a total, null when suppressed.
    cells: Mapped[list[Any]] = mapped_column(JSON)
    records: Mapped[int] = mapped_column(Integer)
    approved_by: Mapped[int | None] = optional_user_id_column()
    approved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
