"""Vigía's database: documents and what was extracted from them (SQLAlchemy 2 + Alembic).

engine = open_database("sqlite:///vigia.db")   # connect() + upgrade()
engine = open_existing_database(url)           # at the latest schema already, or SchemaNotReady
with session_factory(engine)() as session:
    stored = store_document(session, document)
    facts = list_facts(session, country="CRI")
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
from vigia.store.repository import (
    FactRecord,
    InvalidDocumentError,
    StoredDocument,
    find_document,
    list_facts,
    store_document,
)

__all__ = [
    "DatabaseError",
    "FactRecord",
    "InvalidDocumentError",
    "MissingDatabase",
    "SchemaNotReady",
    "StoredDocument",
    "connect",
    "downgrade",
    "find_document",
    "list_facts",
    "open_database",
    "open_existing_database",
    "session_factory",
    "store_document",
    "upgrade",
]
