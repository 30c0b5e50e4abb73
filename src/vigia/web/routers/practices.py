"""``/api/v1/practices``: the good-practice compendium (see :mod:`vigia.evaluate.practices`).

Refusals come from the module (a :class:`~vigia.errors.ReviewError`: 403, 404 or 422).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from vigia.evaluate.practices import (
    Practice,
    add_practice,
    curate_practice,
    describe_practice,
    practices,
)
from vigia.permissions import principal_for
from vigia.vocabulary import LARGEST_ID
from vigia.web.dependencies import CurrentCaller, DatabaseSession, current_caller
from vigia.web.routers.api import ERRORS
from vigia.web.routers.evaluation.common import SignedInPrincipal

router = APIRouter(
    prefix="/api/v1", tags=["exchange"], responses=ERRORS, dependencies=[Depends(current_caller)]
)
Code = Annotated[str | None, Query(max_length=64)]
PracticeId = Annotated[int, Path(ge=1, le=LARGEST_ID)]


class PracticeResource(BaseModel):
    id: int
    country: str
    area: str | None
    kind: str
    title: str
    description: str | None
    contact: str | None
    status: str = Field(description="proposed, public or hidden.")
    confidence: float | None = Field(description="The component's, for a practice read.")
    component: str = Field(description="practices (read from a report) or focal_point.")
    meeting: str | None
    document_id: int | None
    sentence: str | None

    @classmethod
    def of(cls, practice: Practice) -> PracticeResource:
        fields = {name: getattr(practice, name) for name in cls.model_fields}
        return cls(**fields)


class PracticeList(BaseModel):
    items: list[PracticeResource]


class NewPractice(BaseModel):
    model_config = ConfigDict(extra="forbid")

    country: str = Field(pattern=r"^[A-Za-z]{3}$")
    kind: str = Field(max_length=32)
    title: str = Field(max_length=4000)
    area: str | None = Field(default=None, max_length=64)
    description: str | None = Field(default=None, max_length=4000)
    contact: str | None = Field(default=None, max_length=300)


class PracticeDescription(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str | None = Field(default=None, max_length=4000)
    contact: str | None = Field(default=None, max_length=300)


class Curation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Literal["publish", "hide"]


@router.get("/practices", response_model=PracticeList, summary="Good practices")
def list_practices(
    session: DatabaseSession,
    caller: CurrentCaller,
    country: Code = None,
    area: Code = None,
    kind: Code = None,
    status: Code = None,
) -> PracticeList:
    """The practices you may see: the public ones; your state's too (focal points); all."""
    found = practices(
        session,
        principal_for(caller),
        country=country.upper() if country else None,
        area=area,
        kind=kind,
        status=status,
    )
    return PracticeList(items=[PracticeResource.of(p) for p in found])


@router.post("/practices", response_model=PracticeResource, summary="Add a practice")
def post_practice(
    session: DatabaseSession, principal: SignedInPrincipal, new: NewPractice
) -> PracticeResource:
    """Add a practice of your state (focal points) or of any (secretariat); it is proposed."""
    added = add_practice(
        session,
        principal,
        new.country,
        kind=new.kind,
        title=new.title,
        area=new.area,
        description=new.description,
        contact=new.contact,
    )
    return PracticeResource.of(added)


@router.patch(
    "/practices/{practice_id}", response_model=PracticeResource, summary="Describe a practice"
)
def patch_practice(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    practice_id: PracticeId,
    change: PracticeDescription,
) -> PracticeResource:
    """Set the description and the contact of a practice of your state."""
    described = describe_practice(
        session, principal, practice_id, description=change.description, contact=change.contact
    )
    return PracticeResource.of(described)


@router.post(
    "/practices/{practice_id}/curation",
    response_model=PracticeResource,
    summary="Publish or hide a practice",
)
def post_curation(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    practice_id: PracticeId,
    curation: Curation,
) -> PracticeResource:
    """Make a practice public, or hide it (the secretariat)."""
    return PracticeResource.of(curate_practice(session, principal, practice_id, curation.action))
