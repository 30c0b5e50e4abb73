"""``/api/v1``: the JSON API's reads of facts, documents and reference data.

Each route checks its parameters and calls one query.
"""

from __future__ import annotations

from itertools import chain
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, status
from fastapi.responses import Response, StreamingResponse

from vigia.publish.fact_csv import BYTE_ORDER_MARK
from vigia.publish.resources import (
    CountryList,
    DocumentDetail,
    DocumentPage,
    ErrorResponse,
    EventPage,
    FactPage,
    IndicatorList,
    MeetingList,
)
from vigia.services import queries
from vigia.web.csv_export import csv_chunks
from vigia.web.dependencies import CurrentCaller, DatabaseSession, current_caller
from vigia.web.json_answers import json_answer
from vigia.web.parameters import (
    HIGHEST_OFFSET,
    DocumentIdentifier,
    EventFiltersParameters,
    FactFiltersParameters,
    MeetingParameter,
    PageWindow,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    status.HTTP_401_UNAUTHORIZED: {"model": ErrorResponse, "description": "Token refused."},
    status.HTTP_422_UNPROCESSABLE_CONTENT: {
        "model": ErrorResponse,
        "description": "A parameter is invalid; the message names it.",
    },
    status.HTTP_500_INTERNAL_SERVER_ERROR: {"model": ErrorResponse, "description": "A bug."},
    status.HTTP_503_SERVICE_UNAVAILABLE: {
        "model": ErrorResponse,
        "description": "The database does not answer.",
    },
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    status.HTTP_404_NOT_FOUND: {"model": ErrorResponse, "description": "No such document."}
}
router = APIRouter(
    prefix="/api/v1", tags=["api"], responses=ERRORS, dependencies=[Depends(current_caller)]
)


@router.get("/countries", response_model=CountryList, summary="Countries")
def list_countries(
    include_all: Annotated[
        bool, Query(alias="all", description="Every ISO 3166-1 country, not only OAS members.")
    ] = False,
) -> CountryList:
    """OAS member states (or every country), with their names in es, en, fr and pt."""
    items = queries.list_countries(include_all)
    return CountryList(items=items, total=len(items))


@router.get("/indicators", response_model=IndicatorList, summary="Indicator catalogue")
def list_indicators() -> IndicatorList:
    """The valid values of the ``indicator`` filter, with their labels and units."""
    items = queries.list_indicators()
    return IndicatorList(items=items, total=len(items))


@router.get("/meetings", response_model=MeetingList, summary="Meetings")
def list_meetings(session: DatabaseSession) -> MeetingList:
    """Meeting codes, with how many stored documents belong to each."""
    items = queries.list_meetings(session)
    return MeetingList(items=items, total=len(items))


@router.get("/documents", response_model=DocumentPage, summary="Documents")
def list_documents(
    session: DatabaseSession,
    caller: CurrentCaller,
    window: PageWindow,
    meeting: MeetingParameter = None,
) -> DocumentPage:
    """Every stored document's metadata, and whether you may read its text."""
    return queries.list_documents(session, caller, window, meeting)


@router.get(
    "/documents/{document_id}",
    response_model=DocumentDetail,
    summary="One document",
    responses=NOT_FOUND,
)
def get_document(
    session: DatabaseSession, caller: CurrentCaller, document_id: DocumentIdentifier
) -> DocumentDetail:
    """A document with its sections; ``text`` is null unless you see one of its facts."""
    document = queries.find_document(session, caller, document_id)
    if document is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no document with id {document_id}")
    return document


@router.get("/facts", response_model=FactPage, summary="Facts")
def list_facts(
    session: DatabaseSession,
    caller: CurrentCaller,
    filters: FactFiltersParameters,
    window: PageWindow,
) -> Response:
    """The facts you may see that match the filters, a page at a time, in document order."""
    return json_answer(queries.list_facts(session, caller, filters, window))


@router.get(
    "/facts.csv",
    response_class=StreamingResponse,
    summary="Facts as CSV",
    responses={
        status.HTTP_200_OK: {"content": {"text/csv": {}}, "description": "CSV with a header."}
    },
)
def export_facts(
    session: DatabaseSession,
    caller: CurrentCaller,
    filters: FactFiltersParameters,
    limit: Annotated[
        int | None, Query(ge=1, le=HIGHEST_OFFSET, description="At most this many; default all.")
    ] = None,
    offset: Annotated[int, Query(ge=0, le=HIGHEST_OFFSET)] = 0,
) -> StreamingResponse:
    """Every fact you may see that matches the filters (not a page), as CSV with a header."""
    facts = queries.stream_facts(session, caller, filters, limit, offset)
    return StreamingResponse(
        chain([BYTE_ORDER_MARK], csv_chunks(facts)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="facts.csv"'},
    )


@router.get("/events", response_model=EventPage, summary="Events")
def list_events(
    session: DatabaseSession,
    caller: CurrentCaller,
    filters: EventFiltersParameters,
    window: PageWindow,
) -> EventPage:
    """Laws adopted, institutions created…, from the documents whose text you may read."""
    return queries.list_events(session, caller, filters, window)
