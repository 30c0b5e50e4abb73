"""Gaps, recommendations drafted from them, their adoption and their follow-up, on both databases."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.evaluate.conftest import (
    PORTUGUESE_RTP5,
    SPANISH_RTP4,
    Figure,
    People,
    StoreFigures,
    StoreReport,
    extracted_report,
)
from vigia.domain import LANGUAGES, Finding, FollowUpStatus, Rating
from vigia.errors import InvalidValue, NotFound, PermissionDenied
from vigia.evaluate.follow_up import follow_up, follow_up_to_data, set_follow_up
from vigia.evaluate.gaps import GAP_CODES, find_gaps, gap_message, recommendation_text
from vigia.evaluate.meetings import UnknownMeeting
from vigia.evaluate.recommendations import (
    RecommendationView,
    adopt_recommendation,
    change_recommendations,
    draft_recommendations,
    edit_recommendation,
    list_recommendations,
    recommendation_to_data,
    withdraw_recommendation,
)
from vigia.evaluate.scorecard import evaluate_meeting
from vigia.reference import countries
from vigia.services.review import reject_fact
from vigia.store.audit import list_entries
from vigia.store.models import FactRow, FollowUpRow, RecommendationRow

#: States of the Spanish RTP-IV report that also report to RTP-V, and those that do not.
IN_BOTH = {"ARG", "CHL", "COL", "MEX", "PRY", "USA"}
RTP4_ONLY = {"BOL", "PER", "GTM", "CRI", "DOM", "ECU", "SLV", "VEN", "PAN"}
REPATRIATED = Figure("victims_repatriated", 45, "The ministry repatriated 45 victims in 2014.")


def _stored(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(RecommendationRow)) or 0


def _french_name(country: str) -> str:
    return countries()[country].names["fr"]


def _first(drafts: list[RecommendationView], finding: str) -> RecommendationView:
    return next(draft for draft in drafts if draft.finding == finding)


# --- Gaps ---------------------------------------------------------------------------------------


def test_find_gaps_follows_the_meetings_evaluation(
    session: Session, store_report: StoreReport
) -> None:
    store_report(SPANISH_RTP4)
    evaluation = evaluate_meeting(session, "RTP-IV")

    gaps = find_gaps(session, "RTP-IV")

    for state in evaluation.states:
        mine = [gap for gap in gaps if gap.country == state.country]
        empty = [area.area for area in state.areas if area.rating == Rating.NO_INFORMATION]
        assert [gap.area for gap in mine if gap.code == "area_without_evidence"] == empty
        missing = [gap.indicator for gap in mine if gap.code == "core_indicator_missing"]
        assert missing == state.indicators_missing
    assert {gap.code for gap in gaps} == {"area_without_evidence", "core_indicator_missing"}
    assert all(gap.area is not None for gap in gaps)


def test_find_gaps_words_each_gap_in_english(session: Session, store_report: StoreReport) -> None:
    store_report(SPANISH_RTP4)
    gap = next(gap for gap in find_gaps(session, "RTP-IV") if gap.country == "CRI")
    assert gap.message.startswith("Costa Rica: ")
    assert gap_message(gap, "es").startswith("Costa Rica: ") and gap_message(gap, "es") != (
        gap.message
    )


def test_find_gaps_flags_a_figure_contradiction_involving_the_meeting(
    session: Session, store_report: StoreReport, store_figures: StoreFigures
) -> None:
    store_report(SPANISH_RTP4)
    store_figures("ministry", "PRY", [REPATRIATED])

    [gap] = [gap for gap in find_gaps(session, "RTP-IV") if gap.code == "figure_contradiction"]

    assert (gap.country, gap.indicator, gap.year, gap.area) == (
        "PRY",
        "victims_repatriated",
        2014,
        "protection",
    )
    assert REPATRIATED.sentence in gap.evidence
    assert "Paraguay" in gap.message


def test_find_gaps_of_an_unknown_meeting(session: Session) -> None:
    with pytest.raises(UnknownMeeting):
        find_gaps(session, "RTP-XX")


# --- Drafting -----------------------------------------------------------------------------------


def test_draft_recommendations_drafts_each_gap_once(
    session: Session, store_report: StoreReport, people: People
) -> None:
    store_report(SPANISH_RTP4)
    gaps = find_gaps(session, "RTP-IV")

    drafts = draft_recommendations(session, people.secretariat, "RTP-IV", "es")

    assert len(drafts) == len(gaps) == _stored(session)
    assert {(d.country, d.finding, d.area, d.indicator) for d in drafts} == {
        (gap.country, gap.code, gap.area, gap.indicator) for gap in gaps
    }
    assert all(draft.status == "draft" and draft.meeting == "RTP-IV" for draft in drafts)
    assert all(draft.created_by == people.secretariat.user_id for draft in drafts)
    assert draft_recommendations(session, people.secretariat, "RTP-IV") == []
    assert len(list_entries(session, action="recommendation.draft", limit=None)) == len(drafts)


def test_draft_recommendations_writes_in_the_language_asked(
    session: Session, store_report: StoreReport, people: People
) -> None:
    store_report(SPANISH_RTP4)
    drafts = draft_recommendations(session, people.secretariat, "RTP-IV", "fr")
    area = next(d for d in drafts if d.country == "PER" and d.finding == "area_without_evidence")
    indicator = next(d for d in drafts if d.finding == "core_indicator_missing")
    assert area.text.startswith("Pérou : rendre compte")
    assert indicator.text.startswith(f"{_french_name(indicator.country)} : envisager")
    assert all("{" not in draft.text for draft in drafts)


def test_draft_recommendations_refuses_an_unknown_language(
    session: Session, store_report: StoreReport, people: People
) -> None:
    store_report(SPANISH_RTP4)
    with pytest.raises(InvalidValue, match="unknown language"):
        draft_recommendations(session, people.secretariat, "RTP-IV", "de")
    assert _stored(session) == 0


@pytest.mark.parametrize("who", ["focal_point_arg", "administrator", "anonymous"])
def test_draft_recommendations_refused_to_anybody_but_the_secretariat(
    session: Session, store_report: StoreReport, people: People, who: str
) -> None:
    store_report(SPANISH_RTP4)
    with pytest.raises(PermissionDenied, match="only the secretariat"):
        draft_recommendations(session, getattr(people, who), "RTP-IV")
    assert _stored(session) == 0


def test_recommendation_texts_exist_for_every_gap_and_language() -> None:
    names = {"es": "Brasil", "en": "Brazil", "fr": "Brésil", "pt": "Brasil"}
    for code in GAP_CODES:
        gap = Finding(code, "", "BRA", "protection", "victims_identified", 2015)
        for language in LANGUAGES:
            for text in (recommendation_text(gap, language), gap_message(gap, language)):
                assert text.startswith(names[language]) and "{" not in text, text


# --- Editing, adopting, withdrawing -------------------------------------------------------------


@pytest.fixture
def drafts(session: Session, store_report: StoreReport, people: People) -> list[RecommendationView]:
    """The recommendations drafted from the gaps of the Spanish RTP-IV report."""
    store_report(SPANISH_RTP4)
    return draft_recommendations(session, people.secretariat, "RTP-IV")


def test_adopt_recommendation_by_the_secretariat(
    session: Session, people: People, drafts: list[RecommendationView]
) -> None:
    adopted = adopt_recommendation(session, people.secretariat, drafts[0].id)
    assert adopted.status == "adopted" and adopted.adopted_by == people.secretariat.user_id
    assert adopted.adopted_at is not None and adopted.adopted_at.tzinfo is not None
    entry = list_entries(session, action="recommendation.adopt")[0]
    assert entry.before is not None and entry.before["status"] == "draft"
    assert entry.after is not None and entry.after["status"] == "adopted"
    with pytest.raises(InvalidValue, match="already adopted"):
        adopt_recommendation(session, people.secretariat, drafts[0].id)


@pytest.mark.parametrize("who", ["focal_point_arg", "focal_point_cri", "administrator"])
def test_adopt_edit_withdraw_refused_to_anybody_but_the_secretariat(
    session: Session, people: People, drafts: list[RecommendationView], who: str
) -> None:
    principal = getattr(people, who)
    with pytest.raises(PermissionDenied):
        adopt_recommendation(session, principal, drafts[0].id)
    with pytest.raises(PermissionDenied):
        edit_recommendation(session, principal, drafts[0].id, "Another text.")
    with pytest.raises(PermissionDenied):
        withdraw_recommendation(session, principal, drafts[0].id)
    [unchanged] = list_recommendations(session, country=drafts[0].country, status="draft")[:1]
    assert unchanged.text == drafts[0].text


def test_edit_recommendation_changes_drafts_and_adopted_ones(
    session: Session, people: People, drafts: list[RecommendationView]
) -> None:
    edited = edit_recommendation(session, people.secretariat, drafts[0].id, "  Report more.  ")
    assert edited.text == "Report more." and edited.status == "draft"
    adopt_recommendation(session, people.secretariat, drafts[0].id)
    edited = edit_recommendation(session, people.secretariat, drafts[0].id, "Report much more.")
    assert edited.text == "Report much more." and edited.status == "adopted"
    assert len(list_entries(session, action="recommendation.edit")) == 2


@pytest.mark.parametrize(("text", "message"), [(" ", "empty"), ("x" * 5001, "at most 5000")])
def test_edit_recommendation_refuses_an_empty_or_long_text(
    session: Session, people: People, drafts: list[RecommendationView], text: str, message: str
) -> None:
    with pytest.raises(InvalidValue, match=message):
        edit_recommendation(session, people.secretariat, drafts[0].id, text)


def test_withdrawn_recommendation_can_no_longer_change(
    session: Session, people: People, drafts: list[RecommendationView]
) -> None:
    withdrawn = withdraw_recommendation(session, people.secretariat, drafts[0].id, "Duplicate.")
    assert withdrawn.status == "withdrawn"
    entry = list_entries(session, action="recommendation.withdraw")[0]
    assert entry.details == {"note": "Duplicate."}
    with pytest.raises(InvalidValue, match="withdrawn"):
        edit_recommendation(session, people.secretariat, drafts[0].id, "New text.")
    with pytest.raises(InvalidValue, match="withdrawn"):
        adopt_recommendation(session, people.secretariat, drafts[0].id)
    with pytest.raises(InvalidValue, match="withdrawn"):
        withdraw_recommendation(session, people.secretariat, drafts[0].id)


def test_change_recommendations_adopts_or_withdraws_all_or_none(
    session: Session, people: People, drafts: list[RecommendationView]
) -> None:
    first, second, third = (draft.id for draft in drafts[:3])

    adopted = change_recommendations(session, people.secretariat, [first, second, first], "adopt")

    assert [item.status for item in adopted] == ["adopted", "adopted"]  # repeated ids count once
    entries = list_entries(session, action="recommendation.adopt")
    assert len(entries) == 2 and all(entry.details == {"bulk": 2} for entry in entries)
    with pytest.raises(InvalidValue, match="already adopted"):
        change_recommendations(session, people.secretariat, [third, second], "adopt")
    assert list_recommendations(session, status="draft")[0].id == third  # nothing changed
    with pytest.raises(InvalidValue, match="unknown bulk action"):
        change_recommendations(session, people.secretariat, [third], "publish")
    with pytest.raises(PermissionDenied):
        change_recommendations(session, people.focal_point_arg, [third], "withdraw")
    withdrawn = change_recommendations(
        session, people.secretariat, [third, first], "withdraw", "Merged."
    )
    assert {item.status for item in withdrawn} == {"withdrawn"}
    assert list_entries(session, action="recommendation.withdraw")[0].details == {
        "bulk": 2,
        "note": "Merged.",
    }


def test_draft_recommendations_of_one_state_or_one_area(
    session: Session, people: People, store_report: StoreReport
) -> None:
    store_report(SPANISH_RTP4)

    peru = draft_recommendations(session, people.secretariat, "RTP-IV", "en", country="PER")
    prevention = draft_recommendations(session, people.secretariat, "RTP-IV", area="prevention")

    assert peru and {item.country for item in peru} == {"PER"}
    assert prevention and {item.area for item in prevention} == {"prevention"}
    assert "PER" not in {item.country for item in prevention}  # Peru's were drafted already


@pytest.mark.parametrize("recommendation_id", [999_999, 0, -3])
def test_changing_an_unknown_recommendation_is_not_found(
    session: Session, people: People, recommendation_id: int
) -> None:
    with pytest.raises(NotFound, match="no recommendation"):
        adopt_recommendation(session, people.secretariat, recommendation_id)


def test_list_recommendations_filters_by_meeting_country_and_status(
    session: Session, people: People, drafts: list[RecommendationView]
) -> None:
    adopt_recommendation(session, people.secretariat, drafts[0].id)
    country = drafts[0].country

    assert len(list_recommendations(session)) == len(drafts)
    assert len(list_recommendations(session, meeting="RTP-V")) == 0
    mine = list_recommendations(session, meeting="RTP-IV", country=country)
    assert {item.country for item in mine} == {country}
    assert [item.id for item in list_recommendations(session, status="adopted")] == [drafts[0].id]
    with pytest.raises(InvalidValue, match="unknown recommendation status"):
        list_recommendations(session, status="pending")


def test_recommendation_to_data_is_plain_json(
    session: Session, people: People, drafts: list[RecommendationView]
) -> None:
    adopted = adopt_recommendation(session, people.secretariat, drafts[0].id)
    data = json.loads(json.dumps(recommendation_to_data(adopted)))
    assert data["id"] == adopted.id and data["status"] == "adopted"
    assert data["adopted_at"].endswith("+00:00") and data["follow_ups"] == []


# --- Follow-up ----------------------------------------------------------------------------------


def _adopt_some(session: Session, people: People, drafts: list[RecommendationView]) -> set[int]:
    """Adopt the first recommendation of each kind for each state; their ids."""
    chosen: dict[tuple[str, str], RecommendationView] = {}
    for draft in drafts:
        chosen.setdefault((draft.country, draft.finding), draft)
    for draft in chosen.values():
        adopt_recommendation(session, people.secretariat, draft.id)
    return {draft.id for draft in chosen.values()}


def test_follow_up_of_rtp4_recommendations_at_rtp5(
    session: Session, store_report: StoreReport, people: People, drafts: list[RecommendationView]
) -> None:
    adopted = _adopt_some(session, people, drafts)
    store_report(PORTUGUESE_RTP5)
    later_text = extracted_report(PORTUGUESE_RTP5).text

    views = follow_up(session, "RTP-V")

    assert {view.recommendation.id for view in views} == adopted
    assert all(view.meeting == "RTP-V" and view.computed for view in views)
    for view in views:
        country = view.recommendation.country
        if country in RTP4_ONLY:
            assert view.status == FollowUpStatus.NO_INFORMATION and view.evidence == ()
            continue
        assert country in IN_BOTH and view.status != FollowUpStatus.NO_INFORMATION
        if view.status == FollowUpStatus.NOT_STARTED:
            assert view.evidence == ()
        else:
            assert view.evidence, view
        for item in view.evidence:
            assert item.document.endswith(PORTUGUESE_RTP5) and item.text in later_text
    present = [view for view in views if view.recommendation.country in IN_BOTH]
    assert {view.recommendation.country for view in present} == IN_BOTH
    assert any(view.evidence for view in present)


def test_follow_up_of_an_area_recommendation_follows_the_later_rating(
    session: Session, store_report: StoreReport, people: People, drafts: list[RecommendationView]
) -> None:
    _adopt_some(session, people, drafts)
    store_report(PORTUGUESE_RTP5)
    later = evaluate_meeting(session, "RTP-V")
    expected = {
        Rating.SUBSTANTIAL_EVIDENCE: FollowUpStatus.IMPLEMENTED,
        Rating.SOME_EVIDENCE: FollowUpStatus.IMPLEMENTED,
        Rating.MENTIONED_ONLY: FollowUpStatus.IN_PROGRESS,
        Rating.NO_INFORMATION: FollowUpStatus.NOT_STARTED,
    }
    present = [
        view for view in follow_up(session, "RTP-V") if later.state(view.recommendation.country)
    ]
    for view in present:
        recommendation = view.recommendation
        state = later.state(recommendation.country)
        assert state is not None
        if recommendation.finding == "area_without_evidence":
            area = state.area(recommendation.area or "")
            assert area is not None and view.status == expected[area.rating]
        else:
            reported = recommendation.indicator in state.indicators_reported
            assert (view.status == FollowUpStatus.IMPLEMENTED) == reported
    assert {view.recommendation.finding for view in present} == {
        "area_without_evidence",
        "core_indicator_missing",
    }


def test_follow_up_leaves_out_drafts_and_recommendations_of_the_same_meeting(
    session: Session, store_report: StoreReport, people: People, drafts: list[RecommendationView]
) -> None:
    store_report(PORTUGUESE_RTP5)
    assert follow_up(session, "RTP-V") == []
    adopt_recommendation(session, people.secretariat, drafts[0].id)
    assert follow_up(session, "RTP-IV") == []
    assert [view.recommendation.id for view in follow_up(session, "RTP-V")] == [drafts[0].id]


def test_follow_up_of_a_contradiction_until_the_figure_is_set_right(
    session: Session, store_report: StoreReport, store_figures: StoreFigures, people: People
) -> None:
    store_report(SPANISH_RTP4)
    store_figures("ministry", "PRY", [REPATRIATED])
    drafts = draft_recommendations(session, people.secretariat, "RTP-IV")
    contradiction = _first(drafts, "figure_contradiction")
    adopt_recommendation(session, people.secretariat, contradiction.id)
    store_report(PORTUGUESE_RTP5)

    [view] = follow_up(session, "RTP-V")
    assert view.status == FollowUpStatus.IN_PROGRESS
    assert REPATRIATED.sentence in [item.text for item in view.evidence]

    fact_id = session.scalars(
        select(FactRow.id).where(FactRow.evidence.has(text=REPATRIATED.sentence))
    ).one()
    reject_fact(session, people.secretariat, fact_id, "the ministry counted another year")
    [view] = follow_up(session, "RTP-V")
    assert view.status == FollowUpStatus.IMPLEMENTED


def test_set_follow_up_wins_over_the_computed_status(
    session: Session, store_report: StoreReport, people: People, drafts: list[RecommendationView]
) -> None:
    recommendation = next(d for d in drafts if d.country == "PER")
    adopt_recommendation(session, people.secretariat, recommendation.id)
    store_report(PORTUGUESE_RTP5)

    view = set_follow_up(
        session, people.secretariat, recommendation.id, "RTP-V", "in_progress", " Told by mail. "
    )

    assert (view.status, view.computed_status) == (
        FollowUpStatus.IN_PROGRESS,
        FollowUpStatus.NO_INFORMATION,
    )
    assert not view.computed and view.note == "Told by mail."
    assert view.set_by == people.secretariat.user_id
    [listed] = follow_up(session, "RTP-V")
    assert listed.status == FollowUpStatus.IN_PROGRESS and not listed.computed
    assert listed.recommendation.follow_ups[0].meeting == "RTP-V"
    data = json.loads(json.dumps(follow_up_to_data(listed)))
    assert data["status"] == "in_progress" and data["computed"] is False

    again = set_follow_up(session, people.secretariat, recommendation.id, "RTP-V", "implemented")
    assert again.status == FollowUpStatus.IMPLEMENTED and again.note is None
    assert session.scalar(select(func.count()).select_from(FollowUpRow)) == 1
    entries = list_entries(session, action="recommendation.follow_up")
    assert [entry.after["status"] for entry in entries if entry.after] == [
        "implemented",
        "in_progress",
    ]


def test_set_follow_up_refusals(
    session: Session, store_report: StoreReport, people: People, drafts: list[RecommendationView]
) -> None:
    recommendation = drafts[0]
    store_report(PORTUGUESE_RTP5)
    with pytest.raises(InvalidValue, match="only adopted recommendations"):
        set_follow_up(session, people.secretariat, recommendation.id, "RTP-V", "implemented")
    adopt_recommendation(session, people.secretariat, recommendation.id)
    with pytest.raises(PermissionDenied):
        set_follow_up(session, people.focal_point_arg, recommendation.id, "RTP-V", "implemented")
    with pytest.raises(InvalidValue, match="unknown follow-up status"):
        set_follow_up(session, people.secretariat, recommendation.id, "RTP-V", "done")
    with pytest.raises(InvalidValue, match="later meetings only"):
        set_follow_up(session, people.secretariat, recommendation.id, "RTP-IV", "implemented")
    with pytest.raises(UnknownMeeting):
        set_follow_up(session, people.secretariat, recommendation.id, "RTP-IX", "implemented")
    assert session.scalar(select(func.count()).select_from(FollowUpRow)) == 0
