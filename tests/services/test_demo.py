"""The demonstration database: reports stored, accounts made, the first report and the oldest
meeting's reports published."""

from __future__ import annotations

from pathlib import Path

from argon2 import PasswordHasher
from sqlalchemy import func, select

from vigia.evaluate.statistics_forms import statistics_form
from vigia.evaluate.statistics_prefill import report_figures
from vigia.services.accounts import authenticate
from vigia.services.demo import SECRETARIAT, prepare_demo
from vigia.store.database import open_database, session_factory
from vigia.store.models import DocumentRow, FactRow, UserRow

REPORTS = sorted((Path(__file__).resolve().parents[1] / "data" / "reports").glob("*.txt"))
CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def test_prepare_demo_stores_reports_accounts_and_publishes(database_url: str) -> None:
    engine = open_database(database_url)
    with session_factory(engine)() as session:
        demo = prepare_demo(session, REPORTS, hasher=CHEAP)
        assert demo.documents == len(REPORTS) and not demo.errors
        assert 0 < demo.published < demo.facts
        published = session.scalar(
            select(func.count()).select_from(FactRow).where(FactRow.status == "published")
        )
        assert published == demo.published
        oldest = (
            select(FactRow.status)
            .join(DocumentRow, FactRow.document_id == DocumentRow.id)
            .where(DocumentRow.meeting_code == "RTP-IV")  # before RTP-V, in round order
        )
        assert set(session.scalars(oldest)) == {"published"}  # every report of the meeting
        roles = {account.role for account in demo.accounts}
        assert roles == {"secretariat", "focal_point", "administrator"}
        assert authenticate(session, SECRETARIAT.email, SECRETARIAT.password, hasher=CHEAP)
    engine.dispose()


def test_prepare_demo_twice_adds_nothing(database_url: str) -> None:
    engine = open_database(database_url)
    with session_factory(engine)() as session:
        first = prepare_demo(session, REPORTS, hasher=CHEAP)
        second = prepare_demo(session, REPORTS, hasher=CHEAP)
        assert (second.facts, second.published) == (first.facts, first.published)
        assert session.scalar(select(func.count()).select_from(UserRow)) == 3
    engine.dispose()


def test_prepare_demo_reports_unreadable_files(database_url: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    engine = open_database(database_url)
    with session_factory(engine)() as session:
        demo = prepare_demo(session, [empty, REPORTS[0]], hasher=CHEAP)
        assert demo.errors == [f"{empty}: empty file"]
        assert demo.documents == 1
    engine.dispose()


def test_prepare_demo_approves_the_focal_points_statistics_from_its_reports(
    database_url: str,
) -> None:
    engine = open_database(database_url)
    with session_factory(engine)() as session:
        demo = prepare_demo(session, REPORTS, hasher=CHEAP)
        again = prepare_demo(session, REPORTS, hasher=CHEAP)

        assert demo.statistics is not None and again.statistics == demo.statistics
        country, year = demo.statistics
        focal = next(account for account in demo.accounts if account.role == "focal_point")
        assert country == focal.country
        form = statistics_form(session, country, year)
        offered = report_figures(session, country, year)
        assert form.status == "approved" and form.values
        for cell, value in form.values.items():  # each value is one of the reports' figures
            assert value in {offer.value for offer in offered[cell.element]}
    engine.dispose()
