"""``/recommendations``: the recommendations drafted from the gaps of each meeting and their
follow-up; ``/consistency``: figures that do not fit together, each flag with its sentences.

Recommendations are :mod:`vigia.evaluate.recommendations`'. Everybody sees the adopted ones; the
secretariat also sees drafts and withdrawn ones, and has the forms: draft the recommendations of a
meeting, edit a text, adopt, withdraw, and set the follow-up status of an adopted recommendation
at the latest meeting with evidence about it (:func:`latest_follow_ups`), where the rules' status
is shown until the secretariat sets one. Every form posts with the CSRF token and goes back to
the list it came from with a notice; a text or note that is refused is shown again with the
reason.

The consistency flags are :func:`vigia.evaluate.consistency.list_inconsistencies`', over facts
that are not published yet too, so that page is for reviewers: the secretariat sees every country
(or one, with ``?country=``), a focal point its own country only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from fastapi import APIRouter, Form, Path, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.orm import Session

from vigia.domain import LANGUAGES, FollowUpStatus
from vigia.errors import InvalidValue, NotFound, PermissionDenied
from vigia.evaluate.consistency import (
    FIGURE_DISAGREEMENT,
    IDENTIFIED_VS_ASSISTED,
    PERSONS_VS_CASES,
    finding_message,
    list_inconsistencies,
)
from vigia.evaluate.follow_up import FollowUpView, follow_up, set_follow_up
from vigia.evaluate.gaps import AREA_WITHOUT_EVIDENCE, CORE_INDICATOR_MISSING, FIGURE_CONTRADICTION
from vigia.evaluate.meetings import UnknownMeeting, meeting_codes
from vigia.evaluate.recommendations import (
    ADOPTED,
    DRAFT,
    MAX_NOTE_LENGTH,
    MAX_TEXT_LENGTH,
    WITHDRAWN,
    RecommendationView,
    adopt_recommendation,
    draft_recommendations,
    edit_recommendation,
    list_recommendations,
    withdraw_recommendation,
)
from vigia.evaluate.visibility import drafts_readable_by, follow_ups_as_seen_by
from vigia.languages import LANGUAGE_NAMES
from vigia.permissions import can_manage_recommendations, can_read_unpublished
from vigia.publish.labels import LABELS, N_
from vigia.publish.vocabulary import vocabulary
from vigia.reference import countries
from vigia.vocabulary import LARGEST_ID, RECOMMENDATION_STATUSES
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.accounts import member_states
from vigia.web.pages.responses import local_address, redirect_to, show
from vigia.web.pages.routing import PageError, PageRoute, SignedInFormVisitor, SignedInVisitor
from vigia.web.pages.visitor import CurrentVisitor, Visitor

HOME = "/recommendations"
NOT_THE_SECRETARIAT = N_("Only the secretariat drafts, adopts and follows up recommendations.")
NO_SUCH_RECOMMENDATION = N_("There is no such recommendation.")
UNKNOWN_MEETING = N_("No document of this meeting is stored, so it cannot be evaluated.")
UNKNOWN_STATUS = N_("Unknown status.")
UNKNOWN_LANGUAGE = N_("Unknown language.")
NOT_NOW = N_("This cannot be done to the recommendation in its current state.")
EMPTY_TEXT = N_("Write something before sending.")
TEXT_TOO_LONG = N_("The text is too long: at most %(most)s characters.")
NOT_SAVED = N_("The change was not saved: %(reason)s")
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
NOT_A_REVIEWER = N_("Consistency flags are for the secretariat and the focal points.")
OTHER_COUNTRY = N_("You may see the consistency flags of your own country only.")
UNKNOWN_COUNTRY = N_("There is no country with this code.")
#: What each consistency flag is called.
FLAG_NAMES = {
    FIGURE_DISAGREEMENT: N_("Figures that disagree"),
    IDENTIFIED_VS_ASSISTED: N_("More victims assisted than identified"),
    PERSONS_VS_CASES: N_("Persons counted in one source, cases in another"),
}

router = APIRouter(route_class=PageRoute, include_in_schema=False)
CountryFilter = Annotated[str | None, Query(max_length=3)]
RecommendationId = Annotated[int, Path(ge=1, le=LARGEST_ID)]
Back = Annotated[str, Form(max_length=2048)]
Note = Annotated[str, Form(max_length=MAX_NOTE_LENGTH * 2)]


# --- The list -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TypedChange:
    """A refused text or note, to show again in the form of recommendation ``id``."""

    id: int
    form: str
    text: str
    error: str
    error_values: dict[str, Any]


@router.get("/recommendations", response_class=HTMLResponse)
def recommendations_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    meeting: Annotated[str | None, Query(max_length=64)] = None,
    country: CountryFilter = None,
    status_shown: Annotated[str | None, Query(alias="status", max_length=32)] = None,
    done: Annotated[str | None, Query(max_length=32)] = None,
    count: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> HTMLResponse:
    notice = NOTICES.get(done or "")
    drafted = count if done == "draft" else None
    return _list(request, visitor, session, meeting, country, status_shown, notice, drafted)


def _list(
    request: Request,
    visitor: Visitor,
    session: Session,
    meeting: str | None,
    country: str | None,
    status_shown: str | None,
    notice: str | None = None,
    drafted: int | None = None,
    typed: TypedChange | None = None,
) -> HTMLResponse:
    manages = can_manage_recommendations(visitor.principal)
    code = _country_filter(visitor, country)
    shown = _status_filter(visitor, status_shown, manages)
    meetings = meeting_codes(session)
    recommendations = list_recommendations(session, meeting or None, code, shown)
    values = {
        "recommendations": recommendations,
        "follow_ups": latest_follow_ups(
            session, meetings, recommendations, drafts_readable_by(visitor.principal)
        ),
        "meetings": list(reversed(meetings)),
        "meeting": meeting or None,
        "country": code,
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
        "typed": typed,
        "back": _current_address(request),
        "words": vocabulary(visitor.language),
        "most_text": MAX_TEXT_LENGTH,
        "most_note": MAX_NOTE_LENGTH,
    }
    status_code = status.HTTP_200_OK if typed is None else status.HTTP_400_BAD_REQUEST
    return show(request, visitor, "recommendations.html", values, status_code)


def latest_follow_ups(
    session: Session,
    meetings: list[str],
    recommendations: list[RecommendationView],
    sees_drafts: Callable[[str], bool] = lambda _country: True,
) -> dict[int, FollowUpView]:
    """Each adopted recommendation's follow-up at the latest meeting with evidence about it.

    That is the last of ``meetings`` (oldest first) after the recommendation's own where the
    secretariat set a status or the evidence gives one (the state reported); when there is none,
    the last meeting, where the status is "no information". By recommendation id. Computed
    statuses are drafts: only those of states the caller ``sees_drafts`` of are considered.
    """
    waiting = {item.id for item in recommendations if item.status == ADOPTED}
    chosen: dict[int, FollowUpView] = {}
    for meeting in reversed(meetings):
        if not waiting:
            break
        for view in follow_ups_as_seen_by(follow_up(session, meeting), sees_drafts):
            identifier = view.recommendation.id
            if identifier not in waiting:
                continue
            if identifier not in chosen or _says_something(view):
                chosen[identifier] = view
            if _says_something(view):
                waiting.discard(identifier)
    return chosen


def _says_something(view: FollowUpView) -> bool:
    return not view.computed or view.computed_status != FollowUpStatus.NO_INFORMATION


def _status_filter(visitor: Visitor, asked: str | None, manages: bool) -> str | None:
    """The status shown: any the secretariat asks for; adopted ones only for anybody else."""
    if not manages:
        return ADOPTED
    if asked and asked not in RECOMMENDATION_STATUSES:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_STATUS, visitor)
    return asked or None


def _country_filter(visitor: Visitor, asked: str | None) -> str | None:
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


# --- The secretariat's forms --------------------------------------------------------------------


@router.post("/recommendations/draft", response_class=RedirectResponse)
def draft(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    meeting: Annotated[str, Form(min_length=1, max_length=64)],
    language: Annotated[str, Form(max_length=8)] = "",
) -> RedirectResponse:
    chosen = language or visitor.language
    if chosen not in LANGUAGES:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_LANGUAGE, visitor)
    try:
        drafted = draft_recommendations(session, visitor.principal, meeting, chosen)
    except PermissionDenied as error:
        raise PageError(status.HTTP_403_FORBIDDEN, NOT_THE_SECRETARIAT, visitor) from error
    except UnknownMeeting as error:
        raise PageError(status.HTTP_404_NOT_FOUND, UNKNOWN_MEETING, visitor) from error
    query = urlencode({"meeting": meeting, "status": DRAFT, "done": "draft", "count": len(drafted)})
    return redirect_to(request, visitor, f"{HOME}?{query}")


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
        return _list_again(request, visitor, session, back, refused)
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
        return _list_again(request, visitor, session, back, refused)
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
        return _list_again(request, visitor, session, back, refused)
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


def _back_address(back: str) -> str:
    """``back`` if it is the list of recommendations, else the list itself."""
    address = local_address(back, HOME)
    return address if urlsplit(address).path == HOME else HOME


def _back(
    request: Request, visitor: Visitor, back: str, done: str, recommendation_id: int
) -> RedirectResponse:
    address = _back_address(back)
    separator = "&" if "?" in address else "?"
    return redirect_to(
        request, visitor, f"{address}{separator}done={done}#recommendation-{recommendation_id}"
    )


def _list_again(
    request: Request, visitor: Visitor, session: Session, back: str, typed: TypedChange
) -> HTMLResponse:
    """The list the form came from, again, with the refused text and the reason."""
    filters = dict(parse_qsl(urlsplit(_back_address(back)).query))
    return _list(
        request,
        visitor,
        session,
        filters.get("meeting"),
        filters.get("country"),
        filters.get("status"),
        typed=typed,
    )


# --- Consistency flags --------------------------------------------------------------------------


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
