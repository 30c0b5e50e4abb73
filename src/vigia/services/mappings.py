"""Mapping to the Work Plan's areas the documents stored before the evidence mapper existed.

The store keeps a document's text and sections, not its sentences: the sentences are found again
by the extraction pipeline's ``sentences`` component, then the ``plan_areas`` component maps them,
and the mappings are stored with their evidence (``mapped_documents`` records which were mapped).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.domain import Document, Evidence, Section
from vigia.extract import extract
from vigia.extract.plan_areas import map_sentences
from vigia.store.models import DocumentRow, EvidenceRow, MappedDocumentRow, SectionRow
from vigia.store.repository import add_area_mappings


def remap_documents(session: Session) -> int:
    """Map the sentences of every stored document that was never mapped; the number mapped."""
    mapped = select(MappedDocumentRow.document_id)
    statement = select(DocumentRow).where(DocumentRow.id.not_in(mapped)).order_by(DocumentRow.id)
    count = 0
    for row in session.scalars(statement).all():
        _map_stored_document(session, row)
        count += 1
    session.commit()
    return count


def _map_stored_document(session: Session, row: DocumentRow) -> None:
    document = Document(path=row.path, text=row.text, sha256=row.sha256, language=row.language)
    document.page_starts = list(row.page_starts or [])
    document = extract(document, ("sentences",))
    document.sections = [_section(section) for section in row.sections]
    document.sections.sort(key=lambda section: section.start)
    document.mappings = map_sentences(document)
    document.done.append("plan_areas")
    existing = {(item.start, item.end): item for item in row.evidence}

    def evidence_row(evidence: Evidence) -> EvidenceRow:
        found = existing.get((evidence.start, evidence.end))
        if found is None:
            found = EvidenceRow(
                start=evidence.start, end=evidence.end, page=evidence.page, text=evidence.text
            )
            row.evidence.append(found)
            existing[(evidence.start, evidence.end)] = found
        return found

    add_area_mappings(session, row, document, evidence_row)
    session.flush()


def _section(row: SectionRow) -> Section:
    return Section(
        start=row.start,
        end=row.end,
        kind=row.kind,
        country=row.country,
        actor=row.actor,
        code=row.code,
        language=row.language,
        heading=row.heading,
        order=row.order,
    )
