"""Stored reports for the evaluation tests: extracted once per test run, stored per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy.orm import Session

from vigia.domain import Document
from vigia.extract import extract
from vigia.ingest import read_document
from vigia.permissions import Principal, principal_for
from vigia.services.accounts import create_user
from vigia.store.database import open_database, session_factory
from vigia.store.repository import store_document

REPORTS = Path(__file__).parents[1] / "data" / "reports"
RTP4_SPANISH = REPORTS / "rtp4-informe-relatoria.es.txt"
RTP4_ENGLISH = REPORTS / "rtp4-rapporteur-report.en.txt"
RTP5_PORTUGUESE = REPORTS / "relatorio-rtp5.pt.txt"
PASSWORD = "correct horse battery staple"

StoreReports = Callable[..., None]


@cache
def extracted(path: Path) -> Document:
    return extract(read_document(path))


@pytest.fixture
def evaluation_session(database_url: str) -> Iterator[Session]:
    """A session on a migrated, empty database (SQLite, then PostgreSQL)."""
    engine = open_database(database_url)
    with session_factory(engine)() as session:
        yield session
    engine.dispose()


@pytest.fixture
def store_reports(evaluation_session: Session) -> StoreReports:
    """``store_reports(path, ...)`` extracts (once per run) and stores each report."""

    def store(*paths: Path) -> None:
        for path in paths:
            store_document(evaluation_session, extracted(path))

    return store


@dataclass(frozen=True)
class Reviewers:
    secretariat: Principal
    focal_point_cri: Principal
    focal_point_arg: Principal


@pytest.fixture
def reviewers(evaluation_session: Session) -> Reviewers:
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)

    def principal(email: str, role: str, country: str | None = None) -> Principal:
        user = create_user(evaluation_session, email, PASSWORD, role, country, hasher=hasher)
        return principal_for(user)

    return Reviewers(
        secretariat=principal("secretariat@example.org", "secretariat"),
        focal_point_cri=principal("cri@example.org", "focal_point", "CRI"),
        focal_point_arg=principal("arg@example.org", "focal_point", "ARG"),
    )
