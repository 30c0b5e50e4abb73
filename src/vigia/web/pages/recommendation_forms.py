"""The secretariat's forms on ``/recommendations``: draft the recommendations of a meeting (all,
or one state's or one area's), edit a text, adopt, withdraw, set the follow-up status of an adopted
recommendation, and adopt or withdraw the ticked ones at once.

Every form posts with the CSRF token and goes back to the list it came from with a notice; a text
or note that is refused is shown again with the reason.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Path, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse

from vigia.domain import LANGUAGES
from vigia.errors import InvalidValue, NotFound, PermissionDenied
from vigia.evaluate.follow_up import set_follow_up
from vigia.evaluate.meetings import UnknownMeeting
from vigia.evaluate.recommendations import (
    BULK_ACTIONS,
    DRAFT,
    MAX_NOTE_LENGTH,
    MAX_TEXT_LENGTH,
    adopt_recommendation,
    change_recommendations,
    draft_recommendations,
    edit_recommendation,
    withdraw_recommendation,
)
from vigia.permissions import can_manage_recommendations
from vigia.publish.labels import N_
from vigia.vocabulary import LARGEST_ID
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.recommendations import (
    FOLLOW_UP_NAMES,
    HOME,
    NOT_THE_SECRETARIAT,
    UNKNOWN_STATUS,
    TypedChange,
    area_filter,
    back_address,
    country_filter,
    list_again,
)
from vigia.web.pages.responses import redirect_to
from vigia.web.pages.routing import PageError, PageRoute, SignedInFormVisitor
from vigia.web.pages.visitor import Visitor

UNKNOWN_ACTION = N_("Unknown action.")
NOTHING_TICKED = N_("Tick at least one recommendation.")
NOTE_TOO_LONG = N_("The note is too long: at most 2000 characters.")
NOT_NOW = N_("This cannot be done to the recommendation in its current state.")
EMPTY_TEXT = N_("Write something before sending.")
TEXT_TOO_LONG = N_("The text is too long: at most %(most)s characters.")
NOT_SAVED = N_("The change was not saved: %(reason)s")
NO_SUCH_RECOMMENDATION = N_("There is no such recommendation.")
UNKNOWN_MEETING = N_("No document of this meeting is stored, so it cannot be evaluated.")
UNKNOWN_LANGUAGE = N_("Unknown language.")

router = APIRouter(route_class=PageRoute, include_in_schema=False)
RecommendationId = Annotated[int, Path(ge=1, le=LARGEST_ID)]
Back = Annotated[str, Form(max_length=2048)]
Note = Annotated[str, Form(max_length=MAX_NOTE_LENGTH * 2)]


@router.post("/recommendations/draft", response_class=RedirectResponse)
def draft(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    meeting: Annotated[str, Form(min_length=1, max_length=64)],
    language: Annotated[str, Form(max_length=8)] = "",
    country: Annotated[str, Form(max_length=3)] = "",
    area: Annotated[str, Form(max_length=32)] = "",
) -> RedirectResponse:
    chosen = language or visitor.language
    if chosen not in LANGUAGES:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_LANGUAGE, visitor)
    state, area_chosen = country_filter(visitor, country), area_filter(visitor, area)
    try:
        drafted = draft_recommendations(
            session, visitor.principal, meeting, chosen, country=state, area=area_chosen
        )
    except PermissionDenied as error:
        raise PageError(status.HTTP_403_FORBIDDEN, NOT_THE_SECRETARIAT, visitor) from error
    except UnknownMeeting as error:
        raise PageError(status.HTTP_404_NOT_FOUND, UNKNOWN_MEETING, visitor) from error
    shown = {"meeting": meeting, "country": state, "area": area_chosen, "status": DRAFT}
    done = {"done": "draft", "count": len(drafted)}
    query = urlencode({**{name: value for name, value in shown.items() if value}, **done})
    return redirect_to(request, visitor, f"{HOME}?{query}")


@router.post("/recommendations/bulk", response_class=RedirectResponse)
def change_many(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    action: Annotated[str, Form(max_length=32)],
    recommendation_id: Annotated[list[int] | None, Form()] = None,
    note: Note = "",
    back: Back = HOME,
) -> RedirectResponse:
    _check_manager(visitor)
    if action not in BULK_ACTIONS:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_ACTION, visitor)
    if not recommendation_id:
        raise PageError(status.HTTP_400_BAD_REQUEST, NOTHING_TICKED, visitor)
    if len(note.strip()) > MAX_NOTE_LENGTH:
        raise PageError(status.HTTP_400_BAD_REQUEST, NOTE_TOO_LONG, visitor)
    try:
        changed = change_recommendations(
            session, visitor.principal, recommendation_id, action, note.strip() or None
        )
    except (PermissionDenied, NotFound, InvalidValue) as error:
        raise _refusal(visitor, error) from error
    address = back_address(back)
    separator = "&" if "?" in address else "?"
    notice = urlencode({"done": action, "count": len(changed)})
    return redirect_to(request, visitor, f"{address}{separator}{notice}")


@router.post("/recommendations/{recommendation_id}/edit", response_model=None)
def edit(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    recommendation_id: RecommendationId,
    text: Annotated[str, Form(max_length=MAX_TEXT_LENGTH * 2)] = "",
    back: Back = HOME,
) -> HTMLResponse | RedirectResponse:
    _check_manager(visitor)
    refused = _refused_text(recommendation_id, "edit", text, MAX_TEXT_LENGTH)
    if refused is None:
        try:
            edit_recommendation(session, visitor.principal, recommendation_id, text)
        except InvalidValue as error:
            refused = TypedChange(
                recommendation_id, "edit", text, NOT_SAVED, {"reason": str(error)}
            )
        except (PermissionDenied, NotFound) as error:
            raise _refusal(visitor, error) from error
    if refused is not None:
        return list_again(request, visitor, session, back, refused)
    return _back(request, visitor, back, "edit", recommendation_id)


@router.post("/recommendations/{recommendation_id}/adopt", response_class=RedirectResponse)
def adopt(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    recommendation_id: RecommendationId,
    back: Back = HOME,
) -> RedirectResponse:
    try:
        adopt_recommendation(session, visitor.principal, recommendation_id)
    except (PermissionDenied, NotFound, InvalidValue) as error:
        raise _refusal(visitor, error) from error
    return _back(request, visitor, back, "adopt", recommendation_id)


@router.post("/recommendations/{recommendation_id}/withdraw", response_model=None)
def withdraw(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    recommendation_id: RecommendationId,
    note: Note = "",
    back: Back = HOME,
) -> HTMLResponse | RedirectResponse:
    _check_manager(visitor)
    if len(note.strip()) > MAX_NOTE_LENGTH:
        refused = TypedChange(
            recommendation_id, "withdraw", note, TEXT_TOO_LONG, {"most": MAX_NOTE_LENGTH}
        )
        return list_again(request, visitor, session, back, refused)
    try:
        withdraw_recommendation(session, visitor.principal, recommendation_id, note or None)
    except (PermissionDenied, NotFound, InvalidValue) as error:
        raise _refusal(visitor, error) from error
    return _back(request, visitor, back, "withdraw", recommendation_id)


@router.post("/recommendations/{recommendation_id}/follow-up", response_model=None)
def set_status(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    recommendation_id: RecommendationId,
    meeting: Annotated[str, Form(min_length=1, max_length=64)],
    follow_up_status: Annotated[str, Form(alias="status", max_length=32)],
    note: Note = "",
    back: Back = HOME,
) -> HTMLResponse | RedirectResponse:
    _check_manager(visitor)
    if follow_up_status not in FOLLOW_UP_NAMES:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_STATUS, visitor)
    refused = None
    if len(note.strip()) > MAX_NOTE_LENGTH:
        refused = TypedChange(
            recommendation_id, "follow_up", note, TEXT_TOO_LONG, {"most": MAX_NOTE_LENGTH}
        )
    else:
        try:
            set_follow_up(
                session, visitor.principal, recommendation_id, meeting, follow_up_status, note
            )
        except UnknownMeeting as error:
            raise PageError(status.HTTP_404_NOT_FOUND, UNKNOWN_MEETING, visitor) from error
        except InvalidValue as error:
            values = {"reason": str(error)}
            refused = TypedChange(recommendation_id, "follow_up", note, NOT_SAVED, values)
        except (PermissionDenied, NotFound) as error:
            raise _refusal(visitor, error) from error
    if refused is not None:
        return list_again(request, visitor, session, back, refused)
    return _back(request, visitor, back, "follow_up", recommendation_id)


def _check_manager(visitor: Visitor) -> None:
    """Refuse before reading the form further: the evaluate package checks again."""
    if not can_manage_recommendations(visitor.principal):
        raise PageError(status.HTTP_403_FORBIDDEN, NOT_THE_SECRETARIAT, visitor)


def _refusal(visitor: Visitor, error: Exception) -> PageError:
    if isinstance(error, PermissionDenied):
        return PageError(status.HTTP_403_FORBIDDEN, NOT_THE_SECRETARIAT, visitor)
    if isinstance(error, NotFound):
        return PageError(status.HTTP_404_NOT_FOUND, NO_SUCH_RECOMMENDATION, visitor)
    return PageError(status.HTTP_409_CONFLICT, NOT_NOW, visitor)


def _refused_text(identifier: int, form: str, text: str, most: int) -> TypedChange | None:
    if not text.strip():
        return TypedChange(identifier, form, text, EMPTY_TEXT, {})
    if len(text.strip()) > most:
        return TypedChange(identifier, form, text, TEXT_TOO_LONG, {"most": most})
    return None


def _back(
    request: Request, visitor: Visitor, back: str, done: str, recommendation_id: int
) -> RedirectResponse:
    address = back_address(back)
    separator = "&" if "?" in address else "?"
    return redirect_to(
        request, visitor, f"{address}{separator}done={done}#recommendation-{recommendation_id}"
    )
