"""``/consistency``: figures that do not fit together, each flag with its sentences.

The flags are :func:`vigia.evaluate.consistency.list_inconsistencies`', over facts that are not
published yet too, so the page is for reviewers: the secretariat sees every country (or one, with
``?country=``), a focal point its own country only.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse

from vigia.evaluate.consistency import (
    FIGURE_DISAGREEMENT,
    IDENTIFIED_VS_ASSISTED,
    PERSONS_VS_CASES,
    STATISTICS_VS_REPORTS,
    finding_message,
    list_inconsistencies,
)
from vigia.permissions import can_read_unpublished
from vigia.publish.labels import N_
from vigia.publish.vocabulary import vocabulary
from vigia.reference import countries
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.accounts import member_states
from vigia.web.pages.recommendations import UNKNOWN_COUNTRY, CountryFilter
from vigia.web.pages.responses import show
from vigia.web.pages.routing import PageError, PageRoute, SignedInVisitor
from vigia.web.pages.visitor import Visitor

NOT_A_REVIEWER = N_("Consistency flags are for the secretariat and the focal points.")
OTHER_COUNTRY = N_("You may see the consistency flags of your own country only.")
#: What each consistency flag is called.
FLAG_NAMES = {
    FIGURE_DISAGREEMENT: N_("Figures that disagree"),
    IDENTIFIED_VS_ASSISTED: N_("More victims assisted than identified"),
    PERSONS_VS_CASES: N_("Persons counted in one source, cases in another"),
    STATISTICS_VS_REPORTS: N_("Yearly statistics that the reports contradict"),
}

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/consistency", response_class=HTMLResponse)
def consistency_page(
    request: Request,
    visitor: SignedInVisitor,
    session: DatabaseSession,
    country: CountryFilter = None,
) -> HTMLResponse:
    shown = _country_shown(visitor, (country or "").upper() or None)
    flags = list_inconsistencies(session, shown)
    language = visitor.language
    values = {
        "country": shown,
        "every_country": visitor.publishes,
        "member_states": member_states(language),
        "flags": [(flag, finding_message(flag, language)) for flag in flags],
        "flag_names": FLAG_NAMES,
        "words": vocabulary(language),
    }
    return show(request, visitor, "consistency.html", values)


def _country_shown(visitor: Visitor, asked: str | None) -> str | None:
    """The country whose flags are shown: the one asked for, a focal point's own by default."""
    if not visitor.is_reviewer:
        raise PageError(status.HTTP_403_FORBIDDEN, NOT_A_REVIEWER, visitor)
    if asked is not None and asked not in countries():
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_COUNTRY, visitor)
    wanted = asked if asked is not None or visitor.publishes else visitor.principal.country
    if not can_read_unpublished(visitor.principal, wanted):
        raise PageError(status.HTTP_403_FORBIDDEN, OTHER_COUNTRY, visitor)
    return wanted
