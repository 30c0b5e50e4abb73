"""The exchange API: ``/api/v1/help-requests`` and ``/api/v1/who-can-help`` (the requests for
help read in the reports, and the states whose evidence matches a need: see
:mod:`vigia.evaluate.who_can_help`), and ``/api/v1/network`` (the cooperation network, also as
GraphML and CSV: :mod:`vigia.evaluate.network`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, status
from fastapi.responses import Response
from pydantic import BaseModel, Field

from vigia.domain import LANGUAGES
from vigia.evaluate.network import network
from vigia.evaluate.who_can_help import (
    NoSuchRequest,
    helpers,
    request_need,
    requests_for_help,
    typed_need,
)
from vigia.permissions import principal_for
from vigia.publish.network_files import graphml, links_csv
from vigia.terms import marked_spans
from vigia.vocabulary import LARGEST_ID
from vigia.web.dependencies import CurrentCaller, DatabaseSession, current_caller
from vigia.web.routers.api import ERRORS, NOT_FOUND

router = APIRouter(
    prefix="/api/v1", tags=["exchange"], responses=ERRORS, dependencies=[Depends(current_caller)]
)


class RequestResource(BaseModel):
    id: int
    country: str
    sentence: str
    document_id: int
    meeting: str | None


class RequestList(BaseModel):
    items: list[RequestResource]


class QuoteResource(BaseModel):
    text: str
    highlights: list[tuple[int, int]]
    document_id: int | None
    fact_id: int | None
    start: int | None


class HelperResource(BaseModel):
    country: str
    score: float = Field(description="The higher, the stronger the evidence for the need.")
    concepts: int = Field(description="How many of the need's topics its sentences name.")
    quotes: list[QuoteResource]
    contacts: list[str] = Field(description="Its focal points' addresses (signed-in callers).")


class NeedResource(BaseModel):
    text: str
    country: str | None
    request_id: int | None


class HelperList(BaseModel):
    need: NeedResource
    items: list[HelperResource]


@router.get("/help-requests", response_model=RequestList, summary="Requests for help")
def list_help_requests(session: DatabaseSession, caller: CurrentCaller) -> RequestList:
    """The requests for help read in the documents you may read, by state."""
    found = requests_for_help(session, principal_for(caller))
    return RequestList(
        items=[
            RequestResource(
                id=r.id,
                country=r.country,
                sentence=r.sentence,
                document_id=r.document_id,
                meeting=r.meeting,
            )
            for r in found
        ]
    )


@router.get("/who-can-help", response_model=HelperList, summary="Who can help", responses=NOT_FOUND)
def who_can_help(
    session: DatabaseSession,
    caller: CurrentCaller,
    request: Annotated[int | None, Query(ge=1, le=LARGEST_ID)] = None,
    need: Annotated[str | None, Query(max_length=2000)] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
    language: Annotated[str | None, Query(pattern=f"^({'|'.join(LANGUAGES)})$")] = None,
) -> HelperList:
    """The states whose evidence matches a need, best first: a stored request's (``request``) or
    one described (``need``, with the ``country`` in need and its ``language``)."""
    principal = principal_for(caller)
    if request is not None:
        try:
            asked = request_need(session, principal, request)
        except NoSuchRequest as error:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(error)) from error
    elif need and need.strip():
        asked = typed_need(need, country.upper() if country else None, language)
    else:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "give request or need")
    return HelperList(
        need=NeedResource(text=asked.text, country=asked.country, request_id=asked.request_id),
        items=[
            HelperResource(
                country=h.country,
                score=h.score,
                concepts=h.concepts,
                quotes=[
                    QuoteResource(
                        text=q.text,
                        highlights=marked_spans(q.pieces),
                        document_id=q.document_id,
                        fact_id=q.fact_id,
                        start=q.start,
                    )
                    for q in h.quotes
                ],
                contacts=h.contacts,
            )
            for h in helpers(session, principal, asked)
        ],
    )


class LinkResource(BaseModel):
    source: str = Field(description="The state that gives (helps, funds, trains, shares).")
    target: str
    kind: str
    meeting: str | None
    document_id: int
    sentence: str


class RoleResource(BaseModel):
    country: str
    role: str = Field(description="origin, transit or destination.")
    meeting: str | None
    document_id: int
    sentence: str


class NetworkResource(BaseModel):
    meeting: str | None
    states: list[str] = Field(
        description="Every state in a link or with a role, most linked first."
    )
    links: list[LinkResource]
    roles: list[RoleResource]


MeetingQuery = Annotated[str | None, Query(max_length=64)]


@router.get("/network", response_model=NetworkResource, summary="Cooperation network")
def get_network(
    session: DatabaseSession, caller: CurrentCaller, meeting: MeetingQuery = None
) -> NetworkResource:
    """The cooperation links and roles of the documents you may read, of one meeting or all."""
    found = network(session, principal_for(caller), meeting)
    return NetworkResource(
        meeting=found.meeting,
        states=found.states,
        links=[LinkResource(**vars(link)) for link in found.links],
        roles=[RoleResource(**vars(role)) for role in found.roles],
    )


@router.get("/network.graphml", summary="Cooperation network as GraphML", response_class=Response)
def get_network_graphml(
    session: DatabaseSession, caller: CurrentCaller, meeting: MeetingQuery = None
) -> Response:
    """The same network as a directed GraphML graph (Gephi, yEd, NetworkX)."""
    found = network(session, principal_for(caller), meeting)
    name = f"network-{meeting or 'all'}.graphml"
    return Response(
        graphml(found),
        media_type="application/graphml+xml",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/network.csv", summary="Cooperation links as CSV", response_class=Response)
def get_network_csv(
    session: DatabaseSession, caller: CurrentCaller, meeting: MeetingQuery = None
) -> Response:
    """The links, one a row: source, target, kind, meeting, document_id, sentence."""
    found = network(session, principal_for(caller), meeting)
    name = f"network-{meeting or 'all'}.csv"
    return Response(
        links_csv(found).encode("utf-8-sig"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
