"""``vigia compare``: where two language versions of one document disagree, without a database."""

from __future__ import annotations

import json
from pathlib import Path

import click

from vigia.cli.errors import InputError
from vigia.domain import LANGUAGES
from vigia.ingest import UnreadableFileError
from vigia.publish.version_report import comparison_data, render_text
from vigia.services.versions import compare_files

_LANGUAGE = click.Choice(sorted(LANGUAGES))


@click.command("compare")
@click.argument("first", type=click.Path(path_type=Path))
@click.argument("second", type=click.Path(path_type=Path))
@click.option("--first-language", type=_LANGUAGE, help="FIRST's language (default: detected).")
@click.option("--second-language", type=_LANGUAGE, help="SECOND's language (default: detected).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Each difference with both passages, as text or as JSON.",
)
def command(
    first: Path,
    second: Path,
    first_language: str | None,
    second_language: str | None,
    output_format: str,
) -> None:
    """Align two language versions of one document paragraph by paragraph and list where they
    differ: paragraphs or list items in one version only or moved, figures, dates, document
    codes, countries or organisations that differ, list numbering, passages much shorter.

    Exit status 0 whatever is found; 2 for a file that cannot be read.
    """
    try:
        comparison = compare_files(first, second, first_language, second_language)
    except UnreadableFileError as error:
        raise InputError(str(error)) from error
    if output_format == "json":
        click.echo(json.dumps(comparison_data(comparison), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(comparison))
