"""Area mappings as stored, and their review (mapping old documents: tests/services)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.evaluate.reports import (
    RTP5_PORTUGUESE,
    Reviewers,
    StoreReports,
    evaluation_session,
    reviewers,
    store_reports,
)
from vigia.errors import InvalidValue, PermissionDenied
from vigia.evaluate.mappings import list_mappings, review_mapping
from vigia.evaluate.scorecard import evaluate_state
from vigia.store.models import AreaMappingRow

__all__ = ["evaluation_session", "reviewers", "store_reports"]


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AreaMappingRow)) or 0


def test_review_mapping_moves_a_sentence_to_another_area(
    evaluation_session: Session, store_reports: StoreReports, reviewers: Reviewers
) -> None:
    store_reports(RTP5_PORTUGUESE)
    mapping = list_mappings(evaluation_session, country="ARG")[0]
    target = "information" if mapping.area != "information" else "training"

    moved = review_mapping(
        evaluation_session, reviewers.focal_point_arg, mapping.id, "move", target
    )

    assert (moved.area, moved.original_area, moved.status) == (target, mapping.area, "moved")
    evidence = evaluate_state(evaluation_session, "RTP-V", "ARG").area(target).evidence  # type: ignore[union-attr]
    assert mapping.text in [item.text for item in evidence]


def test_review_mapping_dismissed_sentence_is_no_longer_evidence(
    evaluation_session: Session, store_reports: StoreReports, reviewers: Reviewers
) -> None:
    store_reports(RTP5_PORTUGUESE)
    mapping = list_mappings(evaluation_session, country="ARG")[0]
    review_mapping(evaluation_session, reviewers.secretariat, mapping.id, "dismiss")
    evidence = evaluate_state(evaluation_session, "RTP-V", "ARG").area(mapping.area).evidence  # type: ignore[union-attr]
    assert mapping.id not in [item.mapping_id for item in evidence]


def test_review_mapping_refused_for_another_countrys_sentences(
    evaluation_session: Session, store_reports: StoreReports, reviewers: Reviewers
) -> None:
    store_reports(RTP5_PORTUGUESE)
    mapping = list_mappings(evaluation_session, country="ARG")[0]
    with pytest.raises(PermissionDenied):
        review_mapping(evaluation_session, reviewers.focal_point_cri, mapping.id, "accept")
    with pytest.raises(InvalidValue, match="unknown area"):
        review_mapping(evaluation_session, reviewers.secretariat, mapping.id, "move", "sports")
    assert list_mappings(evaluation_session, country="ARG")[0].status == "proposed"
