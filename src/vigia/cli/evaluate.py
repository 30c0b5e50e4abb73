"""``vigia evaluate``: rate every state of a meeting in every area of the Work Plan."""

from __future__ import annotations

import json

import click

from vigia.cli.database import database_option, database_session
from vigia.cli.errors import InputError
from vigia.cli.options import checked_country
from vigia.domain import MeetingEvaluation, Rating
from vigia.evaluate import evaluation_to_data
from vigia.evaluate.meetings import UnknownMeeting
from vigia.plans import AREAS
from vigia.services.evaluation import evaluate

#: Short names of the ratings for the table, which has one column per area.
SHORT_RATINGS = {
    Rating.SUBSTANTIAL_EVIDENCE: "substantial",
    Rating.SOME_EVIDENCE: "some",
    Rating.MENTIONED_ONLY: "mentioned",
    Rating.NO_INFORMATION: "-",
}


def render_table(evaluation: MeetingEvaluation) -> str:
    """One line per state, one column per area; a confirmed rating ends with ``*``."""
    headings = ("country", *AREAS)
    rows = [headings]
    for state in evaluation.states:
        cells = [state.country]
        for area in state.areas:
            cells.append(SHORT_RATINGS[area.rating] + ("*" if area.confirmed else ""))
        rows.append(tuple(cells))
    widths = [max(len(row[column]) for row in rows) for column in range(len(headings))]
    rows.insert(1, tuple("-" * width for width in widths))
    lines = (
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    )
    count = len(evaluation.states)
    states = "1 state" if count == 1 else f"{count} states"
    footer = f"{evaluation.meeting}, plan {evaluation.plan}: {states}; * confirmed\n"
    return "".join(line.rstrip() + "\n" for line in lines) + footer


@click.command("evaluate")
@click.option(
    "--meeting",
    required=True,
    metavar="CODE",
    help="The meeting (round), e.g. RTP-III; any case.",
)
@click.option(
    "--country",
    callback=checked_country,
    metavar="ISO3",
    help="Only this state (three-letter code).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A table of ratings, or JSON with the sentences behind each rating.",
)
@database_option
def command(meeting: str, country: str | None, output_format: str, database_url: str) -> None:
    """Rate every state of MEETING in every area of the Work Plan, with the evidence behind it."""
    with database_session(database_url) as session:
        try:
            evaluation = evaluate(session, meeting)
        except UnknownMeeting as error:
            raise InputError(str(error)) from error
    if country is not None:
        reported = [state.country for state in evaluation.states]
        evaluation.states = [state for state in evaluation.states if state.country == country]
        if not evaluation.states:
            raise InputError(
                f"{country} has no section in the documents of {evaluation.meeting}; "
                f"states that reported: {', '.join(reported) or 'none'}"
            )
    if output_format == "json":
        click.echo(json.dumps(evaluation_to_data(evaluation), ensure_ascii=False, indent=2))
    else:
        click.echo(render_table(evaluation), nl=False)
