"""``GET /api/v1/search``: one search over documents, sentences and facts, in four languages.

See :mod:`vigia.services.search`; the caller reads what they may read (the public: documents
with a published fact, and published facts).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from vigia.permissions import principal_for
from vigia.services.search import ENTRY_KINDS, SearchFilters, search
from vigia.web.dependencies import CurrentCaller, DatabaseSession, current_caller
from vigia.web.routers.api import ERRORS

router = APIRouter(
    prefix="/api/v1", tags=["search"], responses=ERRORS, dependencies=[Depends(current_caller)]
)
CodeQuery = Annotated[str | None, Query(max_length=64, pattern=r"^[A-Za-z0-9_.\-]+$")]


class HitResource(BaseModel):
    kind: str = Field(description="sentence, document or fact.")
    text: str
    highlights: list[tuple[int, int]] = Field(description="Where the matched words are in text.")
    document_id: int | None
    document_title: str | None
    fact_id: int | None
    country: str | None
    area: str | None
    meeting: str | None
    language: str | None
    start: int | None = Field(description="Where the text starts in its document.")
    end: int | None


class FacetValue(BaseModel):
    value: str
    count: int


class SearchPage(BaseModel):
    query: str
    total: int = Field(description="How many matches (a sentence that gives a fact counts once).")
    capped: bool = Field(description="True when there were more matches than are counted.")
    items: list[HitResource]
    facets: dict[str, list[FacetValue]] = Field(description="By country, area, meeting, kind.")
    milliseconds: float


@router.get("/search", response_model=SearchPage, summary="Search")
def search_everything(
    session: DatabaseSession,
    caller: CurrentCaller,
    q: Annotated[str, Query(max_length=200, description="Words, in any of the four languages.")],
    country: CodeQuery = None,
    area: CodeQuery = None,
    meeting: Annotated[str | None, Query(max_length=64)] = None,
    kind: Annotated[str | None, Query(pattern=f"^({'|'.join(ENTRY_KINDS)})$")] = None,
    offset: Annotated[int, Query(ge=0, le=2000)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> SearchPage:
    """The sentences, documents and facts you may read that hold every word of ``q`` (or, for a
    concept of the term list, one of its terms in any language), best first, with facets."""
    country = country.upper() if country else None
    filters = SearchFilters(country=country, area=area, meeting=meeting, kind=kind)
    results = search(session, principal_for(caller), q, filters, offset=offset, limit=limit)
    return SearchPage(
        query=q,
        total=results.total,
        capped=results.capped,
        items=[
            HitResource(
                kind=hit.kind,
                text=hit.text,
                highlights=hit.highlights,
                document_id=hit.document_id,
                document_title=hit.document_title,
                fact_id=hit.fact_id,
                country=hit.country,
                area=hit.area,
                meeting=hit.meeting,
                language=hit.language,
                start=hit.start,
                end=hit.end,
            )
            for hit in results.hits
        ],
        facets={
            name: [FacetValue(value=value, count=count) for value, count in counts]
            for name, counts in results.facets.items()
        },
        milliseconds=round(results.milliseconds, 1),
    )
