"""The declarative base, its naming convention, and the column shapes the tables share."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, ForeignKey, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CODE = String(64)
LABEL = String(255)


def utc_now() -> datetime:
    return datetime.now(UTC)


def document_id_column() -> Mapped[int]:
    return mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)


def evidence_id_column() -> Mapped[int]:
    return mapped_column(ForeignKey("evidence.id", ondelete="CASCADE"))


def optional_evidence_id_column() -> Mapped[int | None]:
    return mapped_column(ForeignKey("evidence.id", ondelete="SET NULL"))


def optional_meeting_id_column() -> Mapped[int | None]:
    return mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)


def optional_user_id_column() -> Mapped[int | None]:
    return mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        str: Text,
        dict[str, Any]: JSON,
        list[int]: JSON,
        list[str]: JSON,
    }
