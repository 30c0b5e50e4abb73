"""The synthetic archive of the benchmarks: vigia.services.synthetic."""

from __future__ import annotations

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from vigia.services.synthetic import fill, oas_members
from vigia.store.models import DocumentRow, FactRow, MeetingRow


def test_fill_gives_every_member_state_ten_meetings_of_published_facts(
    engine: Engine, session: Session
) -> None:
    members = oas_members()
    total = fill(engine, facts_per_pair=3)
    assert total == len(members) * 10 * 3
    assert session.scalar(select(func.count()).select_from(FactRow)) == total
    assert session.scalar(select(func.count()).select_from(MeetingRow)) == 10
    assert session.scalar(select(func.count()).select_from(DocumentRow)) == len(members) * 10
    statuses = set(session.scalars(select(FactRow.status).distinct()))
    assert statuses == {"published"}
    countries = set(session.scalars(select(FactRow.country).distinct()))
    assert countries == set(members)


def test_fill_gives_whole_figures_within_the_bench_range(engine: Engine, session: Session) -> None:
    fill(engine, facts_per_pair=2, seed=7)
    values = list(session.scalars(select(FactRow.value).order_by(FactRow.id)))
    assert len(values) == len(oas_members()) * 10 * 2
    assert all(1 <= value <= 20000 for value in values)
