"""Facts as CSV: vigia.web.csv_export, and its layout shared with ``vigia facts --format csv``."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner
from fastapi.testclient import TestClient

from tests.web.conftest import Stored, bearer
from vigia.cli import main
from vigia.publish import fact_csv
from vigia.publish.resources import DocumentReference, Evidence, FactResource
from vigia.web.csv_export import COLUMNS, csv_chunks, csv_row


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


def test_csv_columns_are_the_store_layout() -> None:
    assert COLUMNS == fact_csv.COLUMNS


def test_csv_export_and_cli_csv_have_the_same_header_and_rows(
    client: TestClient, stored: Stored
) -> None:
    api = client.get("/api/v1/facts.csv", headers=bearer(stored.secretariat))
    cli = CliRunner().invoke(main, ["facts", "--db", stored.url, "--format", "csv"])

    assert api.status_code == 200, api.text
    assert cli.exit_code == 0, cli.output
    api_rows = list(csv.reader(io.StringIO(api.content.decode("utf-8-sig"))))
    cli_rows = list(csv.reader(io.StringIO(cli.stdout)))
    assert api_rows[0] == cli_rows[0] == list(COLUMNS)
    assert len(api_rows) == 9  # a header, then the eight facts the secretariat sees
    assert api_rows == cli_rows  # nothing was corrected: the same facts give the same cells
