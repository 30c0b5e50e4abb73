"""Who is looking at a page: their language, their login session, their account and permissions.

:func:`current_visitor` is the dependency every page takes. It reads the session cookie (a new
anonymous session, with its CSRF token, is started when there is none or it is not valid), loads
the session's user (a deactivated or deleted one, or a login ended on the server, makes the
visitor anonymous) and chooses the
language. :func:`remember` writes back the cookies a response must carry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, cast

from fastapi import Depends, Request, Response
from sqlalchemy.orm import Session

from vigia.permissions import (
    Principal,
    can_manage_accounts,
    can_publish,
    can_read_audit_log,
    principal_for,
    review_scope,
)
from vigia.services.accounts import User, user_by_id
from vigia.services.logins import login_session_is_open
from vigia.settings import Settings
from vigia.web import i18n
from vigia.web.dependencies import database_session
from vigia.web.sessions import SESSION_COOKIE, LoginSession, SessionCodec

#: How long the language cookie lasts: a year.
LANGUAGE_COOKIE_LIFETIME = 365 * 24 * 60 * 60


@dataclass(frozen=True)
class Visitor:
    """The person behind a request, as the pages see them."""

    language: str
    login: LoginSession
    user: User | None
    principal: Principal
    #: Whether the session cookie must be sent (new session, or one that changed).
    login_changed: bool = False

    @property
    def csrf_token(self) -> str:
        return self.login.csrf_token

    @property
    def user_label(self) -> str:
        if self.user is None:
            return ""
        return self.user.display_name or self.user.email

    @property
    def is_reviewer(self) -> bool:
        """Whether the visitor reviews the facts of some country."""
        return not review_scope(self.principal).is_empty

    @property
    def publishes(self) -> bool:
        return can_publish(self.principal)

    @property
    def sees_audit(self) -> bool:
        """The audit log is for the secretariat (and the administrators, who manage accounts)."""
        return can_read_audit_log(self.principal)

    @property
    def manages_accounts(self) -> bool:
        """Whether the visitor creates and deactivates accounts: the administrators."""
        return can_manage_accounts(self.principal)

    def logged_in(self, user: User, key: str) -> Visitor:
        """The same visitor logged in as ``user`` (login ``key``), with a new CSRF token."""
        return Visitor(
            self.language,
            LoginSession.fresh(user.id, key=key),
            user,
            principal_for(user),
            login_changed=True,
        )

    def logged_out(self) -> Visitor:
        return Visitor(
            self.language,
            LoginSession.fresh(),
            None,
            Principal.anonymous(),
            login_changed=True,
        )


def session_codec(request: Request) -> SessionCodec:
    settings = cast(Settings, request.app.state.settings)
    return SessionCodec(settings.signing_key())


def request_language(request: Request) -> str:
    """The language of a request, without the database (error pages use it too)."""
    return i18n.choose_language(
        request.query_params.get("lang"),
        request.cookies.get(i18n.LANGUAGE_COOKIE),
        request.headers.get("Accept-Language"),
    )


def current_visitor(
    request: Request, session: Annotated[Session, Depends(database_session)]
) -> Visitor:
    login = session_codec(request).decode(request.cookies.get(SESSION_COOKIE))
    changed = login is None
    if login is None:
        login = LoginSession.fresh()
    user = None if login.user_id is None else user_by_id(session, login.user_id)
    if login.user_id is not None and (
        user is None
        or not user.is_active
        or not login_session_is_open(session, login.key, login.user_id)
    ):
        user, login, changed = None, LoginSession.fresh(), True
    return Visitor(
        request_language(request),
        login,
        user,
        principal_for(user),
        login_changed=changed,
    )


CurrentVisitor = Annotated[Visitor, Depends(current_visitor)]


def remember(request: Request, response: Response, visitor: Visitor | None) -> None:
    """Set the cookies ``response`` must carry: a new or changed session, an asked language."""
    secure = request.url.scheme == "https"
    if visitor is not None and visitor.login_changed:
        response.set_cookie(
            SESSION_COOKIE,
            session_codec(request).encode(visitor.login),
            httponly=True,
            samesite="lax",
            secure=secure,
            path="/",
        )
    language = i18n.supported(request.query_params.get("lang"))
    if language is not None:
        response.set_cookie(
            i18n.LANGUAGE_COOKIE,
            language,
            max_age=LANGUAGE_COOKIE_LIFETIME,
            samesite="lax",
            secure=secure,
            path="/",
        )
