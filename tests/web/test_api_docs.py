"""The API docs keep up with the application: every route documented, every documented route real.

The convention, in docs/api.md and docs/api-evaluation.md: an endpoint is documented by a heading
or a table row that opens with it in backticks, its path exactly as in the OpenAPI schema (path
parameters named as there), optionally followed by its query:

    ### `GET /api/v1/plans/{code}`
    | `GET /api/v1/documents/{document_id}` | one document … |
    ### `GET /api/v1/mappings?meeting=&country=&document_id=`

Any other endpoint in backticks (in prose) and any example request line in a code block
(``GET /api/v1/evaluations/RTP-IV/cri``) must name a route the application serves, pages and
``/docs`` included.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts

from vigia.settings import Settings
from vigia.web.app import create_app

DOCS = Path(__file__).resolve().parents[2] / "docs"
API_DOCS = ("api.md", "api-evaluation.md")
METHODS = "GET|POST|PUT|PATCH|DELETE"
#: `METHOD /path` or `METHOD /path?query`, in backticks.
ENDPOINT = rf"`(?P<method>{METHODS}) (?P<path>/[^`\s?]*)(?:\?[^`]*)?`"
#: A heading or a table row opening with an endpoint: where an endpoint is documented.
DOCUMENTING_LINE = re.compile(rf"^(?:#+|\|) {ENDPOINT}")
MENTION = re.compile(ENDPOINT)
#: A request line in a code block: METHOD, then a path (its query is left out).
EXAMPLE_LINE = re.compile(rf"^(?P<method>{METHODS}) (?P<path>/[^\s?]*)(?:\?\S*)?$")
FENCE = "```"

Endpoint = tuple[str, str]


@pytest.fixture
def app(ready_sqlite_url: str) -> Iterator[FastAPI]:
    application = create_app(Settings(database_url=ready_sqlite_url))
    yield application
    application.state.engine.dispose()


def _lines(text: str) -> Iterator[tuple[bool, str]]:
    """Each line of a Markdown ``text``, with whether it is inside a fenced code block."""
    fenced = False
    for line in text.splitlines():
        if line.lstrip().startswith(FENCE):
            fenced = not fenced
            continue
        yield fenced, line


def documented_endpoints(text: str) -> set[Endpoint]:
    """The endpoints that ``text`` documents: those opening a heading or a table row."""
    found = set()
    for fenced, line in _lines(text):
        match = None if fenced else DOCUMENTING_LINE.match(line)
        if match:
            found.add((match["method"], match["path"]))
    return found


def mentioned_endpoints(text: str) -> set[Endpoint]:
    """Every endpoint ``text`` names: in backticks anywhere, or as a request in a code block."""
    found = set()
    for fenced, line in _lines(text):
        if fenced:
            example = EXAMPLE_LINE.match(line.strip())
            matches = [example] if example else []
        else:
            matches = list(MENTION.finditer(line))
        found.update((match["method"], match["path"]) for match in matches)
    return found


def _docs() -> str:
    return "\n".join((DOCS / name).read_text(encoding="utf-8") for name in API_DOCS)


def _schema_endpoints(app: FastAPI) -> set[Endpoint]:
    paths: dict[str, dict[str, object]] = app.openapi()["paths"]
    return {(method.upper(), path) for path, item in paths.items() for method in item}


def _served(app: FastAPI, method: str, path: str) -> bool:
    """Whether ``app`` has a route for ``method`` and ``path``, pages and ``/docs`` included.

    A template (``/api/v1/jobs/{job_id}``) must be a route's own path, parameter names and all; a
    concrete path (``/api/v1/jobs/3``) must match one. Routers included in the app are walked
    into (FastAPI's ``iter_route_contexts``, as its OpenAPI generation does).
    """
    for route in iter_route_contexts(app.routes):
        if method not in (route.methods or ()):
            continue
        if route.path == path:
            return True
        if "{" not in path and route.path_regex.fullmatch(path):
            return True
    return False


def test_api_docs_every_schema_route_is_documented(app: FastAPI) -> None:
    documented = documented_endpoints(_docs())

    missing = sorted(_schema_endpoints(app) - documented, key=lambda endpoint: endpoint[::-1])

    assert not missing, (
        "routes of the OpenAPI schema with no heading or table row in docs/api.md or "
        "docs/api-evaluation.md (write them as `METHOD /path`, path as in the schema):\n"
        + "\n".join(f"  {method} {path}" for method, path in missing)
    )


def test_api_docs_every_documented_route_exists(app: FastAPI) -> None:
    mentioned = mentioned_endpoints(_docs())

    unknown = sorted(
        (endpoint for endpoint in mentioned if not _served(app, *endpoint)),
        key=lambda endpoint: endpoint[::-1],
    )

    assert not unknown, (
        "docs/api.md or docs/api-evaluation.md name routes the application does not serve:\n"
        + "\n".join(f"  {method} {path}" for method, path in unknown)
    )


def test_api_docs_reader_tells_documenting_lines_from_mentions() -> None:
    text = "\n".join(
        [
            "### `GET /api/v1/plans/{code}`",
            "| `POST /api/v1/documents` | uploads |",
            "### `GET /api/v1/mappings?meeting=&country=`",
            "As `GET /api/v1/areas` gives it.",
            "```",
            "GET /api/v1/evaluations/RTP-IV/cri",
            "PUT /api/v1/recommendations/1/follow-ups/RTP-V",
            '200 {"id": 1}',
            "```",
            "### Facts",
        ]
    )

    assert documented_endpoints(text) == {
        ("GET", "/api/v1/plans/{code}"),
        ("POST", "/api/v1/documents"),
        ("GET", "/api/v1/mappings"),
    }
    assert mentioned_endpoints(text) == documented_endpoints(text) | {
        ("GET", "/api/v1/areas"),
        ("GET", "/api/v1/evaluations/RTP-IV/cri"),
        ("PUT", "/api/v1/recommendations/1/follow-ups/RTP-V"),
    }


def test_api_docs_served_routes_match_templates_and_examples(app: FastAPI) -> None:
    assert _served(app, "GET", "/api/v1/jobs/{job_id}")
    assert _served(app, "GET", "/api/v1/evaluations/RTP-IV/cri")
    assert _served(app, "GET", "/docs")
    assert not _served(app, "GET", "/api/v1/jobs/{id}")
    assert not _served(app, "DELETE", "/api/v1/facts")
