"""The API of the protected statistics: released tables of the case registers, and the ledger.

Released tables are public, with their method; the secretariat releases them. Nothing here reads a
record, let alone its identifying fields: only counts as released.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, status
from pydantic import BaseModel, ConfigDict, Field

from vigia.evaluate.releases import Release, find_release, ledger, release_table, releases
from vigia.web.dependencies import DatabaseSession
from vigia.web.routers.api import ERRORS
from vigia.web.routers.evaluation.common import SignedInPrincipal

router = APIRouter(prefix="/api/v1", tags=["protected statistics"], responses=ERRORS)


class CellResource(BaseModel):
    categories: dict[str, str] = Field(description="By dimension: its category, or * for a total.")
    count: int | None = Field(description="The published count; null when suppressed.")


class ReleaseResource(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: int
    register_code: str = Field(alias="register")
    dimensions: list[str]
    scope: str | None
    mechanism: str = Field(description="suppression or laplace.")
    k: int | None
    epsilon: float | None
    years: list[int] = Field(description="The years of records it counts (and spent ε on).")
    records: int = Field(description="The published grand total.")
    approved_at: datetime
    method: str = Field(description="How the counts were protected, in words.")
    cells: list[CellResource]


class ReleaseList(BaseModel):
    items: list[ReleaseResource]


class ReleaseRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    register_code: str = Field(alias="register", max_length=32, examples=["CTDC"])
    dimensions: list[str] = Field(
        min_length=2, max_length=3, examples=[["year", "sex", "exploitation"]]
    )
    scope: str | None = Field(default=None, max_length=32, examples=["americas"])
    mechanism: str = Field(default="suppression", max_length=32, examples=["laplace"])
    epsilon: float | None = Field(default=None, examples=[1.0])


class LedgerYearResource(BaseModel):
    year: int
    spent: float
    budget: float
    left: float


class LedgerResource(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    register_code: str = Field(alias="register")
    items: list[LedgerYearResource]


def method_note(release: Release) -> str:
    """How a release protected its counts, in words (English; the pages translate theirs)."""
    if release.epsilon is not None:
        return (
            f"Counts with discrete Laplace noise of scale {1 / release.epsilon:g} "
            f"(ε = {release.epsilon:g}, δ = 0); negative counts set to 0; totals are the sums of "
            "the noisy counts."
        )
    return (
        f"Cells of 1 to {(release.k or 0) - 1} records suppressed, and further cells so that "
        "none can be worked out from the totals."
    )


def release_resource(release: Release) -> ReleaseResource:
    return ReleaseResource(
        id=release.id,
        register=release.register,
        dimensions=list(release.dimensions),
        scope=release.scope,
        mechanism=release.mechanism,
        k=release.k,
        epsilon=release.epsilon,
        years=list(release.years),
        records=release.records,
        approved_at=release.approved_at,
        method=method_note(release),
        cells=[
            CellResource(categories=dict(zip(release.dimensions, key, strict=True)), count=value)
            for key, value in release.cells.items()
        ],
    )


@router.get("/releases", response_model=ReleaseList, summary="Released tables")
def get_releases(
    session: DatabaseSession,
    register: Annotated[str | None, Query(max_length=32)] = None,
) -> ReleaseList:
    """Every table released from the case registers, newest first, each with its method. Public."""
    return ReleaseList(items=[release_resource(item) for item in releases(session, register)])


@router.get("/releases/ledger", response_model=LedgerResource, summary="Privacy-budget ledger")
def get_ledger(
    session: DatabaseSession, register: Annotated[str, Query(max_length=32)]
) -> LedgerResource:
    """What each year of a register's records has spent of its ε budget. Public."""
    items = [
        LedgerYearResource(year=entry.year, spent=entry.spent, budget=entry.budget, left=entry.left)
        for entry in ledger(session, register)
    ]
    return LedgerResource(register=register.upper(), items=items)


@router.get("/releases/{release_id}", response_model=ReleaseResource, summary="A released table")
def get_release(
    session: DatabaseSession, release_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
) -> ReleaseResource:
    """One released table. Public."""
    found = find_release(session, release_id)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no release {release_id}")
    return release_resource(found)


@router.post("/releases", response_model=ReleaseResource, summary="Release a table")
def post_release(
    session: DatabaseSession, principal: SignedInPrincipal, body: ReleaseRequest
) -> ReleaseResource:
    """Release a table (the secretariat): counted, protected, published, and spent from the
    ledger; the same release asked again is the stored one (nothing spent). 422 when the budget
    would be exceeded, or the table would difference an earlier one."""
    dimensions = tuple(body.dimensions)
    release = release_table(
        session,
        principal,
        body.register_code,
        dimensions,
        scope=body.scope,
        mechanism=body.mechanism,
        epsilon=body.epsilon,
    )
    return release_resource(release)
