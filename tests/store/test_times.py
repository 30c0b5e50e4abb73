"""Datetimes as the database gives them back: vigia.store.times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from vigia.store.times import as_utc


def test_as_utc_takes_a_naive_datetime_as_utc_and_converts_an_aware_one() -> None:
    naive = datetime(2026, 12, 6, 22, 0)
    lima = datetime(2026, 12, 6, 17, 0, tzinfo=timezone(timedelta(hours=-5)))

    assert as_utc(naive) == datetime(2026, 12, 6, 22, 0, tzinfo=UTC)
    assert as_utc(lima).tzinfo is UTC
    assert as_utc(lima).hour == 22
