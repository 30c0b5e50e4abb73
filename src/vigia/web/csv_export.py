"""Facts as CSV for spreadsheets: a header line, then one line per fact, written as it streams.

A text cell that a spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return) is prefixed with an apostrophe, so that opening an export runs nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from vigia.web.schemas import FactResource

COLUMNS = (
    "id",
    "status",
    "document_id",
    "document_file_name",
    "country",
    "actor",
    "region",
    "indicator",
    "value",
    "value_min",
    "qualifier",
    "year",
    "unit",
    "evidence_start",
    "evidence_end",
    "evidence_page",
    "evidence_text",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Characters gathered before a piece of the export is sent.
CHUNK_SIZE = 64 * 1024


def csv_chunks(facts: Iterable[FactResource]) -> Iterator[str]:
    """The CSV of ``facts``, in pieces of about :data:`CHUNK_SIZE` characters."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for fact in facts:
        writer.writerow(csv_row(fact))
        if buffer.tell() >= CHUNK_SIZE:
            yield _drain(buffer)
    yield _drain(buffer)


def csv_row(fact: FactResource) -> list[object]:
    """One fact's cells, in the order of :data:`COLUMNS`."""
    cells: list[object] = [
        fact.id,
        fact.status,
        fact.document.id,
        fact.document.file_name,
        fact.country,
        fact.actor,
        fact.region,
        fact.indicator,
        fact.value,
        fact.value_min,
        fact.qualifier,
        fact.year,
        fact.unit,
        fact.evidence.start,
        fact.evidence.end,
        fact.evidence.page,
        fact.evidence.text,
    ]
    return [_inert(cell) for cell in cells]


def _inert(cell: object) -> object:
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
