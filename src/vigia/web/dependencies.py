"""What routes receive from FastAPI: a database session per request and the caller.

The caller is anonymous (None) without an ``Authorization`` header, or the active user owning the
API token of ``Authorization: Bearer <token>``. Any other ``Authorization`` header, or a token
that is unknown, revoked or of a deactivated user, is refused with 401.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, cast

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from vigia.services.accounts import User, user_for_token

BEARER = "bearer"
#: Documents the bearer scheme in OpenAPI; the header itself is checked in :func:`current_caller`.
bearer_scheme = HTTPBearer(
    auto_error=False,
    description="An API token made with `vigia users token`; without one, you see published facts.",
)


def database_engine(request: Request) -> Engine:
    """The application's engine (see :func:`vigia.web.app.create_app`)."""
    return cast(Engine, request.app.state.engine)


def database_session(request: Request) -> Iterator[Session]:
    """A session for one request, closed once the response has been sent."""
    sessions = cast(sessionmaker[Session], request.app.state.sessions)
    with sessions() as session:
        yield session


DatabaseSession = Annotated[Session, Depends(database_session)]


def current_caller(
    request: Request,
    session: DatabaseSession,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> User | None:
    """The user of the request's API token, None without one; 401 for a token refused."""
    header = request.headers.get("Authorization")
    if header is None:
        return None
    scheme, _, secret = header.strip().partition(" ")
    if scheme.lower() != BEARER or not secret.strip():
        raise _unauthorized("the Authorization header must be 'Bearer <API token>'")
    user = user_for_token(session, secret.strip())
    if user is None:
        raise _unauthorized("the API token is unknown, revoked or of a deactivated user")
    return user


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, message, headers={"WWW-Authenticate": "Bearer"}
    )


CurrentCaller = Annotated[User | None, Depends(current_caller)]
