"""Storing documents and listing facts: vigia.store.repository."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from vigia.domain import Document
from vigia.errors import InvalidDocumentError
from vigia.records import FactRecord
from vigia.services.fact_views import list_fact_records
from vigia.store.models import (
    DOCUMENT_CHILD_TABLES,
    Base,
    DecisionRow,
    DocumentRow,
    EvidenceRow,
    FactRow,
    MeetingRow,
    OfficerRow,
    SectionRow,
)
from vigia.store.repository import find_document, store_document

MakeDocument = Callable[..., Document]
HOSTILE = "x' OR 1=1 --"


def _row_counts(session: Session) -> dict[str, int]:
    return {
        name: session.scalar(select(func.count()).select_from(table)) or 0
        for name, table in Base.metadata.tables.items()
    }


def test_store_document_round_trip(session: Session, make_document: MakeDocument) -> None:
    document = make_document("first")

    stored = store_document(session, document)

    assert stored.created
    assert stored.sha256 == document.sha256
    assert stored.counts["facts"] == 4
    assert stored.counts["evidence"] == 3  # two facts share a sentence
    first_fact = session.scalar(
        select(FactRow.id).where(FactRow.indicator == "persons_trained").order_by(FactRow.id)
    )
    assert first_fact is not None
    assert list_fact_records(session)[0] == FactRecord(
        id=first_fact,
        document_id=stored.id,
        document="first.txt",
        country="EXA",
        actor=None,
        region=None,
        indicator="persons_trained",
        value=6000,
        value_min=None,
        qualifier="at_least",
        year=2011,
        unit="persons",
        status="proposed",
        evidence=document.facts[0].evidence.text,
        start=document.facts[0].evidence.start,
        end=document.facts[0].evidence.end,
        page=1,
    )


def test_store_document_keeps_the_document_row(
    session: Session, make_document: MakeDocument
) -> None:
    document = make_document("first")

    stored = store_document(session, document)
    row = session.get_one(DocumentRow, stored.id)

    assert (row.path, row.language, row.title) == ("first.txt", "en", "Report first")
    assert row.text == document.text
    assert row.page_starts == document.page_starts
    assert (row.code, row.meeting_code) == ("TEST-9/doc.5", "TEST-9")
    assert row.created_at is not None


def test_store_document_links_facts_to_their_sections(
    session: Session, make_document: MakeDocument
) -> None:
    store_document(session, make_document())

    pairs = session.execute(
        select(FactRow.indicator, SectionRow.country).join(
            SectionRow, FactRow.section_id == SectionRow.id
        )
    ).all()

    assert sorted(pairs) == [
        ("complaints", "EXA"),
        ("investigations", "SMP"),
        ("other_count", "EXA"),
        ("persons_trained", "EXA"),
    ]


def test_store_document_keeps_findings_and_meeting_record(
    session: Session, make_document: MakeDocument
) -> None:
    stored = store_document(session, make_document())

    officer = session.scalars(select(OfficerRow)).one()
    decision = session.scalars(select(DecisionRow)).one()

    assert {name: stored.counts[name] for name in ("events", "roles", "help_requests")} == {
        "events": 1,
        "roles": 1,
        "help_requests": 1,
    }
    assert stored.counts["cooperation_links"] == stored.counts["meeting_documents"] == 1
    assert (officer.role, officer.name, officer.nominated_by) == ("chair", "A. Person", "SMP")
    assert officer.meeting is not None and officer.meeting.code == "TEST-9"
    assert officer.evidence is not None and officer.evidence.page == 1
    assert (decision.proposed_by, decision.supported_by) == (["EXA"], ["SMP"])


def test_store_document_twice_stores_it_once(session: Session, make_document: MakeDocument) -> None:
    first = store_document(session, make_document("first"))
    counts = _row_counts(session)

    again = store_document(session, make_document("first", path="elsewhere/copy.txt"))

    assert (again.id, again.created) == (first.id, False)
    assert again.counts == first.counts
    assert _row_counts(session) == counts


def test_store_document_shares_a_meeting_between_documents(
    session: Session, make_document: MakeDocument
) -> None:
    store_document(session, make_document("first"))
    store_document(session, make_document("second"))

    assert session.scalar(select(func.count()).select_from(MeetingRow)) == 1
    assert session.scalar(select(func.count()).select_from(OfficerRow)) == 2


@pytest.mark.parametrize("value", [math.nan, math.inf, "many"])
def test_store_document_with_an_invalid_value_stores_nothing_of_it(
    session: Session, make_document: MakeDocument, value: object
) -> None:
    earlier = store_document(session, make_document("earlier"))
    counts = _row_counts(session)
    broken = make_document("broken")
    broken.facts[-1].value = value  # type: ignore[assignment]

    with pytest.raises(InvalidDocumentError, match=r"broken\.txt: fact 4 \(investigations\)"):
        store_document(session, broken)

    assert _row_counts(session) == counts
    assert find_document(session, broken.sha256) is None
    assert find_document(session, earlier.sha256) is not None


def test_store_document_refused_by_the_database_stores_nothing_of_it(
    session: Session, make_document: MakeDocument
) -> None:
    store_document(session, make_document("earlier"))
    counts = _row_counts(session)
    broken = make_document("broken")
    broken.facts[-1].indicator = None  # type: ignore[assignment]

    with pytest.raises(IntegrityError):
        store_document(session, broken)

    assert _row_counts(session) == counts
    assert find_document(session, broken.sha256) is None


def test_store_document_rejects_an_unknown_qualifier(
    session: Session, make_document: MakeDocument
) -> None:
    document = make_document()
    document.facts[0].qualifier = "roughly"  # type: ignore[assignment]

    with pytest.raises(InvalidDocumentError, match="unknown qualifier 'roughly'"):
        store_document(session, document)

    assert _row_counts(session)["documents"] == 0


def test_deleting_a_document_deletes_what_hangs_off_it(
    session: Session, make_document: MakeDocument
) -> None:
    store_document(session, make_document())

    session.execute(delete(DocumentRow))
    session.commit()

    counts = _row_counts(session)
    assert {name: counts[name] for name in DOCUMENT_CHILD_TABLES} == dict.fromkeys(
        DOCUMENT_CHILD_TABLES, 0
    )
    assert counts["meetings"] == 1  # meetings outlive the documents that name them


def test_list_facts_returns_whole_values_as_int(
    session: Session, make_document: MakeDocument
) -> None:
    store_document(session, make_document())

    values = [(fact.value, fact.value_min) for fact in list_fact_records(session)]

    assert values == [(6000, None), (45, None), (3.5, None), (12, 10)]
    assert all(type(value) is int for value, _ in values if value != 3.5)


def test_list_facts_filters_by_country(session: Session, make_document: MakeDocument) -> None:
    store_document(session, make_document())

    facts = list_fact_records(session, country="SMP")

    assert [(fact.indicator, fact.page) for fact in facts] == [("investigations", 2)]


def test_list_facts_filters_by_indicator_and_country(
    session: Session, make_document: MakeDocument
) -> None:
    store_document(session, make_document("first"))
    store_document(session, make_document("second"))

    complaints = list_fact_records(session, indicator="complaints")
    none_for_smp = list_fact_records(session, country="SMP", indicator="complaints")

    assert [fact.document for fact in complaints] == ["first.txt", "second.txt"]
    assert none_for_smp == []


def test_list_facts_limit(session: Session, make_document: MakeDocument) -> None:
    store_document(session, make_document())

    assert [fact.indicator for fact in list_fact_records(session, limit=2)] == [
        "persons_trained",
        "complaints",
    ]
    with pytest.raises(ValueError, match="limit"):
        list_fact_records(session, limit=-1)


def test_list_facts_hostile_filter_finds_nothing_and_breaks_nothing(
    session: Session, make_document: MakeDocument
) -> None:
    store_document(session, make_document())

    assert list_fact_records(session, country=HOSTILE) == []
    assert list_fact_records(session, indicator=HOSTILE) == []
    assert list_fact_records(session, country=HOSTILE, indicator=HOSTILE) == []
    assert len(list_fact_records(session)) == 4
    assert session.scalar(select(func.count()).select_from(EvidenceRow)) == 3
