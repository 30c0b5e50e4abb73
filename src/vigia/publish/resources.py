"""What the JSON API answers: Pydantic models, which also give the OpenAPI description.

A fact has the extraction contract's shape (``docs/extraction-contract.md``) plus ``id``,
``status`` and the ``document`` it came from.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    status: int = Field(description="The HTTP status code, repeated.", examples=[404])
    message: str = Field(description="What went wrong, in one line.")


class ErrorResponse(BaseModel):
    """The body of every error the service answers."""

    error: ErrorDetail


class Health(BaseModel):
    status: str = Field(description='"ok", or "unavailable" with status code 503.')
    database: str = Field(description='"ok", or "unreachable".')
    schema_revision: str | None = Field(
        serialization_alias="schema", description="The Alembic revision the database is at."
    )


class CountryResource(BaseModel):
    iso3: str = Field(examples=["CRI"])
    iso2: str = Field(examples=["CR"])
    names: dict[str, str] = Field(description="Display names keyed by language: es, en, fr, pt.")
    oas_member: bool


class CountryList(BaseModel):
    items: list[CountryResource]
    total: int


class IndicatorResource(BaseModel):
    name: str = Field(examples=["persons_trained"])
    unit: str = Field(examples=["persons"])
    core: bool
    labels: dict[str, str] = Field(description="Labels keyed by language: es, en, fr, pt.")
    description: str


class IndicatorList(BaseModel):
    items: list[IndicatorResource]
    total: int


class MeetingResource(BaseModel):
    code: str = Field(examples=["RTP-III"])
    documents: int = Field(description="How many stored documents belong to the meeting.")


class MeetingList(BaseModel):
    items: list[MeetingResource]
    total: int


class DocumentReference(BaseModel):
    """The document a fact or event came from; its details are at /api/v1/documents/{id}."""

    id: int
    file_name: str = Field(description="The name of the file it was ingested from, no folder.")
    title: str | None
    code: str | None = Field(description="The document's own code, e.g. RTP-III/INF. 5/12.")
    meeting: str | None = Field(description="The code of the meeting it belongs to.")


class Evidence(BaseModel):
    start: int = Field(description="Offset of the sentence in the document's text (0-based).")
    end: int = Field(description="Offset just after the sentence.")
    page: int | None
    text: str = Field(description="The sentence.")


class FactResource(BaseModel):
    id: int
    status: str = Field(description="proposed when extracted; published once reviewed.")
    document: DocumentReference
    country: str | None = Field(description="ISO 3166-1 alpha-3 code of the owner, if a country.")
    actor: str | None = Field(description="The organisation owning the figure, e.g. IOM.")
    region: str | None
    indicator: str
    value: int | float = Field(description="The figure; the upper bound of a range.")
    value_min: int | float | None = Field(description="The lower bound of a range.")
    qualifier: str = Field(description="exact, at_least, at_most, approximately or planned.")
    year: int | None = Field(description="The year the figure refers to, if the text gives one.")
    unit: str
    evidence: Evidence
    extracted: dict[str, Any] | None = Field(
        default=None,
        description="The figure as extracted (indicator, value, value_min, qualifier, year) when "
        "reviewers corrected it; null otherwise.",
    )
    confidence: float | None = Field(
        default=None,
        description="How sure the extractor was of the figure it proposed, from 0 to 1: how often "
        "figures read the same way are right on annotated documents. Null for facts stored "
        "before Vigía measured it.",
    )


class Page(BaseModel):
    total: int = Field(description="How many items match, over all pages.")
    limit: int
    offset: int


class FactPage(Page):
    items: list[FactResource]


class EventResource(BaseModel):
    id: int
    document: DocumentReference
    country: str | None
    kind: str = Field(examples=["law_adopted"])
    year: int | None
    evidence: Evidence


class EventPage(Page):
    items: list[EventResource]


class SectionResource(BaseModel):
    order: int
    kind: str = Field(description="country, actor or general.")
    country: str | None
    actor: str | None
    code: str | None
    language: str | None
    heading: str
    start: int
    end: int


class DocumentSummary(BaseModel):
    id: int
    file_name: str
    title: str | None
    language: str | None
    media_type: str
    code: str | None
    meeting: str | None
    sha256: str
    created_at: datetime
    text_available: bool = Field(
        description="Whether the caller may read the text (see /api/v1/documents/{id})."
    )


class DocumentPage(Page):
    items: list[DocumentSummary]


class DocumentDetail(DocumentSummary):
    sections: list[SectionResource]
    page_starts: list[int] = Field(description="Offset in the text where each page starts.")
    text: str | None = Field(description="The text Vigía read, or null when not available.")
