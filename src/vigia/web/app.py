"""The web service: an ASGI application (FastAPI) over Vigía's database, and its uvicorn server.

    app = create_app(Settings.from_environment())

opens the database (migrating it to the latest schema), then serves ``GET /healthz``, the read-only
JSON API under ``/api/v1``, its OpenAPI description at ``/openapi.json`` and browsable docs at
``/docs``. The engine is disposed of when the application shuts down.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import uvicorn
from fastapi import FastAPI

from vigia import __version__
from vigia.settings import Settings
from vigia.store.database import open_database, session_factory
from vigia.web.errors import install_error_handlers
from vigia.web.pages import router as pages_router
from vigia.web.routers import api, evaluation, health, upload_pages, uploads

TITLE = "Vigía"
DESCRIPTION = (
    "Sourced facts on trafficking in persons from the reports of the OAS member states. "
    "Without an API token you see published facts; see docs/api.md."
)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.engine.dispose()


def create_app(settings: Settings) -> FastAPI:
    """The application on ``settings.database_url``; DatabaseError if it cannot be opened."""
    engine = open_database(settings.database_url)
    app = FastAPI(title=TITLE, version=__version__, description=DESCRIPTION, lifespan=_lifespan)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = session_factory(engine)
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(api.router)
    app.include_router(evaluation.router)
    app.include_router(uploads.router)
    app.include_router(upload_pages.router)
    app.include_router(pages_router)
    return app


def build_server(settings: Settings, log_level: str = "info") -> uvicorn.Server:
    """A uvicorn server for :func:`create_app` on ``settings.host`` and ``settings.port``."""
    config = uvicorn.Config(
        create_app(settings), host=settings.host, port=settings.port, log_level=log_level
    )
    return uvicorn.Server(config)


def base_url(settings: Settings) -> str:
    """``http://HOST:PORT``, with an IPv6 address in brackets."""
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    return f"http://{host}:{settings.port}"
