"""``/``: published facts per country and indicator; for a reviewer, what waits in their queue."""

from __future__ import annotations

from collections import defaultdict

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from vigia.languages import country_name
from vigia.reference import countries
from vigia.services import reads
from vigia.services.fact_views import review_queue
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import show
from vigia.web.pages.routing import PageRoute
from vigia.web.pages.visitor import CurrentVisitor

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, visitor: CurrentVisitor, session: DatabaseSession) -> HTMLResponse:
    by_country: dict[str, list[reads.Count]] = defaultdict(list)
    for count in reads.published_counts(session):
        by_country[count.first or ""].append(count)

    def by_name(code: str) -> str:
        return country_name(code, visitor.language)

    waiting = None
    if visitor.is_reviewer:
        waiting = review_queue(session, visitor.principal, limit=0)[1]
    values = {
        "published": [
            {
                "code": code,
                "counts": by_country[code],
                "total": sum(c.facts for c in by_country[code]),
            }
            for code in sorted(by_country, key=by_name)
        ],
        "members": sorted(
            (code for code, known in countries().items() if known.oas_member), key=by_name
        ),
        "waiting": waiting,
    }
    return show(request, visitor, "dashboard.html", values)
