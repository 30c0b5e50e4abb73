"""``vigia serve``: the web service (JSON API, health check, OpenAPI docs) under uvicorn."""

from __future__ import annotations

from dataclasses import replace

import click

from vigia.cli.database import database_option
from vigia.settings import DEFAULT_HOST, DEFAULT_PORT, HIGHEST_PORT, Settings, SettingsError
from vigia.store.database import DatabaseError
from vigia.web.app import base_url, build_server


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
    help="TCP port to listen on.",
)
def command(database_url: str, host: str | None, port: int | None) -> None:
    """Serve the JSON API (/api/v1), /healthz and the OpenAPI docs (/docs) until Ctrl+C."""
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
    try:
        server = build_server(settings)
    except DatabaseError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Vigía at {base_url(settings)}/ (API /api/v1, docs /docs); Ctrl+C stops it")
    server.run()
