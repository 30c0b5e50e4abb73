"""Accounts and API tokens: vigia.services.accounts."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from vigia.services.accounts import (
    AccountError,
    authenticate,
    create_api_token,
    create_user,
    find_user,
    list_tokens,
    list_users,
    revoke_api_token,
    set_active,
    user_by_id,
    user_for_token,
)
from vigia.store.audit import list_entries
from vigia.store.models import ApiTokenRow, AuditLogRow, UserRow

PASSWORD = "correct horse battery"


@pytest.fixture
def hasher() -> PasswordHasher:
    """Argon2 at its lowest cost, so that tests hash in microseconds."""
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture
def focal_point(session: Session, hasher: PasswordHasher) -> UserRow:
    return create_user(
        session,
        "Focal.Point@Example.org",
        PASSWORD,
        "focal_point",
        "cri",
        "F. Point",
        hasher=hasher,
    )


def _count(session: Session, row: type[UserRow | ApiTokenRow | AuditLogRow]) -> int:
    return session.scalar(select(func.count()).select_from(row)) or 0


def _every_stored_value(session: Session) -> str:
    """Every cell of the account and audit tables, as one text."""
    cells: list[str] = []
    for table in ("users", "api_tokens", "audit_log"):
        for row in session.execute(text(f"SELECT * FROM {table}")):
            cells.extend(str(value) for value in row)
    return "\n".join(cells)


def test_create_user_stores_a_lower_cased_email_and_an_argon2_hash(
    session: Session, focal_point: UserRow
) -> None:
    stored = find_user(session, "focal.point@example.org")

    assert stored is not None
    assert (stored.email, stored.role, stored.country) == (
        "focal.point@example.org",
        "focal_point",
        "CRI",
    )
    assert stored.display_name == "F. Point"
    assert stored.is_active
    assert stored.password_hash.startswith("$argon2id$")
    assert PASSWORD not in _every_stored_value(session)


def test_create_user_without_country_for_secretariat_and_administrators(
    session: Session, hasher: PasswordHasher
) -> None:
    create_user(session, "admin@example.org", PASSWORD, "administrator", hasher=hasher)
    create_user(session, "sec@example.org", PASSWORD, "secretariat", hasher=hasher)

    assert [(user.email, user.country) for user in list_users(session)] == [
        ("admin@example.org", None),
        ("sec@example.org", None),
    ]


def test_create_user_uses_argon2_defaults_without_a_hasher(session: Session) -> None:
    user = create_user(session, "someone@example.org", PASSWORD, "secretariat")

    assert not PasswordHasher().check_needs_rehash(user.password_hash)


@pytest.mark.parametrize(
    ("email", "password", "role", "country", "message"),
    [
        ("not-an-email", PASSWORD, "secretariat", None, "not an email address"),
        ("a@b", PASSWORD, "secretariat", None, "not an email address"),
        ("two words@example.org", PASSWORD, "secretariat", None, "not an email address"),
        ("x@example.org", "short pass", "secretariat", None, "at least 12 characters"),
        ("x@example.org", PASSWORD, "superuser", None, "unknown role"),
        ("x@example.org", PASSWORD, "focal_point", None, "needs a country"),
        ("x@example.org", PASSWORD, "focal_point", "  ", "needs a country"),
        ("x@example.org", PASSWORD, "focal_point", "FRA", "not an OAS member state"),
        ("x@example.org", PASSWORD, "focal_point", "XYZ", "not an ISO 3166-1 alpha-3"),
        (
            "x@example.org",
            PASSWORD,
            "secretariat",
            "CRI",
            "only focal points and case managers have a country",
        ),
    ],
)
def test_create_user_refuses_bad_input_and_stores_nothing(
    session: Session,
    hasher: PasswordHasher,
    email: str,
    password: str,
    role: str,
    country: str | None,
    message: str,
) -> None:
    with pytest.raises(AccountError, match=message):
        create_user(session, email, password, role, country, hasher=hasher)

    assert (_count(session, UserRow), _count(session, AuditLogRow)) == (0, 0)


def test_create_user_refuses_a_duplicate_email_in_any_case(
    session: Session, hasher: PasswordHasher, focal_point: UserRow
) -> None:
    with pytest.raises(AccountError, match=r"focal\.point@example\.org already exists"):
        create_user(session, " FOCAL.POINT@example.ORG ", PASSWORD, "secretariat", hasher=hasher)

    assert (_count(session, UserRow), _count(session, AuditLogRow)) == (1, 1)
    assert find_user(session, focal_point.email) == focal_point


def test_users_table_refuses_a_duplicate_email_and_a_focal_point_without_country(
    session: Session,
) -> None:
    def insert(email: str, role: str, country: str | None) -> None:
        session.add(UserRow(email=email, password_hash="-", role=role, country=country))
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            raise

    insert("one@example.org", "secretariat", None)
    for email, role, country in [
        ("one@example.org", "secretariat", None),
        ("two@example.org", "focal_point", None),
        ("two@example.org", "administrator", "CRI"),
        ("two@example.org", "superuser", None),
    ]:
        with pytest.raises(IntegrityError):
            insert(email, role, country)

    assert _count(session, UserRow) == 1


def test_authenticate_accepts_the_right_password_in_any_email_case(
    session: Session, hasher: PasswordHasher, focal_point: UserRow
) -> None:
    before = datetime.now(UTC) - timedelta(seconds=1)

    user = authenticate(session, "FOCAL.point@example.org", PASSWORD, hasher=hasher)

    assert user == focal_point
    assert user.last_login_at is not None
    assert user.last_login_at.replace(tzinfo=UTC) >= before


def test_authenticate_refuses_a_wrong_password_and_an_unknown_email(
    session: Session, hasher: PasswordHasher, focal_point: UserRow
) -> None:
    assert authenticate(session, focal_point.email, PASSWORD + "!", hasher=hasher) is None
    assert authenticate(session, "nobody@example.org", PASSWORD, hasher=hasher) is None
    assert authenticate(session, focal_point.email, "", hasher=hasher) is None
    assert focal_point.last_login_at is None


def test_authenticate_refuses_an_inactive_user_even_with_the_right_password(
    session: Session, hasher: PasswordHasher, focal_point: UserRow
) -> None:
    set_active(session, focal_point, False)

    assert authenticate(session, focal_point.email, PASSWORD, hasher=hasher) is None

    set_active(session, focal_point, True)
    assert authenticate(session, focal_point.email, PASSWORD, hasher=hasher) == focal_point


def test_authenticate_rehashes_a_hash_made_with_other_parameters(
    session: Session, hasher: PasswordHasher, focal_point: UserRow
) -> None:
    stronger = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    old_hash = focal_point.password_hash

    assert authenticate(session, focal_point.email, PASSWORD, hasher=stronger) == focal_point

    assert focal_point.password_hash != old_hash
    assert not stronger.check_needs_rehash(focal_point.password_hash)
    assert list_entries(session, action="user.login")[0].details == {"password_rehashed": True}
    assert authenticate(session, focal_point.email, PASSWORD, hasher=stronger) == focal_point


def test_create_api_token_gives_the_secret_once_and_stores_only_its_hash(
    session: Session, focal_point: UserRow
) -> None:
    token, secret = create_api_token(session, focal_point, "spreadsheet")

    assert secret.startswith("vig_")
    assert len(secret) > 40
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.prefix == secret[:8]
    assert (token.name, token.user_id, token.revoked_at) == ("spreadsheet", focal_point.id, None)
    stored = _every_stored_value(session)
    assert secret not in stored
    assert secret[8:] not in stored


def test_user_for_token_finds_the_owner_and_notes_the_use(
    session: Session, focal_point: UserRow
) -> None:
    token, secret = create_api_token(session, focal_point, "spreadsheet")

    assert user_for_token(session, secret) == focal_point
    assert token.last_used_at is not None


def test_user_for_token_refuses_unknown_secrets(session: Session, focal_point: UserRow) -> None:
    _token, secret = create_api_token(session, focal_point, "spreadsheet")

    assert user_for_token(session, secret + "x") is None
    assert user_for_token(session, secret[4:]) is None
    assert user_for_token(session, "") is None


def test_revoke_api_token_makes_it_useless(session: Session, focal_point: UserRow) -> None:
    _token, secret = create_api_token(session, focal_point, "spreadsheet")
    assert user_for_token(session, secret) == focal_point

    revoked = revoke_api_token(session, focal_point, "spreadsheet")

    assert revoked.revoked_at is not None
    assert user_for_token(session, secret) is None
    with pytest.raises(AccountError, match="no active token named 'spreadsheet'"):
        revoke_api_token(session, focal_point, "spreadsheet")


def test_tokens_of_a_deactivated_user_stop_working(session: Session, focal_point: UserRow) -> None:
    _token, secret = create_api_token(session, focal_point, "spreadsheet")

    set_active(session, focal_point, False)

    assert user_for_token(session, secret) is None
    with pytest.raises(AccountError, match="deactivated"):
        create_api_token(session, focal_point, "another")


def test_create_api_token_refuses_a_second_active_token_of_the_same_name(
    session: Session, focal_point: UserRow
) -> None:
    create_api_token(session, focal_point, "spreadsheet")

    with pytest.raises(AccountError, match="already has an active token named 'spreadsheet'"):
        create_api_token(session, focal_point, " spreadsheet ")
    revoke_api_token(session, focal_point, "spreadsheet")
    _token, secret = create_api_token(session, focal_point, "spreadsheet")

    assert [token.revoked_at is None for token in list_tokens(session, focal_point)] == [
        False,
        True,
    ]
    assert user_for_token(session, secret) == focal_point


def test_create_api_token_refuses_an_empty_name(session: Session, focal_point: UserRow) -> None:
    with pytest.raises(AccountError, match="token name"):
        create_api_token(session, focal_point, "   ")

    assert _count(session, ApiTokenRow) == 0


def test_every_account_change_is_audited_without_secrets(
    session: Session, hasher: PasswordHasher
) -> None:
    admin = create_user(session, "admin@example.org", PASSWORD, "administrator", hasher=hasher)
    user = create_user(
        session, "fp@example.org", PASSWORD, "focal_point", "MEX", actor=admin, hasher=hasher
    )
    _token, secret = create_api_token(session, user, "api", actor=admin)
    authenticate(session, user.email, PASSWORD, hasher=hasher)
    revoke_api_token(session, user, "api", actor=user)
    set_active(session, user, False, actor=admin)

    entries = list(reversed(list_entries(session)))

    assert [(entry.action, entry.actor_label) for entry in entries] == [
        ("user.create", "system"),
        ("user.create", "admin@example.org"),
        ("token.create", "admin@example.org"),
        ("user.login", "fp@example.org"),
        ("token.revoke", "fp@example.org"),
        ("user.deactivate", "admin@example.org"),
    ]
    created, token_created, login, revoked, deactivated = entries[1:]
    assert (created.entity, created.entity_id, created.actor_user_id) == (
        "users",
        str(user.id),
        admin.id,
    )
    assert created.before is None
    assert created.after is not None
    assert created.after["email"] == "fp@example.org"
    assert created.after["country"] == "MEX"
    assert token_created.entity == "api_tokens"
    assert token_created.after is not None
    assert token_created.after["name"] == "api"
    assert login.before is not None and login.after is not None
    assert login.before["last_login_at"] is None
    assert login.after["last_login_at"] is not None
    assert revoked.before is not None and revoked.after is not None
    assert (revoked.before["revoked_at"], revoked.after["revoked_at"] is not None) == (None, True)
    assert deactivated.before is not None and deactivated.after is not None
    assert (deactivated.before["is_active"], deactivated.after["is_active"]) == (True, False)
    logged = "\n".join(str(entry) for entry in entries)
    for secret_text in (PASSWORD, secret, user.password_hash, _token.token_hash):
        assert secret_text not in logged
    assert "password_hash" not in logged
    assert "token_hash" not in logged


def test_set_active_to_the_current_state_records_nothing(
    session: Session, focal_point: UserRow
) -> None:
    set_active(session, focal_point, True)

    assert [entry.action for entry in list_entries(session)] == ["user.create"]


def test_user_by_id_finds_active_and_deactivated_users_and_nothing_else(
    session: Session, focal_point: UserRow
) -> None:
    assert user_by_id(session, focal_point.id) is focal_point
    set_active(session, focal_point, False)
    found = user_by_id(session, focal_point.id)
    assert found is not None and not found.is_active
    assert user_by_id(session, focal_point.id + 1) is None
    assert user_by_id(session, 2**40) is None  # beyond any id: no query, no overflow
    assert user_by_id(session, 0) is None
