"""``/versions``: two language versions of one document, sent from the page and compared.

The page takes two files (text, HTML, Word or PDF) and, optionally, their languages; it shows each
difference with both passages side by side, what differs marked. Nothing sent is stored. For
signed-in users: authorities and the secretariat checking the versions of a text they adopt.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from vigia.domain import LANGUAGES
from vigia.ingest import UnreadableFileError
from vigia.languages import LANGUAGE_NAMES
from vigia.publish.labels import N_
from vigia.publish.version_report import marked
from vigia.services.versions import compare_uploads
from vigia.versions import VersionComparison
from vigia.web.pages.responses import show
from vigia.web.pages.routing import PageRoute, SignedInFormVisitor, SignedInVisitor
from vigia.web.pages.visitor import Visitor

NO_FILES = N_("Choose the two versions to compare.")
TOO_LARGE = N_("The file is too large.")
#: The largest file taken from the page.
MOST_BYTES = 20 * 1024 * 1024

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/versions", response_class=HTMLResponse)
def versions_page(request: Request, visitor: SignedInVisitor) -> HTMLResponse:
    return _page(request, visitor)


@router.post("/versions", response_class=HTMLResponse)
async def compare(request: Request, visitor: SignedInFormVisitor) -> HTMLResponse:
    fields = await request.form()
    files = []
    for name in ("first", "second"):
        sent = fields.get(name)
        if not isinstance(sent, UploadFile) or not sent.filename:
            return _page(request, visitor, error=NO_FILES, status_code=400)
        data = await sent.read(MOST_BYTES + 1)
        if len(data) > MOST_BYTES:
            return _page(request, visitor, error=TOO_LARGE, status_code=400)
        files.append((sent.filename, data))
    languages = (_language(fields, "first_language"), _language(fields, "second_language"))
    try:
        comparison = await run_in_threadpool(compare_uploads, files[0], files[1], *languages)
    except UnreadableFileError as error:
        return _page(request, visitor, error=str(error), status_code=400)
    names = (files[0][0], files[1][0])
    return _page(request, visitor, comparison=comparison, names=names)


def _language(fields: FormData, name: str) -> str | None:
    value = fields.get(name)
    return value if isinstance(value, str) and value in LANGUAGES else None


def _page(
    request: Request,
    visitor: Visitor,
    *,
    comparison: VersionComparison | None = None,
    names: tuple[str, str] = ("", ""),
    error: str | None = None,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    values = {
        "comparison": comparison,
        "names": names,
        "error": error,
        "languages": LANGUAGE_NAMES,
        "marked": marked,
    }
    return show(request, visitor, "versions.html", values, status_code)
