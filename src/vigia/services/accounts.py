"""Accounts and API tokens: creating users, checking passwords and tokens, revoking, deactivating.

Passwords are hashed with Argon2 (``argon2.PasswordHasher``, its default parameters unless a caller
passes another ``hasher``; the tests pass a cheap one). A token's secret (``vig_`` and 43 URL-safe
characters) is returned once, when it is created; only its SHA-256 and its first characters (to
show) are stored.

Every write function records what it changed in the audit log, in the same transaction, and
commits; on failure it rolls back, so nothing is half-stored, and raises :class:`AccountError`
(with a message fit to show a user) for input it refuses. Like
:func:`vigia.store.repository.store_document`, they commit whatever else is pending in the session.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, TypeAlias

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from vigia.permissions import COUNTRY_ROLES, FOCAL_POINT, ROLES
from vigia.reference import countries
from vigia.services.logins import end_user_sessions
from vigia.store import audit
from vigia.store.models import EMAIL, LABEL, ApiTokenRow, UserRow
from vigia.vocabulary import is_row_id

MINIMUM_PASSWORD_LENGTH = 12
TOKEN_PREFIX = "vig_"
TOKEN_BYTES = 32
#: How many leading characters of a token's secret are stored to tell tokens apart.
SHOWN_PREFIX_LENGTH = 8
EMAIL_SHAPE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
EMAIL_LENGTH = EMAIL.length or 320
TOKEN_NAME_LENGTH = LABEL.length or 255
USERS = UserRow.__tablename__
TOKENS = ApiTokenRow.__tablename__
DEFAULT_HASHER = PasswordHasher()

#: An account as this layer hands it to the edges (the signed-in user, a listed user): the
#: stored row, which the edges read and pass back, and never query or change themselves.
User: TypeAlias = UserRow


class AccountError(ValueError):
    """Input refused: a malformed email, a short password, an unknown role, a duplicate…"""


def normalise_email(email: str) -> str:
    """``email`` as stored: without surrounding blanks, lower-cased."""
    return email.strip().lower()


def check_new_user(email: str, role: str, country: str | None) -> tuple[str, str | None]:
    """The email and country as they would be stored, or :class:`AccountError`.

    Only focal points have a country, which must be an OAS member state (ISO 3166-1 alpha-3).
    """
    stored_email = normalise_email(email)
    if len(stored_email) > EMAIL_LENGTH or not EMAIL_SHAPE.fullmatch(stored_email):
        raise AccountError(f"{email!r} is not an email address")
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; expected one of {', '.join(ROLES)}")
    return stored_email, _check_country(role, country)


def check_password(password: str) -> None:
    if len(password) < MINIMUM_PASSWORD_LENGTH:
        raise AccountError(f"the password must have at least {MINIMUM_PASSWORD_LENGTH} characters")


def find_user(session: Session, email: str) -> UserRow | None:
    """The user with this email (in any case), if there is one."""
    return session.scalar(select(UserRow).where(UserRow.email == normalise_email(email)))


def user_by_id(session: Session, user_id: int) -> UserRow | None:
    """The user with this id, active or not, if there is one."""
    return session.get(UserRow, user_id) if is_row_id(user_id) else None


def list_users(session: Session) -> list[UserRow]:
    """Every user, active or not, by email."""
    return list(session.scalars(select(UserRow).order_by(UserRow.email)))


def create_user(
    session: Session,
    email: str,
    password: str,
    role: str,
    country: str | None = None,
    display_name: str | None = None,
    actor: UserRow | None = None,
    hasher: PasswordHasher | None = None,
) -> UserRow:
    """Store a new active user and commit; :class:`AccountError` for refused input."""
    stored_email, stored_country = check_new_user(email, role, country)
    check_password(password)
    if find_user(session, stored_email) is not None:
        raise AccountError(f"a user with email {stored_email} already exists")
    user = UserRow(
        email=stored_email,
        password_hash=(hasher or DEFAULT_HASHER).hash(password),
        role=role,
        country=stored_country,
        display_name=_optional_text(display_name),
        is_active=True,
        created_at=_now(),
    )
    session.add(user)
    _commit_change(
        session,
        lambda: audit.record(
            session, actor, "user.create", USERS, user.id, None, _user_snapshot(user)
        ),
        conflict=f"a user with email {stored_email} already exists",
    )
    return user


def authenticate(
    session: Session, email: str, password: str, hasher: PasswordHasher | None = None
) -> UserRow | None:
    """The active user with this email and password, or None.

    Unknown emails cost one hash verification too, so that timing does not tell which emails
    exist. A hash made with other parameters than ``hasher``'s is replaced. Records ``user.login``.
    """
    hasher = hasher or DEFAULT_HASHER
    user = find_user(session, email)
    stored_hash = _dummy_hash(hasher) if user is None else user.password_hash
    if not _verify(hasher, stored_hash, password) or user is None or not user.is_active:
        return None
    before = _user_snapshot(user)
    user.last_login_at = _now()
    details: dict[str, Any] | None = None
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
        details = {"password_rehashed": True}
    audit.record(session, user, "user.login", USERS, user.id, before, _user_snapshot(user), details)
    _commit(session)
    return user


def create_api_token(
    session: Session, user: UserRow, name: str, actor: UserRow | None = None
) -> tuple[ApiTokenRow, str]:
    """A new token for an active ``user``, and its secret: the only time the secret is given."""
    token_name = _token_name(name)
    if not user.is_active:
        raise AccountError(f"{user.email} is deactivated")
    if _active_token(session, user, token_name) is not None:
        raise AccountError(f"{user.email} already has an active token named {token_name!r}")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)
    token = ApiTokenRow(
        user_id=user.id,
        name=token_name,
        token_hash=token_hash(secret),
        prefix=secret[:SHOWN_PREFIX_LENGTH],
        created_at=_now(),
    )
    session.add(token)
    _commit_change(
        session,
        lambda: audit.record(
            session, actor, "token.create", TOKENS, token.id, None, _token_snapshot(token)
        ),
        conflict=f"{user.email} already has an active token named {token_name!r}",
    )
    return token, secret


def user_for_token(session: Session, secret: str) -> UserRow | None:
    """The active user owning this unrevoked token, or None; notes when the token was used."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = session.scalar(
        select(ApiTokenRow)
        .join(UserRow, ApiTokenRow.user_id == UserRow.id)
        .where(
            ApiTokenRow.token_hash == token_hash(secret),
            ApiTokenRow.revoked_at.is_(None),
            UserRow.is_active,
        )
    )
    if token is None:
        return None
    token.last_used_at = _now()
    _commit(session)
    return token.user


def list_tokens(session: Session, user: UserRow) -> list[ApiTokenRow]:
    """The user's tokens, revoked ones too, oldest first."""
    statement = select(ApiTokenRow).where(ApiTokenRow.user_id == user.id)
    return list(session.scalars(statement.order_by(ApiTokenRow.created_at, ApiTokenRow.id)))


def revoke_api_token(
    session: Session, user: UserRow, name: str, actor: UserRow | None = None
) -> ApiTokenRow:
    """Revoke the user's active token called ``name``; it never authenticates again."""
    token_name = _token_name(name)
    token = _active_token(session, user, token_name)
    if token is None:
        raise AccountError(f"{user.email} has no active token named {token_name!r}")
    before = _token_snapshot(token)
    token.revoked_at = _now()
    after = _token_snapshot(token)
    _commit_change(
        session,
        lambda: audit.record(session, actor, "token.revoke", TOKENS, token.id, before, after),
    )
    return token


def set_active(
    session: Session, user: UserRow, active: bool, actor: UserRow | None = None
) -> UserRow:
    """Activate or deactivate ``user`` (``user.activate``/``user.deactivate``); no-op if already so.

    A deactivated user neither logs in nor uses tokens; users are never deleted.
    """
    if user.is_active == active:
        return user
    before = _user_snapshot(user)
    user.is_active = active
    if not active:
        end_user_sessions(session, user.id)
    action = "user.activate" if active else "user.deactivate"
    after = _user_snapshot(user)
    _commit_change(
        session, lambda: audit.record(session, actor, action, USERS, user.id, before, after)
    )
    return user


def set_password(
    session: Session,
    user: UserRow,
    password: str,
    actor: UserRow | None = None,
    hasher: PasswordHasher | None = None,
) -> UserRow:
    """Give ``user`` a new password (``user.password``) and end every login session of theirs.

    Raises :class:`AccountError` for a password that is too short. API tokens are kept: revoke
    them apart (:func:`revoke_api_token`).
    """
    check_password(password)
    user.password_hash = (hasher or DEFAULT_HASHER).hash(password)
    ended = end_user_sessions(session, user.id)
    snapshot = _user_snapshot(user)
    _commit_change(
        session,
        lambda: audit.record(
            session,
            actor,
            "user.password",
            USERS,
            user.id,
            None,
            snapshot,
            {"sessions_ended": ended},
        ),
    )
    return user


def token_hash(secret: str) -> str:
    """What is stored of a token: the SHA-256 of its secret, in hexadecimal."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _check_country(role: str, country: str | None) -> str | None:
    code = _optional_text(country)
    if role not in COUNTRY_ROLES:
        if code is not None:
            raise AccountError(f"only focal points and case managers have a country, not a {role}")
        return None
    if code is None:
        kind = "a focal point" if role == FOCAL_POINT else "a case manager"
        raise AccountError(f"{kind} needs a country (ISO 3166-1 alpha-3 code, e.g. CRI)")
    code = code.upper()
    known = countries().get(code)
    if known is None:
        raise AccountError(f"{country!r} is not an ISO 3166-1 alpha-3 country code")
    if not known.oas_member:
        raise AccountError(f"{code} ({known.names['en']}) is not an OAS member state")
    return code


def _token_name(name: str) -> str:
    stripped = name.strip()
    if not stripped or len(stripped) > TOKEN_NAME_LENGTH:
        raise AccountError(f"a token name has 1 to {TOKEN_NAME_LENGTH} characters")
    return stripped


def _active_token(session: Session, user: UserRow, name: str) -> ApiTokenRow | None:
    return session.scalar(
        select(ApiTokenRow).where(
            ApiTokenRow.user_id == user.id,
            ApiTokenRow.name == name,
            ApiTokenRow.revoked_at.is_(None),
        )
    )


def _commit_change(
    session: Session, record: Callable[[], object], conflict: str = "conflicting change"
) -> None:
    """Flush (new rows get their ids), ``record`` the change, commit; roll back on failure.

    An integrity error (two users with one email…) becomes :class:`AccountError` ``conflict``.
    """
    try:
        session.flush()
        record()
        session.commit()
    except IntegrityError as error:
        session.rollback()
        raise AccountError(conflict) from error
    except BaseException:
        session.rollback()
        raise


def _commit(session: Session) -> None:
    try:
        session.commit()
    except BaseException:
        session.rollback()
        raise


def _user_snapshot(user: UserRow) -> dict[str, Any]:
    """What the audit log keeps of a user: everything but the password hash."""
    return {
        "id": user.id,
        "email": user.email,
        "role": user.role,
        "country": user.country,
        "display_name": user.display_name,
        "is_active": user.is_active,
        "created_at": user.created_at,
        "last_login_at": user.last_login_at,
    }


def _token_snapshot(token: ApiTokenRow) -> dict[str, Any]:
    """What the audit log keeps of a token: everything but its hash."""
    return {
        "id": token.id,
        "user_id": token.user_id,
        "name": token.name,
        "prefix": token.prefix,
        "created_at": token.created_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
    }


def _verify(hasher: PasswordHasher, stored_hash: str, password: str) -> bool:
    try:
        return hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@lru_cache(maxsize=8)
def _dummy_hash(hasher: PasswordHasher) -> str:
    """A hash of a random password, verified against when the email is unknown."""
    return hasher.hash(secrets.token_urlsafe(16))


def _optional_text(value: str | None) -> str | None:
    if value is None:
        return None
    stripped = value.strip()
    return stripped or None


def _now() -> datetime:
    return datetime.now(UTC)
