"""Login sessions kept on the server, and failed logins throttled per account and address.

A login starts a row in ``login_sessions``; the cookie carries a random key whose SHA-256 is the
row's id, so the database never holds a key that would log anybody in. The row ends on logout,
when the account is deactivated and when its password changes; a cookie whose row has ended is
anonymous, whichever worker it reaches.

Failed logins count against two keys: the account *at* the client's address, and the address
alone. Each key has a number of free failures; past them every failure refuses that key for a
delay that doubles each time, up to a longest one. Nobody can lock an account out from elsewhere
(their failures count against their own address), and one address trying many accounts is slowed
down as a whole. A key's count is forgotten after a quiet period, and at a successful login.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from vigia.store.models import LoginFailureRow, LoginSessionRow, UserRow
from vigia.store.times import as_utc
from vigia.store.transactions import commit

SESSION_KEY_BYTES = 32
KEY_LENGTH = 400


@dataclass(frozen=True)
class ThrottlePolicy:
    """How failures against one kind of key are answered."""

    free_failures: int
    first_delay: timedelta
    longest_delay: timedelta
    forget_after: timedelta

    def delay(self, failures: int) -> timedelta | None:
        """How long a key with ``failures`` is refused; None while failures are free."""
        if failures < self.free_failures:
            return None
        doublings = min(failures - self.free_failures, 20)
        delay: timedelta = self.first_delay * (2**doublings)
        return min(delay, self.longest_delay)


#: One account from one address: a person who mistyped five times waits a minute, then longer.
ACCOUNT_AT_ADDRESS = ThrottlePolicy(
    5, timedelta(minutes=1), timedelta(minutes=15), timedelta(hours=1)
)
#: One address, whatever the accounts: an office behind one address stays usable.
ADDRESS = ThrottlePolicy(20, timedelta(minutes=1), timedelta(minutes=15), timedelta(hours=1))
POLICIES = {"account-at-address": ACCOUNT_AT_ADDRESS, "address": ADDRESS}


# --- Sessions -----------------------------------------------------------------------------------


def start_login_session(session: Session, user: UserRow) -> str:
    """Record a new login of ``user`` and commit; the key its cookie carries."""
    key = secrets.token_urlsafe(SESSION_KEY_BYTES)
    session.add(LoginSessionRow(id=session_id(key), user_id=user.id, created_at=_now()))
    commit(session)
    return key


def login_session_is_open(session: Session, key: str | None, user_id: int) -> bool:
    """Whether ``key`` is a login of ``user_id`` that has not ended."""
    if not key:
        return False
    row = session.get(LoginSessionRow, session_id(key))
    return row is not None and row.user_id == user_id and row.ended_at is None


def end_login_session(session: Session, key: str | None) -> None:
    """End the login of ``key`` (logout) and commit; an unknown or ended key is left alone."""
    if not key:
        return
    session.execute(
        update(LoginSessionRow)
        .where(LoginSessionRow.id == session_id(key), LoginSessionRow.ended_at.is_(None))
        .values(ended_at=_now())
    )
    commit(session)


def end_user_sessions(session: Session, user_id: int) -> int:
    """End every open login of ``user_id``, without committing; how many there were."""
    result = session.execute(
        update(LoginSessionRow)
        .where(LoginSessionRow.user_id == user_id, LoginSessionRow.ended_at.is_(None))
        .values(ended_at=_now())
    )
    return int(getattr(result, "rowcount", 0) or 0)


def session_id(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


# --- Failed logins ------------------------------------------------------------------------------


def throttle_keys(email: str, client_address: str | None) -> list[str]:
    """The keys a login attempt counts against: the account at the address, and the address."""
    address = client_address or "unknown"
    account = email.strip().lower()
    keys = [f"account-at-address:{address}|{account}", f"address:{address}"]
    return [key[:KEY_LENGTH] for key in keys]


def login_wait(session: Session, keys: Iterable[str], now: datetime | None = None) -> float:
    """Seconds until none of ``keys`` is refused any more; 0 when none is."""
    moment = now or _now()
    waits = [0.0]
    for key in keys:
        row = session.get(LoginFailureRow, key, populate_existing=True)
        if row is not None and row.blocked_until is not None:
            waits.append((as_utc(row.blocked_until) - moment).total_seconds())
    return max(waits)


def record_login_failure(
    session: Session, keys: Iterable[str], now: datetime | None = None
) -> None:
    """Count a failed login against each of ``keys`` and commit."""
    moment = now or _now()
    keys = list(keys)
    try:
        _count_failure(session, keys, moment)
    except IntegrityError:  # another worker counted the first failure of a key meanwhile
        session.rollback()
        _count_failure(session, keys, moment)


def forget_login_failures(session: Session, keys: Iterable[str]) -> None:
    """Clear the counts of ``keys`` (after a successful login) and commit."""
    session.execute(delete(LoginFailureRow).where(LoginFailureRow.key.in_(list(keys))))
    commit(session)


def _count_failure(session: Session, keys: list[str], moment: datetime) -> None:
    for key in keys:
        policy = POLICIES[key.split(":", 1)[0]]
        row = session.get(LoginFailureRow, key, populate_existing=True)
        if row is None:
            row = LoginFailureRow(key=key, failures=0, last_failed_at=moment)
            session.add(row)
        elif moment - as_utc(row.last_failed_at) > policy.forget_after:
            row.failures = 0
        row.failures += 1
        row.last_failed_at = moment
        delay = policy.delay(row.failures)
        row.blocked_until = None if delay is None else moment + delay
    commit(session)


def _now() -> datetime:
    return datetime.now(UTC)
