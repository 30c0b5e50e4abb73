"""``vigia serve``: the web application (pages, JSON API, health check, API docs) under uvicorn."""

from __future__ import annotations

from dataclasses import replace

import click

from vigia.cli.database import database_option, not_ready_message
from vigia.services.databases import DatabaseError, SchemaNotReady
from vigia.settings import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    HIGHEST_PORT,
    MOST_WORKERS,
    NO_KEY_IN_PRODUCTION,
    Settings,
    SettingsError,
    with_secret_key,
)
from vigia.web.app import (
    ListenError,
    base_url,
    bound_settings,
    build_server,
    check_database,
    listening_socket,
    serve_with_workers,
)


def run_server(settings: Settings, announcement: str) -> None:
    """Listen, open the database, print ``announcement`` with the URL in it, serve until Ctrl+C,
    with ``settings.workers`` processes.

    ``announcement`` holds ``{url}``. A port in use, a database that is not ready or a missing
    secret key in production fails before anything is announced (exit status 1).
    """
    if settings.production and not settings.secret_key:
        raise click.ClickException(NO_KEY_IN_PRODUCTION)
    try:
        listener = listening_socket(settings)
    except ListenError as error:
        raise click.ClickException(f"{error}; choose another with --port") from error
    try:
        check_database(settings.database_url)
        settings = with_secret_key(bound_settings(settings, listener))
        server = build_server(settings) if settings.workers == 1 else None
    except SchemaNotReady as error:
        listener.close()
        raise click.ClickException(not_ready_message(error, settings.database_url)) from error
    except (DatabaseError, SettingsError) as error:
        listener.close()
        raise click.ClickException(str(error)) from error
    click.echo(announcement.format(url=base_url(settings)))
    if server is not None:
        server.run(sockets=[listener])
    else:
        serve_with_workers(settings, listener)


@click.command("serve")
@database_option
@click.option(
    "--host",
    metavar="ADDRESS",
    show_default=f"VIGIA_HOST or {DEFAULT_HOST}",
    help="Address to listen on; 0.0.0.0 listens on every interface.",
)
@click.option(
    "--port",
    type=click.IntRange(0, HIGHEST_PORT),
    show_default=f"VIGIA_PORT or {DEFAULT_PORT}",
    help="TCP port to listen on; 0 takes any free port.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, MOST_WORKERS),
    show_default="VIGIA_WORKERS or 1",
    help="Processes that answer requests; logins and their throttle are shared in the database.",
)
@click.option(
    "--production",
    is_flag=True,
    default=None,
    help="Refuse to start without VIGIA_SECRET_KEY (also VIGIA_PRODUCTION=1).",
)
def command(
    database_url: str,
    host: str | None,
    port: int | None,
    workers: int | None,
    production: bool | None,
) -> None:
    """Serve the web application until Ctrl+C: pages with logins, review and uploads, the JSON API
    (/api/v1) with reads and writes, /healthz and the API docs (/docs).

    The database must exist at the latest schema (`vigia db upgrade` makes it so). Without
    VIGIA_SECRET_KEY, a key is made once in the instance folder (VIGIA_INSTANCE, by default
    ./vigia-instance) and used by every worker; --production refuses to start without one.
    """
    try:
        configured = Settings.from_environment()
    except SettingsError as error:
        raise click.ClickException(str(error)) from error
    settings = replace(
        configured,
        database_url=database_url,
        host=configured.host if host is None else host,
        port=configured.port if port is None else port,
        workers=configured.workers if workers is None else workers,
        production=configured.production if production is None else production,
    )
    run_server(settings, "Vigía at {url}/ (API {url}/api/v1, docs {url}/docs); Ctrl+C stops it")
