"""Facts as CSV: vigia.web.csv_export."""

from __future__ import annotations

import csv
import io

from vigia.web.csv_export import COLUMNS, csv_chunks, csv_row
from vigia.web.schemas import DocumentReference, Evidence, FactResource


def _fact(sentence: str, value: float = 12) -> FactResource:
    return FactResource(
        id=7,
        status="published",
        document=DocumentReference(
            id=3, file_name="report.txt", title=None, code=None, meeting=None
        ),
        country="CRI",
        actor=None,
        region=None,
        indicator="convictions",
        value=value,
        value_min=None,
        qualifier="exact",
        year=2014,
        unit="persons",
        evidence=Evidence(start=0, end=len(sentence), page=None, text=sentence),
    )


def test_csv_chunks_header_then_one_line_per_fact() -> None:
    text = "".join(csv_chunks([_fact("Twelve, in all."), _fact("Then 3.5.", 3.5)]))

    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(COLUMNS)
    assert [row[-1] for row in rows[1:]] == ["Twelve, in all.", "Then 3.5."]
    assert [row[COLUMNS.index("value")] for row in rows[1:]] == ["12", "3.5"]


def test_csv_row_neutralises_formulas_in_text_cells() -> None:
    cells = csv_row(_fact('=HYPERLINK("http://example.org")', value=-1))

    assert cells[-1] == '\'=HYPERLINK("http://example.org")'
    assert cells[COLUMNS.index("value")] == -1
