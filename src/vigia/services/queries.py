"""The reads behind the JSON API, as SQLAlchemy ``select()`` statements with bound parameters.

Who sees what is :mod:`vigia.store.fact_scope`'s rule, the one the pages read through too:

- anyone, signed in or not, sees published facts;
- the secretariat sees every fact;
- a focal point also sees the unpublished facts of their own country.

A document's text and its events (whose evidence quotes the text) are readable by a caller who
sees at least one of its facts, by a focal point of the country it was uploaded for, and by the
secretariat.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from vigia.permissions import principal_for
from vigia.publish.resources import (
    CountryResource,
    DocumentDetail,
    DocumentPage,
    DocumentReference,
    DocumentSummary,
    EventPage,
    EventResource,
    Evidence,
    FactPage,
    FactResource,
    IndicatorResource,
    MeetingResource,
    SectionResource,
)
from vigia.records import file_name
from vigia.reference import countries, indicators
from vigia.services.fact_views import EVIDENCE_COLUMNS
from vigia.store.fact_scope import readable_document, visible_facts
from vigia.store.figures import FIGURE_COLUMNS, current_values, extracted_values, unit_of
from vigia.store.models import (
    DocumentRow,
    EventRow,
    EvidenceRow,
    FactRow,
    MeetingRow,
    SectionRow,
    UserRow,
)
from vigia.vocabulary import is_row_id

#: Rows read at a time when a whole export is streamed.
STREAM_BATCH = 1000

AnySelect = Select[*tuple[Any, ...]]
AnyRow = Row[*tuple[Any, ...]]
#: None for an anonymous caller.
Caller = UserRow | None

DOCUMENT_REFERENCE_COLUMNS = (
    DocumentRow.id,
    DocumentRow.path,
    DocumentRow.title,
    DocumentRow.code,
    DocumentRow.meeting_code,
)
DOCUMENT_SUMMARY_COLUMNS = (
    *DOCUMENT_REFERENCE_COLUMNS,
    DocumentRow.language,
    DocumentRow.media_type,
    DocumentRow.sha256,
    DocumentRow.created_at,
)


@dataclass(frozen=True)
class Window:
    """Which page of the matching rows to answer: at most ``limit`` rows after ``offset``."""

    limit: int
    offset: int = 0


@dataclass(frozen=True)
class FactFilters:
    country: str | None = None
    indicator: str | None = None
    year: int | None = None
    status: str | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        return _equal_to(
            (FactRow.country, self.country),
            (FactRow.indicator, self.indicator),
            (FactRow.year, self.year),
            (FactRow.status, self.status),
        )


@dataclass(frozen=True)
class EventFilters:
    country: str | None = None
    kind: str | None = None
    year: int | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        return _equal_to(
            (EventRow.country, self.country), (EventRow.kind, self.kind), (EventRow.year, self.year)
        )


def _equal_to(*wanted: tuple[InstrumentedAttribute[Any], object]) -> list[ColumnElement[bool]]:
    """``column = value`` for each pair whose value is given."""
    return [column == value for column, value in wanted if value is not None]


# --- Reference data -----------------------------------------------------------------------------


def list_countries(include_all: bool = False) -> list[CountryResource]:
    """OAS member states (every ISO 3166-1 country with ``include_all``), by ISO3 code."""
    return [
        CountryResource(
            iso3=country.iso3, iso2=country.iso2, names=country.names, oas_member=country.oas_member
        )
        for code, country in sorted(countries().items())
        if include_all or country.oas_member
    ]


def list_indicators() -> list[IndicatorResource]:
    """The indicator catalogue, in its own order."""
    return [
        IndicatorResource(
            name=indicator.name,
            unit=indicator.unit,
            core=indicator.core,
            labels=indicator.labels,
            description=indicator.description,
        )
        for indicator in indicators().values()
    ]


# --- Meetings and documents ---------------------------------------------------------------------


def list_meetings(session: Session) -> list[MeetingResource]:
    """Every meeting, by code, with how many stored documents belong to it."""
    statement = (
        select(MeetingRow.code, func.count(DocumentRow.id))
        .outerjoin(DocumentRow, DocumentRow.meeting_code == MeetingRow.code)
        .group_by(MeetingRow.code)
        .order_by(MeetingRow.code)
    )
    return [
        MeetingResource(code=code, documents=count) for code, count in session.execute(statement)
    ]


def list_documents(
    session: Session, caller: Caller, window: Window, meeting: str | None = None
) -> DocumentPage:
    """Every document's metadata (by id), and whether ``caller`` may read its text."""
    conditions = [] if meeting is None else [DocumentRow.meeting_code == meeting]
    readable = readable_document(principal_for(caller), DocumentRow.id).label("text_available")
    statement = select(*DOCUMENT_SUMMARY_COLUMNS, readable).where(*conditions)
    rows = session.execute(_windowed(statement.order_by(DocumentRow.id), window))
    return DocumentPage(
        items=[_document_summary(row) for row in rows],
        total=_count(session, select(DocumentRow.id).where(*conditions)),
        limit=window.limit,
        offset=window.offset,
    )


def find_document(session: Session, caller: Caller, document_id: int) -> DocumentDetail | None:
    """A document with its sections; its text only if ``caller`` may read it."""
    if not is_row_id(document_id):
        return None
    readable = readable_document(principal_for(caller), DocumentRow.id).label("text_available")
    statement = select(*DOCUMENT_SUMMARY_COLUMNS, DocumentRow.page_starts, readable).where(
        DocumentRow.id == document_id
    )
    row = session.execute(statement).one_or_none()
    if row is None:
        return None
    text = None
    if row.text_available:
        text = session.scalar(select(DocumentRow.text).where(DocumentRow.id == document_id))
    return DocumentDetail(
        **_document_summary(row).model_dump(),
        sections=_sections(session, document_id),
        page_starts=list(row.page_starts),
        text=text,
    )


def _sections(session: Session, document_id: int) -> list[SectionResource]:
    statement = (
        select(SectionRow)
        .where(SectionRow.document_id == document_id)
        .order_by(SectionRow.order, SectionRow.start)
    )
    return [
        SectionResource(
            order=section.order,
            kind=section.kind,
            country=section.country,
            actor=section.actor,
            code=section.code,
            language=section.language,
            heading=section.heading,
            start=section.start,
            end=section.end,
        )
        for section in session.scalars(statement)
    ]


def _document_summary(row: AnyRow) -> DocumentSummary:
    reference = _document_reference(row)
    if not row.text_available:  # the title is the text's first line: shown only with the text
        reference = reference.model_copy(update={"title": None})
    return DocumentSummary(
        **reference.model_dump(),
        language=row.language,
        media_type=row.media_type,
        sha256=row.sha256,
        created_at=row.created_at,
        text_available=bool(row.text_available),
    )


def _document_reference(row: AnyRow) -> DocumentReference:
    return DocumentReference(
        id=row.id,
        file_name=file_name(row.path),
        title=row.title,
        code=row.code,
        meeting=row.meeting_code,
    )


# --- Facts and events ---------------------------------------------------------------------------


def list_facts(session: Session, caller: Caller, filters: FactFilters, window: Window) -> FactPage:
    """The facts ``caller`` sees that match ``filters``, in document and text order."""
    conditions = [visible_facts(principal_for(caller)), *filters.conditions()]
    rows = session.execute(_windowed(_fact_statement(conditions), window))
    return FactPage(
        items=[_fact_resource(row) for row in rows],
        total=session.scalar(select(func.count(FactRow.id)).where(*conditions)) or 0,
        limit=window.limit,
        offset=window.offset,
    )


def stream_facts(
    session: Session, caller: Caller, filters: FactFilters, limit: int | None, offset: int = 0
) -> Iterator[FactResource]:
    """Like :func:`list_facts`, all of them (or ``limit``), read a batch at a time, for exports."""
    statement = _fact_statement([visible_facts(principal_for(caller)), *filters.conditions()])
    statement = statement.limit(limit).offset(offset).execution_options(yield_per=STREAM_BATCH)
    for row in session.execute(statement):
        yield _fact_resource(row)


#: What a fact's answer reads of it: columns, not objects, since a page of them is read often.
FACT_COLUMNS = (
    FactRow.id.label("fact_id"),
    FactRow.status,
    FactRow.country,
    FactRow.actor,
    FactRow.region,
    FactRow.confidence,
    *FIGURE_COLUMNS,
    *EVIDENCE_COLUMNS,
)


def _fact_statement(conditions: Sequence[ColumnElement[bool]]) -> AnySelect:
    return (
        select(*FACT_COLUMNS, *DOCUMENT_REFERENCE_COLUMNS)
        .join(EvidenceRow, FactRow.evidence_id == EvidenceRow.id)
        .join(DocumentRow, FactRow.document_id == DocumentRow.id)
        .where(*conditions)
        .order_by(FactRow.document_id, EvidenceRow.start, FactRow.id)
    )


def _fact_resource(row: AnyRow) -> FactResource:
    """A fact as it stands (corrected if reviewers corrected it), with the extracted figure
    beside it when the two differ."""
    current = current_values(row)
    extracted = extracted_values(row)
    return FactResource(
        id=row.fact_id,
        status=row.status,
        document=_document_reference(row),
        country=row.country,
        actor=row.actor,
        region=row.region,
        indicator=current.indicator,
        value=current.value,
        value_min=current.value_min,
        qualifier=current.qualifier,
        year=current.year,
        unit=unit_of(row, current.indicator),
        evidence=Evidence(
            start=row.evidence_start,
            end=row.evidence_end,
            page=row.evidence_page,
            text=row.evidence_text,
        ),
        extracted=None if extracted == current else asdict(extracted),
        confidence=row.confidence,
    )


def list_events(
    session: Session, caller: Caller, filters: EventFilters, window: Window
) -> EventPage:
    """Events of the documents ``caller`` may read, matching ``filters``, in text order."""
    conditions = [
        readable_document(principal_for(caller), EventRow.document_id),
        *filters.conditions(),
    ]
    statement = (
        select(EventRow, EvidenceRow, *DOCUMENT_REFERENCE_COLUMNS)
        .join(EvidenceRow, EventRow.evidence_id == EvidenceRow.id)
        .join(DocumentRow, EventRow.document_id == DocumentRow.id)
        .where(*conditions)
        .order_by(EventRow.document_id, EvidenceRow.start, EventRow.id)
    )
    return EventPage(
        items=[_event_resource(row) for row in session.execute(_windowed(statement, window))],
        total=_count(session, select(EventRow.id).where(*conditions)),
        limit=window.limit,
        offset=window.offset,
    )


def _event_resource(row: AnyRow) -> EventResource:
    event: EventRow = row.EventRow
    return EventResource(
        id=event.id,
        document=_document_reference(row),
        country=event.country,
        kind=event.kind,
        year=event.year,
        evidence=_evidence(row.EvidenceRow),
    )


def _evidence(evidence: EvidenceRow) -> Evidence:
    return Evidence(start=evidence.start, end=evidence.end, page=evidence.page, text=evidence.text)


# --- Shared -------------------------------------------------------------------------------------


def _windowed(statement: AnySelect, window: Window) -> AnySelect:
    return statement.limit(window.limit).offset(window.offset)


def _count(session: Session, statement: AnySelect) -> int:
    return session.scalar(select(func.count()).select_from(statement.subquery())) or 0
