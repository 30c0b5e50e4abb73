"""Yearly statistics as XLSX: the workbook template and its import, on both databases."""

from __future__ import annotations

import io

from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.evaluate.conftest import People
from vigia.evaluate.statistics_csv import (
    import_statistics_file,
    statistics_template,
    statistics_template_xlsx,
)
from vigia.evaluate.statistics_forms import statistics_form
from vigia.statistics import Cell
from vigia.store.models import DataValueRow


def _stored(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(DataValueRow)) or 0


def _filled(values: dict[tuple[str, str, str], object]) -> bytes:
    """The template for CRI 2024 with ``values`` by (element, sex, age) typed in, as saved."""
    workbook = load_workbook(io.BytesIO(statistics_template_xlsx("CRI", 2024, "fr")))
    sheet = workbook["values"]
    header = [cell.value for cell in sheet[1]]
    column = {name: index for index, name in enumerate(header)}
    for row in sheet.iter_rows(min_row=2):
        key = tuple(row[column[name]].value or "" for name in ("element", "sex", "age"))
        if key in values:
            row[column["value"]].value = values[key]  # type: ignore[index]
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _sheet(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def test_the_workbook_holds_the_csv_templates_rows_with_a_frozen_header() -> None:
    workbook = load_workbook(io.BytesIO(statistics_template_xlsx("CRI", 2024, "es")))
    sheet = workbook.active
    assert sheet is not None

    rows = list(sheet.iter_rows(values_only=True))
    csv_lines = statistics_template("CRI", 2024, "es").splitlines()

    assert sheet.title == "values" and sheet.freeze_panes == "A2"
    assert list(rows[0]) == csv_lines[0].split(",")
    assert len(rows) == len(csv_lines)
    assert rows[1][:3] == ("CRI", 2024, "offences_recorded")
    assert sheet.data_validations.dataValidation[0].type == "decimal"


def test_a_filled_workbook_imports_numbers_and_formulas_values(
    session: Session, people: People
) -> None:
    data = _filled(
        {
            ("persons_convicted", "", ""): 43,
            ("persons_convicted", "female", "adult"): 40.0,
            ("persons_convicted", "male", "adult"): "3",
        }
    )

    report = import_statistics_file(session, people.focal_point_cri, data)
    form = statistics_form(session, "CRI", 2024)

    assert report.ok, report.errors
    assert report.forms == [("CRI", 2024)] and report.changed == 3
    assert form.values[Cell("persons_convicted")] == 43
    assert form.values[Cell("persons_convicted", (("sex", "female"), ("age", "adult")))] == 40


def test_bad_rows_are_reported_by_their_row_in_the_sheet_and_nothing_is_stored(
    session: Session, people: People
) -> None:
    header = ["country", "year", "element", "sex", "age", "value"]
    data = _sheet(
        [
            header,
            ["CRI", 2024, "persons_convicted", None, None, 12],
            [None, None, None, None, None, None],  # an empty row is skipped
            ["CRI", 2024, "persons_jailed", None, None, 1],
            ["CRI", 2024, "persons_prosecuted", None, None, "many"],
        ]
    )

    report = import_statistics_file(session, people.focal_point_cri, data)

    assert [line for line, _ in report.errors] == [4, 5]
    assert "persons_jailed" in report.errors[0][1] and "'many'" in report.errors[1][1]
    assert _stored(session) == 0


def test_a_broken_workbook_or_another_states_rows_store_nothing(
    session: Session, people: People
) -> None:
    broken = import_statistics_file(session, people.focal_point_cri, b"PK\x03\x04 not a zip")
    header = ["country", "year", "element", "value"]
    other = _sheet([header, ["ARG", 2024, "persons_convicted", 5]])
    refused = import_statistics_file(session, people.focal_point_cri, other)

    assert broken.errors and "not an XLSX workbook" in broken.errors[0][1]
    assert refused.errors and refused.errors[0][0] == 2
    assert _stored(session) == 0


def test_a_csv_sent_as_bytes_is_still_read_in_either_encoding(
    session: Session, people: People
) -> None:
    text = "country;year;element;value\nCRI;2024;persons_convicted;7\n"

    report = import_statistics_file(session, people.focal_point_cri, text.encode("cp1252"))

    assert (
        report.ok and statistics_form(session, "CRI", 2024).values[Cell("persons_convicted")] == 7
    )
