"""The reads behind the web pages, besides facts as shown (:mod:`vigia.services.fact_views`).

Who sees what is :mod:`vigia.store.fact_scope`'s rule, the one the JSON API and the review queue
read through too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.orm import Session

from vigia.evaluate.meetings import meeting_order
from vigia.permissions import Principal
from vigia.services.fact_views import FactView, fact_view, view_statement
from vigia.store.fact_scope import readable_document, visible_facts
from vigia.store.models import (
    CooperationLinkRow,
    DecisionRow,
    DocumentRow,
    EventRow,
    EvidenceRow,
    FactRow,
    MeetingDocumentRow,
    MeetingRow,
    OfficerRow,
    RoleRow,
)
from vigia.vocabulary import PUBLISHED

#: At most this many facts are marked in one document page.
MOST_FACTS_PER_DOCUMENT = 2000
#: At most this many events, roles or cooperation links are listed on a country page.
MOST_FINDINGS = 200


@dataclass(frozen=True)
class Count:
    """How many facts there are for a key (a country and indicator, an indicator and year)."""

    first: str | None
    second: str | int | None
    facts: int


@dataclass(frozen=True)
class Finding:
    """An event, role or cooperation link of a country with the sentence it came from."""

    kind: str
    year: int | None
    other_country: str | None
    direction: str | None
    quote: str
    document_id: int
    evidence_start: int


@dataclass(frozen=True)
class DocumentHeader:
    id: int
    path: str
    title: str | None
    code: str | None
    meeting_code: str | None
    language: str | None
    text: str


@dataclass(frozen=True)
class MeetingRecordView:
    code: str
    name: str | None
    city: str | None
    country: str | None
    officers: list[OfficerRow]
    tabled: list[str]
    documents: list[tuple[int, str, str | None]]
    decisions: list[DecisionRow]


def effective_indicator() -> ColumnElement[str]:
    corrected = FactRow.corrected_value.is_not(None)
    return case((corrected, FactRow.corrected_indicator), else_=FactRow.indicator)


# --- Counts -------------------------------------------------------------------------------------


def published_counts(session: Session) -> list[Count]:
    """Published facts per country and indicator (organisations' and regions' facts left out)."""
    indicator = effective_indicator().label("indicator")
    statement = (
        select(FactRow.country, indicator, func.count())
        .where(FactRow.status == PUBLISHED, FactRow.country.is_not(None))
        .group_by(FactRow.country, indicator)
        .order_by(FactRow.country, indicator)
    )
    return [Count(country, name, total) for country, name, total in session.execute(statement)]


# --- A country's findings -----------------------------------------------------------------------


def country_events(session: Session, principal: Principal, country: str) -> list[Finding]:
    """The country's events, oldest first, from the documents ``principal`` may read."""
    statement = (
        select(EventRow, EvidenceRow)
        .join(EvidenceRow, EventRow.evidence_id == EvidenceRow.id)
        .where(EventRow.country == country, readable_document(principal, EventRow.document_id))
        .order_by(EventRow.year.is_(None), EventRow.year, EventRow.id)
        .limit(MOST_FINDINGS)
    )
    return [
        Finding(
            event.kind, event.year, None, None, evidence.text, event.document_id, evidence.start
        )
        for event, evidence in session.execute(statement)
    ]


def country_roles(session: Session, principal: Principal, country: str) -> list[Finding]:
    statement = (
        select(RoleRow, EvidenceRow)
        .join(EvidenceRow, RoleRow.evidence_id == EvidenceRow.id)
        .where(RoleRow.country == country, readable_document(principal, RoleRow.document_id))
        .order_by(RoleRow.role, RoleRow.id)
        .limit(MOST_FINDINGS)
    )
    return [
        Finding(role.role, None, None, None, evidence.text, role.document_id, evidence.start)
        for role, evidence in session.execute(statement)
    ]


def country_cooperation(session: Session, principal: Principal, country: str) -> list[Finding]:
    """Links from or to the country; ``direction`` is ``to`` (it acts) or ``from``."""
    link = CooperationLinkRow
    statement = (
        select(link, EvidenceRow)
        .join(EvidenceRow, link.evidence_id == EvidenceRow.id)
        .where(
            or_(link.source == country, link.target == country),
            readable_document(principal, link.document_id),
        )
        .order_by(link.kind, link.id)
        .limit(MOST_FINDINGS)
    )
    return [
        Finding(
            row.kind,
            None,
            row.target if row.source == country else row.source,
            "to" if row.source == country else "from",
            evidence.text,
            row.document_id,
            evidence.start,
        )
        for row, evidence in session.execute(statement)
    ]


# --- Documents ----------------------------------------------------------------------------------


def find_document(
    session: Session, principal: Principal, document_id: int
) -> DocumentHeader | None:
    """The document, if it exists and ``principal`` may read it."""
    statement = select(DocumentRow).where(
        DocumentRow.id == document_id, readable_document(principal, DocumentRow.id)
    )
    row = session.scalar(statement)
    if row is None:
        return None
    return DocumentHeader(
        row.id, row.path, row.title, row.code, row.meeting_code, row.language, row.text
    )


def document_facts(session: Session, principal: Principal, document_id: int) -> list[FactView]:
    """The facts of a document that ``principal`` sees, in text order."""
    statement = (
        view_statement()
        .where(FactRow.document_id == document_id, visible_facts(principal))
        .order_by(EvidenceRow.start, FactRow.id)
        .limit(MOST_FACTS_PER_DOCUMENT)
    )
    return [fact_view(row) for row in session.execute(statement)]


# --- Meetings -----------------------------------------------------------------------------------


def find_meeting(session: Session, principal: Principal, code: str) -> MeetingRecordView | None:
    """A meeting's record, as the stored documents ``principal`` may read give it (repeated
    entries given once): a title is the text's first line, and officers, tabled documents and
    decisions are read from the text, so none of them comes from a document not yet readable."""
    meeting = session.scalar(select(MeetingRow).where(MeetingRow.code == code))
    if meeting is None:
        return None
    officers = session.scalars(
        select(OfficerRow)
        .where(
            OfficerRow.meeting_id == meeting.id,
            readable_document(principal, OfficerRow.document_id),
        )
        .order_by(OfficerRow.id)
    )
    tabled = session.scalars(
        select(MeetingDocumentRow.code)
        .where(
            MeetingDocumentRow.meeting_id == meeting.id,
            readable_document(principal, MeetingDocumentRow.document_id),
        )
        .order_by(MeetingDocumentRow.id)
    )
    decisions = session.scalars(
        select(DecisionRow)
        .where(
            DecisionRow.meeting_id == meeting.id,
            readable_document(principal, DecisionRow.document_id),
        )
        .order_by(DecisionRow.id)
    )
    documents = session.execute(
        select(DocumentRow.id, DocumentRow.path, DocumentRow.title)
        .where(DocumentRow.meeting_code == code, readable_document(principal, DocumentRow.id))
        .order_by(DocumentRow.id)
    )
    return MeetingRecordView(
        code=meeting.code,
        name=meeting.name,
        city=meeting.city,
        country=meeting.country,
        officers=_distinct(list(officers), lambda officer: (officer.role, officer.name)),
        tabled=list(dict.fromkeys(tabled)),
        documents=[(row.id, row.path, row.title) for row in documents],
        decisions=_distinct(list(decisions), lambda decision: decision.what),
    )


def _distinct(rows: Sequence[Any], key: Any) -> list[Any]:
    seen: dict[Any, Any] = {}
    for row in rows:
        seen.setdefault(key(row), row)
    return list(seen.values())


def meeting_choices(session: Session) -> list[tuple[str, str | None]]:
    """Every meeting's code and name, by code: what a document can be filed under."""
    rows = session.execute(select(MeetingRow.code, MeetingRow.name).order_by(MeetingRow.code))
    return [(code, name) for code, name in rows]


def meeting_exists(session: Session, code: str) -> bool:
    """Whether a meeting with this code is known."""
    return session.scalar(select(MeetingRow.id).where(MeetingRow.code == code)) is not None


@dataclass(frozen=True)
class MeetingSummary:
    """A meeting with stored documents: what the secretariat knows of it, and how many."""

    code: str
    name: str | None
    city: str | None
    documents: int


def meeting_summaries(session: Session) -> list[MeetingSummary]:
    """Every meeting that stored documents belong to, oldest round first."""
    counts = session.execute(
        select(DocumentRow.meeting_code, func.count(DocumentRow.id))
        .where(DocumentRow.meeting_code.is_not(None))
        .group_by(DocumentRow.meeting_code)
    )
    known = {row.code: row for row in session.scalars(select(MeetingRow))}
    summaries = [
        MeetingSummary(
            code,
            known[code].name if code in known else None,
            known[code].city if code in known else None,
            documents,
        )
        for code, documents in counts
        if code
    ]
    return sorted(summaries, key=lambda summary: meeting_order(summary.code))
