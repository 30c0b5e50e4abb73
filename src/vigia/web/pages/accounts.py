"""``/accounts``: the administrators' page of users: the list, a new user, (de)activating one.

Only administrators see it (anybody else logged in gets 403, an anonymous visitor goes to the
login page). Every form posts with the CSRF token; changes go through
:mod:`vigia.services.accounts`, which checks the input and records them in the audit log. A
refused new user is shown again on the page, with status 400, the reason and what was typed
(except the password).
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.orm import Session

from vigia.permissions import COUNTRY_ROLES, FOCAL_POINT, ROLES
from vigia.publish.labels import N_
from vigia.reference import countries
from vigia.services.accounts import (
    AccountError,
    create_user,
    list_users,
    set_active,
    user_by_id,
)
from vigia.vocabulary import LARGEST_ID
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import redirect_to, show
from vigia.web.pages.routing import PageError, PageRoute, SignedInFormVisitor, SignedInVisitor
from vigia.web.pages.visitor import Visitor

LONGEST_EMAIL = 320
LONGEST_NAME = 255
#: Longest password accepted, so that hashing cannot be made to take long.
LONGEST_PASSWORD = 1024
NOT_AN_ADMINISTRATOR = N_("Accounts are managed by the administrators.")
NO_SUCH_ACCOUNT = N_("There is no such account.")
PASSWORDS_DIFFER = N_("The two passwords are not the same.")
NOT_YOURSELF = N_("You cannot deactivate your own account.")
NOT_CREATED = N_("The account was not created: %(reason)s")
#: The notices shown after a change, by what was done.
NOTICES = {
    "created": N_("Account created."),
    "deactivate": N_("Account deactivated."),
    "activate": N_("Account reactivated."),
}
ACTIVATIONS = {"activate": True, "deactivate": False}

router = APIRouter(route_class=PageRoute, include_in_schema=False)
UserIdentifier = Annotated[int, Path(ge=1, le=LARGEST_ID)]


@router.get("/accounts", response_class=HTMLResponse)
def accounts_page(
    request: Request,
    visitor: SignedInVisitor,
    session: DatabaseSession,
    done: Annotated[str | None, Query(max_length=32)] = None,
) -> HTMLResponse:
    _check_administrator(visitor)
    return _accounts(request, visitor, session, {"notice": NOTICES.get(done or "")})


@router.post("/accounts", response_model=None)
def create_account(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    email: Annotated[str, Form(max_length=LONGEST_EMAIL)] = "",
    display_name: Annotated[str, Form(max_length=LONGEST_NAME)] = "",
    role: Annotated[str, Form(max_length=32)] = "",
    country: Annotated[str, Form(max_length=8)] = "",
    password: Annotated[str, Form(max_length=LONGEST_PASSWORD)] = "",
    password_again: Annotated[str, Form(max_length=LONGEST_PASSWORD)] = "",
) -> HTMLResponse | RedirectResponse:
    _check_administrator(visitor)
    typed = {"email": email, "display_name": display_name, "role": role, "country": country}
    if password != password_again:
        return _refused(request, visitor, session, typed, PASSWORDS_DIFFER, {})
    try:
        create_user(
            session,
            email,
            password,
            role,
            country=country if role in COUNTRY_ROLES else None,
            display_name=display_name,
            actor=visitor.user,
        )
    except AccountError as error:
        return _refused(request, visitor, session, typed, NOT_CREATED, {"reason": str(error)})
    return redirect_to(request, visitor, "/accounts?done=created")


@router.post("/accounts/{user_id}/{action}", response_class=RedirectResponse)
def change_activity(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    user_id: UserIdentifier,
    action: Annotated[str, Path(max_length=32)],
) -> RedirectResponse:
    _check_administrator(visitor)
    if action not in ACTIVATIONS:
        raise PageError(status.HTTP_404_NOT_FOUND, None, visitor)
    user = user_by_id(session, user_id)
    if user is None:
        raise PageError(status.HTTP_404_NOT_FOUND, NO_SUCH_ACCOUNT, visitor)
    if visitor.user is not None and user.id == visitor.user.id and not ACTIVATIONS[action]:
        raise PageError(status.HTTP_400_BAD_REQUEST, NOT_YOURSELF, visitor)
    set_active(session, user, ACTIVATIONS[action], actor=visitor.user)
    return redirect_to(request, visitor, f"/accounts?done={action}")


def _check_administrator(visitor: Visitor) -> None:
    if not visitor.manages_accounts:
        raise PageError(status.HTTP_403_FORBIDDEN, NOT_AN_ADMINISTRATOR, visitor)


def _refused(
    request: Request,
    visitor: Visitor,
    session: Session,
    typed: dict[str, str],
    message: str,
    message_values: dict[str, str],
) -> HTMLResponse:
    """The page again, with status 400, why the user was not created and what was typed."""
    values = {"form": typed, "error": message, "error_values": message_values}
    return _accounts(request, visitor, session, values, status.HTTP_400_BAD_REQUEST)


def _accounts(
    request: Request,
    visitor: Visitor,
    session: Session,
    values: dict[str, Any],
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    page_values = {
        "users": list_users(session),
        "roles": ROLES,
        "member_states": member_states(visitor.language),
        "form": {"email": "", "display_name": "", "role": FOCAL_POINT, "country": ""},
        "notice": None,
        **values,
    }
    return show(request, visitor, "accounts.html", page_values, status_code)


def member_states(language: str) -> list[tuple[str, str]]:
    """The OAS member states as (code, name in ``language``), by name."""
    members = [
        (code, country.names.get(language, code))
        for code, country in countries().items()
        if country.oas_member
    ]
    return sorted(members, key=lambda member: _sort_key(member[1]))


def _sort_key(name: str) -> str:
    """``name`` without its accents, so that Équateur sorts among the E."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))
