"""``/docs``: the JSON API's browsable docs (Swagger UI), served whole from this server.

Swagger UI's style sheet and script (Swagger UI 5, which reads OpenAPI 3.1) come from the
``fastapi-offline`` package, installed from PyPI with Vigía, and are served under
``/static/swagger-ui/``; the page's own start-up script is
``/static/api-docs.js``. Nothing is fetched from another host, and the page keeps the pages'
security headers, images given inline by Swagger UI's style sheet (``data:``) aside.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from vigia.web.pages.responses import show
from vigia.web.pages.routing import PageRoute
from vigia.web.pages.static import asset_response
from vigia.web.pages.visitor import CurrentVisitor

#: The files of Swagger UI that the page uses; nothing else of the package is served.
SWAGGER_UI_FILES = ("swagger-ui.css", "swagger-ui-bundle.js")
#: The pages' policy, with the inline images of Swagger UI's style sheet allowed.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)

router = APIRouter(route_class=PageRoute, include_in_schema=False)


def swagger_ui_folder() -> Traversable:
    """The folder of Swagger UI's files in the installed ``fastapi-offline`` package."""
    return resources.files("fastapi_offline") / "static"


@cache
def swagger_ui_files() -> dict[str, bytes]:
    """The contents of :data:`SWAGGER_UI_FILES`, read once."""
    folder = swagger_ui_folder()
    return {name: (folder / name).read_bytes() for name in SWAGGER_UI_FILES}


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request, visitor: CurrentVisitor) -> HTMLResponse:
    response = show(request, visitor, "api-docs.html", {"openapi_url": request.app.openapi_url})
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response


@router.get("/static/swagger-ui/{name}")
def swagger_ui_file(name: str) -> Response:
    return asset_response(swagger_ui_files(), name)
