"""Facts as shown: the effective figure (corrected if corrected), both figures, the source.

Read functions apply the permission rules in the query itself: a principal who may not read a
country's unpublished facts gets that country's published facts only, counts included."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, UnaryExpression, case, func, select
from sqlalchemy.orm import Session, load_only

from vigia.errors import InvalidValue, NotFound
from vigia.permissions import Principal, review_scope
from vigia.records import FactRecord, file_name
from vigia.store.fact_scope import fact_scope_clause, visible_facts
from vigia.store.figures import (
    FIGURE_COLUMNS,
    FactValues,
    corrected_values,
    extracted_values,
    unit_of,
    whole_as_int,
)
from vigia.store.models import DocumentRow, EvidenceRow, FactRow
from vigia.store.times import as_utc
from vigia.vocabulary import PROPOSED, is_row_id

MAX_LIMIT = 500
#: What a document's name (:func:`document_name`) is made of, and its id.
NAME_COLUMNS = (
    DocumentRow.id,
    DocumentRow.path,
    DocumentRow.title,
    DocumentRow.code,
    DocumentRow.original_name,
)


@dataclass(frozen=True)
class FactView:
    """A fact as shown: its effective figure (corrected if corrected), both figures, its source.

    Datetimes are timezone-aware (UTC).
    """

    id: int
    status: str
    indicator: str
    value: int | float
    value_min: int | float | None
    qualifier: str
    year: int | None
    unit: str
    extracted: FactValues
    corrected: FactValues | None
    country: str | None
    actor: str | None
    region: str | None
    evidence_text: str
    evidence_start: int
    evidence_end: int
    page: int | None
    document_id: int
    document_path: str
    #: What the document is called where a person reads it: its title, code or file name.
    document_name: str
    component: str
    component_version: str
    #: How sure the extractor was (0 to 1), and why; None for facts stored before revision 0008.
    confidence: float | None
    indicator_reason: str | None
    owner_reason: str | None
    review_note: str | None
    reviewed_by: int | None
    reviewed_at: datetime | None
    published_by: int | None
    published_at: datetime | None

    @property
    def is_corrected(self) -> bool:
        return self.corrected is not None


#: What a fact's view reads: columns, not objects (a page of facts is read often).
#: A fact's evidence, as the column-reading paths label it.
EVIDENCE_COLUMNS = (
    EvidenceRow.text.label("evidence_text"),
    EvidenceRow.start.label("evidence_start"),
    EvidenceRow.end.label("evidence_end"),
    EvidenceRow.page.label("evidence_page"),
)
VIEW_COLUMNS = (
    FactRow.id,
    FactRow.status,
    *FIGURE_COLUMNS,
    FactRow.country,
    FactRow.actor,
    FactRow.region,
    FactRow.document_id,
    FactRow.component,
    FactRow.component_version,
    FactRow.confidence,
    FactRow.indicator_reason,
    FactRow.owner_reason,
    FactRow.review_note,
    FactRow.reviewed_by,
    FactRow.reviewed_at,
    FactRow.published_by,
    FactRow.published_at,
    *EVIDENCE_COLUMNS,
    DocumentRow.path.label("document_path"),
    DocumentRow.title.label("document_title"),
    DocumentRow.code.label("document_code"),
    DocumentRow.original_name.label("document_original_name"),
)


def view_statement() -> Select[*tuple[Any, ...]]:
    """The columns of :data:`VIEW_COLUMNS`: facts with their evidence and their document's name
    (not its text), in one query."""
    return (
        select(*VIEW_COLUMNS)
        .join(EvidenceRow, FactRow.evidence_id == EvidenceRow.id)
        .join(DocumentRow, FactRow.document_id == DocumentRow.id)
    )


def fact_view(row: Any) -> FactView:
    """A row of :func:`view_statement` as shown."""
    extracted = extracted_values(row)
    corrected = corrected_values(row)
    effective = corrected or extracted
    return FactView(
        id=row.id,
        status=row.status,
        indicator=effective.indicator,
        value=effective.value,
        value_min=effective.value_min,
        qualifier=effective.qualifier,
        year=effective.year,
        unit=unit_of(row, effective.indicator),
        extracted=extracted,
        corrected=corrected,
        country=row.country,
        actor=row.actor,
        region=row.region,
        evidence_text=row.evidence_text,
        evidence_start=row.evidence_start,
        evidence_end=row.evidence_end,
        page=row.evidence_page,
        document_id=row.document_id,
        document_path=row.document_path,
        document_name=named(
            row.document_title, row.document_code, row.document_original_name, row.document_path
        ),
        component=row.component,
        component_version=row.component_version,
        confidence=row.confidence,
        indicator_reason=row.indicator_reason,
        owner_reason=row.owner_reason,
        review_note=row.review_note,
        reviewed_by=row.reviewed_by,
        reviewed_at=None if row.reviewed_at is None else as_utc(row.reviewed_at),
        published_by=row.published_by,
        published_at=None if row.published_at is None else as_utc(row.published_at),
    )


@dataclass(frozen=True)
class QueueFilters:
    """What a reviewer narrows a list of facts to, and in which order it comes.

    ``less_sure_than`` keeps the facts whose confidence is below it (0 to 1); ``order`` is
    ``least_sure`` (facts without a confidence last), ``document`` (document and text order) or
    ``indicator`` (by indicator, then document order).
    """

    document_id: int | None = None
    meeting: str | None = None
    less_sure_than: float | None = None
    order: str = "least_sure"


QUEUE_ORDERS = ("least_sure", "document", "indicator")


def document_name(document: DocumentRow) -> str:
    """A document as a person knows it: its title, else its code, else its file's name."""
    return named(document.title, document.code, document.original_name, document.path)


def named(title: str | None, code: str | None, original_name: str | None, path: str) -> str:
    """What :func:`document_name` calls a document of these columns."""
    return title or code or original_name or file_name(path)


def list_fact_views(
    session: Session,
    principal: Principal,
    country: str | None = None,
    indicator: str | None = None,
    year: int | None = None,
    status: str | None = None,
    limit: int = 50,
    offset: int = 0,
    narrowed: QueueFilters | None = None,
) -> tuple[list[FactView], int]:
    """One page of the facts ``principal`` may see, and how many there are in all.

    Filters compare with the effective indicator and year. Facts come in document and text order,
    unless ``narrowed`` asks for another.
    """
    conditions = [visible_facts(principal), *_filters(country, indicator, year, status)]
    if narrowed is None:
        return _page(session, conditions, limit, offset)
    conditions += _narrowed(narrowed)
    return _page(session, conditions, limit, offset, *_order(narrowed.order))


def review_queue(
    session: Session,
    principal: Principal,
    limit: int = 50,
    offset: int = 0,
    country: str | None = None,
    indicator: str | None = None,
    narrowed: QueueFilters | None = None,
) -> tuple[list[FactView], int]:
    """One page of the proposed facts ``principal`` may review, and how many there are: the
    least sure first (facts stored without a confidence last), then in document and text order,
    unless ``narrowed`` narrows them or orders them otherwise."""
    narrowed = narrowed or QueueFilters()
    conditions = [
        FactRow.status == PROPOSED,
        fact_scope_clause(review_scope(principal)),
        *_filters(country, indicator, None, None),
        *_narrowed(narrowed),
    ]
    return _page(session, conditions, limit, offset, *_order(narrowed.order))


def _narrowed(narrowed: QueueFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if narrowed.document_id is not None:
        conditions.append(FactRow.document_id == narrowed.document_id)
    if narrowed.meeting is not None:
        in_meeting = select(DocumentRow.id).where(DocumentRow.meeting_code == narrowed.meeting)
        conditions.append(FactRow.document_id.in_(in_meeting))
    if narrowed.less_sure_than is not None:
        conditions.append(FactRow.confidence < narrowed.less_sure_than)
    return conditions


def _order(order: str) -> list[Any]:
    if order not in QUEUE_ORDERS:
        raise InvalidValue(f"unknown order {order!r}: one of {', '.join(QUEUE_ORDERS)}")
    if order == "least_sure":
        return [FactRow.confidence.asc().nulls_last()]
    if order == "indicator":
        corrected = FactRow.corrected_value.is_not(None)
        return [case((corrected, FactRow.corrected_indicator), else_=FactRow.indicator)]
    return []


def find_fact_view(session: Session, principal: Principal, fact_id: int) -> FactView:
    """The fact, if ``principal`` may see it; NotFound otherwise (whether or not it exists)."""
    if not is_row_id(fact_id):
        raise NotFound(f"no fact {fact_id!r}")
    statement = view_statement().where(FactRow.id == fact_id, visible_facts(principal))
    row = session.execute(statement).first()
    if row is None:
        raise NotFound(f"no fact {fact_id}", fact_id)
    return fact_view(row)


def views_of(session: Session, fact_ids: list[int]) -> list[FactView]:
    if not fact_ids:
        return []
    statement = view_statement().where(FactRow.id.in_(fact_ids))
    by_id = {row.id: row for row in session.execute(statement)}
    return [fact_view(by_id[fact_id]) for fact_id in fact_ids]


def _page(
    session: Session,
    conditions: list[ColumnElement[bool]],
    limit: int,
    offset: int,
    *first: UnaryExpression[Any],
) -> tuple[list[FactView], int]:
    """One page of the facts meeting ``conditions``, in the order ``first`` (if given), then in
    document and text order."""
    _check_page(limit, offset)
    total = session.scalar(select(func.count()).select_from(FactRow).where(*conditions)) or 0
    statement = (
        view_statement()
        .where(*conditions)
        .order_by(*first, FactRow.document_id, EvidenceRow.start, FactRow.id)
        .limit(limit)
        .offset(offset)
    )
    return [fact_view(row) for row in session.execute(statement)], total


def _check_page(limit: int, offset: int) -> None:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 0 <= limit <= MAX_LIMIT:
        raise InvalidValue(f"limit is a whole number from 0 to {MAX_LIMIT}, not {limit!r}")
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise InvalidValue(f"offset is a whole number of zero or more, not {offset!r}")


def _filters(
    country: str | None, indicator: str | None, year: int | None, status: str | None
) -> list[ColumnElement[bool]]:
    corrected = FactRow.corrected_value.is_not(None)
    conditions: list[ColumnElement[bool]] = []
    if country is not None:
        conditions.append(FactRow.country == country)
    if indicator is not None:
        current = case((corrected, FactRow.corrected_indicator), else_=FactRow.indicator)
        conditions.append(current == indicator)
    if year is not None:
        if isinstance(year, bool) or not isinstance(year, int):
            raise InvalidValue(f"year {year!r} is not a whole number")
        conditions.append(case((corrected, FactRow.corrected_year), else_=FactRow.year) == year)
    if status is not None:
        conditions.append(FactRow.status == status)
    return conditions


def list_fact_records(
    session: Session,
    country: str | None = None,
    indicator: str | None = None,
    limit: int | None = None,
) -> list[FactRecord]:
    """Stored facts in document and text order, optionally for one country and/or indicator."""
    statement = (
        select(FactRow, DocumentRow.path, EvidenceRow)
        .join(DocumentRow, FactRow.document_id == DocumentRow.id)
        .join(EvidenceRow, FactRow.evidence_id == EvidenceRow.id)
        .order_by(DocumentRow.id, EvidenceRow.start, FactRow.id)
    )
    if country is not None:
        statement = statement.where(FactRow.country == country)
    if indicator is not None:
        statement = statement.where(FactRow.indicator == indicator)
    if limit is not None:
        if limit < 0:
            raise ValueError(f"limit must be zero or more, not {limit}")
        statement = statement.limit(limit)
    return [
        _fact_record(fact, path, evidence) for fact, path, evidence in session.execute(statement)
    ]


def _fact_record(fact: FactRow, path: str, evidence: EvidenceRow) -> FactRecord:
    return FactRecord(
        id=fact.id,
        document_id=fact.document_id,
        document=path,
        country=fact.country,
        actor=fact.actor,
        region=fact.region,
        indicator=fact.indicator,
        value=whole_as_int(fact.value),
        value_min=None if fact.value_min is None else whole_as_int(fact.value_min),
        qualifier=fact.qualifier,
        year=fact.year,
        unit=fact.unit,
        status=fact.status,
        evidence=evidence.text,
        start=evidence.start,
        end=evidence.end,
        page=evidence.page,
    )


def review_documents(session: Session, principal: Principal) -> list[tuple[int, str]]:
    """The documents that hold facts ``principal`` reviews: their id and name, by id. Documents
    of the same name (two reports titled "Informe", say) are told apart by their file's name."""
    reviewed = select(FactRow.document_id).where(fact_scope_clause(review_scope(principal)))
    statement = (
        select(DocumentRow)
        .options(load_only(*NAME_COLUMNS))
        .where(DocumentRow.id.in_(reviewed))
        .order_by(DocumentRow.id)
    )
    documents = list(session.scalars(statement))
    names = Counter(document_name(document) for document in documents)
    return [
        (
            document.id,
            _told_apart(document)
            if names[document_name(document)] > 1
            else document_name(document),
        )
        for document in documents
    ]


def _told_apart(document: DocumentRow) -> str:
    """A document's name followed by its file's name, or by its number when that is its name."""
    name = document_name(document)
    file = document.original_name or file_name(document.path)
    return f"{name} ({file})" if file and file != name else f"{name} (#{document.id})"
