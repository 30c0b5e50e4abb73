"""A site to browse: a report extracted and stored, accounts, and a browser on the application.

The report is written to ``tmp_path`` and goes through the real pipeline
(:func:`vigia.services.extraction.extract_file`): two country sections, Costa Rica (two facts, one of
whose sentences holds HTML markup; an event, roles, a cooperation link) and Panama (one fact). A made-up meeting report
(``make_document``) is stored too, for the meeting page. Accounts: a focal point of Costa Rica, the
secretariat, and an administrator, all with the same password.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import httpx
import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.conftest import CopyDatabase, build_document, extracted
from vigia.permissions import principal_for
from vigia.services.accounts import create_user, find_user
from vigia.services.review import review_facts
from vigia.settings import Settings
from vigia.store.database import open_database, session_factory
from vigia.store.models import FactRow
from vigia.store.repository import store_document
from vigia.web.app import create_app

PASSWORD = "correct horse battery"
#: Argon2 at its lowest cost, so that tests hash in microseconds.
HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
FOCAL_POINT = "focal.cri@example.org"
SECRETARIAT = "secretariat@example.org"
ADMINISTRATOR = "admin@example.org"
MARKUP = "<b>in 2012</b>"
REPORT = f"""REPORT OF THE MEETING OF NATIONAL AUTHORITIES ON TRAFFICKING IN PERSONS

Costa Rica

In 2012 the National Coalition of Costa Rica trained more than 6000 officials. The hotline received 45 complaints {MARKUP}.
Costa Rica adopted a new law against trafficking in persons in 2010.
Costa Rica is a country of origin, transit and destination.
Costa Rica shared good practices with Panama.

Panama

In 2011 Panama opened 12 investigations into trafficking in persons.
"""
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass(frozen=True)
class Site:
    url: str
    report: int
    meeting_report: int
    #: Fact ids by (country, indicator).
    facts: dict[tuple[str | None, str], int]


def _fact_ids(url: str, document_id: int) -> dict[tuple[str | None, str], int]:
    engine = open_database(url)
    try:
        with session_factory(engine)() as session:
            rows = session.execute(
                select(FactRow.country, FactRow.indicator, FactRow.id).where(
                    FactRow.document_id == document_id
                )
            )
            return {(country, indicator): fact_id for country, indicator, fact_id in rows}
    finally:
        engine.dispose()


def _build_site(url: str, folder: Path) -> Site:
    report = folder / "report.en.txt"
    report.write_text(REPORT, encoding="utf-8")
    engine = open_database(url)
    try:
        with session_factory(engine)() as session:
            stored = store_document(session, extracted(report))
            meeting = store_document(session, build_document("meeting"))
            create_user(session, FOCAL_POINT, PASSWORD, "focal_point", "CRI", hasher=HASHER)
            create_user(session, SECRETARIAT, PASSWORD, "secretariat", hasher=HASHER)
            create_user(session, ADMINISTRATOR, PASSWORD, "administrator", hasher=HASHER)
    finally:
        engine.dispose()
    facts = _fact_ids(url, stored.id)
    assert set(facts) == {
        ("CRI", "persons_trained"),
        ("CRI", "complaints"),
        ("PAN", "investigations"),
    }
    return Site(url, stored.id, meeting.id, facts)


@pytest.fixture
def site(
    database_url: str, tmp_path_factory: pytest.TempPathFactory, copy_database: CopyDatabase
) -> Site:
    """The site's database, built once per test process and copied for each test."""
    url, built = copy_database(
        database_url,
        "site",
        lambda template: _build_site(template, tmp_path_factory.mktemp("site")),
    )
    return replace(built, url=url)


@pytest.fixture
def browser(site: Site) -> Iterator[TestClient]:
    """A client of the application that keeps its cookies, like a browser."""
    app = create_app(Settings(database_url=site.url, secret_key="a secret key for the tests only"))
    with TestClient(app) as client:
        yield client
    app.state.engine.dispose()


def csrf_token(browser: TestClient, path: str = "/login") -> str:
    """The CSRF token of the browser's session, read from a page's form."""
    found = CSRF_FIELD.search(browser.get(path).text)
    assert found is not None, f"no CSRF field on {path}"
    return found.group(1)


def log_in(browser: TestClient, email: str, password: str = PASSWORD) -> httpx.Response:
    """Post the login form as a browser would, without following the redirection."""
    form = {"email": email, "password": password, "csrf_token": csrf_token(browser)}
    return browser.post("/login", data=form, follow_redirects=False)


def post_form(browser: TestClient, path: str, fields: dict[str, str | list[str]]) -> httpx.Response:
    """Post a form with the session's CSRF token, without following the redirection."""
    form = {"csrf_token": csrf_token(browser), **fields}
    return browser.post(path, data=form, follow_redirects=False)


def stored_fact(site: Site, fact_id: int) -> FactRow:
    """The fact as the database has it now."""
    engine = open_database(site.url)
    try:
        with session_factory(engine)() as session:
            fact = session.get(FactRow, fact_id)
            assert fact is not None
            return fact
    finally:
        engine.dispose()


def publish(site: Site, *fact_ids: int) -> None:
    """Confirm and publish facts as the secretariat would, through the store."""
    engine = open_database(site.url)
    try:
        with session_factory(engine)() as session:
            user = find_user(session, SECRETARIAT)
            assert user is not None
            secretariat = principal_for(user)
            review_facts(session, secretariat, fact_ids, "confirm")
            review_facts(session, secretariat, fact_ids, "publish")
    finally:
        engine.dispose()
