"""The whole pipeline on real and hand-written reports, scored against their hand annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.extract.scoring import Score, score_extraction
from vigia.publish.contract import document_data
from vigia.services.extraction import extract_file

REPOSITORY = Path(__file__).resolve().parents[2]
SHARED = REPOSITORY.parent / "shared"
OWN_REPORTS = REPOSITORY / "tests" / "data" / "reports"


def _french_report() -> tuple[dict[str, Any], dict[str, Any], str]:
    report = SHARED / "corpus" / "rtp3-rapporteur-report.fr.txt"
    if not report.exists():
        pytest.skip(
            f"shared corpus not found at {report} (clone next to ../shared to run this test)"
        )
    document = extract_file(report)
    gold = json.loads((SHARED / "gold" / "rtp3-rapporteur-report.gold.json").read_text("utf-8"))
    return document_data(document), gold, document.text


@pytest.fixture(scope="module")
def french() -> tuple[dict[str, Any], dict[str, Any], str]:
    return _french_report()


@pytest.fixture(scope="module")
def french_score(french: tuple[dict[str, Any], dict[str, Any], str]) -> Score:
    found, gold, _ = french
    score = score_extraction(found, gold)
    print(score.summary())
    return score


def test_french_report_sections_and_codes(french_score: Score) -> None:
    assert french_score.sections_found == 21
    assert french_score.sections_with_code == 21


def test_french_report_core_and_extra_figures(french_score: Score) -> None:
    assert french_score.core_found == french_score.core_total == 9, french_score.facts_missed
    assert french_score.facts_found >= 18, french_score.facts_missed


def test_french_report_takes_no_trap_as_figure(french_score: Score) -> None:
    assert french_score.not_facts_taken == []


def test_french_report_every_fact_quotes_its_sentence(
    french: tuple[dict[str, Any], dict[str, Any], str],
) -> None:
    found, _, text = french
    assert found["facts"]
    for fact in found["facts"]:
        evidence = fact["evidence"]
        assert evidence["text"] and text[evidence["start"] : evidence["end"]] == evidence["text"]
        assert fact["component"] == "facts" and fact["component_version"]


def test_french_report_meeting_record(french_score: Score) -> None:
    assert french_score.officers_found == french_score.officers_total == 3
    assert french_score.decisions_found == french_score.decisions_total == 2


def test_french_report_events_roles_links_requests(french_score: Score) -> None:
    assert french_score.events_found >= 12, french_score.summary()
    assert french_score.roles_found == french_score.roles_total
    assert french_score.links_found >= 8, french_score.summary()
    assert french_score.requests_found == french_score.requests_total


def test_french_report_meeting_documents(
    french: tuple[dict[str, Any], dict[str, Any], str],
) -> None:
    found, gold, _ = french
    assert found["meeting"]["code"] == gold["meeting"]["code"]
    assert found["meeting"]["documents"] == gold["meeting"]["documents"]


NON_FIGURE_KINDS = (
    "date",
    "year",
    "duration",
    "hotline",
    "phone",
    "percentage",
    "ratio",
    "law",
    "decree",
    "fraction",
)


def _own_report(name: str) -> tuple[Score, dict[str, Any]]:
    report = OWN_REPORTS / name
    gold = json.loads(report.with_name(name.replace(".txt", ".gold.json")).read_text("utf-8"))
    found = document_data(extract_file(report))
    return score_extraction(found, gold), found


@pytest.mark.parametrize(
    "name",
    [
        "rtp4-informe-relatoria.es.txt",
        "rtp4-rapporteur-report.en.txt",
        "relatorio-rtp5.pt.txt",
        "articulo-prensa.es.txt",
        "press-article.en.txt",
    ],
)
def test_own_reports_score_against_their_annotation(name: str) -> None:
    score, found = _own_report(name)
    assert score.sections_found == score.sections_with_code == score.sections_total, score.summary()
    assert score.core_found >= 0.9 * score.core_total, score.facts_missed
    assert score.facts_found >= 0.8 * score.facts_total, score.facts_missed
    assert score.officers_found == score.officers_total
    assert score.decisions_found >= score.decisions_total - 1
    wrong = [
        taken
        for taken in score.not_facts_taken
        if taken["trap"]["why"].startswith(NON_FIGURE_KINDS)
    ]
    assert wrong == []
    assert all(fact["evidence"]["text"] for fact in found["facts"])
