"""An engine on an empty database of ``database_url`` (no tables): for the migration tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine

from vigia.store.database import connect


@pytest.fixture
def empty_engine(database_url: str) -> Iterator[Engine]:
    """An engine on a database without Vigía's tables."""
    engine = connect(database_url)
    yield engine
    engine.dispose()
