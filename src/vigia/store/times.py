"""Datetimes as the database gives them back, made comparable.

PostgreSQL gives back timezone-aware datetimes; SQLite gives back naive ones, which Vigía always
stores in UTC. Every read that hands a datetime on goes through :func:`as_utc`.
"""

from __future__ import annotations

from datetime import UTC, datetime


def as_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive ``moment`` is taken to be in UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
