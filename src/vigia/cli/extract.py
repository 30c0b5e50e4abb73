"""``vigia extract``: print what Vigía reads in report files, without a database."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from vigia.domain import Document
from vigia.publish.contract import document_data
from vigia.services.extraction import extract_files


def render_table(document: Document) -> str:
    """A plain-text table of a document's facts, one line each."""
    lines = [f"{document.path} ({document.language or '?'}): {len(document.facts)} facts"]
    header = f"{'owner':<10} {'indicator':<24} {'value':>14} {'qualifier':<13} {'year':<5} evidence"
    lines += [header, "-" * len(header)]
    for fact in document.facts:
        owner = fact.country or fact.actor or fact.region or ""
        excerpt = " ".join(fact.evidence.text.split())[:70]
        year = str(fact.year or "")
        lines.append(
            f"{owner:<10} {fact.indicator:<24} {fact.value:>14,} {fact.qualifier:<13} "
            f"{year:<5} {excerpt}"
        )
    return "\n".join(lines)


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "table"]),
    default="json",
    show_default=True,
    help="JSON as in the extraction contract, or a table of facts.",
)
def command(files: tuple[Path, ...], output_format: str) -> None:
    """Extract sections, facts, events, roles and links from FILES and print them.

    Needs no database. With one file, prints one JSON object; with several, a JSON array.
    An unreadable file prints one error line and makes the exit status 2; the others still print.
    """
    result = extract_files(files)
    for error in result.errors:
        click.echo(f"error: {error}", err=True)
    if output_format == "json":
        data = [document_data(document) for document in result.documents]
        if len(files) == 1:
            if data:
                click.echo(json.dumps(data[0], ensure_ascii=False, indent=2))
        else:
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(render_table(document) for document in result.documents))
    if result.errors:
        sys.exit(2)
