"""``vigia demo``: a demonstration database with example reports and accounts, then the server."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from vigia.cli.database import database_session
from vigia.settings import DEFAULT_HOST, DEFAULT_PORT, HIGHEST_PORT, Settings, SettingsError
from vigia.store.database import DatabaseError
from vigia.store.demo import DemoDatabase, prepare_demo
from vigia.web.app import base_url, build_server

DEMO_DATABASE = "sqlite:///vigia-demo.db"


def render(demo: DemoDatabase) -> str:
    lines = [
        f"Demo database: {demo.documents} reports, {demo.facts} facts, {demo.published} published.",
        "Demo accounts (email / password / role):",
    ]
    for account in demo.accounts:
        scope = f" ({account.country})" if account.country else ""
        lines.append(f"  {account.email} / {account.password} / {account.role}{scope}")
    lines += [f"error: {error}" for error in demo.errors]
    return "\n".join(lines)


@click.command("demo")
@click.argument("reports", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--db",
    "database_url",
    default=DEMO_DATABASE,
    show_default=True,
    metavar="URL",
    help="Database for the demonstration.",
)
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, HIGHEST_PORT),
    default=DEFAULT_PORT,
    show_default=True,
    help="TCP port to listen on.",
)
@click.option(
    "--no-serve", is_flag=True, help="Prepare the database and stop; do not start the server."
)
def command(
    reports: tuple[Path, ...], database_url: str, host: str, port: int, no_serve: bool
) -> None:
    """Store REPORTS in a demo database, create demo accounts, publish some facts, and serve it."""
    with database_session(database_url) as session:
        demo = prepare_demo(session, reports)
    click.echo(render(demo))
    if no_serve:
        return
    try:
        settings = replace(
            Settings.from_environment(), database_url=database_url, host=host, port=port
        )
        server = build_server(settings)
    except (SettingsError, DatabaseError) as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Vigía demo at {base_url(settings)}/ — Ctrl+C stops it")
    server.run()
