"""Accounts, API tokens, logins and failed logins (revisions 0002, 0007), and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from vigia.permissions import COUNTRY_ROLES, ROLES
from vigia.store.models.base import CODE, LABEL, Base, utc_now

# --- Accounts and the audit log (revision 0002) -------------------------------------------------

EMAIL = String(320)
COUNTRY_ROLE_LIST = ", ".join(map(repr, COUNTRY_ROLES))


class UserRow(Base):
    """An account. ``email`` is stored lower-cased; only focal points and case managers have a
    ``country``."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(f"role IN ({', '.join(map(repr, ROLES))})", name="role_known"),
        CheckConstraint(
            f"(role IN ({COUNTRY_ROLE_LIST}) AND country IS NOT NULL)"
            f" OR (role NOT IN ({COUNTRY_ROLE_LIST}) AND country IS NULL)",
            name="country_for_country_roles",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(EMAIL, unique=True)
    password_hash: Mapped[str]
    role: Mapped[str] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(CODE)
    display_name: Mapped[str | None]
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
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
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[UserRow] = relationship(back_populates="tokens")


class AuditLogRow(Base):
    """One entry of the append-only audit log: who did what to which row, before and after.

    Rows are only ever inserted; the database refuses UPDATE and DELETE (triggers of 0002).
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now, index=True)
    actor_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor_label: Mapped[str] = mapped_column(EMAIL)
    action: Mapped[str] = mapped_column(CODE, index=True)
    entity: Mapped[str] = mapped_column(CODE)
    entity_id: Mapped[str] = mapped_column(LABEL)
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]
    details: Mapped[dict[str, Any] | None]


class LoginSessionRow(Base):
    """A login on the web pages; its cookie carries the key whose SHA-256 is ``id`` (0007)."""

    __tablename__ = "login_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LoginFailureRow(Base):
    """Failed logins counted against a key: an account at an address, or an address (0007)."""

    __tablename__ = "login_failures"

    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    last_failed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    blocked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
