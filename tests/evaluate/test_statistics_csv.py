"""Yearly statistics as CSV: vigia.evaluate.statistics_csv, on both databases."""

from __future__ import annotations

import csv
import io

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.evaluate.conftest import People
from vigia.evaluate.statistics_csv import import_statistics_csv, statistics_template
from vigia.evaluate.statistics_forms import approve_form, save_values, statistics_form, submit_form
from vigia.statistics import Cell
from vigia.store.models import DataValueRow

HEADER = "country,year,element,sex,age,age_group,exploitation,citizenship,value\n"


def _stored(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(DataValueRow)) or 0


def test_the_template_asks_for_every_value_and_says_it_in_words() -> None:
    rows = list(csv.DictReader(io.StringIO(statistics_template("CRI", 2024, "es"))))

    assert len(rows) == 1 + 3 * 10 + 28  # offences; three elements by sex x age; victims
    girls = next(
        row
        for row in rows
        if row["element"] == "victims_detected" and row["sex"] == "female" and row["age"] == "child"
    )
    assert (
        girls["label"]
        == "Víctimas detectadas — Mujeres — Niñas, niños y adolescentes (menores de 18)"
    )
    assert {row["value"] for row in rows} == {""} and {row["country"] for row in rows} == {"CRI"}


def test_a_filled_template_imports(session: Session, people: People) -> None:
    rows = list(csv.DictReader(io.StringIO(statistics_template("CRI", 2023))))
    for row in rows:
        row["value"] = "7" if row["element"] == "persons_convicted" and not row["sex"] else ""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)

    report = import_statistics_csv(session, people.focal_point_cri, output.getvalue())

    assert report.ok and report.forms == [("CRI", 2023)] and report.changed == 1
    assert statistics_form(session, "CRI", 2023).values == {Cell("persons_convicted"): 7}


def test_bad_rows_are_each_reported_and_nothing_is_stored(session: Session, people: People) -> None:
    text = HEADER + (
        "CRI,2024,persons_convicted,,,,,,43\n"
        "CRI,2024,persons_jailed,,,,,,1\n"
        "CRI,2024,victims_detected,female,child,,,,-2\n"
        "CRI,2024,victims_detected,female,,,,,3\n"
        "CRI,2024,victims_detected,,,,sexual,,many\n"
        "CRI,2024,persons_convicted,,,,,,44\n"
        "CRI,twenty,offences_recorded,,,,,,1\n"
        "CRI,2024,victims_detected,,,,,martian,1\n"
    )

    report = import_statistics_csv(session, people.focal_point_cri, text)

    assert [line for line, _ in report.errors] == [3, 4, 5, 6, 7, 8, 9]
    messages = dict(report.errors)
    assert messages[3] == "unknown element 'persons_jailed'"
    assert "not a whole number" in messages[4]
    assert messages[5] == "the form asks for no victims_detected[sex=female]"
    assert "'many' is not a number" in messages[6]
    assert "given twice" in messages[7]
    assert messages[9] == "citizenship has no option 'martian'"
    assert _stored(session) == 0


def test_a_row_for_another_state_or_a_locked_year_stores_nothing(
    session: Session, people: People
) -> None:
    save_values(session, people.focal_point_cri, "CRI", 2022, {Cell("persons_convicted"): 1})
    submit_form(session, people.focal_point_cri, "CRI", 2022)
    approve_form(session, people.secretariat, "CRI", 2022)
    before = _stored(session)
    text = HEADER + "CRI,2024,persons_convicted,,,,,,5\nARG,2024,persons_convicted,,,,,,5\n"
    locked = HEADER + "CRI,2024,persons_convicted,,,,,,5\nCRI,2022,persons_convicted,,,,,,5\n"

    other_state = import_statistics_csv(session, people.focal_point_cri, text)
    locked_year = import_statistics_csv(session, people.focal_point_cri, locked)

    assert other_state.errors == [(3, "ARG 2024: you may not change the statistics of ARG")]
    assert locked_year.errors[0][0] == 3 and "approved and locked" in locked_year.errors[0][1]
    assert _stored(session) == before
    assert statistics_form(session, "CRI", 2024).values == {}


def test_a_file_without_the_columns_says_so(session: Session, people: People) -> None:
    report = import_statistics_csv(
        session, people.focal_point_cri, "state;year;value\nCRI;2024;3\n"
    )

    assert report.errors == [(1, "the header has no column country, element")]


def test_semicolons_from_a_spreadsheet_in_spanish_are_read(
    session: Session, people: People
) -> None:
    text = HEADER.replace(",", ";") + "CRI;2024;persons_convicted;;;;;;43\n"

    report = import_statistics_csv(session, people.focal_point_cri, text)

    assert report.ok and statistics_form(session, "CRI", 2024).values == {
        Cell("persons_convicted"): 43
    }
