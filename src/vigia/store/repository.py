"""Storing extracted documents.

:func:`store_document` is idempotent by content: a document whose ``sha256`` is already stored is
not stored again. Each document is stored in one transaction, committed at the end: when anything
in it fails, nothing of that document remains and earlier documents are untouched.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from vigia.domain import (
    AREA_MAPPER,
    CooperationLink,
    Decision,
    Document,
    Event,
    Evidence,
    Fact,
    HelpRequest,
    Officer,
    Qualifier,
    Role,
    Section,
)
from vigia.errors import InvalidDocumentError
from vigia.records import StoredDocument
from vigia.store.models import (
    DOCUMENT_CHILD_TABLES,
    AreaMappingRow,
    Base,
    CooperationLinkRow,
    DecisionRow,
    DocumentRow,
    EventRow,
    EvidenceRow,
    FactRow,
    HelpRequestRow,
    MappedDocumentRow,
    MeetingDocumentRow,
    MeetingRow,
    OfficerRow,
    RoleRow,
    SectionRow,
)
from vigia.store.practices import propose_practices
from vigia.store.search_index import index_document


def find_document(session: Session, sha256: str) -> StoredDocument | None:
    """The stored document with this content, if there is one."""
    document_id = session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sha256))
    if document_id is None:
        return None
    return StoredDocument(document_id, sha256, False, _count_rows(session, document_id))


def store_document(session: Session, document: Document) -> StoredDocument:
    """Store ``document`` and everything extracted from it, then commit.

    Content already stored is left as it is (``created`` is False). On any failure the
    transaction is rolled back (so anything pending in ``session`` goes too) and the error raised.
    """
    existing = find_document(session, document.sha256)
    if existing is not None:
        return existing
    try:
        row = insert_document(session, document)
        session.commit()
    except IntegrityError:
        session.rollback()
        stored_meanwhile = find_document(session, document.sha256)
        if stored_meanwhile is not None:
            return stored_meanwhile
        raise
    except BaseException:
        session.rollback()
        raise
    return StoredDocument(row.id, row.sha256, True, _count_rows(session, row.id))


def _count_rows(session: Session, document_id: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name in DOCUMENT_CHILD_TABLES:
        table = Base.metadata.tables[name]
        statement = select(func.count()).select_from(table)
        counts[table.name] = (
            session.scalar(statement.where(table.c.document_id == document_id)) or 0
        )
    return counts


class _EvidenceRows:
    """One ``evidence`` row per distinct sentence of a document, however many findings cite it."""

    def __init__(self, document: DocumentRow) -> None:
        self.document = document
        self.rows: dict[tuple[int, int, int | None, str], EvidenceRow] = {}

    def row_for(self, evidence: Evidence) -> EvidenceRow:
        key = (evidence.start, evidence.end, evidence.page, evidence.text)
        if key not in self.rows:
            row = EvidenceRow(start=key[0], end=key[1], page=key[2], text=key[3])
            self.document.evidence.append(row)
            self.rows[key] = row
        return self.rows[key]

    def optional_row_for(self, evidence: Evidence | None) -> EvidenceRow | None:
        return None if evidence is None else self.row_for(evidence)


def insert_document(session: Session, document: Document) -> DocumentRow:
    """Add ``document`` and its findings to ``session`` and flush, without committing (the
    caller's transaction decides)."""
    row = DocumentRow(
        sha256=document.sha256,
        path=document.path,
        media_type=document.media_type,
        language=document.language,
        title=document.title,
        text=document.text,
        page_starts=list(document.page_starts),
        code=_own_code(document),
        meeting_code=document.meeting.code,
    )
    session.add(row)
    session.flush()
    sections = [(section, _section_row(section)) for section in document.sections]
    row.sections.extend(section_row for _, section_row in sections)
    evidence = _EvidenceRows(row)
    for number, fact in enumerate(document.facts, start=1):
        section_row = _section_row_at(sections, fact.evidence.start)
        row.facts.append(_fact_row(document.path, number, fact, section_row, evidence))
    _add_findings(row, document, evidence)
    _add_meeting_record(session, row, document, evidence)
    add_area_mappings(session, row, document, evidence.row_for)
    session.flush()
    index_document(session, row, document.sentences)
    propose_practices(session, row)
    return row


def add_area_mappings(
    session: Session,
    row: DocumentRow,
    document: Document,
    evidence_row: Callable[[Evidence], EvidenceRow],
) -> None:
    """Add a document's area mappings; when the mapper ran, record it (even if it found none)."""
    row.area_mappings.extend(
        AreaMappingRow(
            evidence=evidence_row(mapping.evidence),
            country=mapping.country,
            area=mapping.area,
            confidence=mapping.confidence,
            cues=list(mapping.cues),
            component=mapping.provenance.component,
            component_version=mapping.provenance.version,
        )
        for mapping in document.mappings
        if mapping.country is not None
    )
    if AREA_MAPPER.component in document.done:
        session.add(
            MappedDocumentRow(
                document_id=row.id,
                component=AREA_MAPPER.component,
                component_version=AREA_MAPPER.version,
            )
        )


def _own_code(document: Document) -> str | None:
    """The document's own code: the first code found before any section starts."""
    first_section = min(
        (section.start for section in document.sections), default=len(document.text)
    )
    codes = sorted(document.codes, key=lambda code: code.start)
    return next((code.code for code in codes if code.start < first_section), None)


def _section_row(section: Section) -> SectionRow:
    return SectionRow(
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


def _section_row_at(sections: list[tuple[Section, SectionRow]], offset: int) -> SectionRow | None:
    return next((row for section, row in sections if section.start <= offset < section.end), None)


def _fact_row(
    path: str, number: int, fact: Fact, section: SectionRow | None, evidence: _EvidenceRows
) -> FactRow:
    where = f"{path}: fact {number} ({fact.indicator})"
    return FactRow(
        section=section,
        evidence=evidence.row_for(fact.evidence),
        indicator=fact.indicator,
        value=_finite_number(fact.value, f"{where}: value"),
        value_min=None
        if fact.value_min is None
        else _finite_number(fact.value_min, f"{where}: value_min"),
        qualifier=_qualifier(fact.qualifier, where),
        country=fact.country,
        actor=fact.actor,
        region=fact.region,
        year=fact.year,
        unit=fact.unit,
        component=fact.provenance.component,
        component_version=fact.provenance.version,
        confidence=_confidence(fact.confidence, where),
        indicator_reason=None if fact.reason is None else fact.reason.indicator,
        owner_reason=None if fact.reason is None else fact.reason.owner,
    )


def _confidence(value: object, where: str) -> float | None:
    if value is None:
        return None
    number = _finite_number(value, f"{where}: confidence")
    if not 0 <= number <= 1:
        raise InvalidDocumentError(f"{where}: confidence {value!r} is not between 0 and 1")
    return number


def _finite_number(value: object, label: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidDocumentError(f"{label} {value!r} is not a number")
    if not math.isfinite(value):
        raise InvalidDocumentError(f"{label} {value!r} is not a finite number")
    return float(value)


def _qualifier(qualifier: str, where: str) -> str:
    try:
        return Qualifier(qualifier).value
    except ValueError:
        raise InvalidDocumentError(f"{where}: unknown qualifier {qualifier!r}") from None


def _add_findings(row: DocumentRow, document: Document, evidence: _EvidenceRows) -> None:
    row.events.extend(_event_row(event, evidence) for event in document.events)
    row.roles.extend(_role_row(role, evidence) for role in document.roles)
    row.cooperation_links.extend(_link_row(link, evidence) for link in document.cooperation)
    row.help_requests.extend(_request_row(request, evidence) for request in document.requests)


def _event_row(event: Event, evidence: _EvidenceRows) -> EventRow:
    return EventRow(
        evidence=evidence.row_for(event.evidence),
        kind=event.kind,
        country=event.country,
        year=event.year,
        component=event.provenance.component,
        component_version=event.provenance.version,
    )


def _role_row(role: Role, evidence: _EvidenceRows) -> RoleRow:
    return RoleRow(
        evidence=evidence.row_for(role.evidence),
        country=role.country,
        role=role.role,
        component=role.provenance.component,
        component_version=role.provenance.version,
    )


def _link_row(link: CooperationLink, evidence: _EvidenceRows) -> CooperationLinkRow:
    return CooperationLinkRow(
        evidence=evidence.row_for(link.evidence),
        source=link.source,
        target=link.target,
        kind=link.kind,
        component=link.provenance.component,
        component_version=link.provenance.version,
    )


def _request_row(request: HelpRequest, evidence: _EvidenceRows) -> HelpRequestRow:
    return HelpRequestRow(
        evidence=evidence.row_for(request.evidence),
        country=request.country,
        topic=request.topic,
        component=request.provenance.component,
        component_version=request.provenance.version,
    )


def _add_meeting_record(
    session: Session, row: DocumentRow, document: Document, evidence: _EvidenceRows
) -> None:
    record = document.meeting
    meeting = _meeting_row(session, record.code)
    row.officers.extend(_officer_row(officer, meeting, evidence) for officer in record.officers)
    row.meeting_documents.extend(
        MeetingDocumentRow(meeting=meeting, code=code) for code in record.documents
    )
    row.decisions.extend(
        _decision_row(decision, meeting, evidence) for decision in record.decisions
    )


def _meeting_row(session: Session, code: str | None) -> MeetingRow | None:
    """The meeting with this code, created the first time a document names it."""
    if code is None:
        return None
    meeting = session.scalar(select(MeetingRow).where(MeetingRow.code == code))
    if meeting is None:
        meeting = MeetingRow(code=code)
        session.add(meeting)
    return meeting


def _officer_row(
    officer: Officer, meeting: MeetingRow | None, evidence: _EvidenceRows
) -> OfficerRow:
    return OfficerRow(
        meeting=meeting,
        evidence=evidence.optional_row_for(officer.evidence),
        role=officer.role,
        name=officer.name,
        country=officer.country,
        nominated_by=officer.nominated_by,
    )


def _decision_row(
    decision: Decision, meeting: MeetingRow | None, evidence: _EvidenceRows
) -> DecisionRow:
    return DecisionRow(
        meeting=meeting,
        evidence=evidence.optional_row_for(decision.evidence),
        what=decision.what,
        proposed_by=list(decision.proposed_by),
        supported_by=list(decision.supported_by),
    )
