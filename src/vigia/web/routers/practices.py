"""``/api/v1/practices``: the good-practice compendium (see :mod:`vigia.evaluate.practices`); and
``/api/v1/directory``: the national authorities and focal points (:mod:`vigia.evaluate.directory`).

Refusals come from the module (a :class:`~vigia.errors.ReviewError`: 403, 404 or 422).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from vigia.evaluate.directory import directory, remove_entry, save_entry
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


class DirectoryEntryResource(BaseModel):
    id: int
    country: str
    kind: str = Field(description="national_authority or focal_point.")
    institution: str
    name: str | None = Field(description="Null unless you are signed in; so are the next.")
    position: str | None
    email: str | None
    phone: str | None
    address: str | None


class DirectoryList(BaseModel):
    items: list[DirectoryEntryResource]


class NewDirectoryEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    country: str = Field(pattern=r"^[A-Za-z]{3}$")
    kind: str = Field(max_length=32)
    institution: str = Field(max_length=300)
    name: str | None = Field(default=None, max_length=300)
    position: str | None = Field(default=None, max_length=300)
    email: str | None = Field(default=None, max_length=300)
    phone: str | None = Field(default=None, max_length=300)
    address: str | None = Field(default=None, max_length=300)


@router.get("/directory", response_model=DirectoryList, summary="Directory")
def list_directory(
    session: DatabaseSession, caller: CurrentCaller, country: Code = None
) -> DirectoryList:
    """Each state's national authorities and focal points; contact details signed in only."""
    found = directory(session, principal_for(caller), country)
    return DirectoryList(items=[DirectoryEntryResource(**vars(entry)) for entry in found])


@router.post("/directory", response_model=DirectoryEntryResource, summary="Add to the directory")
def post_directory_entry(
    session: DatabaseSession, principal: SignedInPrincipal, new: NewDirectoryEntry
) -> DirectoryEntryResource:
    """Add an entry (the secretariat)."""
    contact = new.model_dump(include={"name", "position", "email", "phone", "address"})
    entry = save_entry(
        session,
        principal,
        country=new.country,
        kind=new.kind,
        institution=new.institution,
        contact=contact,
    )
    return DirectoryEntryResource(**vars(entry))


@router.delete(
    "/directory/{entry_id}", status_code=204, response_class=Response, summary="Remove an entry"
)
def delete_directory_entry(
    session: DatabaseSession, principal: SignedInPrincipal, entry_id: PracticeId
) -> Response:
    """Remove an entry (the secretariat)."""
    remove_entry(session, principal, entry_id)
    return Response(status_code=204)
