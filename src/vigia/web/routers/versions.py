"""``POST /api/v1/versions/compare``: two language versions of one document, compared.

The JSON is :func:`vigia.publish.version_report.comparison_data`'s. Nothing sent is stored.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, UploadFile, status
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from vigia.domain import LANGUAGES
from vigia.ingest import UnreadableFileError
from vigia.publish.version_report import comparison_data
from vigia.services.versions import compare_uploads
from vigia.web.routers.api import ERRORS
from vigia.web.routers.evaluation.common import SignedInPrincipal

#: The largest file taken, as on the page.
MOST_BYTES = 20 * 1024 * 1024
LanguageField = Annotated[
    str | None, Form(pattern=f"^({'|'.join(LANGUAGES)})$", description="Default: detected.")
]

router = APIRouter(prefix="/api/v1", tags=["language versions"], responses=ERRORS)


class VersionResource(BaseModel):
    language: str
    paragraphs: int


class PassageResource(BaseModel):
    number: int = Field(description="The paragraph's number in its version, from 1.")
    start: int = Field(description="Where it starts in the version's text.")
    end: int
    text: str


class DifferenceResource(BaseModel):
    kind: str = Field(
        description="only_in_first, only_in_second, moved, figures, dates, codes, names, "
        "numbering, shorter_in_first or shorter_in_second."
    )
    first: list[PassageResource]
    second: list[PassageResource]
    only_first: list[str] = Field(description="What the first passage has that the second lacks.")
    only_second: list[str]


class ComparisonResource(BaseModel):
    first: VersionResource
    second: VersionResource
    aligned: int = Field(description="How many passages have their counterpart.")
    differences: list[DifferenceResource]


@router.post("/versions/compare", response_model=ComparisonResource, summary="Compare versions")
async def compare_versions(
    principal: SignedInPrincipal,
    first: Annotated[UploadFile, File(description="The first version: text, HTML, DOCX or PDF.")],
    second: Annotated[UploadFile, File(description="The second version.")],
    first_language: LanguageField = None,
    second_language: LanguageField = None,
) -> ComparisonResource:
    """Align two language versions of one document paragraph by paragraph and list where they
    differ, each difference with both passages (signed-in users). 422 for a file that cannot
    be read, with the reason."""
    files = []
    for sent in (first, second):
        data = await sent.read(MOST_BYTES + 1)
        if len(data) > MOST_BYTES:
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_CONTENT,
                f"{sent.filename}: the file is larger than {MOST_BYTES // 1024 // 1024} MB",
            )
        files.append((sent.filename or "file", data))
    try:
        comparison = await run_in_threadpool(
            compare_uploads, files[0], files[1], first_language, second_language
        )
    except UnreadableFileError as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error)) from error
    return ComparisonResource.model_validate(comparison_data(comparison))
