"""``vigia serve``: the web application (pages, JSON API, health check, API docs) under uvicorn."""

from __future__ import annotations

from dataclasses import replace

import click

from vigia.cli.database import database_option, not_ready_message
from vigia.services.databases import DatabaseError, SchemaNotReady
from vigia.settings import DEFAULT_HOST, DEFAULT_PORT, HIGHEST_PORT, Settings, SettingsError
from vigia.web.app import ListenError, base_url, bound_settings, build_server, listening_socket


def run_server(settings: Settings, announcement: str) -> None:
    """Listen, open the database, print ``announcement`` with the URL in it, serve until Ctrl+C.

    ``announcement`` holds ``{url}``. A port in use or a database that is not ready fails before
    anything is announced (exit status 1).
    """
    try:
        listener = listening_socket(settings)
    except ListenError as error:
        raise click.ClickException(f"{error}; choose another with --port") from error
    try:
        settings = bound_settings(settings, listener)
        server = build_server(settings)
    except SchemaNotReady as error:
        listener.close()
        raise click.ClickException(not_ready_message(error, settings.database_url)) from error
    except DatabaseError as error:
        listener.close()
        raise click.ClickException(str(error)) from error
    click.echo(announcement.format(url=base_url(settings)))
    server.run(sockets=[listener])


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
def command(database_url: str, host: str | None, port: int | None) -> None:
    """Serve the web application until Ctrl+C: pages with logins, review and uploads, the JSON API
    (/api/v1) with reads and writes, /healthz and the API docs (/docs).

    The database must exist at the latest schema (`vigia db upgrade` makes it so).
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
    )
    run_server(settings, "Vigía at {url}/ (API {url}/api/v1, docs {url}/docs); Ctrl+C stops it")
