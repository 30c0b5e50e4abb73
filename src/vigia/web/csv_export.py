"""Facts as CSV for spreadsheets, as ``GET /api/v1/facts.csv`` streams them.

The layout is :mod:`vigia.publish.fact_csv`'s, shared with ``vigia facts --format csv``: each fact
resource is turned into a :class:`~vigia.store.repository.FactRecord` and written there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from vigia.publish import fact_csv
from vigia.publish.fact_csv import COLUMNS
from vigia.publish.resources import FactResource
from vigia.records import FactRecord

__all__ = ["COLUMNS", "csv_chunks", "csv_row", "fact_record"]


def csv_chunks(facts: Iterable[FactResource]) -> Iterator[str]:
    """The CSV of ``facts``, in pieces (see :func:`vigia.publish.fact_csv.csv_chunks`)."""
    return fact_csv.csv_chunks(fact_record(fact) for fact in facts)


def csv_row(fact: FactResource) -> list[object]:
    """One fact's cells, in the order of :data:`COLUMNS`."""
    return fact_csv.csv_row(fact_record(fact))


def fact_record(fact: FactResource) -> FactRecord:
    """``fact`` as the store's record of it, as it stands (corrected if reviewers corrected it)."""
    return FactRecord(
        id=fact.id,
        document_id=fact.document.id,
        document=fact.document.file_name,
        country=fact.country,
        actor=fact.actor,
        region=fact.region,
        indicator=fact.indicator,
        value=fact.value,
        value_min=fact.value_min,
        qualifier=fact.qualifier,
        year=fact.year,
        unit=fact.unit,
        status=fact.status,
        evidence=fact.evidence.text,
        start=fact.evidence.start,
        end=fact.evidence.end,
        page=fact.evidence.page,
    )
