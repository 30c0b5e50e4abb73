"""Approved yearly statistics as facts, with the form as their source.

    record_approved_form(session, form, approver)   # in the approval's transaction
    withdraw_approved_form(session, form)           # in the unlock's

When the secretariat approves a state's form, each answered total whose question has an indicator
in the catalogue (``persons_convicted`` → ``convictions``…) becomes a **published** fact with the
component ``statistics_form``. Its evidence is a sentence of a short document written for the form:
the state, the year, the data set and the day of approval, then one sentence per total. So every
figure links back to where it came from, as a report's does, and the country profile, the API,
the exports and the charts show it with the others.

The document is also evidence for the plan's "information and statistics" area: a state that keeps
comparable statistics and sends them does what the area asks. A meeting's evaluation counts the
forms approved for its year and the :data:`YEARS_BEFORE_MEETING` years before it
(:func:`approved_form_documents`), for the states that report at the meeting.

Unlocking the form deletes the document, and its facts and mapping with it; the next approval
writes them again from the values then approved. The document is written in English, like the
catalogue's codes; each page shows the catalogue's labels in the reader's language.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.domain import (
    AREA_MAPPER,
    STATISTICS_FORM,
    AreaMapping,
    Document,
    Evidence,
    Fact,
    Qualifier,
    Section,
)
from vigia.reference import countries, indicators
from vigia.statistics import statistics_catalogue
from vigia.store.models import DataValueRow, DocumentRow, StatisticsFormRow, UserRow
from vigia.store.repository import insert_document
from vigia.vocabulary import PUBLISHED

#: The area an approved form is evidence for.
INFORMATION_AREA = "information"
#: A meeting counts the approved forms of its own year and of this many years before it.
YEARS_BEFORE_MEETING = 2
#: The media type of a form's document.
FORM_MEDIA_TYPE = "text/x-vigia-statistics-form"
WRITTEN_IN = "en"


@dataclass(frozen=True)
class FormDocument:
    """The document of an approved form: what a meeting's evaluation reads beside its reports."""

    document_id: int
    path: str
    country: str
    year: int


def form_path(form: StatisticsFormRow) -> str:
    """Where a form's document says it comes from: ``statistics/CRI-2024-tip-annual-v1``."""
    return f"statistics/{form.country}-{form.year}-{form.data_set}-v{form.version}"


def record_approved_form(
    session: Session, form: StatisticsFormRow, approver: UserRow
) -> DocumentRow:
    """Store the approved totals of ``form`` as published facts; flushed, not committed."""
    withdraw_approved_form(session, form)
    approved_at = form.approved_at or datetime.now(UTC)
    document = form_document(form, _totals(session, form.id), approved_at)
    row = insert_document(session, document)
    row.country = form.country  # its focal points read it, as a document uploaded for the state
    for fact in row.facts:
        fact.status = PUBLISHED
        fact.reviewed_by = fact.published_by = approver.id
        fact.reviewed_at = fact.published_at = approved_at
    for mapping in row.area_mappings:
        mapping.status = "accepted"
        mapping.reviewed_by, mapping.reviewed_at = approver.id, approved_at
    form.document_id = row.id
    session.flush()
    return row


def withdraw_approved_form(session: Session, form: StatisticsFormRow) -> None:
    """Delete the document of ``form`` and its facts (the database cascades); not committed."""
    if form.document_id is None:
        return
    row = session.get(DocumentRow, form.document_id)
    form.document_id = None
    if row is not None:
        session.delete(row)
    session.flush()


def form_document(
    form: StatisticsFormRow, totals: dict[str, float], approved_at: datetime
) -> Document:
    """The document recording ``form``'s approved ``totals`` (by element), as extraction would."""
    catalogue = statistics_catalogue()
    data_set = catalogue.data_set(form.data_set, form.version)
    known = countries().get(form.country)
    state = form.country if known is None else known.names.get(WRITTEN_IN, form.country)
    day = approved_at.astimezone(UTC).date().isoformat()
    lines = [
        f"Yearly statistics of {state} for {form.year}.",
        f"{data_set.labels.get(WRITTEN_IN, data_set.code)}, version {data_set.version}, "
        f"approved by the technical secretariat on {day}.",
    ]
    measured: list[tuple[str, float, int]] = []
    for name in data_set.elements:
        if name not in totals:
            continue
        element = catalogue.elements[name]
        measured.append((name, totals[name], len(lines)))
        label = element.labels.get(WRITTEN_IN, name)
        lines.append(f"{label} in {form.year}: {totals[name]:g}.")
    text = "\n".join(lines)
    evidence = _line_evidence(lines)
    facts = [
        _fact(form, indicator, value, evidence[line])
        for name, value, line in measured
        if (indicator := catalogue.elements[name].indicator) is not None
    ]
    mapping = AreaMapping(
        area=INFORMATION_AREA,
        confidence=1.0,
        evidence=evidence[1],
        provenance=STATISTICS_FORM,
        country=form.country,
    )
    return Document(
        path=form_path(form),
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        media_type=FORM_MEDIA_TYPE,
        title=lines[0].rstrip("."),
        language=WRITTEN_IN,
        sections=[
            Section(
                0, len(text), "country", country=form.country, language=WRITTEN_IN, heading=lines[0]
            )
        ],
        facts=facts,
        mappings=[mapping],
        done=[AREA_MAPPER.component],  # its mapping is written here: never to be mapped again
    )


def counted_years(meeting_year: int | None) -> list[int]:
    """The years whose statistics a meeting of ``meeting_year`` counts, oldest first."""
    if meeting_year is None:
        return []
    return list(range(meeting_year - YEARS_BEFORE_MEETING, meeting_year + 1))


def approved_form_documents(session: Session, meeting_year: int | None) -> list[FormDocument]:
    """The documents of the forms a meeting of ``meeting_year`` counts (none without a year)."""
    years = counted_years(meeting_year)
    if not years:
        return []
    statement = (
        select(
            StatisticsFormRow.document_id,
            DocumentRow.path,
            StatisticsFormRow.country,
            StatisticsFormRow.year,
        )
        .join(DocumentRow, DocumentRow.id == StatisticsFormRow.document_id)
        .where(
            StatisticsFormRow.status == "approved",
            StatisticsFormRow.year.between(years[0], years[-1]),
        )
        .order_by(StatisticsFormRow.country, StatisticsFormRow.year)
    )
    return [
        FormDocument(document_id, path, country, year)
        for document_id, path, country, year in session.execute(statement)
        if document_id is not None
    ]


def _totals(session: Session, form_id: int) -> dict[str, float]:
    statement = select(DataValueRow.element, DataValueRow.value).where(
        DataValueRow.form_id == form_id, DataValueRow.options == ""
    )
    return {element: float(value) for element, value in session.execute(statement)}


def _line_evidence(lines: list[str]) -> list[Evidence]:
    found, start = [], 0
    for line in lines:
        found.append(Evidence(start, start + len(line), line))
        start += len(line) + 1
    return found


def _fact(form: StatisticsFormRow, indicator: str, value: float, evidence: Evidence) -> Fact:
    known = indicators().get(indicator)
    return Fact(
        indicator=indicator,
        value=value,
        qualifier=Qualifier.EXACT,
        evidence=evidence,
        provenance=STATISTICS_FORM,
        country=form.country,
        year=form.year,
        unit="count" if known is None else known.unit,
        confidence=1.0,
    )
