"""Who may do what: vigia.permissions (pure rules, no database)."""

from __future__ import annotations

import pytest

from vigia.permissions import (
    Principal,
    can_manage_accounts,
    can_publish,
    can_read_unpublished,
    can_review,
    can_upload_for,
    principal_for,
    review_scope,
    unpublished_scope,
)
from vigia.store.models import UserRow

SECRETARIAT = Principal(1, "secretariat", None)
ADMINISTRATOR = Principal(2, "administrator", None)
FOCAL_POINT_CRI = Principal(3, "focal_point", "CRI")
ANONYMOUS = Principal.anonymous()


def _user(role: str, country: str | None = None, active: bool = True) -> UserRow:
    return UserRow(id=7, email="x@example.org", role=role, country=country, is_active=active)


def test_principal_for_takes_id_role_and_country_of_an_active_user() -> None:
    assert principal_for(_user("focal_point", "PER")) == Principal(7, "focal_point", "PER")
    assert principal_for(_user("secretariat")) == Principal(7, "secretariat", None)


def test_principal_for_no_user_or_a_deactivated_one_is_anonymous() -> None:
    assert principal_for(None) == ANONYMOUS
    assert principal_for(_user("secretariat", active=False)) == ANONYMOUS
    assert ANONYMOUS.is_anonymous
    assert not SECRETARIAT.is_anonymous


@pytest.mark.parametrize(
    ("principal", "country", "allowed"),
    [
        (FOCAL_POINT_CRI, "CRI", True),
        (FOCAL_POINT_CRI, "PER", False),
        (FOCAL_POINT_CRI, None, False),
        (FOCAL_POINT_CRI, "cri", False),
        (SECRETARIAT, "CRI", True),
        (SECRETARIAT, "PER", True),
        (SECRETARIAT, None, True),
        (ADMINISTRATOR, "CRI", False),
        (ADMINISTRATOR, None, False),
        (ANONYMOUS, "CRI", False),
        (ANONYMOUS, None, False),
    ],
)
def test_can_review_upload_and_read_unpublished_follow_the_country(
    principal: Principal, country: str | None, allowed: bool
) -> None:
    assert can_review(principal, country) is allowed
    assert can_upload_for(principal, country) is allowed
    assert can_read_unpublished(principal, country) is allowed


def test_can_publish_only_the_secretariat() -> None:
    assert can_publish(SECRETARIAT)
    assert not can_publish(FOCAL_POINT_CRI)
    assert not can_publish(ADMINISTRATOR)
    assert not can_publish(ANONYMOUS)


def test_can_manage_accounts_only_administrators() -> None:
    assert can_manage_accounts(ADMINISTRATOR)
    assert not can_manage_accounts(SECRETARIAT)
    assert not can_manage_accounts(FOCAL_POINT_CRI)
    assert not can_manage_accounts(ANONYMOUS)


def test_a_role_without_a_user_is_anonymous() -> None:
    nobody = Principal(None, "secretariat", None)

    assert nobody.is_anonymous
    assert not can_publish(nobody)
    assert not can_review(nobody, "CRI")


def test_a_focal_point_without_a_country_reviews_nothing() -> None:
    assert review_scope(Principal(4, "focal_point", None)).is_empty


def test_scopes_name_the_countries_a_principal_covers() -> None:
    assert review_scope(FOCAL_POINT_CRI).countries == frozenset({"CRI"})
    assert review_scope(SECRETARIAT).every_country
    assert unpublished_scope(ANONYMOUS).is_empty
    assert unpublished_scope(ADMINISTRATOR).is_empty
