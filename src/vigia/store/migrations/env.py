"""Alembic environment for Vigía's schema.

Run programmatically through :func:`vigia.store.database.upgrade`, which hands over an open
connection in ``config.attributes["connection"]``. Run from the ``alembic`` command line
(``alembic -c src/vigia/store/alembic.ini upgrade head``), it connects to ``sqlalchemy.url``.
``render_as_batch`` lets later migrations alter tables on SQLite, which cannot ``ALTER`` much.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from vigia.store.database import connect
from vigia.store.models import Base


def run_offline() -> None:
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url"),
        target_metadata=Base.metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_on(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("set sqlalchemy.url in the Alembic configuration")
    engine = connect(url)
    try:
        with engine.begin() as opened:
            run_on(opened)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
