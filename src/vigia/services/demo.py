"""A demonstration database: example reports stored, demo accounts, and some facts published.

Everything here is idempotent: preparing the same database twice adds nothing the second time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vigia.errors import ReviewError
from vigia.evaluate.meetings import stored_meetings
from vigia.evaluate.ratings import confirm_rating
from vigia.evaluate.scorecard import evaluate_meeting, has_evidence
from vigia.evaluate.statistics_forms import (
    approve_form,
    save_values,
    statistics_form,
    submit_form,
)
from vigia.evaluate.statistics_prefill import report_figures
from vigia.ingest import UnreadableFileError
from vigia.permissions import principal_for
from vigia.services.accounts import create_user, find_user
from vigia.services.ingestion import ingest_path
from vigia.services.review import confirm_fact, publish_fact
from vigia.statistics import Cell
from vigia.store.models import DocumentRow, FactRow, UserRow


@dataclass(frozen=True)
class DemoAccount:
    email: str
    password: str
    role: str
    country: str | None = None


@dataclass
class DemoDatabase:
    accounts: list[DemoAccount]
    documents: int
    facts: int
    published: int
    errors: list[str]
    #: Codes of the meetings the stored reports belong to.
    meetings: list[str]
    #: The yearly statistics form the demo approved, (state, year), if the reports gave figures.
    statistics: tuple[str, int] | None = None


#: The domain of every demo account: a database with other accounts is not a demo database.
DEMO_DOMAIN = "@demo.vigia.example"


class NotADemoDatabase(Exception):
    """A database holding what the demo did not put there. ``str()`` is fit to show a user."""


SECRETARIAT = DemoAccount("secretariat@demo.vigia.example", "demo-secretariat-2026", "secretariat")
ADMINISTRATOR = DemoAccount("admin@demo.vigia.example", "demo-administrator-2026", "administrator")


def _store_reports(session: Session, paths: Iterable[Path]) -> tuple[list[int], list[str]]:
    document_ids, errors = [], []
    for path in paths:
        try:
            stored = ingest_path(session, path)
        except UnreadableFileError as error:
            errors.append(str(error))
            continue
        document_ids.append(stored.id)
    return document_ids, errors


def _focal_country(session: Session) -> str:
    """The country with the most stored facts: its focal point has the most to review."""
    rows = session.scalars(select(FactRow.country).where(FactRow.country.is_not(None)))
    countries = Counter(country for country in rows if country)
    return countries.most_common(1)[0][0] if countries else "CRI"


def _account(session: Session, account: DemoAccount, hasher: PasswordHasher | None) -> None:
    if find_user(session, account.email) is None:
        create_user(
            session,
            account.email,
            account.password,
            account.role,
            country=account.country,
            hasher=hasher,
        )


def _publish_document(session: Session, document_id: int) -> None:
    """Confirm and publish the facts of a report, so that visitors see something."""
    principal = principal_for(find_user(session, SECRETARIAT.email))
    facts = session.scalars(
        select(FactRow).where(FactRow.document_id == document_id, FactRow.status == "proposed")
    ).all()
    for fact in facts:
        confirm_fact(session, principal, fact.id)
        publish_fact(session, principal, fact.id)


def _publish_meeting(session: Session, meeting: str) -> None:
    """Publish the facts of the meeting's reports and confirm the ratings with evidence, so that
    the meeting's states show sourced figures and its public regional report has figures,
    ratings and maps to show."""
    reports = select(DocumentRow.id).where(DocumentRow.meeting_code == meeting)
    for document_id in session.scalars(reports.order_by(DocumentRow.id)):
        _publish_document(session, document_id)
    principal = principal_for(find_user(session, SECRETARIAT.email))
    for state in evaluate_meeting(session, meeting).states:
        for area in state.areas:
            if has_evidence(area) and not area.confirmed:
                confirm_rating(session, principal, meeting, state.country, area.area)


def _approve_statistics(session: Session, account: DemoAccount) -> tuple[str, int] | None:
    """The focal point's yearly statistics for the year its reports give most figures for: it
    takes the first figure the form offers for each question (as a person choosing them would),
    submits, and the secretariat approves. Where the reports disagree, the consistency page shows
    it. Nothing when the reports give no figure a form asks for, or the form already exists."""
    country = account.country or ""
    years = Counter(
        year
        for year in session.scalars(
            select(FactRow.year).where(FactRow.country == country, FactRow.year.is_not(None))
        )
        if year is not None
    )
    best: tuple[int, dict[Cell, float | None]] | None = None
    for year, _ in years.most_common():
        offers = report_figures(session, country, year)
        chosen: dict[Cell, float | None] = {
            Cell(name): items[0].value for name, items in offers.items() if items
        }
        if chosen and (best is None or len(chosen) > len(best[1])):
            best = (year, chosen)
    if best is None:
        return None
    year, values = best
    if statistics_form(session, country, year).status != "draft":
        return (country, year)
    focal_point = principal_for(find_user(session, account.email))
    try:
        save_values(session, focal_point, country, year, values)
        submit_form(session, focal_point, country, year)
    except ReviewError:
        return None  # the reports' figures break a rule the form checks: left for a person
    approve_form(session, principal_for(find_user(session, SECRETARIAT.email)), country, year)
    return (country, year)


def check_demo_database(session: Session) -> None:
    """Raise :class:`NotADemoDatabase` unless the database is empty or one the demo prepared.

    The demo creates accounts whose passwords are printed and published, so it never adds them to
    a database holding real accounts, or real reports stored without the demo.
    """
    emails = list(session.scalars(select(UserRow.email)))
    others = [email for email in emails if not email.endswith(DEMO_DOMAIN)]
    if others:
        raise NotADemoDatabase(
            f"the database holds {len(others)} account(s) that are not demo accounts; the demo "
            "adds accounts with published passwords, so it only runs on a new database or one it "
            "prepared"
        )
    documents = session.scalar(select(func.count()).select_from(DocumentRow)) or 0
    if documents and not emails:
        raise NotADemoDatabase(
            f"the database holds {documents} document(s) stored without the demo; the demo adds "
            "accounts with published passwords and publishes facts, so it only runs on a new "
            "database or one it prepared"
        )


def prepare_demo(
    session: Session, reports: Iterable[Path], hasher: PasswordHasher | None = None
) -> DemoDatabase:
    """Store ``reports``, create the demo accounts, publish the first report's facts, and the
    facts of the oldest meeting's reports with the meeting's ratings that have evidence.

    Raises :class:`NotADemoDatabase`, before changing anything, on a database with real data.
    """
    check_demo_database(session)
    document_ids, errors = _store_reports(session, sorted(reports))
    country = _focal_country(session)
    focal_point = DemoAccount(
        f"focal.{country.lower()}@demo.vigia.example",
        "demo-focal-point-2026",
        "focal_point",
        country,
    )
    accounts = [SECRETARIAT, focal_point, ADMINISTRATOR]
    for account in accounts:
        _account(session, account, hasher)
    if document_ids:
        _publish_document(session, document_ids[0])
    codes = stored_meetings(session)  # the oldest round first
    if codes:
        _publish_meeting(session, codes[0])
    statistics = _approve_statistics(session, focal_point)
    statuses = Counter(session.scalars(select(FactRow.status)))
    return DemoDatabase(
        accounts,
        len(document_ids),
        statuses.total(),
        statuses["published"],
        errors,
        codes,
        statistics,
    )
