"""What the routes of the Work Plan follow-up share: the path and query parameters, who asks, and
the router's options."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, status
from pydantic import AfterValidator

from vigia.domain import LANGUAGES
from vigia.permissions import Principal, principal_for
from vigia.publish.resources import ErrorResponse
from vigia.services.accounts import User
from vigia.vocabulary import LARGEST_ID
from vigia.web.dependencies import CurrentCaller, current_caller
from vigia.web.parameters import LONGEST_LABEL, country_code, label
from vigia.web.routers.api import ERRORS

REFUSED: dict[int | str, dict[str, Any]] = {
    status.HTTP_403_FORBIDDEN: {"model": ErrorResponse, "description": "You may not do this."},
    status.HTTP_404_NOT_FOUND: {"model": ErrorResponse, "description": "No such thing."},
}

MeetingCode = Annotated[
    str, AfterValidator(label), Path(max_length=LONGEST_LABEL, description="A meeting code.")
]
CountryCode = Annotated[
    str,
    AfterValidator(country_code),
    Path(description="An ISO 3166-1 alpha-3 code such as CRI (any case)."),
]
AreaIdentifier = Annotated[str, Path(max_length=LONGEST_LABEL, description="An area's id.")]
PlanCode = Annotated[str, Path(max_length=LONGEST_LABEL, description="A plan's code.")]
ActivityCode = Annotated[str, Path(max_length=LONGEST_LABEL, description="An activity's code.")]
Identifier = Annotated[int, Path(ge=1, le=LARGEST_ID)]
RequiredMeeting = Annotated[
    str,
    AfterValidator(label),
    Query(max_length=LONGEST_LABEL, description="A meeting code.", examples=["RTP-III"]),
]
RecommendationStatus = Annotated[
    Annotated[str, AfterValidator(label)] | None,
    Query(alias="status", max_length=LONGEST_LABEL, description="draft, adopted or withdrawn."),
]
LanguageParameter = Annotated[
    str, Query(pattern=f"^({'|'.join(LANGUAGES)})$", description="Language of the messages.")
]


def caller_principal(caller: CurrentCaller) -> Principal:
    """Who asks: the token's user, or the anonymous principal."""
    return principal_for(caller)


def signed_in_principal(caller: CurrentCaller) -> Principal:
    """The token's user; 401 without a token."""
    return principal_for(signed_in(caller))


CallerPrincipal = Annotated[Principal, Depends(caller_principal)]
SignedInPrincipal = Annotated[Principal, Depends(signed_in_principal)]


def signed_in(caller: User | None) -> User:
    if caller is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "this needs an API token: Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return caller


def evaluation_router() -> APIRouter:
    """A router for one resource of the follow-up: under ``/api/v1``, tagged ``evaluation``, with
    the refusals it answers documented, and the caller read from the API token if one is sent."""
    return APIRouter(
        prefix="/api/v1",
        tags=["evaluation"],
        responses={**ERRORS, **REFUSED},
        dependencies=[Depends(current_caller)],
    )
