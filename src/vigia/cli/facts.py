"""``vigia facts``: list the stored facts as a table, CSV or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import click

from vigia.cli.database import database_option, database_session
from vigia.cli.options import checked_country, checked_indicator
from vigia.publish.fact_csv import csv_chunks
from vigia.records import FactRecord
from vigia.services.fact_views import list_fact_records

EXCERPT_LENGTH = 60
TABLE_HEADINGS = ("country/actor", "indicator", "value", "qualifier", "year", "evidence")


def _number(value: float | None) -> str:
    return "" if value is None else str(value)


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) <= EXCERPT_LENGTH:
        return flat
    return flat[: EXCERPT_LENGTH - 1].rstrip() + "…"


def _table_cells(record: FactRecord) -> tuple[str, ...]:
    value = _number(record.value)
    if record.value_min is not None:
        value = f"{_number(record.value_min)}-{value}"
    return (
        record.country or record.actor or record.region or "",
        record.indicator,
        value,
        record.qualifier,
        _number(record.year),
        _excerpt(record.evidence),
    )


def render_table(records: Sequence[FactRecord]) -> str:
    """Aligned columns under a heading line, one fact per line."""
    rows = [TABLE_HEADINGS, *(_table_cells(record) for record in records)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(TABLE_HEADINGS))]
    rows.insert(1, tuple("-" * width for width in widths))
    lines = (
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    )
    return "".join(line.rstrip() + "\n" for line in lines)


def render_csv(records: Sequence[FactRecord]) -> str:
    """CSV with a header row: the columns of ``GET /api/v1/facts.csv`` (vigia.publish.fact_csv)."""
    return "".join(csv_chunks(records))


def fact_data(record: FactRecord) -> dict[str, Any]:
    """A fact as in the extraction contract, plus the document it came from and its status."""
    return {
        "document": record.document,
        "country": record.country,
        "actor": record.actor,
        "region": record.region,
        "indicator": record.indicator,
        "value": record.value,
        "value_min": record.value_min,
        "qualifier": record.qualifier,
        "year": record.year,
        "unit": record.unit,
        "status": record.status,
        "evidence": {
            "start": record.start,
            "end": record.end,
            "page": record.page,
            "text": record.evidence,
        },
    }


def render_json(records: Sequence[FactRecord]) -> str:
    data = [fact_data(record) for record in records]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[Sequence[FactRecord]], str]] = {
    "table": render_table,
    "csv": render_csv,
    "json": render_json,
}


@click.command("facts")
@database_option
@click.option(
    "--country", callback=checked_country, metavar="ISO3", help="Only this country's facts."
)
@click.option(
    "--indicator",
    callback=checked_indicator,
    metavar="NAME",
    help="Only facts of this indicator (see docs/indicators.md).",
)
@click.option("--limit", type=click.IntRange(min=0), help="At most this many facts.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(RENDERERS)),
    default="table",
    show_default=True,
)
def command(
    database_url: str,
    country: str | None,
    indicator: str | None,
    limit: int | None,
    output_format: str,
) -> None:
    """List the facts stored in the database, in document and text order."""
    with database_session(database_url) as session:
        records = list_fact_records(session, country=country, indicator=indicator, limit=limit)
    click.echo(RENDERERS[output_format](records), nl=False)
