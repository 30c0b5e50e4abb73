"""``/recommendations``: the recommendations drafted from the gaps of each meeting and their
follow-up.

Recommendations are :mod:`vigia.evaluate.recommendations`'. Everybody sees the adopted ones; the
secretariat also sees drafts and withdrawn ones, with the forms of
:mod:`vigia.web.pages.recommendation_forms`. An adopted recommendation shows its follow-up at the
latest meeting with evidence about it (:func:`~vigia.evaluate.visibility.latest_follow_ups`). The
list is filtered by meeting, state, area and status, 50 a page, grouped by state and meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from fastapi import APIRouter, Query, Request, status
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from vigia.evaluate.gaps import AREA_WITHOUT_EVIDENCE, CORE_INDICATOR_MISSING, FIGURE_CONTRADICTION
from vigia.evaluate.meetings import meeting_codes
from vigia.evaluate.recommendations import (
    ADOPTED,
    BULK_ACTIONS,
    DRAFT,
    MAX_NOTE_LENGTH,
    MAX_TEXT_LENGTH,
    WITHDRAWN,
    RecommendationView,
    list_recommendations,
)
from vigia.evaluate.visibility import drafts_readable_by, latest_follow_ups
from vigia.languages import LANGUAGE_NAMES
from vigia.permissions import can_manage_recommendations
from vigia.plans import AREAS
from vigia.publish.labels import LABELS, N_
from vigia.publish.vocabulary import vocabulary
from vigia.reference import countries
from vigia.vocabulary import RECOMMENDATION_STATUSES
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.accounts import member_states
from vigia.web.pages.paging import Paging
from vigia.web.pages.responses import local_address, show
from vigia.web.pages.routing import PageError, PageRoute
from vigia.web.pages.visitor import CurrentVisitor, Visitor

HOME = "/recommendations"
NOT_THE_SECRETARIAT = N_("Only the secretariat drafts, adopts and follows up recommendations.")
UNKNOWN_STATUS = N_("Unknown status.")
UNKNOWN_AREA = N_("There is no area of the Work Plan with this code.")
#: Recommendations a page shows, grouped by state and meeting; and the last page one may ask for.
PER_PAGE = 50
MOST_PAGES = 100_000
#: The notices shown after a change, by what was done.
NOTICES = {
    "edit": N_("Recommendation saved."),
    "adopt": N_("Recommendation adopted."),
    "withdraw": N_("Recommendation withdrawn."),
    "follow_up": N_("Follow-up status saved."),
}
#: What each kind of gap a recommendation answers is called.
GAP_NAMES = {
    AREA_WITHOUT_EVIDENCE: N_("No information in an area"),
    CORE_INDICATOR_MISSING: N_("Core indicator not reported"),
    FIGURE_CONTRADICTION: N_("Figures that contradict each other"),
}
RECOMMENDATION_STATUS_NAMES = {
    DRAFT: N_("Draft"),
    ADOPTED: N_("Adopted"),
    WITHDRAWN: N_("Withdrawn"),
}
FOLLOW_UP_NAMES = LABELS["follow_up"]
UNKNOWN_COUNTRY = N_("There is no country with this code.")

router = APIRouter(route_class=PageRoute, include_in_schema=False)
CountryFilter = Annotated[str | None, Query(max_length=3)]


# --- The list -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TypedChange:
    """A refused text or note, to show again in the form of recommendation ``id``."""

    id: int
    form: str
    text: str
    error: str
    error_values: dict[str, Any]


@dataclass(frozen=True)
class ListQuery:
    """What the list shows: its filters (any of them None: every one) and its page."""

    meeting: str | None = None
    country: str | None = None
    area: str | None = None
    status: str | None = None
    page: int = 1

    @classmethod
    def of_address(cls, address: str) -> ListQuery:
        """The list an address of it shows (a form's way back)."""
        sent = dict(parse_qsl(urlsplit(address).query))
        page = sent.get("page", "1")
        return cls(
            sent.get("meeting"),
            sent.get("country"),
            sent.get("area"),
            sent.get("status"),
            int(page) if page.isdigit() and 0 < int(page) <= MOST_PAGES else 1,
        )


@router.get("/recommendations", response_class=HTMLResponse)
def recommendations_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    meeting: Annotated[str | None, Query(max_length=64)] = None,
    country: CountryFilter = None,
    area: Annotated[str | None, Query(max_length=32)] = None,
    status_shown: Annotated[str | None, Query(alias="status", max_length=32)] = None,
    page: Annotated[int, Query(ge=1, le=MOST_PAGES)] = 1,
    done: Annotated[str | None, Query(max_length=32)] = None,
    count: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> HTMLResponse:
    asked = ListQuery(meeting, country, area, status_shown, page)
    if done == "draft":
        return _list(request, visitor, session, asked, drafted=count)
    if done in BULK_ACTIONS and count:
        return _list(request, visitor, session, asked, bulk=(done, count))
    return _list(request, visitor, session, asked, NOTICES.get(done or ""))


def _list(
    request: Request,
    visitor: Visitor,
    session: Session,
    asked: ListQuery,
    notice: str | None = None,
    drafted: int | None = None,
    typed: TypedChange | None = None,
    bulk: tuple[str, int] | None = None,
) -> HTMLResponse:
    manages = can_manage_recommendations(visitor.principal)
    code = country_filter(visitor, asked.country)
    area = area_filter(visitor, asked.area)
    shown = _status_filter(visitor, asked.status, manages)
    meetings = meeting_codes(session)
    every = list_recommendations(session, asked.meeting or None, code, shown, area)
    paging = Paging(asked.page, PER_PAGE)
    recommendations = every[paging.offset : paging.offset + paging.limit]
    values = {
        "recommendations": recommendations,
        "groups": [
            (place, list(items))
            for place, items in groupby(
                recommendations, key=lambda item: (item.country, item.meeting)
            )
        ],
        "paging": paging.of(len(every), request),
        "follow_ups": latest_follow_ups(
            session, meetings, recommendations, drafts_readable_by(visitor.principal)
        ),
        "meetings": list(reversed(meetings)),
        "meeting": asked.meeting or None,
        "country": code,
        "area": area,
        "areas": AREAS,
        "status_shown": shown,
        "statuses": RECOMMENDATION_STATUSES,
        "status_names": RECOMMENDATION_STATUS_NAMES,
        "follow_up_names": FOLLOW_UP_NAMES,
        "gap_names": GAP_NAMES,
        "member_states": member_states(visitor.language),
        "languages": LANGUAGE_NAMES,
        "manages": manages,
        "notice": notice,
        "drafted": drafted,
        "bulk": bulk,
        "bulk_actions": BULK_ACTIONS,
        "typed": typed,
        "back": _current_address(request),
        "words": vocabulary(visitor.language),
        "most_text": MAX_TEXT_LENGTH,
        "most_note": MAX_NOTE_LENGTH,
    }
    status_code = status.HTTP_200_OK if typed is None else status.HTTP_400_BAD_REQUEST
    return show(request, visitor, "recommendations.html", values, status_code)


def _status_filter(visitor: Visitor, asked: str | None, manages: bool) -> str | None:
    """The status shown: any the secretariat asks for; adopted ones only for anybody else."""
    if not manages:
        return ADOPTED
    if asked and asked not in RECOMMENDATION_STATUSES:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_STATUS, visitor)
    return asked or None


def _state_and_meeting(item: RecommendationView) -> tuple[str, str]:
    return (item.country, item.meeting)


def area_filter(visitor: Visitor, asked: str | None) -> str | None:
    if asked and asked not in AREAS:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_AREA, visitor)
    return asked or None


def country_filter(visitor: Visitor, asked: str | None) -> str | None:
    code = (asked or "").upper() or None
    if code is not None and code not in countries():
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_COUNTRY, visitor)
    return code


def _current_address(request: Request) -> str:
    query = [
        (key, value)
        for key, value in request.query_params.multi_items()
        if key not in ("done", "count", "lang")
    ]
    return f"{request.url.path}?{urlencode(query)}" if query else request.url.path


def back_address(back: str) -> str:
    """``back`` if it is the list of recommendations, else the list itself."""
    address = local_address(back, HOME)
    return address if urlsplit(address).path == HOME else HOME


def list_again(
    request: Request, visitor: Visitor, session: Session, back: str, typed: TypedChange
) -> HTMLResponse:
    """The list the form came from, again, with the refused text and the reason."""
    asked = ListQuery.of_address(back_address(back))
    return _list(request, visitor, session, asked, typed=typed)
