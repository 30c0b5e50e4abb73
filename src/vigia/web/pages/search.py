"""``/search``: one search box over documents, sentences and facts, in four languages.

The query and each facet are in the address, so that a search can be bookmarked and shared; each
facet value is a link that narrows the search, and a chosen one a link that widens it again. The
words that matched are marked. See :mod:`vigia.services.search`.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from vigia.plans import area_labels
from vigia.services.search import ENTRY_KINDS, FACETS, SearchFilters, search
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import show
from vigia.web.pages.routing import PageRoute
from vigia.web.pages.visitor import CurrentVisitor

#: Results a page shows.
PER_PAGE = 20
Code = Annotated[str | None, Query(max_length=64)]

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    q: Annotated[str, Query(max_length=200)] = "",
    country: Code = None,
    area: Code = None,
    meeting: Code = None,
    kind: Code = None,
    page: Annotated[int, Query(ge=1, le=100)] = 1,
) -> HTMLResponse:
    chosen = {"country": country, "area": area, "meeting": meeting, "kind": kind}
    chosen = {name: value for name, value in chosen.items() if value}
    if chosen.get("kind") not in (None, *ENTRY_KINDS):
        chosen.pop("kind")
    results = None
    if q.strip():
        filters = SearchFilters(**chosen)
        offset = (page - 1) * PER_PAGE
        results = search(session, visitor.principal, q, filters, offset=offset, limit=PER_PAGE)

    def address(**changes: str | int | None) -> str:
        values: dict[str, str | int | None] = {"q": q, **chosen, **changes}
        return "/search?" + urlencode({k: v for k, v in values.items() if v not in (None, "", 1)})

    values = {
        "q": q,
        "results": results,
        "chosen": chosen,
        "facet_names": list(FACETS),
        "address": address,
        "page": page,
        "per_page": PER_PAGE,
        "areas": {area: names[visitor.language] for area, names in area_labels().items()},
    }
    return show(request, visitor, "search.html", values)
