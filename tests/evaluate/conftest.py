"""Fixtures of the evaluation tests: a migrated database, people of each role, stored reports.

``session`` is a session on an empty database migrated to the latest schema, once on SQLite and
once on PostgreSQL (``database_url``). ``people`` are users of each role. ``store_report`` stores
a report of ``tests/data/reports`` as the pipeline extracts it (extracted once per test run);
``figures_report`` builds a small document holding only the figures a test needs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy.orm import Session

from vigia.domain import Document, Evidence, Fact, MeetingRecord, Provenance, Qualifier, Section
from vigia.extract import extract
from vigia.ingest import read_document
from vigia.permissions import Principal, principal_for
from vigia.records import StoredDocument
from vigia.reference import countries, indicators
from vigia.services.accounts import create_user
from vigia.store.repository import store_document

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"
SPANISH_RTP4 = "rtp4-informe-relatoria.es.txt"
PORTUGUESE_RTP5 = "relatorio-rtp5.pt.txt"
PASSWORD = "a long enough password"
PROVENANCE = Provenance("test_figures", "1.0")


@dataclass(frozen=True)
class People:
    """A principal of each role, and anybody."""

    secretariat: Principal
    focal_point_arg: Principal
    focal_point_cri: Principal
    administrator: Principal
    anonymous: Principal


@pytest.fixture
def people(session: Session) -> People:
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)

    def principal(email: str, role: str, country: str | None = None) -> Principal:
        return principal_for(create_user(session, email, PASSWORD, role, country, hasher=hasher))

    return People(
        secretariat=principal("secretariat@example.org", "secretariat"),
        focal_point_arg=principal("arg@example.org", "focal_point", "ARG"),
        focal_point_cri=principal("cri@example.org", "focal_point", "CRI"),
        administrator=principal("admin@example.org", "administrator"),
        anonymous=Principal.anonymous(),
    )


@cache
def extracted_report(name: str) -> Document:
    """A report of ``tests/data/reports`` through the whole pipeline (once per test run)."""
    return extract(read_document(REPORTS / name))


StoreReport = Callable[[str], StoredDocument]


@pytest.fixture
def store_report(session: Session) -> StoreReport:
    """``store_report("relatorio-rtp5.pt.txt")`` stores the extracted report."""

    def store(name: str) -> StoredDocument:
        return store_document(session, extracted_report(name))

    return store


@dataclass(frozen=True)
class Figure:
    """A figure for :func:`figures_report`, and the sentence that gives it."""

    indicator: str
    value: float
    sentence: str
    year: int | None = 2014
    qualifier: Qualifier = Qualifier.EXACT
    value_min: float | None = None


def figures_report(
    label: str, country: str, figures: Sequence[Figure], meeting: str | None = None
) -> Document:
    """A one-section document about ``country`` whose facts are exactly ``figures``."""
    heading = countries()[country].names["en"]
    sentences = list(dict.fromkeys(figure.sentence for figure in figures))
    text = f"Report {label}\n{heading}\n{' '.join(sentences)}\n"
    section_start = text.index(heading)
    document = Document(
        path=f"{label}.txt",
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        title=f"Report {label}",
        language="en",
        sections=[Section(section_start, len(text), "country", country=country, heading=heading)],
        meeting=MeetingRecord(code=meeting),
    )
    document.facts = [_fact(text, country, figure) for figure in figures]
    return document


def _fact(text: str, country: str, figure: Figure) -> Fact:
    start = text.index(figure.sentence)
    return Fact(
        indicator=figure.indicator,
        value=figure.value,
        qualifier=figure.qualifier,
        evidence=Evidence(start, start + len(figure.sentence), figure.sentence),
        provenance=PROVENANCE,
        country=country,
        year=figure.year,
        unit=indicators()[figure.indicator].unit,
        value_min=figure.value_min,
    )


StoreFigures = Callable[..., StoredDocument]


@pytest.fixture
def store_figures(session: Session) -> StoreFigures:
    """``store_figures(label, country, [Figure(...)], meeting=None)``: build and store a report."""

    def store(
        label: str, country: str, figures: Sequence[Figure], meeting: str | None = None
    ) -> StoredDocument:
        return store_document(session, figures_report(label, country, figures, meeting))

    return store


@pytest.fixture
def ctdc_subset(shared_folder: Path) -> bytes:
    """CTDC's k-anonymised records (48,773 rows), read from ``../shared/data``."""
    path = shared_folder / "data" / "ctdc-global-dataset-2020-subset" / "dados_app.csv"
    if not path.is_file():
        pytest.skip(f"no CTDC subset at {path}")
    return path.read_bytes()
