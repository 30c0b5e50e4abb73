"""``vigia learn``: train the reranker on reviewed facts and score extraction before and after."""

from __future__ import annotations

from pathlib import Path

import click

from vigia.cli.database import database_option, database_session
from vigia.cli.errors import InputError
from vigia.cli.score import render_summary
from vigia.services.learning import LearningError, learn
from vigia.services.scoring import ScoringError


@click.command("learn")
@click.argument("gold_files", nargs=-1, required=True, type=click.Path(path_type=Path))
@database_option
@click.option(
    "--documents",
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder of the annotated documents [default: as for vigia score].",
)
def command(gold_files: tuple[Path, ...], database_url: str, documents: Path | None) -> None:
    """Learn from the facts reviewers confirmed, corrected or rejected; score GOLD_FILES with
    today's extraction and with the learnt reranker.

    Prints how many reviewed facts it learnt from, by label, then the scores before and after.
    Nothing is stored: the reranker lives for the run.
    """
    with database_session(database_url) as session:
        try:
            learned = learn(session, list(gold_files), documents)
        except (LearningError, ScoringError) as error:
            raise InputError(str(error)) from error
    labels = ", ".join(f"{label} {count}" for label, count in learned.labels.items())
    click.echo(f"learnt from {learned.examples} reviewed facts: {labels}")
    click.echo("\nbefore:")
    click.echo(render_summary(learned.before))
    click.echo("\nafter:")
    click.echo(render_summary(learned.after))
