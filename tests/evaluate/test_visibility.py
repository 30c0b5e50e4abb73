"""What of an evaluation a caller sees: drafts only for who may review the state."""

from __future__ import annotations

from sqlalchemy.orm import Session

from tests.evaluate.reports import (
    RTP4_SPANISH,
    Reviewers,
    StoreReports,
    evaluation_session,
    reviewers,
    store_reports,
)
from vigia.domain import Rating
from vigia.evaluate.changes import compare_rounds
from vigia.evaluate.ratings import confirm_rating
from vigia.evaluate.scorecard import area_to_data, evaluate_meeting
from vigia.evaluate.visibility import as_seen_by, drafts_readable_by
from vigia.permissions import Principal

__all__ = ["evaluation_session", "reviewers", "store_reports"]


def test_as_seen_by_the_public_withholds_every_unconfirmed_rating(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH)
    drafts = evaluate_meeting(evaluation_session, "RTP-IV")

    public = as_seen_by(drafts, drafts_readable_by(Principal.anonymous()))

    assert [state.country for state in public.states] == [state.country for state in drafts.states]
    for state in public.states:
        assert not state.indicators_reported and not state.indicators_missing
        for area in state.areas:
            assert area.withheld
            assert area.rating == area.proposed_rating == Rating.NO_INFORMATION
            assert not (area.evidence or area.figures or area.activities)
            assert area_to_data(area)["rating"] is None
    assert any(area.rating != Rating.NO_INFORMATION for s in drafts.states for area in s.areas)


def test_as_seen_by_shows_confirmed_ratings_and_the_reviewers_drafts(
    evaluation_session: Session, store_reports: StoreReports, reviewers: Reviewers
) -> None:
    store_reports(RTP4_SPANISH)
    drafts = evaluate_meeting(evaluation_session, "RTP-IV")
    cri = drafts.state("CRI")
    assert cri is not None
    area = next(item for item in cri.areas if item.rating != Rating.NO_INFORMATION)
    confirm_rating(evaluation_session, reviewers.secretariat, "RTP-IV", "CRI", area.area)
    confirmed = evaluate_meeting(evaluation_session, "RTP-IV")

    public = as_seen_by(confirmed, drafts_readable_by(Principal.anonymous())).state("CRI")
    focal = as_seen_by(confirmed, drafts_readable_by(reviewers.focal_point_cri))

    assert public is not None
    shown = public.area(area.area)
    assert shown is not None and not shown.withheld and shown.rating == area.rating
    assert not shown.evidence and shown.proposed_rating == shown.rating
    assert sum(not item.withheld for item in public.areas) == 1
    assert focal.state("CRI") == confirmed.state("CRI")
    arg = focal.state("ARG")
    assert arg is not None and all(item.withheld for item in arg.areas)


def test_compare_rounds_hides_unconfirmed_ratings_from_the_public(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH)

    public = compare_rounds(
        evaluation_session, "CRI", "RTP-IV", "RTP-IV", drafts_readable_by(Principal.anonymous())
    )
    everything = compare_rounds(evaluation_session, "CRI", "RTP-IV", "RTP-IV")

    assert all(change.before is None and change.after is None for change in public)
    assert any(change.after is not None for change in everything)
