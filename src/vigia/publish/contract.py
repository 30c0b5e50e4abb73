"""The extraction output contract (shared/spec/extraction.md): a Document as plain JSON data."""

from __future__ import annotations

from typing import Any

from vigia.domain import Document, Evidence, Fact


def evidence_data(evidence: Evidence | None) -> dict[str, Any] | None:
    if evidence is None:
        return None
    return {
        "start": evidence.start,
        "end": evidence.end,
        "page": evidence.page,
        "text": evidence.text,
    }


def fact_data(fact: Fact) -> dict[str, Any]:
    data: dict[str, Any] = {
        "country": fact.country,
        "actor": fact.actor,
        "indicator": fact.indicator,
        "value": fact.value,
        "qualifier": str(fact.qualifier),
        "year": fact.year,
        "unit": fact.unit,
        "evidence": evidence_data(fact.evidence),
        "component": fact.provenance.component,
        "component_version": fact.provenance.version,
    }
    if fact.region:
        data["region"] = fact.region
    if fact.value_min is not None:
        data["value_min"] = fact.value_min
    if fact.confidence is not None:
        data["confidence"] = fact.confidence
    if fact.reason is not None:
        data["reason"] = {"indicator": fact.reason.indicator, "owner": fact.reason.owner}
    return data


def document_data(document: Document) -> dict[str, Any]:
    """Everything extracted from a document, in the contract's names and shapes."""
    meeting = document.meeting
    return {
        "document": {
            "path": document.path,
            "sha256": document.sha256,
            "language": document.language,
            "title": document.title,
            "countries": document.countries(),
            "media_type": document.media_type,
        },
        "meeting": {
            "code": meeting.code,
            "officers": [
                {
                    "role": o.role,
                    "name": o.name,
                    "country": o.country,
                    "nominated_by": o.nominated_by,
                }
                for o in meeting.officers
            ],
            "documents": meeting.documents,
            "decisions": [
                {"what": d.what, "proposed_by": d.proposed_by, "supported_by": d.supported_by}
                for d in meeting.decisions
            ],
        },
        "sections": [
            {
                "country": s.country,
                "actor": s.actor,
                "code": s.code,
                "start": s.start,
                "end": s.end,
                "kind": s.kind,
                "language": s.language,
                "order": s.order,
            }
            for s in document.sections
            if s.kind != "general"
        ],
        "facts": [fact_data(fact) for fact in document.facts],
        "events": [
            {
                "country": e.country,
                "kind": e.kind,
                "year": e.year,
                "evidence": evidence_data(e.evidence),
            }
            for e in document.events
        ],
        "roles": [
            {"country": r.country, "role": r.role, "evidence": evidence_data(r.evidence)}
            for r in document.roles
        ],
        "cooperation": [
            {
                "from": c.source,
                "to": c.target,
                "kind": c.kind,
                "evidence": evidence_data(c.evidence),
            }
            for c in document.cooperation
        ],
        "requests": [
            {"country": r.country, "topic": r.topic, "evidence": evidence_data(r.evidence)}
            for r in document.requests
        ],
    }
