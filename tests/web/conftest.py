"""A filled database and a client of the web application on it, on SQLite and PostgreSQL.

The database holds two documents made by ``make_document`` with real OAS member states (CRI and
ARG) in place of the made-up ones, four facts each. Only the first document's ``persons_trained``
fact is published. There is a token for a secretariat user, an administrator, and a focal point of
Costa Rica.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session

from tests.conftest import CopyDatabase, build_document
from vigia.domain import Document
from vigia.services.accounts import create_api_token, create_user
from vigia.settings import Settings
from vigia.store.database import open_database, session_factory
from vigia.store.models import FactRow
from vigia.store.repository import store_document
from vigia.web.app import create_app

PASSWORD = "correct horse battery"
#: Argon2 at its lowest cost, so that tests hash in microseconds.
HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
REAL_COUNTRIES = {"EXA": "CRI", "SMP": "ARG"}
PUBLISHED_INDICATOR = "persons_trained"
FACTS_PER_DOCUMENT = 4


@dataclass(frozen=True)
class Stored:
    """What the filled database holds that tests refer to."""

    url: str
    first_document: int
    second_document: int
    published_fact: int
    secretariat: str
    administrator: str
    focal_point: str


def in_real_countries(document: Document) -> Document:
    """``document`` with its facts, events and sections moved from EXA/SMP to CRI/ARG."""
    for finding in (*document.facts, *document.events, *document.sections):
        finding.country = REAL_COUNTRIES.get(finding.country or "", finding.country)
    return document


def _token(session: Session, email: str, role: str, country: str | None = None) -> str:
    user = create_user(session, email, PASSWORD, role, country, hasher=HASHER)
    return create_api_token(session, user, "tests")[1]


def fill(url: str, make_document: Callable[..., Document]) -> Stored:
    engine = open_database(url)
    try:
        with session_factory(engine)() as session:
            first = store_document(session, in_real_countries(make_document("first")))
            second = store_document(session, in_real_countries(make_document("second")))
            published = session.scalar(
                update(FactRow)
                .where(FactRow.document_id == first.id, FactRow.indicator == PUBLISHED_INDICATOR)
                .values(status="published")
                .returning(FactRow.id)
            )
            session.commit()
            assert published is not None
            return Stored(
                url=url,
                first_document=first.id,
                second_document=second.id,
                published_fact=published,
                secretariat=_token(session, "secretariat@example.org", "secretariat"),
                administrator=_token(session, "admin@example.org", "administrator"),
                focal_point=_token(session, "focal.cri@example.org", "focal_point", "CRI"),
            )
    finally:
        engine.dispose()


def fill_copy(copy_database: CopyDatabase, database_url: str) -> Stored:
    """A copy of the database :func:`fill` leaves, filled once per test process."""
    url, stored = copy_database(
        database_url, "web", lambda template: fill(template, build_document)
    )
    return replace(stored, url=url)


@pytest.fixture
def stored(database_url: str, copy_database: CopyDatabase) -> Stored:
    return fill_copy(copy_database, database_url)


@pytest.fixture
def app(stored: Stored) -> Iterator[FastAPI]:
    application = create_app(Settings(database_url=stored.url))
    yield application
    application.state.engine.dispose()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
