"""``/api/v1/mappings``: sentences mapped to the Plan's areas, and their review."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from vigia.evaluate.mappings import list_mappings, review_mapping
from vigia.permissions import can_read_unpublished
from vigia.vocabulary import LARGEST_ID
from vigia.web.dependencies import DatabaseSession
from vigia.web.evaluation_schemas import MappingList, MappingResource, MappingReviewRequest
from vigia.web.parameters import CountryParameter, MeetingParameter
from vigia.web.routers.evaluation.common import Identifier, SignedInPrincipal, evaluation_router

router = evaluation_router()


@router.get("/mappings", response_model=MappingList, summary="Area mappings")
def get_mappings(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    meeting: MeetingParameter = None,
    country: CountryParameter = None,
    document_id: Annotated[int | None, Query(ge=1, le=LARGEST_ID)] = None,
) -> MappingList:
    """Sentences mapped to areas, of the states whose unpublished facts you may read."""
    views = list_mappings(session, meeting, country, document_id)
    items = [
        MappingResource.model_validate(view, from_attributes=True)
        for view in views
        if can_read_unpublished(principal, view.country)
    ]
    return MappingList(items=items, total=len(items))


@router.post("/mappings/{mapping_id}", response_model=MappingResource, summary="Review a mapping")
def post_mapping_review(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    mapping_id: Identifier,
    body: MappingReviewRequest,
) -> MappingResource:
    """Accept a mapping, move it to another ``area``, or dismiss it (the state's reviewers)."""
    view = review_mapping(session, principal, mapping_id, body.action, body.area)
    return MappingResource.model_validate(view, from_attributes=True)
