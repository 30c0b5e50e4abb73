"""Engines and sessions on the empty databases of ``database_url``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from vigia.store.database import connect, open_database, session_factory


@pytest.fixture
def empty_engine(database_url: str) -> Iterator[Engine]:
    """An engine on a database without Vigía's tables."""
    engine = connect(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on a database migrated to the latest schema."""
    engine = open_database(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with session_factory(engine)() as session:
        yield session
