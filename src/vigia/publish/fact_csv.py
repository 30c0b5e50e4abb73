"""Facts as CSV: the one layout of ``vigia facts --format csv`` and ``GET /api/v1/facts.csv``.

A header line of :data:`COLUMNS` (documented in docs/api.md), then one line per
:class:`~vigia.store.repository.FactRecord`, written as it streams. The web turns its fact
resources into records first, so both exports share the columns, their order and the cells.

A text cell that a spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return) is prefixed with an apostrophe, so that opening an export runs nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from vigia.records import FactRecord, file_name

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
#: Characters gathered before a piece of the export is handed on.
CHUNK_SIZE = 64 * 1024

#: Put before a CSV served for download: spreadsheet programs then read it as UTF-8, accents and
#: all (``utf-8-sig`` in Python; ``vigia facts --format csv`` writes none to its pipe).
BYTE_ORDER_MARK = "\ufeff"


def csv_chunks(records: Iterable[FactRecord]) -> Iterator[str]:
    """The CSV of ``records``, in pieces of about :data:`CHUNK_SIZE` characters."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow(csv_row(record))
        if buffer.tell() >= CHUNK_SIZE:
            yield _drain(buffer)
    yield _drain(buffer)


def csv_row(record: FactRecord) -> list[object]:
    """One fact's cells, in the order of :data:`COLUMNS`."""
    cells: list[object] = [
        record.id,
        record.status,
        record.document_id,
        file_name(record.document),
        record.country,
        record.actor,
        record.region,
        record.indicator,
        record.value,
        record.value_min,
        record.qualifier,
        record.year,
        record.unit,
        record.start,
        record.end,
        record.page,
        record.evidence,
    ]
    return [inert_cell(cell) for cell in cells]


def inert_cell(cell: object) -> object:
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
