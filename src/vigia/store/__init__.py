"""Vigía's database: documents and what was extracted from them (SQLAlchemy 2 + Alembic).

engine = open_database("sqlite:///vigia.db")   # connect() + upgrade()
engine = open_existing_database(url)           # at the latest schema already, or SchemaNotReady
with session_factory(engine)() as session:
    stored = store_document(session, document)
"""

from vigia.store.database import (
    DatabaseError,
    MissingDatabase,
    SchemaNotReady,
    connect,
    downgrade,
    open_database,
    open_existing_database,
    session_factory,
    upgrade,
)
from vigia.store.repository import find_document, store_document

__all__ = [
    "DatabaseError",
    "MissingDatabase",
    "SchemaNotReady",
    "connect",
    "downgrade",
    "find_document",
    "open_database",
    "open_existing_database",
    "session_factory",
    "store_document",
    "upgrade",
]
