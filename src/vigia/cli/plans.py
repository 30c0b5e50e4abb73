"""``vigia plans``: the Work Plans in force and imported, and importing one from a document."""

from __future__ import annotations

import json
from pathlib import Path

import click

from vigia.cli.database import database_option, database_session
from vigia.cli.errors import InputError
from vigia.domain import LANGUAGES
from vigia.errors import ReviewError
from vigia.evaluate.plan_store import all_plans, find_plan
from vigia.ingest import UnreadableFileError
from vigia.permissions import principal_for
from vigia.plans import plan_to_data
from vigia.plans.model import WorkPlan
from vigia.services.accounts import find_user
from vigia.services.plans import import_plan_text, read_plan_file


def _title(plan: WorkPlan, language: str) -> str:
    return plan.titles.get(language) or next(iter(plan.titles.values()), "")


def render_plan_list(plans: list[WorkPlan], language: str) -> str:
    lines = []
    for plan in plans:
        period = f"{plan.starts}-{plan.ends}"
        if plan.extended_to:
            period += f" (extended to {plan.extended_to})"
        activities = len(plan.activities())
        lines.append(f"{plan.code}  {period}  {activities} activities  {_title(plan, language)}")
    return "".join(line + "\n" for line in lines)


def render_plan_tree(plan: WorkPlan, language: str) -> str:
    lines = [f"{plan.code}  {_title(plan, language)}"]
    for area in plan.areas:
        lines.append(f"  [{area.area}] {_title_of(area.titles, language)}")
        for objective in area.objectives:
            lines.append(f"    {objective.code}  {_title_of(objective.titles, language)}")
            for activity in objective.activities:
                indicators = f"  ({', '.join(activity.indicators)})" if activity.indicators else ""
                lines.append(
                    f"      {activity.code}  {_title_of(activity.titles, language)}"
                    f"  [{activity.responsible}]{indicators}"
                )
    return "".join(line + "\n" for line in lines)


def _title_of(titles: dict[str, str], language: str) -> str:
    return titles.get(language) or next(iter(titles.values()), "")


LANGUAGE_OPTION = click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    default="en",
    show_default=True,
    help="Language of the titles shown.",
)


@click.group("plans")
def group() -> None:
    """The Work Plans: those shipped with Vigía and those the secretariat imported."""


@group.command("list")
@LANGUAGE_OPTION
@database_option
def list_command(language: str, database_url: str) -> None:
    """List the plans with their period and number of activities."""
    with database_session(database_url) as session:
        plans = list(all_plans(session).values())
    click.echo(render_plan_list(plans, language), nl=False)


@group.command("show")
@click.argument("code")
@LANGUAGE_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the plan tree as JSON.")
@database_option
def show_command(code: str, language: str, as_json: bool, database_url: str) -> None:
    """Print plan CODE as a tree: areas, objectives, activities."""
    with database_session(database_url) as session:
        try:
            plan = find_plan(session, code.strip())
        except ReviewError as error:
            raise InputError(error.message) from error
    if as_json:
        click.echo(json.dumps(plan_to_data(plan), ensure_ascii=False, indent=2))
    else:
        click.echo(render_plan_tree(plan, language), nl=False)


@group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--code", required=True, help="A new code for the plan, e.g. WP-2021.")
@click.option("--starts", type=int, required=True, help="First year of the plan.")
@click.option("--ends", type=int, required=True, help="Last year of the plan.")
@click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    help="Language of the document (detected when not given).",
)
@click.option(
    "--as", "email", required=True, metavar="EMAIL", help="The secretariat user importing."
)
@database_option
def import_command(
    file: Path,
    code: str,
    starts: int,
    ends: int,
    language: str | None,
    email: str,
    database_url: str,
) -> None:
    """Import a Work Plan from FILE (text, HTML, DOCX or PDF), as a secretariat user."""
    try:
        text = read_plan_file(file, language)
    except UnreadableFileError as error:
        raise InputError(str(error)) from error
    with database_session(database_url) as session:
        user = find_user(session, email)
        if user is None:
            raise InputError(f"no user has the email {email}; `vigia users list` shows them")
        try:
            plan = import_plan_text(session, principal_for(user), text, code, starts, ends)
        except ReviewError as error:
            raise InputError(error.message) from error
    click.echo(
        f"imported {plan.code}: {len(plan.activities())} activities in {len(plan.areas)} areas"
    )
