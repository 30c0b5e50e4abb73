"""Proposing good practices from a stored document (the ``practices`` component, version 1).

A practice is something a state reports it did. Two rules propose them, each with a confidence:

- every event the extraction read (a law adopted or amended, an institution created, a plan,
  protocol or fund adopted, a treaty ratified, a campaign launched) is a practice of its kind, in
  the Work Plan area its sentence was mapped to (else the kind's usual area), confidence 0.8;
- a sentence of a state's section mapped to an area that names a specialised unit, a shelter, a
  hotline or a training programme (the search term list's concepts) is a practice of that kind,
  its confidence the mapping's, at most 0.6: such a sentence may tell a plan, not a deed.

Proposals are ``proposed`` until the secretariat makes them public (``vigia.evaluate.practices``).
Each is indexed for search.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.store.models import AreaMappingRow, DocumentRow, EventRow, EvidenceRow
from vigia.store.models.practices import PracticeRow
from vigia.store.search_index import index_practice
from vigia.terms import concept_group, index_terms, matches_group

COMPONENT = "practices"
VERSION = "1"
EVENT_CONFIDENCE = 0.8
MOST_SENTENCE_CONFIDENCE = 0.6
#: The practice kind of each event kind, and the kind's usual area.
EVENT_KINDS = {
    "law_adopted": "law",
    "law_amended": "law",
    "institution_created": "institution",
    "plan_adopted": "plan",
    "fund_created": "fund",
    "treaty_ratified": "treaty",
    "protocol_adopted": "protocol",
    "campaign_launched": "campaign",
}
USUAL_AREAS = {
    "law": "legislation",
    "treaty": "legislation",
    "institution": "coordination",
    "plan": "coordination",
    "fund": "protection",
    "protocol": "protection",
    "campaign": "prevention",
    "unit": "prosecution",
    "shelter": "protection",
    "hotline": "prevention",
    "training": "training",
}
#: The term list's concepts that make a mapped sentence a practice, and the kind each gives.
SENTENCE_CONCEPTS = {
    "specialised_unit": "unit",
    "shelter": "shelter",
    "hotline": "hotline",
    "training": "training",
}
#: The longest title, cut at a word.
LONGEST_TITLE = 160
PRACTICE_KINDS = tuple(dict.fromkeys(USUAL_AREAS))


def title_of(sentence: str) -> str:
    """A practice's title from its sentence: the sentence, cut at a word if too long."""
    text = " ".join(sentence.split())
    if len(text) <= LONGEST_TITLE:
        return text
    return text[:LONGEST_TITLE].rsplit(" ", 1)[0] + "…"


def propose_practices(session: Session, row: DocumentRow) -> int:
    """Propose the practices of ``row`` (stored, flushed, with its events and area mappings);
    returns how many."""
    areas: dict[int, tuple[float, str]] = {}
    for mapping in row.area_mappings:
        candidate = (mapping.confidence, mapping.area)
        areas[mapping.evidence_id] = max(areas.get(mapping.evidence_id, candidate), candidate)
    proposed: dict[tuple[int, str], PracticeRow] = {}
    for event in row.events:
        kind = EVENT_KINDS.get(event.kind)
        if kind is None or not event.country:
            continue
        area = areas.get(event.evidence_id, (0.0, USUAL_AREAS[kind]))[1]
        key = (event.evidence_id, kind)
        proposed.setdefault(
            key, _row(row, event.evidence, event.country, kind, area, EVENT_CONFIDENCE)
        )
    groups = {concept: concept_group(concept) for concept in SENTENCE_CONCEPTS}
    terms_of: dict[int, str] = {}
    for mapping in row.area_mappings:
        if mapping.evidence_id not in terms_of:
            terms_of[mapping.evidence_id] = index_terms(mapping.evidence.text, row.language)
        terms = terms_of[mapping.evidence_id]
        for concept, kind in SENTENCE_CONCEPTS.items():
            key = (mapping.evidence_id, kind)
            if key in proposed or not matches_group(terms, groups[concept]):
                continue
            confidence = min(mapping.confidence, MOST_SENTENCE_CONFIDENCE)
            proposed[key] = _row(
                row, mapping.evidence, mapping.country, kind, mapping.area, confidence
            )
    session.add_all(proposed.values())
    session.flush()
    for practice in proposed.values():
        index_practice(session, practice, new=True)
    session.flush()
    return len(proposed)


def _row(
    document: DocumentRow,
    evidence: EvidenceRow,
    country: str,
    kind: str,
    area: str | None,
    confidence: float,
) -> PracticeRow:
    return PracticeRow(
        country=country,
        area=area,
        kind=kind,
        title=title_of(evidence.text),
        document_id=document.id,
        evidence_id=evidence.id,
        meeting_code=document.meeting_code,
        confidence=round(confidence, 3),
        component=COMPONENT,
        component_version=VERSION,
    )


def fill_practices(session: Session) -> int:
    """Propose the practices of the stored documents that have events or area mappings but no
    proposal yet (those stored before revision 0017); commits. Returns how many documents."""
    proposed = select(PracticeRow.document_id).where(PracticeRow.document_id.is_not(None))
    with_findings = select(EventRow.document_id).union(select(AreaMappingRow.document_id))
    missing = session.scalars(
        select(DocumentRow).where(
            DocumentRow.id.in_(with_findings), DocumentRow.id.not_in(proposed)
        )
    ).all()
    for row in missing:
        propose_practices(session, row)
    session.commit()
    return len(missing)
