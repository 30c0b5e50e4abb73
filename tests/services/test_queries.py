"""The API's reads and its access rule: vigia.services.queries."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from tests.conftest import CopyDatabase
from tests.web.conftest import Stored, fill_copy
from vigia.records import file_name
from vigia.services.queries import FactFilters, Window, find_document, list_facts
from vigia.store.database import open_database, session_factory
from vigia.store.models import UserRow


@pytest.fixture
def stored(database_url: str, copy_database: CopyDatabase) -> Stored:
    """The web tests' database: documents of several countries, in every status."""
    return fill_copy(copy_database, database_url)


@pytest.fixture
def session(stored: Stored) -> Iterator[Session]:
    engine = open_database(stored.url)
    with session_factory(engine)() as opened:
        yield opened
    engine.dispose()


def _user(role: str, country: str | None = None) -> UserRow:
    """A user as the API gets it from a token: active, with an id."""
    return UserRow(
        id=900,
        email=f"{role}@example.org",
        password_hash="",
        role=role,
        country=country,
        is_active=True,
    )


def test_file_name_drops_folders_of_any_system() -> None:
    assert file_name("/srv/reports/a.txt") == "a.txt"
    assert file_name("C:\\in\\b.pdf") == "b.pdf"
    assert file_name("c.docx") == "c.docx"


def test_list_facts_applies_the_rule_per_role(session: Session) -> None:
    def total(caller: UserRow | None) -> int:
        return list_facts(session, caller, FactFilters(), Window(limit=500)).total

    assert total(None) == 1
    assert total(_user("administrator")) == 1
    assert total(_user("focal_point", "ARG")) == 3
    assert total(_user("focal_point", "BRA")) == 1
    assert total(_user("secretariat")) == 8


def test_find_document_text_follows_the_rule(session: Session, stored: Stored) -> None:
    second = stored.second_document

    anonymous = find_document(session, None, second)
    brazil = find_document(session, _user("focal_point", "BRA"), second)
    argentina = find_document(session, _user("focal_point", "ARG"), second)

    assert anonymous is not None and anonymous.text is None
    assert brazil is not None and brazil.text is None
    assert argentina is not None and argentina.text is not None
    assert find_document(session, None, 2**40) is None
