"""The data version: vigia.store.versions, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select, text, update

from tests.conftest import build_document
from vigia.store.database import open_database, session_factory
from vigia.store.models import FactRow, LoginFailureRow
from vigia.store.repository import store_document
from vigia.store.versions import data_version


def _number(engine: Engine) -> int:
    with engine.connect() as connection:
        return data_version(connection).number


def test_a_new_database_starts_at_version_one(engine: Engine) -> None:
    with engine.connect() as connection:
        version = data_version(connection)

    assert version.number == 1
    assert version.changed_at.tzinfo is not None


def test_storing_a_document_bumps_the_version_once(engine: Engine) -> None:
    with session_factory(engine)() as session:
        store_document(session, build_document("first"))
        session.commit()

    assert _number(engine) == 2


def test_a_core_update_through_a_session_bumps_it(engine: Engine) -> None:
    factory = session_factory(engine)
    with factory() as session:
        store_document(session, build_document("first"))
        session.commit()
    with factory() as session:
        session.execute(update(FactRow).values(status="published"))
        session.commit()

    assert _number(engine) == 3


def test_a_rollback_leaves_it_alone(engine: Engine) -> None:
    factory = session_factory(engine)
    with factory() as session:
        store_document(session, build_document("first"))
    with factory() as session:
        session.execute(update(FactRow).values(status="published"))
        session.rollback()
        session.commit()  # nothing left to commit

    assert _number(engine) == 2


def test_logins_and_their_throttle_leave_it_alone(engine: Engine) -> None:
    with session_factory(engine)() as session:
        session.add(
            LoginFailureRow(key="someone@example.org", failures=1, last_failed_at=datetime.now(UTC))
        )
        session.commit()
        assert session.scalar(select(LoginFailureRow.failures)) == 1

    assert _number(engine) == 1


@pytest.mark.postgres
def test_two_writers_do_not_wait_for_each_other_until_they_commit(postgres_url: str) -> None:
    """The version's row is locked by a commit's last statement, so two open changes of different
    rows both go through; were it locked by the change itself, the second would wait for the first."""
    postgres_engine = open_database(postgres_url)
    factory = session_factory(postgres_engine)
    with factory() as session:
        store_document(session, build_document("first"))
        session.commit()
        ids = session.scalars(select(FactRow.id).order_by(FactRow.id).limit(2)).all()
    with factory() as first, factory() as second:
        for session in (first, second):
            session.execute(text("SET lock_timeout = '2s'"))
        first.execute(update(FactRow).where(FactRow.id == ids[0]).values(status="published"))
        first.flush()
        second.execute(update(FactRow).where(FactRow.id == ids[1]).values(status="published"))
        second.flush()
        first.commit()
        second.commit()

    assert _number(postgres_engine) == 4
    postgres_engine.dispose()
