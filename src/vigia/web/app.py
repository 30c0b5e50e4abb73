"""The web service: an ASGI application (FastAPI) over Vigía's database, and its uvicorn server.

    app = create_app(Settings.from_environment())

opens a database already at the latest schema (``vigia db upgrade`` makes it so), then serves
``GET /healthz``, the pages (logins, review, uploads), the JSON API under ``/api/v1`` (reads, and
writes with a token), its OpenAPI description at ``/openapi.json`` and browsable docs at ``/docs``.
The engine is disposed of when the application shuts down.
"""

from __future__ import annotations

import errno
import os
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace

import uvicorn
from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess

from vigia import __version__
from vigia.services.databases import open_engine, sessions_for
from vigia.settings import Settings
from vigia.web.errors import install_error_handlers
from vigia.web.input_guard import RefuseNulMiddleware
from vigia.web.pages import router as pages_router
from vigia.web.public_cache import PublicCache
from vigia.web.routers import (
    api,
    evaluation,
    health,
    practices,
    releases,
    search,
    statistics,
    upload_pages,
    uploads,
    versions,
    who_can_help,
)
from vigia.web.shared_answers import SharedAnswers

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
    """The application on ``settings.database_url``, which must be at the latest schema.

    Nothing is created or migrated here (``vigia db upgrade`` does that): a database that cannot be
    opened raises DatabaseError, one without Vigía's latest schema SchemaNotReady.
    """
    engine = open_engine(settings.database_url)
    app = FastAPI(
        title=TITLE,
        version=__version__,
        description=DESCRIPTION,
        lifespan=_lifespan,
        # /docs is a page of Vigía's own (vigia.web.pages.api_docs), with no outside assets.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = sessions_for(engine)
    install_error_handlers(app)
    app.add_middleware(
        PublicCache,
        engine=engine,
        signing_key=settings.signing_key(),
        shared=None if settings.redis_url is None else SharedAnswers(settings),
    )
    app.add_middleware(RefuseNulMiddleware)
    app.include_router(health.router)
    app.include_router(api.router)
    app.include_router(evaluation.router)
    app.include_router(statistics.router)
    app.include_router(releases.router)
    app.include_router(versions.router)
    app.include_router(search.router)
    app.include_router(who_can_help.router)
    app.include_router(practices.router)
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


def app_from_environment() -> FastAPI:
    """:func:`create_app` on the settings of the environment: what each worker of
    :func:`serve_with_workers` runs."""
    return create_app(Settings.from_environment())


def check_database(url: str) -> None:
    """Raise what :func:`create_app` would for the database at ``url`` (not ready, unreachable)."""
    open_engine(url).dispose()


def serve_with_workers(
    settings: Settings, listener: socket.socket, log_level: str = "info"
) -> None:
    """Serve on ``listener`` with ``settings.workers`` processes until Ctrl+C or SIGTERM.

    Each worker builds the application from the environment, which is set from ``settings``
    first (the database, the signing key, the upload limit), so every worker signs and reads login
    sessions alike; logins and their throttle live in the database, which they share.
    """
    os.environ.update(
        {
            "VIGIA_DATABASE_URL": settings.database_url,
            "VIGIA_SECRET_KEY": settings.signing_key(),
            "VIGIA_MAX_UPLOAD_BYTES": str(settings.max_upload_bytes),
            "VIGIA_INSTANCE": settings.instance,
            **({"VIGIA_REDIS_URL": settings.redis_url} if settings.redis_url else {}),
        }
    )
    config = uvicorn.Config(
        f"{__name__}:app_from_environment",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        log_level=log_level,
    )
    Multiprocess(config, sockets=[listener]).run()


#: Connections the system holds for the server while it starts (uvicorn's own default).
LISTEN_BACKLOG = 2048


class ListenError(Exception):
    """An address and port the server cannot listen on. ``str()`` is one line, fit to show."""


def listening_socket(settings: Settings) -> socket.socket:
    """A socket listening on ``settings.host`` and ``settings.port``, for ``Server.run(sockets=…)``.

    Binding before anything is printed means a port already in use fails at once, with
    :class:`ListenError`, instead of after the server announced its address; listening at once
    means a client that connects as soon as the address is printed waits instead of being refused.
    """
    where = f"{settings.host}:{settings.port}"
    try:
        family, kind, protocol, _, address = socket.getaddrinfo(
            settings.host, settings.port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as error:
        raise ListenError(
            f"cannot listen on {where}: unknown address ({error.strerror})"
        ) from error
    listener = socket.socket(family, kind, protocol)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(address)
    except OSError as error:
        listener.close()
        reason = "the port is already in use" if error.errno == errno.EADDRINUSE else error.strerror
        raise ListenError(f"cannot listen on {where}: {reason}") from error
    listener.listen(LISTEN_BACKLOG)
    listener.set_inheritable(True)
    return listener


def bound_settings(settings: Settings, listener: socket.socket) -> Settings:
    """``settings`` with the port the socket really got (port 0 asks for any free one)."""
    return replace(settings, port=int(listener.getsockname()[1]))


def base_url(settings: Settings) -> str:
    """``http://HOST:PORT``, with an IPv6 address in brackets."""
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    return f"http://{host}:{settings.port}"
