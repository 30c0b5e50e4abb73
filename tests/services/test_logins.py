"""Login sessions on the server and failed logins per account and address: vigia.services.logins."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from sqlalchemy.orm import Session

from vigia.services.accounts import create_user, set_active, set_password
from vigia.services.logins import (
    ACCOUNT_AT_ADDRESS,
    ADDRESS,
    end_login_session,
    forget_login_failures,
    login_session_is_open,
    login_wait,
    record_login_failure,
    start_login_session,
    throttle_keys,
)
from vigia.store.audit import list_entries
from vigia.store.models import UserRow

HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _user(session: Session, email: str = "secretariat@example.org") -> UserRow:
    return create_user(session, email, "a long enough password", "secretariat", hasher=HASHER)


def test_login_session_is_open_until_logout(session: Session) -> None:
    user = _user(session)
    key = start_login_session(session, user)
    other = start_login_session(session, user)

    assert login_session_is_open(session, key, user.id)
    end_login_session(session, key)

    assert not login_session_is_open(session, key, user.id)
    assert login_session_is_open(session, other, user.id)


def test_login_session_refuses_unknown_keys_and_other_users(session: Session) -> None:
    user = _user(session)
    key = start_login_session(session, user)

    assert not login_session_is_open(session, key, user.id + 1)
    assert not login_session_is_open(session, "made-up", user.id)
    assert not login_session_is_open(session, None, user.id)


def test_deactivation_and_password_change_end_every_session(session: Session) -> None:
    user = _user(session)
    first, second = start_login_session(session, user), start_login_session(session, user)

    set_password(session, user, "another long password", hasher=HASHER)

    assert not login_session_is_open(session, first, user.id)
    assert not login_session_is_open(session, second, user.id)
    [entry] = list_entries(session, action="user.password")
    assert entry.details == {"sessions_ended": 2}
    assert "password_hash" not in (entry.after or {})

    third = start_login_session(session, user)
    set_active(session, user, False)
    assert not login_session_is_open(session, third, user.id)


def test_throttle_keys_pair_the_account_with_the_address() -> None:
    assert throttle_keys(" Someone@Example.org ", "10.0.0.1") == [
        "account-at-address:10.0.0.1|someone@example.org",
        "address:10.0.0.1",
    ]


def test_login_failures_grow_the_delay_for_the_account_at_that_address(session: Session) -> None:
    keys = throttle_keys("secretariat@example.org", "10.0.0.1")
    waits = []
    for minute in range(ACCOUNT_AT_ADDRESS.free_failures + 3):
        moment = START + timedelta(minutes=20 * minute)
        record_login_failure(session, keys, moment)
        waits.append(login_wait(session, keys, moment))

    free = ACCOUNT_AT_ADDRESS.free_failures - 1
    assert waits[:free] == [0.0] * free
    assert waits[free:] == [60.0, 120.0, 240.0, 480.0]


def test_login_failures_never_lock_the_account_out_from_another_address(
    session: Session,
) -> None:
    attacker = throttle_keys("secretariat@example.org", "203.0.113.9")
    for attempt in range(50):
        record_login_failure(session, attacker, START + timedelta(seconds=attempt))

    later = START + timedelta(seconds=49)  # the last failure
    assert login_wait(session, attacker, later) == 15 * 60
    office = throttle_keys("secretariat@example.org", "10.0.0.1")
    assert login_wait(session, office, later) == 0


def test_login_failures_of_one_address_slow_it_down_whatever_the_accounts(
    session: Session,
) -> None:
    for number in range(ADDRESS.free_failures):
        record_login_failure(session, throttle_keys(f"user{number}@example.org", "10.0.0.7"), START)

    assert login_wait(session, throttle_keys("new@example.org", "10.0.0.7"), START) == 60
    assert login_wait(session, throttle_keys("new@example.org", "10.0.0.8"), START) == 0


def test_login_failures_are_forgotten_after_a_quiet_hour_or_a_success(session: Session) -> None:
    keys = throttle_keys("a@example.org", "10.0.0.1")
    for _ in range(ACCOUNT_AT_ADDRESS.free_failures):
        record_login_failure(session, keys, START)
    assert login_wait(session, keys, START) > 0

    quiet = START + ACCOUNT_AT_ADDRESS.forget_after + timedelta(minutes=1)
    record_login_failure(session, keys, quiet)
    assert login_wait(session, keys, quiet) == 0

    for _ in range(ACCOUNT_AT_ADDRESS.free_failures):
        record_login_failure(session, keys, quiet)
    forget_login_failures(session, keys)
    assert login_wait(session, keys, quiet) == 0
