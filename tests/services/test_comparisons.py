"""States side by side: vigia.services.comparisons, on the two-meeting test reports."""

from __future__ import annotations

from sqlalchemy.orm import Session

from tests.evaluate.reports import RTP4_SPANISH, RTP5_PORTUGUESE, Reviewers, StoreReports
from vigia.permissions import Principal
from vigia.services.comparisons import compare_figures, compare_ratings


def test_ratings_side_by_side_at_each_meeting_as_the_caller_may_see_them(
    evaluation_session: Session, store_reports: StoreReports, reviewers: Reviewers
) -> None:
    store_reports(RTP4_SPANISH, RTP5_PORTUGUESE)
    secretariat = compare_ratings(
        evaluation_session, reviewers.secretariat, ["ARG", "GTM"], "legislation"
    )
    assert secretariat.meetings == ["RTP-IV", "RTP-V"]
    assert secretariat.rating("RTP-IV", "ARG") is not None
    assert secretariat.rating("RTP-V", "ARG") is not None  # Argentina reported to both
    assert secretariat.rating("RTP-V", "GTM") is None  # Guatemala did not report to RTP-V
    public = compare_ratings(
        evaluation_session, Principal.anonymous(), ["ARG", "GTM"], "legislation"
    )
    shown = [public.rating(m, s) for m in public.meetings for s in public.states]
    assert all(rating is None or rating.withheld for rating in shown)  # none confirmed yet


def test_figures_side_by_side_by_year_each_cell_from_the_states_facts(
    evaluation_session: Session, store_reports: StoreReports, reviewers: Reviewers
) -> None:
    store_reports(RTP4_SPANISH, RTP5_PORTUGUESE)
    compared = compare_figures(
        evaluation_session, reviewers.secretariat, ["ARG", "BRA"], "persons_trained"
    )
    facts = [value.fact for key, cell in compared.cells.items() for value in cell.values if key[1]]
    assert facts and all(fact.indicator == "persons_trained" for fact in facts)
    assert {fact.country for fact in facts} <= {"ARG", "BRA"}
    assert compared.years == sorted(y for y in compared.years if y is not None) + (
        [None] if None in compared.years else []
    )
    assert (
        compare_figures(
            evaluation_session, Principal.anonymous(), ["ARG", "BRA"], "persons_trained"
        ).cells
        == {}
    )
