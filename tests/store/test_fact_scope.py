"""Who sees what, in SQL: vigia.store.fact_scope, the rule the pages, the API and the queue share."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.domain import Document
from vigia.permissions import Principal
from vigia.store.fact_scope import readable_document, visible_facts
from vigia.store.models import DocumentRow, FactRow
from vigia.store.repository import store_document

ANONYMOUS = Principal.anonymous()
EXAMPLIA = Principal(1, "focal_point", "EXA")
URUGUAY = Principal(2, "focal_point", "URY")
SECRETARIAT = Principal(3, "secretariat", None)


def _documents(session: Session, make_document: Callable[..., Document]) -> tuple[int, int]:
    """A document stored by the secretariat, and one uploaded for Uruguay; both speak of EXA."""
    shared = store_document(session, make_document("shared")).id
    uploaded = store_document(session, make_document("uploaded")).id
    row = session.get(DocumentRow, uploaded)
    assert row is not None
    row.country = "URY"
    session.commit()
    return shared, uploaded


def _readable(session: Session, principal: Principal) -> set[int]:
    statement = select(DocumentRow.id).where(readable_document(principal, DocumentRow.id))
    return set(session.scalars(statement))


def _visible(session: Session, principal: Principal) -> set[tuple[int, str | None]]:
    statement = select(FactRow.document_id, FactRow.country).where(visible_facts(principal))
    return {(document_id, country) for document_id, country in session.execute(statement)}


def test_visible_facts_are_published_ones_and_those_of_the_principal_s_countries(
    session: Session, make_document: Callable[..., Document]
) -> None:
    shared, uploaded = _documents(session, make_document)

    assert _visible(session, ANONYMOUS) == set()  # nothing is published yet
    assert _visible(session, EXAMPLIA) == {(shared, "EXA")}  # not the facts uploaded for URY
    assert _visible(session, URUGUAY) == set()  # the document speaks of EXA and SMP only
    assert _visible(session, SECRETARIAT) == {
        (shared, "EXA"),
        (shared, "SMP"),
        (uploaded, "EXA"),
        (uploaded, "SMP"),
    }


def test_readable_document_follows_facts_and_the_country_it_was_uploaded_for(
    session: Session, make_document: Callable[..., Document]
) -> None:
    shared, uploaded = _documents(session, make_document)

    assert _readable(session, ANONYMOUS) == set()
    assert _readable(session, EXAMPLIA) == {shared}
    assert _readable(session, URUGUAY) == {uploaded}
    assert _readable(session, SECRETARIAT) == {shared, uploaded}


def test_readable_document_works_as_a_column_of_the_documents_it_judges(
    session: Session, make_document: Callable[..., Document]
) -> None:
    shared, uploaded = _documents(session, make_document)
    readable = readable_document(URUGUAY, DocumentRow.id).label("readable")

    rows = session.execute(select(DocumentRow.id, readable).order_by(DocumentRow.id))

    assert {document_id: bool(flag) for document_id, flag in rows} == {
        shared: False,
        uploaded: True,
    }
