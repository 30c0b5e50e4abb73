"""``/compare``: two to four states side by side, on an indicator (their figures by year, each
linked to its sentence) or on an area of the Work Plan (their rating at each meeting), as the
visitor may see them; ``/compare.csv``: the same as CSV.

The form sends ``state`` up to four times (a select left empty is skipped), and ``indicator`` or
``area``. A state, indicator or area the form does not offer is refused with 400.
"""

from __future__ import annotations

import csv
import io
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import HTMLResponse

from vigia.plans import AREAS
from vigia.publish.fact_csv import BYTE_ORDER_MARK
from vigia.publish.labels import N_
from vigia.publish.vocabulary import vocabulary
from vigia.reference import countries, indicators, member_states
from vigia.services.comparisons import (
    MOST_STATES,
    FiguresComparison,
    RatingsComparison,
    compare_figures,
    compare_ratings,
)
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import show
from vigia.web.pages.routing import PageError, PageRoute
from vigia.web.pages.visitor import CurrentVisitor, Visitor

UNKNOWN_CHOICE = N_("This comparison asks for a state, indicator or area the form does not offer.")
TOO_MANY = N_("Compare four states at most.")

router = APIRouter(route_class=PageRoute, include_in_schema=False)
#: The form sends four (empty ones skipped); a few more get the clear "four at most" refusal.
States = Annotated[list[str] | None, Query(max_length=8)]
Choice = Annotated[str | None, Query(max_length=64)]


def _comparison(
    session: DatabaseSession,
    visitor: Visitor,
    state: list[str] | None,
    indicator: str | None,
    area: str | None,
) -> tuple[list[str], FiguresComparison | RatingsComparison | None]:
    """The states chosen (checked), and their comparison once two are chosen with an indicator
    or an area."""
    chosen = list(dict.fromkeys(code.strip().upper() for code in state or [] if code.strip()))
    if len(chosen) > MOST_STATES:
        raise PageError(status.HTTP_400_BAD_REQUEST, TOO_MANY, visitor)
    known = countries()
    if any(code not in known for code in chosen) or (indicator and indicator not in indicators()):
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_CHOICE, visitor)
    if area and area not in AREAS:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_CHOICE, visitor)
    if len(chosen) < 2:
        return chosen, None
    if indicator:
        return chosen, compare_figures(session, visitor.principal, chosen, indicator)
    if area:
        return chosen, compare_ratings(session, visitor.principal, chosen, area)
    return chosen, None


@router.get("/compare", response_class=HTMLResponse)
def compare_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    state: States = None,
    indicator: Choice = None,
    area: Choice = None,
) -> HTMLResponse:
    chosen, comparison = _comparison(session, visitor, state, indicator, area)
    values = {
        "chosen": chosen + [""] * (MOST_STATES - len(chosen)),
        "member_states": member_states(),
        "indicators": list(indicators()),
        "areas": AREAS,
        "indicator": indicator or "",
        "area": area or "",
        "figures": comparison if isinstance(comparison, FiguresComparison) else None,
        "ratings": comparison if isinstance(comparison, RatingsComparison) else None,
        "query": request.url.query,
        "words": vocabulary(visitor.language),
    }
    return show(request, visitor, "compare.html", values)


@router.get("/compare.csv")
def compare_csv(
    visitor: CurrentVisitor,
    session: DatabaseSession,
    state: States = None,
    indicator: Choice = None,
    area: Choice = None,
) -> Response:
    """The comparison's rows: a figure per line (with its source), or a rating per line."""
    _chosen, comparison = _comparison(session, visitor, state, indicator, area)
    if comparison is None:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_CHOICE, visitor)
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    if isinstance(comparison, FiguresComparison):
        writer.writerow(["state", "indicator", "year", "value", "value_min", "qualifier",
                         "sources", "document_id", "evidence_text"])  # fmt: skip
        for year in comparison.years:
            for code in comparison.states:
                for value in comparison.cell(year, code).values:
                    fact = value.fact
                    writer.writerow([code, fact.indicator, fact.year, fact.value, fact.value_min,
                                     fact.qualifier, value.sources, fact.document_id,
                                     fact.evidence_text])  # fmt: skip
    else:
        writer.writerow(["state", "area", "meeting", "rating", "confirmed"])
        for meeting in comparison.meetings:
            for code in comparison.states:
                rating = comparison.rating(meeting, code)
                if rating is not None:
                    shown = "" if rating.withheld else rating.rating.value
                    writer.writerow([code, comparison.area, meeting, shown, rating.confirmed])
    return Response(
        BYTE_ORDER_MARK + output.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="comparison.csv"'},
    )
