"""Ending a change: vigia.store.transactions, on both databases."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vigia.services.accounts import create_user
from vigia.store.models import UserRow
from vigia.store.transactions import commit, committed

HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def _display_names(session: Session) -> list[str | None]:
    session.expire_all()
    return list(session.scalars(select(UserRow.display_name)))


def test_committed_stores_what_the_block_changed(session: Session) -> None:
    user = create_user(
        session, "a@example.org", "a long enough password", "secretariat", hasher=HASHER
    )

    with committed(session):
        user.display_name = "Ana"

    session.close()
    assert _display_names(session) == ["Ana"]


def test_committed_rolls_everything_back_when_the_block_raises(session: Session) -> None:
    user = create_user(
        session, "a@example.org", "a long enough password", "secretariat", hasher=HASHER
    )

    with pytest.raises(ValueError, match="refused"), committed(session):
        user.display_name = "Ana"
        session.flush()
        raise ValueError("refused")

    assert _display_names(session) == [None]
    assert session.scalar(select(func.count()).select_from(UserRow)) == 1


def test_commit_commits_pending_changes(session: Session) -> None:
    user = create_user(
        session, "a@example.org", "a long enough password", "secretariat", hasher=HASHER
    )
    user.display_name = "Bea"

    commit(session)

    session.close()
    assert _display_names(session) == ["Bea"]
