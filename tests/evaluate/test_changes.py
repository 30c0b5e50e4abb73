"""Round-to-round change of a state's ratings."""

from __future__ import annotations

from sqlalchemy.orm import Session

from tests.evaluate.reports import (
    RTP4_SPANISH,
    RTP5_PORTUGUESE,
    StoreReports,
    evaluation_session,
    store_reports,
)
from vigia.domain import Rating
from vigia.evaluate.changes import DECLINED, IMPROVED, UNCHANGED, AreaChange, compare_rounds
from vigia.evaluate.scorecard import evaluate_state
from vigia.plans import AREAS

__all__ = ["evaluation_session", "store_reports"]


def test_area_change_direction() -> None:
    assert AreaChange("training", None, Rating.SOME_EVIDENCE).direction == IMPROVED
    assert AreaChange("training", Rating.SOME_EVIDENCE, Rating.MENTIONED_ONLY).direction == DECLINED
    assert AreaChange("training", Rating.NO_INFORMATION, None).direction == UNCHANGED


def test_compare_rounds_gives_each_area_before_and_after(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH, RTP5_PORTUGUESE)
    changes = compare_rounds(evaluation_session, "ARG", "RTP-IV", "RTP-V")
    assert [change.area for change in changes] == list(AREAS)
    before = evaluate_state(evaluation_session, "RTP-IV", "ARG")
    after = evaluate_state(evaluation_session, "RTP-V", "ARG")
    for change in changes:
        assert change.before == before.area(change.area).rating  # type: ignore[union-attr]
        assert change.after == after.area(change.area).rating  # type: ignore[union-attr]


def test_compare_rounds_for_a_state_absent_from_the_later_round(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH, RTP5_PORTUGUESE)
    changes = compare_rounds(evaluation_session, "PER", "RTP-IV", "RTP-V")
    assert all(change.after is None for change in changes)
