"""Area mappings as stored: reading them back, and their review (accept, move to another area,
dismiss). Mapping documents stored before the mapper existed is :mod:`vigia.services.mappings`'s.

A mapping's *effective* area is the one a reviewer moved it to, else the one the rules gave;
dismissed mappings are evidence for no area. Review follows the facts' rules: a reviewer may
review the mappings of the countries whose facts they may review.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from vigia.errors import InvalidValue, NotFound, PermissionDenied
from vigia.permissions import Principal, can_review
from vigia.plans import AREAS
from vigia.store import audit
from vigia.store.models import AreaMappingRow, DocumentRow, EvidenceRow, UserRow
from vigia.store.transactions import committed

ACCEPT = "accept"
MOVE = "move"
DISMISS = "dismiss"
ACTIONS = (ACCEPT, MOVE, DISMISS)
STATUS_AFTER = {ACCEPT: "accepted", MOVE: "moved", DISMISS: "dismissed"}


@dataclass(frozen=True)
class MappingView:
    id: int
    document: str
    meeting: str | None
    country: str
    area: str
    original_area: str
    confidence: float
    status: str
    text: str
    start: int
    end: int
    cues: tuple[str, ...]


def effective_area(row: AreaMappingRow) -> str | None:
    """The area a mapping counts for now: None once dismissed."""
    return None if row.status == "dismissed" else row.area


def list_mappings(
    session: Session,
    meeting: str | None = None,
    country: str | None = None,
    document_id: int | None = None,
) -> list[MappingView]:
    """Mappings in document and text order, optionally for one meeting, country or document."""
    statement = (
        select(AreaMappingRow)
        .join(DocumentRow, AreaMappingRow.document_id == DocumentRow.id)
        .join(EvidenceRow, AreaMappingRow.evidence_id == EvidenceRow.id)
        .options(joinedload(AreaMappingRow.evidence), joinedload(AreaMappingRow.document))
        .order_by(DocumentRow.id, EvidenceRow.start, AreaMappingRow.id)
    )
    if meeting is not None:
        statement = statement.where(DocumentRow.meeting_code == meeting)
    if country is not None:
        statement = statement.where(AreaMappingRow.country == country)
    if document_id is not None:
        statement = statement.where(AreaMappingRow.document_id == document_id)
    return [mapping_view(row) for row in session.scalars(statement)]


def mapping_view(row: AreaMappingRow) -> MappingView:
    return MappingView(
        id=row.id,
        document=row.document.path,
        meeting=row.document.meeting_code,
        country=row.country,
        area=row.area,
        original_area=row.original_area or row.area,
        confidence=row.confidence,
        status=row.status,
        text=row.evidence.text,
        start=row.evidence.start,
        end=row.evidence.end,
        cues=tuple(row.cues or ()),
    )


def review_mapping(
    session: Session,
    principal: Principal,
    mapping_id: int,
    action: str,
    area: str | None = None,
) -> MappingView:
    """Accept a mapping, move it to ``area``, or dismiss it; audited and committed."""
    with committed(session):
        row = _mapping_for_review(session, principal, mapping_id, action, area)
        before = _snapshot(row)
        _apply(row, action, area, principal)
        actor = session.get(UserRow, principal.user_id) if principal.user_id else None
        audit.record(
            session, actor, f"mapping.{action}", "area_mappings", row.id, before, _snapshot(row)
        )
    return mapping_view(row)


def _mapping_for_review(
    session: Session, principal: Principal, mapping_id: int, action: str, area: str | None
) -> AreaMappingRow:
    if action not in ACTIONS:
        raise InvalidValue(f"unknown action {action!r}: use one of {', '.join(ACTIONS)}")
    if action == MOVE and area not in AREAS:
        raise InvalidValue(f"unknown area {area!r}: use one of {', '.join(AREAS)}")
    row = session.get(AreaMappingRow, mapping_id)
    if row is None:
        raise NotFound(f"no area mapping has id {mapping_id}")
    if not can_review(principal, row.country):
        raise PermissionDenied(f"you may not review the mappings of {row.country}")
    return row


def _apply(row: AreaMappingRow, action: str, area: str | None, principal: Principal) -> None:
    if action == MOVE and area is not None and area != row.area:
        row.original_area = row.original_area or row.area
        row.area = area
    row.status = STATUS_AFTER[action]
    row.reviewed_by = principal.user_id
    row.reviewed_at = datetime.now(UTC)


def _snapshot(row: AreaMappingRow) -> dict[str, Any]:
    return {"area": row.area, "status": row.status, "original_area": row.original_area}
