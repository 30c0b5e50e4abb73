"""``/review``: the facts a reviewer may confirm, correct, reject, and (secretariat) publish.

The page lists one status at a time (by default the queue of proposed facts) and only the facts
of the countries the visitor reviews: a focal point never sees another country's. Every action
posts a form (with the CSRF token) to ``/review/{fact_id}/{action}`` or, for several facts ticked
at once, to ``/review/bulk``; :mod:`vigia.services.review` checks permissions and transitions again
(a focal point posting for another country's fact gets 403) and records the change in the audit
log. After a change the browser goes back to the list it came from.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Annotated, TypeVar
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Form, Path, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.orm import Session

from vigia.domain import Qualifier
from vigia.errors import (
    InvalidTransition,
    InvalidValue,
    NotFound,
    PermissionDenied,
    ReviewError,
)
from vigia.publish.labels import N_
from vigia.reference import indicators
from vigia.services.fact_values import MAX_NOTE_LENGTH
from vigia.services.fact_views import FactView, list_fact_views, review_queue
from vigia.services.review import (
    BULK_ACTIONS,
    CONFIRM,
    PUBLISH,
    REJECT,
    UNPUBLISH,
    confirm_fact,
    correct_fact,
    publish_fact,
    reject_fact,
    review_facts,
    unpublish_fact,
)
from vigia.vocabulary import CONFIRMED, CORRECTED, FACT_STATUSES, LARGEST_ID, PROPOSED
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.paging import Paging
from vigia.web.pages.responses import local_address, redirect_to, show
from vigia.web.pages.review_filters import QueueQuery, filter_choices, queue_query
from vigia.web.pages.routing import PageError, PageRoute, SignedInFormVisitor, SignedInVisitor
from vigia.web.pages.visitor import Visitor

#: How the facts are shown, and how many a page shows each way: the compact table fits more.
VIEWS = {"cards": 25, "table": 50}
VIEW_NAMES = {"cards": N_("Cards"), "table": N_("Compact table")}
UNKNOWN_VIEW = N_("The review is shown as cards or as a compact table; choose one of them.")
NOT_A_REVIEWER = N_("Your account does not review facts.")
NOT_A_NUMBER = N_("The value must be a number of zero or more.")
NOT_A_YEAR = N_("The year must be a whole number between 1900 and 2100.")
NOTHING_TICKED = N_("Tick at least one fact.")
UNKNOWN_ACTION = N_("Unknown action.")
#: What each refusal of the review module is shown as.
REFUSALS: dict[type[ReviewError], tuple[int, str]] = {
    PermissionDenied: (
        status.HTTP_403_FORBIDDEN,
        N_("You may not review this fact: it is about another country, or needs the secretariat."),
    ),
    NotFound: (status.HTTP_404_NOT_FOUND, N_("There is no such fact.")),
    InvalidTransition: (
        status.HTTP_409_CONFLICT,
        N_("This cannot be done to the fact in its current state."),
    ),
    InvalidValue: (
        status.HTTP_400_BAD_REQUEST,
        N_("A value given is not acceptable. A rejection needs a note saying why."),
    ),
}
#: The notices shown after a change, by what was done.
NOTICES = {
    "confirm": N_("Confirmed."),
    "correct": N_("Correction saved."),
    "reject": N_("Rejected."),
    "publish": N_("Published."),
    "unpublish": N_("Taken back from publication."),
}
SINGLE_ACTIONS = ("confirm", "reject", "publish", "unpublish")

router = APIRouter(route_class=PageRoute, include_in_schema=False)
Result = TypeVar("Result")
FactIdentifier = Annotated[int, Path(ge=1, le=LARGEST_ID)]
Note = Annotated[str, Form(max_length=MAX_NOTE_LENGTH)]
FilterValue = Annotated[str | None, Query(max_length=64)]
Back = Annotated[str, Form(max_length=2048)]


@router.get("/review", response_class=HTMLResponse)
def review_page(
    request: Request,
    visitor: SignedInVisitor,
    session: DatabaseSession,
    status_shown: Annotated[str, Query(alias="status", max_length=32)] = PROPOSED,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    done: Annotated[str | None, Query(max_length=32)] = None,
    count: Annotated[int, Query(ge=0, le=100_000)] = 0,
    country: FilterValue = None,
    document: FilterValue = None,
    meeting: FilterValue = None,
    indicator: FilterValue = None,
    less_sure_than: FilterValue = None,
    order: FilterValue = None,
    view: Annotated[str, Query(max_length=16)] = "cards",
) -> HTMLResponse:
    _check_reviewer(visitor)
    if view not in VIEWS:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_VIEW, visitor)
    shown = status_shown if status_shown in FACT_STATUSES else PROPOSED
    sent = {"country": country, "document": document, "meeting": meeting}
    sent |= {"indicator": indicator, "less_sure_than": less_sure_than, "order": order}
    query = queue_query(visitor, sent)
    paging = Paging(page, VIEWS[view])
    facts, total = _facts_to_review(session, visitor, shown, paging, query)
    values = {
        **filter_choices(session, visitor),
        "query": query,
        "facts": facts,
        "status_shown": shown,
        "statuses": FACT_STATUSES,
        "paging": paging.of(total, request),
        "notice": NOTICES.get(done or ""),
        "notice_count": count,
        "indicators": list(indicators().values()),
        "qualifiers": [qualifier.value for qualifier in Qualifier],
        "bulk_actions": _bulk_actions(visitor),
        "publishable": (CONFIRMED, CORRECTED),
        "back": _current_address(request),
        "view": view,
        "view_names": VIEW_NAMES,
        "view_links": {name: _address_with(request, view=name) for name in VIEWS},
    }
    return show(request, visitor, "review.html", values)


@router.post("/review/bulk", response_class=RedirectResponse)
def review_many(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    action: Annotated[str, Form(max_length=32)],
    fact_id: Annotated[list[int] | None, Form()] = None,
    note: Note = "",
    back: Back = "/review",
) -> RedirectResponse:
    if action not in BULK_ACTIONS:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_ACTION, visitor)
    if not fact_id:
        raise PageError(status.HTTP_400_BAD_REQUEST, NOTHING_TICKED, visitor)
    changed = _refused_as_page(
        visitor, lambda: review_facts(session, visitor.principal, fact_id, action, note or None)
    )
    return _back(request, visitor, back, action, len(changed))


@router.post("/review/{fact_id}/correct", response_class=RedirectResponse)
def correct(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    fact_id: FactIdentifier,
    value: Annotated[str, Form(max_length=64)],
    value_min: Annotated[str, Form(max_length=64)] = "",
    qualifier: Annotated[str, Form(max_length=32)] = "",
    year: Annotated[str, Form(max_length=16)] = "",
    indicator: Annotated[str, Form(max_length=64)] = "",
    note: Note = "",
    back: Back = "/review",
) -> RedirectResponse:
    amount = _number(value, visitor)
    lowest = _number(value_min, visitor) if value_min.strip() else None
    _refused_as_page(
        visitor,
        lambda: correct_fact(
            session,
            visitor.principal,
            fact_id,
            amount,
            value_min=lowest,
            qualifier=qualifier or None,
            year=_year(year, visitor),
            indicator=indicator or None,
            note=note or None,
        ),
    )
    return _back(request, visitor, back, "correct", 1)


@router.post("/review/{fact_id}/{action}", response_class=RedirectResponse)
def review_one(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    fact_id: FactIdentifier,
    action: Annotated[str, Path(max_length=32)],
    note: Note = "",
    back: Back = "/review",
) -> RedirectResponse:
    if action not in SINGLE_ACTIONS:
        raise PageError(status.HTTP_404_NOT_FOUND, UNKNOWN_ACTION, visitor)
    _refused_as_page(visitor, lambda: _act(session, visitor, fact_id, action, note or None))
    return _back(request, visitor, back, action, 1)


def _act(
    session: Session, visitor: Visitor, fact_id: int, action: str, note: str | None
) -> FactView:
    principal = visitor.principal
    if action == CONFIRM:
        return confirm_fact(session, principal, fact_id, note)
    if action == REJECT:
        return reject_fact(session, principal, fact_id, note or "")
    if action == PUBLISH:
        return publish_fact(session, principal, fact_id, note)
    return unpublish_fact(session, principal, fact_id, note)


def _refused_as_page(visitor: Visitor, work: Callable[[], Result]) -> Result:
    try:
        return work()
    except ReviewError as error:
        status_code, message = REFUSALS.get(type(error), (status.HTTP_400_BAD_REQUEST, None))
        raise PageError(status_code, message, visitor) from error


def _check_reviewer(visitor: Visitor) -> None:
    if not visitor.is_reviewer:
        raise PageError(status.HTTP_403_FORBIDDEN, NOT_A_REVIEWER, visitor)


def _facts_to_review(
    session: Session, visitor: Visitor, shown: str, paging: Paging, query: QueueQuery
) -> tuple[list[FactView], int]:
    principal = visitor.principal
    window = {"limit": paging.limit, "offset": paging.offset}
    if shown == PROPOSED:
        return review_queue(
            session, principal, **window, country=query.country, indicator=query.indicator,
            narrowed=query.narrowed,
        )  # fmt: skip
    country = query.country if visitor.publishes else principal.country
    if country is None and not visitor.publishes:
        return [], 0
    return list_fact_views(
        session, principal, country=country, indicator=query.indicator, status=shown, **window,
        narrowed=query.narrowed,
    )  # fmt: skip


def _bulk_actions(visitor: Visitor) -> list[str]:
    actions = [CONFIRM, REJECT]
    if visitor.publishes:
        actions += [PUBLISH, UNPUBLISH]
    return actions


def _number(text: str, visitor: Visitor) -> float:
    try:
        number = float(text.strip().replace(",", "."))
    except ValueError:
        raise PageError(status.HTTP_400_BAD_REQUEST, NOT_A_NUMBER, visitor) from None
    if not math.isfinite(number) or number < 0:
        raise PageError(status.HTTP_400_BAD_REQUEST, NOT_A_NUMBER, visitor)
    return number


def _year(text: str, visitor: Visitor) -> int | None:
    if not text.strip():
        return None
    if not text.strip().isdigit() or not 1900 <= int(text) <= 2100:
        raise PageError(status.HTTP_400_BAD_REQUEST, NOT_A_YEAR, visitor)
    return int(text)


def _current_address(request: Request) -> str:
    query = [
        (key, value)
        for key, value in request.query_params.multi_items()
        if key not in ("done", "count")
    ]
    return f"{request.url.path}?{urlencode(query)}" if query else request.url.path


def _address_with(request: Request, **changed: str) -> str:
    """This page's address with ``changed`` parameters, from its first page, without a notice."""
    dropped = {"done", "count", "page", *changed}
    query = [(k, v) for k, v in request.query_params.multi_items() if k not in dropped]
    return f"{request.url.path}?{urlencode([*query, *changed.items()])}"


def _back(
    request: Request, visitor: Visitor, back: str, action: str, count: int
) -> RedirectResponse:
    """Back to the list the form was on, with a notice of what was done, at the fact the form
    names (``#fact-N``: the next one)."""
    address, _, anchor = local_address(back, "/review").partition("#")
    if not urlsplit(address).path.startswith("/review"):
        address, anchor = "/review", ""
    separator = "&" if "?" in address else "?"
    notice = urlencode({"done": action, "count": count})
    fragment = f"#{anchor}" if anchor.startswith("fact-") and anchor[5:].isdigit() else ""
    return redirect_to(request, visitor, f"{address}{separator}{notice}{fragment}")
