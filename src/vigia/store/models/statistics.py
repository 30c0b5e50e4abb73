"""A state's yearly statistics forms and their values (revision 0011), and its comparability notes
(revision 0013)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Double, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from vigia.store.models.base import CODE, Base, optional_user_id_column
from vigia.vocabulary import FORM_STATUSES, VALUE_SOURCES


class StatisticsFormRow(Base):
    """One state's answers to one data set for one year, and where they stand."""

    __tablename__ = "statistics_forms"
    __table_args__ = (
        CheckConstraint(f"status IN ({', '.join(map(repr, FORM_STATUSES))})", name="status_known"),
        Index(
            "uq_statistics_forms_country_year_data_set", "country", "year", "data_set", unique=True
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    country: Mapped[str] = mapped_column(CODE)
    year: Mapped[int] = mapped_column(Integer)
    data_set: Mapped[str] = mapped_column(CODE)
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(32), default="draft", server_default="draft")
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    submitted_by: Mapped[int | None] = optional_user_id_column()
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    approved_by: Mapped[int | None] = optional_user_id_column()
    #: The document recording the approved totals as facts (revision 0012).
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))


class DataValueRow(Base):
    """One value of a form: ``options`` is ``''`` for an element's total, else its cell."""

    __tablename__ = "data_values"
    __table_args__ = (
        CheckConstraint(f"source IN ({', '.join(map(repr, VALUE_SOURCES))})", name="source_known"),
        CheckConstraint("value >= 0", name="not_negative"),
        Index(
            "uq_data_values_form_id_element_options", "form_id", "element", "options", unique=True
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("statistics_forms.id", ondelete="CASCADE"))
    element: Mapped[str] = mapped_column(CODE)
    options: Mapped[str] = mapped_column(String(255), default="", server_default="")
    value: Mapped[float] = mapped_column(Double)
    source: Mapped[str] = mapped_column(String(32))
    entered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    entered_by: Mapped[int | None] = optional_user_id_column()


class ComparabilityNoteRow(Base):
    """How a state's figures for one question (``element``; ``''``: all of them) differ from the
    catalogue's definition (revision 0013)."""

    __tablename__ = "comparability_notes"
    __table_args__ = (
        Index("uq_comparability_notes_country_element", "country", "element", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    country: Mapped[str] = mapped_column(CODE)
    element: Mapped[str] = mapped_column(CODE, default="", server_default="")
    text: Mapped[str] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    changed_by: Mapped[int | None] = optional_user_id_column()
