"""``/network``: the cooperation between the states and the roles the reports give them, drawn on
maps of the Americas, per meeting or over every meeting, with each link's sentence.

The maps are images (``/network/cooperation.svg``, ``/network/roles.svg``) with the tables below
them as their text; the same network is downloadable as GraphML and CSV from the API
(``/api/v1/network.graphml``, ``/api/v1/network.csv``). See :mod:`vigia.evaluate.network`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from vigia.evaluate.meetings import meeting_codes
from vigia.evaluate.network import latest_flows, network
from vigia.publish.charts import chart_svg
from vigia.publish.maps import cooperation_map, flows_map, roles_map
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import show
from vigia.web.pages.routing import PageRoute
from vigia.web.pages.visitor import CurrentVisitor

MeetingQuery = Annotated[str | None, Query(max_length=64)]

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    meeting: MeetingQuery = None,
) -> HTMLResponse:
    found = network(session, visitor.principal, meeting or None)
    suffix = f"?meeting={meeting}" if meeting else ""
    values = {
        "network": found,
        "flows": latest_flows(session),
        "meeting": meeting,
        "meetings": meeting_codes(session),
        "suffix": suffix,
    }
    return show(request, visitor, "network.html", values)


@router.get("/network/{kind}.svg")
def network_map(
    visitor: CurrentVisitor,
    session: DatabaseSession,
    kind: Annotated[str, Path(pattern="^(cooperation|roles|flows)$")],
    meeting: MeetingQuery = None,
) -> Response:
    found = network(session, visitor.principal, meeting or None)
    if kind == "flows":
        released = latest_flows(session)
        shown = [] if released is None else released.flows
        chart = flows_map([(f.origin, f.destination, f.count) for f in shown], visitor.language)
    elif kind == "cooperation":
        chart = cooperation_map(found.pairs, visitor.language)
    else:
        chart = roles_map([(r.country, r.role) for r in found.roles], visitor.language)
    return Response(chart_svg(chart), media_type="image/svg+xml")
