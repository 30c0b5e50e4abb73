"""Victims' identifying fields never reach anyone but their register's case managers: every page,
API answer, export, log line and audit entry the other roles can get is searched for them."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.web.conftest import Stored, bearer
from vigia.evaluate.case_register import import_cases
from vigia.permissions import principal_for
from vigia.services.accounts import create_user
from vigia.store.database import open_database, session_factory
from vigia.store.models import AuditLogRow
from vigia.store.sealing import Sealer, new_key_text

NAME, DOCUMENT, CONTACT, NOTE = (
    "Zoraida Quintanilla",
    "CR-88-771",
    "+506 8888 1234",
    "Refugio Ávila",
)
SECRETS = (NAME, DOCUMENT, CONTACT, NOTE)
RECORDS = (
    "year,sex,age_group,citizenship,forms,name,document_number,contact,notes\n"
    f"2021,female,9-17,CRI,sexual_exploitation,{NAME},{DOCUMENT},{CONTACT},{NOTE}\n"
    + "2021,female,18-20,NIC,forced_labour,,,,\n"
    * 20
)
READS = [
    "/",
    "/protected-statistics?lang=en",
    "/protected-statistics?register=CRI",
    "/countries/CRI",
    "/api/v1/releases",
    "/api/v1/releases/ledger?register=CRI",
    "/api/v1/facts?country=CRI",
    "/api/v1/data-values",
    "/api/v1/statistics/completeness?year=2021",
    "/audit",
    "/audit.csv",
]


@pytest.fixture
def with_identities(stored: Stored) -> None:
    engine = open_database(stored.url)
    with session_factory(engine)() as session:
        manager = create_user(
            session, "cases.cri@example.org", "a long enough password", "case_manager", "CRI"
        )
        sealer = Sealer.from_text(new_key_text("k"))
        report = import_cases(session, principal_for(manager), RECORDS.encode(), "CRI", sealer)
        assert report.ok and report.stored == 21
    engine.dispose()


def test_no_other_role_ever_gets_an_identifying_field(
    client: TestClient, stored: Stored, with_identities: None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    release = {"register": "CRI", "dimensions": ["year", "sex"], "mechanism": "suppression"}
    answers = [client.post("/api/v1/releases", json=release, headers=bearer(stored.secretariat))]
    for token in (None, stored.focal_point, stored.secretariat, stored.administrator):
        headers = {} if token is None else bearer(token)
        answers += [client.get(path, headers=headers) for path in READS]

    assert answers[0].status_code == 200, answers[0].text
    assert any(answer.status_code == 200 for answer in answers[1:])
    for answer in answers:
        for secret in SECRETS:
            assert secret not in answer.text, f"{secret!r} in {answer.request.url}"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert not any(secret in logged for secret in SECRETS)
    engine = open_database(stored.url)
    with session_factory(engine)() as session:
        entries = repr(
            [(row.details, row.before, row.after) for row in session.scalars(select(AuditLogRow))]
        )
        raw = repr(session.execute(select(AuditLogRow)).all())
    engine.dispose()
    assert not any(secret in entries or secret in raw for secret in SECRETS)
