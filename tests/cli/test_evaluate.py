"""``vigia evaluate``: every state of a meeting rated in every area, as a table or JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from tests.evaluate.reports import RTP5_PORTUGUESE
from vigia.cli import main
from vigia.plans import AREAS


def _evaluate(*arguments: str) -> Result:
    return CliRunner().invoke(main, ["evaluate", *arguments])


def _ingest(url: str, *paths: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", "--db", url, *map(str, paths)])
    assert result.exit_code == 0, result.output


def test_evaluate_json_after_ingesting_the_french_report(
    database_url: str, shared_corpus: Path
) -> None:
    _ingest(database_url, shared_corpus / "rtp3-rapporteur-report.fr.txt")

    result = _evaluate("--meeting", "RTP-III", "--db", database_url, "--format", "json")

    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["meeting"] == "RTP-III"
    assert len(data["states"]) == 21
    for state in data["states"]:
        assert [area["area"] for area in state["areas"]] == list(AREAS)
        for area in state["areas"]:
            assert area["rating"] in {
                "substantial_evidence",
                "some_evidence",
                "mentioned_only",
                "no_information",
            }
            assert (area["rating"] == "no_information") == (area["evidence"] == [])
            assert all({"document", "text"} <= set(item) for item in area["evidence"])


def test_evaluate_table_has_a_line_per_state_and_a_column_per_area(sqlite_url: str) -> None:
    _ingest(sqlite_url, RTP5_PORTUGUESE)

    result = _evaluate("--meeting", "RTP-V", "--db", sqlite_url)

    assert result.exit_code == 0, result.output
    heading, rule, *rows, footer = result.stdout.splitlines()
    assert heading.split() == ["country", *AREAS]
    assert set(rule.replace(" ", "")) == {"-"}
    assert [row.split()[0] for row in rows] == [
        "PRY",
        "BRA",
        "ARG",
        "URY",
        "CHL",
        "COL",
        "MEX",
        "USA",
    ]
    assert footer.startswith("RTP-V, plan WP-2015: 8 states")


def test_evaluate_one_country(sqlite_url: str) -> None:
    _ingest(sqlite_url, RTP5_PORTUGUESE)
    result = _evaluate(
        "--meeting", "RTP-V", "--db", sqlite_url, "--country", "arg", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    assert [state["country"] for state in json.loads(result.stdout)["states"]] == ["ARG"]


def test_evaluate_unknown_meeting_or_country_is_a_clear_error(sqlite_url: str) -> None:
    _ingest(sqlite_url, RTP5_PORTUGUESE)
    unknown = _evaluate("--meeting", "RTP-IX", "--db", sqlite_url)
    assert unknown.exit_code == 2
    assert "'RTP-IX'; meetings with documents: RTP-V" in unknown.output
    assert "Traceback" not in unknown.output
    absent = _evaluate("--meeting", "RTP-V", "--db", sqlite_url, "--country", "JAM")
    assert absent.exit_code == 2 and "JAM has no section" in absent.output
    assert "states that reported: PRY, BRA, ARG" in absent.output


def test_evaluate_meeting_code_ignores_case(sqlite_url: str) -> None:
    _ingest(sqlite_url, RTP5_PORTUGUESE)

    result = _evaluate("--meeting", " rtp-v ", "--db", sqlite_url)

    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("RTP-V, plan ")
