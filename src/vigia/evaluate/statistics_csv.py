"""Yearly statistics as CSV (or XLSX): the template Vigía makes, and its import, all or nothing
per file.

    text = statistics_template("CRI", 2024, "es")          # one row per value the form asks for
    report = import_statistics_csv(session, principal, text)
    report.errors        # [(line, message), ...]: nothing was stored when there is one
    report = import_statistics_file(session, principal, data)   # bytes: XLSX or CSV

One row per value: ``country``, ``year``, ``element``, one column per category (``sex``, ``age``,
``age_group``, ``exploitation``, ``citizenship``; empty where the cell has no such category, all
empty for an element's total), ``value`` (empty: no value) and ``label`` (what the row asks, in
words; ignored on import). Columns may be separated by commas, semicolons or tabs. A file may hold
several states and years. Every row is checked before anything is stored, and every bad row is
reported with its line number; a file with any bad row stores nothing.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from vigia.errors import InvalidValue, ReviewError
from vigia.evaluate.statistics_forms import (
    DATA_SET,
    asked_cells,
    cell_name,
    checked_value,
    store_values,
)
from vigia.evaluate.statistics_xlsx import is_workbook, statistics_workbook, workbook_rows
from vigia.permissions import Principal
from vigia.statistics import Cell, statistics_catalogue
from vigia.store.transactions import committed

KEY_COLUMNS = ("country", "year", "element")
#: The most rows one file may have: every value of every state for several years.
MOST_ROWS = 50_000


@dataclass
class ImportReport:
    """What an import did: values per (state, year) stored, or the bad rows (then none stored)."""

    rows: int = 0
    changed: int = 0
    forms: list[tuple[str, int]] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def columns() -> list[str]:
    return [*KEY_COLUMNS, *statistics_catalogue().categories, "value", "label"]


def template_rows(country: str, year: int, language: str = "en") -> list[dict[str, object]]:
    """The template's rows: one for each value of the latest data set, ``value`` empty."""
    catalogue = statistics_catalogue()
    rows: list[dict[str, object]] = []
    for name in catalogue.data_set(DATA_SET).elements:
        element = catalogue.elements[name]
        for cell in catalogue.cells(element):
            words = [element.labels.get(language, name)]
            words += [
                catalogue.categories[category].option_labels[option].get(language, option)
                for category, option in cell.options
            ]
            row: dict[str, object] = {"country": country, "year": year, "element": name}
            row |= dict(cell.options) | {"value": "", "label": " — ".join(words)}
            rows.append(row)
    return rows


def statistics_template(country: str, year: int, language: str = "en") -> str:
    """A CSV to fill: one row for each value of the latest data set, ``value`` empty."""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=columns(), lineterminator="\n")
    writer.writeheader()
    writer.writerows(template_rows(country, year, language))
    return output.getvalue()


def statistics_template_xlsx(country: str, year: int, language: str = "en") -> bytes:
    """The same template as an XLSX workbook."""
    return statistics_workbook(columns(), template_rows(country, year, language))


def import_statistics_file(session: Session, principal: Principal, data: bytes) -> ImportReport:
    """A filled template as sent: an XLSX workbook, or a CSV in UTF-8 or Windows-1252."""
    if is_workbook(data):
        try:
            header, rows = workbook_rows(data)
        except InvalidValue as error:
            return ImportReport(errors=[(1, str(error))])
        return import_statistics_rows(session, principal, header, rows)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # a spreadsheet saved on Windows
    return import_statistics_csv(session, principal, text)


def import_statistics_csv(session: Session, principal: Principal, text: str) -> ImportReport:
    """Store the values of a CSV in the template's layout (see the module): all, or none."""
    text = text.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(text))
    rows = ((reader.line_num, row) for row in reader)
    return import_statistics_rows(session, principal, list(reader.fieldnames or []), rows)


def import_statistics_rows(
    session: Session,
    principal: Principal,
    header: list[str],
    rows: Iterable[tuple[int, Mapping[str | None, str | None]]],
) -> ImportReport:
    """Store rows of the template's layout, each with its line: all, or none."""
    report = ImportReport()
    batches: dict[tuple[str, int], dict[Cell, float | None]] = defaultdict(dict)
    lines: dict[tuple[str, int], list[int]] = defaultdict(list)
    missing = [name for name in (*KEY_COLUMNS, "value") if name not in header]
    if missing:
        report.errors.append((1, f"the header has no column {', '.join(missing)}"))
        return report
    for line, row in rows:
        report.rows += 1
        if report.rows > MOST_ROWS:
            report.errors.append((line, f"more than {MOST_ROWS:,} rows: split the file"))
            return report
        try:
            key, cell, value = _row(row)
        except InvalidValue as error:
            report.errors.append((line, str(error)))
            continue
        if cell in batches[key]:
            report.errors.append((line, f"{cell_name(cell)} of {key[0]} {key[1]} is given twice"))
            continue
        batches[key][cell] = value
        lines[key].append(line)
    if report.errors:
        return report
    try:
        with committed(session):
            for key, values in batches.items():
                _store(session, principal, key, values, lines[key], report)
                if report.errors:
                    raise _Refused
    except _Refused:
        report.changed = 0
        return report
    report.forms = sorted(batches)
    return report


def _delimiter(text: str) -> str:
    """Commas, or the semicolons (or tabs) a spreadsheet set to Spanish, French or Portuguese
    writes: whichever the header line has most of."""
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)


class _Refused(Exception):
    """Rolls the import back once its report holds the reason."""


def _store(
    session: Session,
    principal: Principal,
    key: tuple[str, int],
    values: dict[Cell, float | None],
    lines: list[int],
    report: ImportReport,
) -> None:
    country, year = key
    try:
        report.changed += store_values(session, principal, country, year, values, "csv")
    except ReviewError as error:  # not allowed, locked, unknown state or year
        report.errors.append((lines[0], f"{country} {year}: {error}"))


def _row(row: Mapping[str | None, str | None]) -> tuple[tuple[str, int], Cell, float | None]:
    catalogue = statistics_catalogue()
    country = (row.get("country") or "").strip().upper()
    year_text = (row.get("year") or "").strip()
    element = (row.get("element") or "").strip()
    if not country or not year_text or not element:
        raise InvalidValue("country, year and element are required")
    if not year_text.isdigit():
        raise InvalidValue(f"year {year_text!r} is not a year")
    if element not in catalogue.elements:
        raise InvalidValue(f"unknown element {element!r}")
    options = {}
    for category in catalogue.categories.values():
        option = (row.get(category.name) or "").strip()
        if option and option not in category.options:
            raise InvalidValue(f"{category.name} has no option {option!r}")
        if option:
            options[category.name] = option
    cell = catalogue.cell(element, options)
    if cell not in asked_cells(DATA_SET):
        raise InvalidValue(f"the form asks for no {cell_name(cell)}")
    value = checked_value(cell, _number((row.get("value") or "").strip(), cell))
    return (country, int(year_text)), cell, value


def _number(text: str, cell: Cell) -> float | None:
    if not text:
        return None
    try:
        return float(text.replace(" ", "").replace("\u00a0", ""))
    except ValueError:
        raise InvalidValue(f"{cell_name(cell)}: {text!r} is not a number") from None
