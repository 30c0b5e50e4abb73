"""Databases filled once per test process and copied for each test that asks for one.

Migrating a database and storing the same documents again for each of a thousand tests took most of
the suite's time. A :class:`Templates` builds each kind of database once (per backend, per pytest
worker) and gives every test a copy of its own: on SQLite a copy of the file, on PostgreSQL
``CREATE DATABASE … TEMPLATE``, dropped after the test. A server that refuses ``CREATE DATABASE``
gets the database built in the test's own schema instead, as before.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

T = TypeVar("T")
#: Prefix of the databases this module creates, so that a leftover one is recognisable.
PREFIX = "vigia_test_"


class Templates:
    """Databases built once and copied: ``copy(url, name, build)``.

    ``url`` is the test's empty database (a SQLite file that does not exist yet, or a PostgreSQL
    schema); ``build(template_url)`` fills a template the first time ``name`` is asked for on that
    backend and returns what the tests refer to (ids, tokens). ``copy`` returns the URL of the test's
    copy and that value.
    """

    def __init__(self, folder: Path, postgres_url: str):
        self._folder = folder
        self._postgres_base = make_url(postgres_url)
        self._admin: Engine | None = None
        self._built: dict[tuple[str, str], tuple[str, Any]] = {}
        self._copies: list[str] = []
        self._templates: list[str] = []
        self._can_create_databases = True

    def copy(self, url: str, name: str, build: Callable[[str], T]) -> tuple[str, T]:
        if make_url(url).get_backend_name() == "sqlite":
            return self._copy_sqlite(url, name, build)
        return self._copy_postgres(url, name, build)

    def _template(self, key: tuple[str, str], template_url: str, build: Callable[[str], T]) -> T:
        if key not in self._built:
            self._built[key] = (template_url, build(template_url))
        value: T = self._built[key][1]
        return value

    def _copy_sqlite(self, url: str, name: str, build: Callable[[str], T]) -> tuple[str, T]:
        template = self._folder / f"{name}.db"
        value = self._template(("sqlite", name), f"sqlite:///{template}", build)
        target = make_url(url).database
        assert target, f"a SQLite URL without a file: {url}"
        shutil.copyfile(template, target)
        return url, value

    def _copy_postgres(self, url: str, name: str, build: Callable[[str], T]) -> tuple[str, T]:
        if not self._can_create_databases:
            return url, build(url)
        key = ("postgresql", name)
        if key not in self._built:
            template = f"{PREFIX}{uuid.uuid4().hex[:12]}_{name}"
            try:
                self._execute(f'CREATE DATABASE "{template}"')
            except SQLAlchemyError:
                self._can_create_databases = False
                return url, build(url)
            self._templates.append(template)
            self._template(key, self._database_url(template), build)
        template = make_url(self._built[key][0]).database
        copied = f"{PREFIX}{uuid.uuid4().hex}"
        self._execute(f'CREATE DATABASE "{copied}" TEMPLATE "{template}"')
        self._copies.append(copied)
        return self._database_url(copied), self._built[key][1]

    def drop_copies(self) -> None:
        """Drop the PostgreSQL copies made since the last call (after each test)."""
        while self._copies:
            self._drop(self._copies.pop())

    def drop_templates(self) -> None:
        """Drop the PostgreSQL templates (at the end of the test process)."""
        self.drop_copies()
        while self._templates:
            self._drop(self._templates.pop())
        if self._admin is not None:
            self._admin.dispose()

    def _drop(self, database: str) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    def _database_url(self, database: str) -> str:
        return self._postgres_base.set(database=database).render_as_string(hide_password=False)

    def _execute(self, statement: str) -> None:
        if self._admin is None:
            self._admin = create_engine(self._postgres_base, isolation_level="AUTOCOMMIT")
        with self._admin.connect() as connection:
            connection.execute(text(statement))
