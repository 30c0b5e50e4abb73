"""``vigia report``: a meeting's regional progress report, or one state's profile, as a file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vigia.cli.database import database_option, database_session
from vigia.cli.errors import InputError
from vigia.cli.options import checked_country
from vigia.domain import LANGUAGES
from vigia.errors import InvalidValue, PublishingError
from vigia.evaluate.meetings import UnknownMeeting
from vigia.services.reports import FORMATS, regional_report, report_bytes


@click.command("report")
@click.option(
    "--meeting", required=True, metavar="CODE", help="The meeting, e.g. RTP-III; any case."
)
@click.option(
    "--country", callback=checked_country, metavar="ISO3", help="Only this state's profile."
)
@click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    default="es",
    show_default=True,
    help="The report's language: headings, numbers and country names.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="html",
    show_default=True,
    help="HTML (a page with its styles), PDF, or DOCX to edit in a word processor.",
)
@click.option(
    "--draft",
    is_flag=True,
    help="Also figures not yet published and ratings not yet confirmed, marked as drafts.",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The file to write ('-' for standard output).",
)
@database_option
def command(
    meeting: str,
    country: str | None,
    language: str,
    output_format: str,
    draft: bool,
    output: Path,
    database_url: str,
) -> None:
    """Write the regional progress report of MEETING on the Work Plan: ratings by state and area,
    findings, totals and each state's figures, every figure with its source quoted."""
    with database_session(database_url) as session:
        try:
            report = regional_report(session, meeting, country=country, draft=draft)
        except (UnknownMeeting, InvalidValue) as error:
            raise InputError(str(error)) from error
        try:
            content = report_bytes(report, language, output_format)
        except PublishingError as error:
            raise click.ClickException(str(error)) from error
    if str(output) == "-":
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return
    output.write_bytes(content)
    kind = "draft report" if draft else "report"
    click.echo(
        f"wrote the {kind} of {report.meeting} ({len(report.profiles)} states,"
        f" {len(report.figures)} figures) to {output}",
        err=True,
    )
