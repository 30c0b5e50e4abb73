"""``/static/{name}``: the pages' own style sheet, scripts and icon; ``/static/vega/vega.js``, the
charts' library, from the installed vl-convert package."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources

from fastapi import APIRouter, status
from fastapi.responses import Response

from vigia.publish.charts import vega_bundle
from vigia.web.pages.routing import PageError, PageRoute

MEDIA_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
}
#: A day: the files change only with a new version of Vigía.
CACHE_SECONDS = 24 * 60 * 60

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@cache
def static_files() -> dict[str, bytes]:
    """Every file of ``vigia/web/static`` with a known type, read once."""
    folder = resources.files("vigia.web") / "static"
    files = {}
    for entry in folder.iterdir():
        if entry.is_file() and any(entry.name.endswith(suffix) for suffix in MEDIA_TYPES):
            files[entry.name] = entry.read_bytes()
    return files


@router.get("/static/{name}")
def static_file(name: str) -> Response:
    return asset_response(static_files(), name)


@router.get("/static/vega/vega.js")
def vega_script() -> Response:
    """Vega-Embed with Vega and Vega-Lite, from the installed vl-convert: the report pages'
    interactive charts."""
    return asset_response({"vega.js": vega_bundle()}, "vega.js")


def asset_response(files: Mapping[str, bytes], name: str) -> Response:
    """The file ``name`` of ``files``, with its media type and a day's caching; 404 if none."""
    content = files.get(name)
    if content is None:
        raise PageError(status.HTTP_404_NOT_FOUND)
    media_type = next(kind for suffix, kind in MEDIA_TYPES.items() if name.endswith(suffix))
    return Response(
        content,
        media_type=media_type,
        headers={
            "Cache-Control": f"public, max-age={CACHE_SECONDS}",
            "X-Content-Type-Options": "nosniff",
        },
    )
