"""Evaluating a meeting's states against the Work Plan, on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from tests.evaluate.reports import (
    RTP4_SPANISH,
    RTP5_PORTUGUESE,
    StoreReports,
    evaluation_session,
    store_reports,
)
from vigia.domain import Rating
from vigia.evaluate.meetings import UnknownMeeting, meeting_codes
from vigia.evaluate.scorecard import evaluate_meeting, evaluate_state, evaluation_to_data
from vigia.plans import AREAS

__all__ = ["evaluation_session", "store_reports"]


def test_evaluate_meeting_rates_the_21_states_of_the_french_report(
    evaluation_session: Session, store_reports: StoreReports, shared_corpus: Path
) -> None:
    report = shared_corpus / "rtp3-rapporteur-report.fr.txt"
    store_reports(report)
    text = report.read_text(encoding="utf-8")

    data = evaluation_to_data(evaluate_meeting(evaluation_session, "RTP-III"))

    assert data["meeting"] == "RTP-III" and data["plan"] == "WP-2010"
    assert len(data["states"]) == 21
    assert {"CRI", "GTM", "USA", "TTO"} <= {state["country"] for state in data["states"]}
    for state in data["states"]:
        assert [area["area"] for area in state["areas"]] == list(AREAS)
        for area in state["areas"]:
            assert (area["rating"] == "no_information") == (not area["evidence"])
            assert all(item["text"] in text for item in area["evidence"])


def test_evaluate_meeting_justifies_a_rating_with_the_states_own_sentences(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH)
    evaluation = evaluate_meeting(evaluation_session, "RTP-IV")
    for state in evaluation.states:
        for area in state.areas:
            for sentence in area.evidence:
                assert sentence.document.endswith("rtp4-informe-relatoria.es.txt")
    rated = [area for state in evaluation.states for area in state.areas]
    assert any(area.rating == Rating.SUBSTANTIAL_EVIDENCE for area in rated)
    assert any(area.rating == Rating.NO_INFORMATION for area in rated)


def test_evaluate_meeting_takes_the_plan_in_force_at_the_meeting(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH, RTP5_PORTUGUESE)
    assert meeting_codes(evaluation_session) == ["RTP-IV", "RTP-V"]
    assert evaluate_meeting(evaluation_session, "RTP-IV").plan == "WP-2010"
    assert evaluate_meeting(evaluation_session, "RTP-V").plan == "WP-2015"


def test_evaluate_meeting_lists_indicators_reported_and_missing(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP5_PORTUGUESE)
    for state in evaluate_meeting(evaluation_session, "RTP-V").states:
        assert not set(state.indicators_reported) & set(state.indicators_missing)
        figures = {f.indicator for area in state.areas for f in area.figures}
        assert figures <= set(state.indicators_reported)


def test_evaluate_meeting_unknown_meeting_is_an_error(evaluation_session: Session) -> None:
    with pytest.raises(UnknownMeeting, match="RTP-IX"):
        evaluate_meeting(evaluation_session, "RTP-IX")


def test_evaluate_state_of_a_state_that_did_not_report_is_an_error(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP5_PORTUGUESE)
    with pytest.raises(UnknownMeeting, match="JAM"):
        evaluate_state(evaluation_session, "RTP-V", "JAM")
