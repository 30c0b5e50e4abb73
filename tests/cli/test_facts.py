"""``vigia facts``: stored facts as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.conftest import CopyDatabase, build_document
from tests.web.conftest import in_real_countries
from vigia.cli import main
from vigia.domain import Document
from vigia.store.database import open_database, session_factory
from vigia.store.repository import store_document

MakeDocument = Callable[..., Document]


def _store_two(url: str) -> None:
    engine = open_database(url)
    with session_factory(engine)() as session:
        store_document(session, build_document("first"))
        store_document(session, build_document("second"))
    engine.dispose()


@pytest.fixture
def stored_url(database_url: str, copy_database: CopyDatabase) -> str:
    """A database holding two made-up documents' facts."""
    return copy_database(database_url, "two-documents", _store_two)[0]


def _facts(url: str, *arguments: str) -> Result:
    return CliRunner().invoke(main, ["facts", "--db", url, *arguments])


def test_facts_table_aligns_columns(stored_url: str) -> None:
    result = _facts(stored_url)

    assert result.exit_code == 0, result.output
    heading, rule, first, *rest = result.stdout.splitlines()
    assert heading.split() == [
        "country/actor",
        "indicator",
        "value",
        "qualifier",
        "year",
        "evidence",
    ]
    assert set(rule) == {"-", " "}
    assert first.split()[:5] == ["EXA", "persons_trained", "6000", "at_least", "2011"]
    assert len(rest) == 7
    column = heading.index("indicator")
    assert all(line[column - 2 : column] == "  " for line in [first, *rest])


def test_facts_table_shows_ranges_and_shortens_evidence(stored_url: str) -> None:
    result = _facts(stored_url, "--indicator", "investigations", "--limit", "1")

    line = result.stdout.splitlines()[2]
    assert line.split()[:5] == ["SMP", "investigations", "10-12", "exact", "2012"]
    assert line.endswith("in 2012.")


def test_facts_csv_has_a_header_and_one_row_per_fact(stored_url: str) -> None:
    result = _facts(stored_url, "--format", "csv")

    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 0, result.output
    assert len(rows) == 8
    assert rows[0]["document_file_name"] == "first.txt"
    assert (rows[0]["indicator"], rows[0]["value"], rows[0]["evidence_page"]) == (
        "persons_trained",
        "6000",
        "1",
    )
    assert (rows[3]["value_min"], rows[3]["value"]) == ("10", "12")
    assert rows[2]["value"] == "3.5"


def test_facts_json_follows_the_extraction_contract(stored_url: str) -> None:
    result = _facts(stored_url, "--format", "json")

    facts = json.loads(result.stdout)
    assert result.exit_code == 0, result.output
    assert len(facts) == 8
    first = facts[0]
    assert (first["country"], first["actor"], first["value"]) == ("EXA", None, 6000)
    assert isinstance(first["value"], int)
    assert set(first["evidence"]) == {"start", "end", "page", "text"}
    assert first["evidence"]["text"].startswith("In 2011 the coalition")


def test_facts_country_is_upper_cased(database_url: str, make_document: MakeDocument) -> None:
    engine = open_database(database_url)
    with session_factory(engine)() as session:
        store_document(session, in_real_countries(make_document("first")))
    engine.dispose()

    result = _facts(database_url, "--country", "arg", "--format", "json")

    facts = json.loads(result.stdout)
    assert [(fact["country"], fact["indicator"]) for fact in facts] == [("ARG", "investigations")]


def test_facts_unknown_country_is_a_usage_error_listing_codes(stored_url: str) -> None:
    result = _facts(stored_url, "--country", "CRR")

    assert result.exit_code == 2
    assert "unknown country code 'CRR'; valid values: CXR, CRI, " in result.stderr
    assert result.stdout == ""


def test_facts_unknown_indicator_is_a_usage_error_listing_the_closest(stored_url: str) -> None:
    result = _facts(stored_url, "--indicator", "conviction")

    assert result.exit_code == 2
    assert "unknown indicator 'conviction'; valid values: convictions, " in result.stderr


@pytest.mark.parametrize("country", ["peru", "PE", "C1R", "ÇRI"])
def test_facts_rejects_a_country_that_is_not_three_letters(stored_url: str, country: str) -> None:
    result = _facts(stored_url, "--country", country)

    assert result.exit_code == 2
    assert "ISO 3166-1" in result.stderr


def test_facts_rejects_an_unknown_format(stored_url: str) -> None:
    result = _facts(stored_url, "--format", "xml")

    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr


def test_facts_hostile_indicator_is_refused_and_breaks_nothing(stored_url: str) -> None:
    hostile = _facts(stored_url, "--indicator", "x' OR 1=1 --", "--format", "json")
    afterwards = _facts(stored_url, "--format", "json")

    assert hostile.exit_code == 2
    assert hostile.stdout == ""
    assert len(json.loads(afterwards.stdout)) == 8


def test_facts_on_an_empty_database_prints_only_the_heading(database_url: str) -> None:
    open_database(database_url).dispose()

    result = _facts(database_url)

    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2


def test_facts_on_a_database_without_the_schema_says_how_to_make_it(postgres_url: str) -> None:
    result = _facts(postgres_url)

    assert result.exit_code == 1
    assert "has no Vigía schema; bring it up to date with `vigia db upgrade --db " in result.stderr


def test_facts_on_a_missing_sqlite_file_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "vigia.db"

    result = _facts(f"sqlite:///{missing}")

    assert result.exit_code == 1
    assert f"no database at {missing}; create it with `vigia db upgrade --db " in result.stderr
    assert not missing.parent.exists()


def test_facts_database_that_cannot_be_opened_exits_1() -> None:
    result = _facts("postgresql://someone@127.0.0.1:1/vigia")

    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot open database")


def test_facts_bad_environment_setting_is_one_line() -> None:
    result = CliRunner().invoke(main, ["facts"], env={"VIGIA_PORT": "not-a-port"})
    assert result.exit_code == 1
    assert "VIGIA_PORT='not-a-port' is not a port number" in result.output
    assert "Traceback" not in result.output
