"""``vigia demo``: a demonstration database with example reports and accounts, then the server."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from vigia.cli.database import database_flag, database_option, database_session
from vigia.cli.errors import InputError
from vigia.cli.serve import run_server
from vigia.services.demo import DemoDatabase, NotADemoDatabase, prepare_demo
from vigia.settings import DEFAULT_HOST, DEFAULT_PORT, HIGHEST_PORT, Settings, SettingsError


def render(demo: DemoDatabase, database_url: str) -> str:
    lines = [
        f"Demo database: {demo.documents} reports, {demo.facts} facts, {demo.published} published.",
        "Demo accounts (email / password / role):",
    ]
    for account in demo.accounts:
        scope = f" ({account.country})" if account.country else ""
        lines.append(f"  {account.email} / {account.password} / {account.role}{scope}")
    if demo.statistics is not None:
        country, year = demo.statistics
        lines.append(f"Yearly statistics approved: {country} {year} (from its reports' figures).")
    lines += [f"error: {error}" for error in demo.errors]
    return "\n".join([*lines, *next_commands(demo, database_url)])


def next_commands(demo: DemoDatabase, database_url: str) -> list[str]:
    """The commands that read this very database, to try next."""
    flag = database_flag(database_url)
    commands = [f"vigia facts{flag} --limit 5"]
    if demo.meetings:
        commands.append(f"vigia evaluate{flag} --meeting {demo.meetings[0]}")
    commands.append(f"vigia serve{flag}")
    return ["Try next (same database):", *(f"  {command}" for command in commands)]


@click.command("demo")
@click.argument("reports", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@database_option
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, HIGHEST_PORT),
    default=DEFAULT_PORT,
    show_default=True,
    help="TCP port to listen on; 0 takes any free port.",
)
@click.option(
    "--no-serve", is_flag=True, help="Prepare the database and stop; do not start the server."
)
def command(
    reports: tuple[Path, ...], database_url: str, host: str, port: int, no_serve: bool
) -> None:
    """Store REPORTS in a demo database, create demo accounts, publish some facts, and serve it.

    The database is the same one the other commands use. The demo accounts' passwords are
    printed, so the demo refuses a database holding other accounts or reports stored without it.
    """
    with database_session(database_url, migrate=True) as session:
        try:
            demo = prepare_demo(session, reports)
        except NotADemoDatabase as error:
            raise InputError(
                f"{error}: name another with --db, e.g. --db sqlite:///vigia-demo.db"
            ) from error
    click.echo(render(demo, database_url))
    if no_serve:
        return
    try:
        settings = replace(
            Settings.from_environment(), database_url=database_url, host=host, port=port
        )
    except SettingsError as error:
        raise click.ClickException(str(error)) from error
    run_server(settings, "Vigía demo at {url}/ — Ctrl+C stops it")
