"""Make sure the PostgreSQL database the tests use exists: create it when it is missing.

    python .ci/test_database.py postgresql+psycopg://postgres@127.0.0.1:5432/test

Connects to the server's ``postgres`` maintenance database as the URL's user, with a timeout, and
creates the URL's database if there is none of that name. Any refusal (no server, unknown role,
wrong password, no right to create databases) is one line on standard error and exit status 1.
"""

from __future__ import annotations

import sys

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

CONNECT_TIMEOUT_SECONDS = 5
MAINTENANCE_DATABASE = "postgres"


def ensure_database(url: str) -> str:
    """What was done for the database of ``url``: ``exists`` or ``created``."""
    parsed = make_url(url)
    name = parsed.database
    if not name:
        raise SystemExit(f"error: {parsed.render_as_string(hide_password=True)} names no database")
    with psycopg.connect(
        host=parsed.host or "127.0.0.1",
        port=parsed.port or 5432,
        user=parsed.username or "postgres",
        password=parsed.password,
        dbname=MAINTENANCE_DATABASE,
        connect_timeout=CONNECT_TIMEOUT_SECONDS,
        autocommit=True,
    ) as connection:
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
        ).fetchone()
        if found:
            return "exists"
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return "created"


def main(url: str) -> int:
    shown = make_url(url).render_as_string(hide_password=True)
    try:
        outcome = ensure_database(url)
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        print(f"error: PostgreSQL refused the test database {shown}: {reason}", file=sys.stderr)
        return 1
    print(f"test database {shown}: {outcome}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python .ci/test_database.py POSTGRESQL_URL")
    sys.exit(main(sys.argv[1]))
