"""Fixtures shared by every test folder: database URLs and the shared corpus.

``database_url`` runs a test once on SQLite (a file in ``tmp_path``) and once on PostgreSQL
(``VIGIA_TEST_POSTGRES_URL``, by default a local server with trust authentication). Each
PostgreSQL test gets a schema of its own, dropped afterwards. Without a server the PostgreSQL run
is skipped with the reason, unless ``VIGIA_REQUIRE_POSTGRES=1``, where it fails instead.
"""

from __future__ import annotations

import copy
import hashlib
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from tests.templates import Templates
from vigia.domain import (
    CooperationLink,
    Decision,
    Document,
    DocumentCode,
    Event,
    Evidence,
    Fact,
    HelpRequest,
    MeetingRecord,
    Officer,
    Provenance,
    Qualifier,
    Role,
    Section,
)
from vigia.services.extraction import extract_file
from vigia.store.database import open_database, session_factory

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
SHARED_FOLDER = REPOSITORY_ROOT.parent / "shared"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
#: How long dropping a test schema may wait for locks held by a connection a test left open.
DROP_LOCK_TIMEOUT = "10s"
#: ``copy_database(database_url, name, build)``: see :class:`tests.templates.Templates`.
CopyDatabase = Callable[[str, str, Callable[[str], Any]], tuple[str, Any]]


def _postgres_url() -> str:
    return os.environ.get("VIGIA_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


def _postgres_required() -> bool:
    return os.environ.get("VIGIA_REQUIRE_POSTGRES") == "1"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``slow`` (ten seconds or more) first: one collected late (the documented
    commands' test, ``tests/test_*.py`` coming after the folders) would keep one worker busy
    after the other is done."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    """An autocommit engine on the test server, used to create and drop test schemas."""
    url = _postgres_url()
    engine = create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        engine.dispose()
        shown = make_url(url).render_as_string(hide_password=True)
        detail = str(getattr(error, "orig", None) or error).splitlines()[0]
        reason = f"PostgreSQL not reachable at {shown} ({detail})"
        if _postgres_required():
            pytest.fail(f"{reason}; VIGIA_REQUIRE_POSTGRES=1 makes this an error")
        pytest.skip(f"{reason}; set VIGIA_TEST_POSTGRES_URL to test on PostgreSQL")
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_url(postgres_admin: Engine) -> Iterator[str]:
    """A URL whose connections work in a fresh schema of their own (``search_path``)."""
    schema = f"t_{uuid.uuid4().hex}"
    with postgres_admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    base = make_url(_postgres_url())
    url = base.update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    with postgres_admin.connect() as connection:
        connection.execute(text(f"SET lock_timeout = '{DROP_LOCK_TIMEOUT}'"))
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(autouse=True)
def instance_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's own instance folder, so that no secret key is made in the working folder."""
    folder = tmp_path / "vigia-instance"
    monkeypatch.setenv("VIGIA_INSTANCE", str(folder))
    return folder


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'vigia.db'}"


@pytest.fixture
def ready_sqlite_url(sqlite_url: str, copy_database: CopyDatabase) -> str:
    """:func:`sqlite_url`, migrated to the latest schema."""
    return copy_database(sqlite_url, "migrated", migrate)[0]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """An empty database, once on SQLite and once on PostgreSQL.

    Without Vigía's schema: on SQLite the file does not exist yet, on PostgreSQL the schema is
    empty. ``ready_database_url`` is one migrated to the latest schema.
    """
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(fixture)
    return url


@pytest.fixture(scope="session")
def database_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    """Databases built once per test process, copied for each test (see ``tests/templates.py``)."""
    templates = Templates(tmp_path_factory.mktemp("templates"), _postgres_url())
    yield templates
    templates.drop_templates()


@pytest.fixture
def copy_database(database_templates: Templates) -> Iterator[CopyDatabase]:
    """``copy_database(database_url, name, build)``: the URL of a copy of the database ``build``
    fills (built once per process and backend), and what ``build`` returned."""
    yield database_templates.copy
    database_templates.drop_copies()


def migrate(url: str) -> None:
    open_database(url).dispose()


@pytest.fixture
def ready_database_url(database_url: str, copy_database: CopyDatabase) -> str:
    """:func:`database_url`, migrated to the latest schema: what ``vigia db upgrade`` leaves."""
    return copy_database(database_url, "migrated", migrate)[0]


@pytest.fixture
def shared_folder() -> Path:
    """``../shared`` beside the repository: corpus, gold annotations, specification."""
    if not SHARED_FOLDER.is_dir():
        pytest.skip(f"no shared folder at {SHARED_FOLDER} (it lies beside the repository)")
    return SHARED_FOLDER


@pytest.fixture
def shared_corpus(shared_folder: Path) -> Path:
    """``../shared/corpus``: real reports, read at test time, never copied into the project."""
    corpus = shared_folder / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"no shared corpus at {corpus}")
    return corpus


# --- Reports extracted once ----------------------------------------------------------------------


@cache
def _extracted(sha256: str, path: str) -> Document:
    return extract_file(Path(path))


def extracted(path: Path) -> Document:
    """``extract_file(path)``, run once per test process for a given content: the pipeline is
    deterministic, and the tests that store the same report again and again need not wait for
    it. Each call gives a copy of its own, with ``path`` as its path."""
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    return replace(copy.deepcopy(_extracted(sha256, str(path))), path=str(path))


# --- Documents built by hand, as the extraction pipeline would fill them -----------------------

PARAGRAPHS = (
    ("Examplia", "EXA"),
    ("Samplestan", "SMP"),
)


def _evidence(text: str, sentence: str, page: int | None = None) -> Evidence:
    start = text.index(sentence)
    return Evidence(start, start + len(sentence), sentence, page)


def build_document(label: str = "first", path: str | None = None) -> Document:
    """A small made-up report with two country sections and one of everything extracted.

    ``label`` goes into the text, so different labels give different contents (and sha256).
    """
    cover = f"TEST-9/doc.{len(label)} ({label})\n"
    first = "In 2011 the coalition of Examplia trained more than 6000 officials."
    second = "Its hotline received 45 reports, an average of 3.5 a week."
    third = "Samplestan opened between 10 and 12 investigations in 2012."
    text = f"{cover}Examplia\n{first} {second}\nSamplestan\n{third}\n"
    provenance = Provenance("test_component", "1.0")
    middle = text.index("Samplestan\n")
    document = Document(
        path=path or f"{label}.txt",
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        page_starts=[0, middle],
        title=f"Report {label}",
        language="en",
        codes=[DocumentCode(0, cover.index(" ("), cover.split(" (")[0])],
        sections=[
            Section(len(cover), middle, "country", country="EXA", heading="Examplia", order=0),
            Section(middle, len(text), "country", country="SMP", heading="Samplestan", order=1),
        ],
    )
    on_first, on_second = _evidence(text, first, 1), _evidence(text, second, 1)
    on_third = _evidence(text, third, 2)
    document.facts = [
        Fact(
            "persons_trained",
            6000.0,
            Qualifier.AT_LEAST,
            on_first,
            provenance,
            "EXA",
            year=2011,
            unit="persons",
        ),
        Fact("complaints", 45.0, Qualifier.EXACT, on_second, provenance, "EXA"),
        Fact("other_count", 3.5, Qualifier.EXACT, on_second, provenance, "EXA"),
        Fact(
            "investigations",
            12.0,
            Qualifier.EXACT,
            on_third,
            provenance,
            "SMP",
            year=2012,
            value_min=10.0,
        ),
    ]
    document.events = [Event("institution_created", on_first, provenance, "EXA", 2011)]
    document.roles = [Role("SMP", "origin", on_third, provenance)]
    document.cooperation = [CooperationLink("EXA", "SMP", "shared_practice", on_first, provenance)]
    document.requests = [HelpRequest("SMP", "training of judges", on_third, provenance)]
    document.meeting = MeetingRecord(
        code="TEST-9",
        officers=[Officer("chair", "A. Person", "EXA", "SMP", on_first)],
        documents=[cover.split(" (")[0]],
        decisions=[Decision("hold the next meeting in Examplia", ["EXA"], ["SMP"], None)],
    )
    return document


@pytest.fixture
def make_document() -> Callable[..., Document]:
    """:func:`build_document`: ``make_document("second")`` gives another content."""
    return build_document


@pytest.fixture
def engine(ready_database_url: str) -> Iterator[Engine]:
    """An engine on a database migrated to the latest schema."""
    engine = open_database(ready_database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session on ``engine``."""
    with session_factory(engine)() as session:
        yield session
