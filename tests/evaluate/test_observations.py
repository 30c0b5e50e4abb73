"""Observations on the activities of a Work Plan, and the secretariat's answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.evaluate.conftest import People
from vigia.errors import InvalidValue, NotFound, PermissionDenied
from vigia.evaluate.observations import (
    answer_observation,
    count_observations,
    observation_threads,
    submit_observation,
)
from vigia.evaluate.plan_store import import_plan
from vigia.services.accounts import find_user, set_active
from vigia.store.audit import list_entries
from vigia.store.models import ObservationRow

PLAN = "WP-2015"
ACTIVITY = "WP-2015.PROT.1.1"
OTHER_ACTIVITY = "WP-2015.PREV.1.1"
PLANS = Path(__file__).resolve().parents[1] / "data" / "plans"


def _stored(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ObservationRow)) or 0


def test_submit_observation_by_a_focal_point_carries_its_country(
    session: Session, people: People
) -> None:
    view = submit_observation(
        session, people.focal_point_arg, PLAN, ACTIVITY, "  Our shelters now open at night.  "
    )
    assert (view.plan, view.activity, view.parent_id) == (PLAN, ACTIVITY, None)
    assert view.country == "ARG" and view.author_label == "arg@example.org"
    assert view.text == "Our shelters now open at night."
    assert view.created_at.tzinfo is not None and not view.is_answer


def test_submit_observation_by_the_secretariat_has_no_country(
    session: Session, people: People
) -> None:
    view = submit_observation(session, people.secretariat, PLAN, ACTIVITY, "A note for all.")
    assert view.country is None and view.author_id == people.secretariat.user_id


def test_submit_observation_is_audited(session: Session, people: People) -> None:
    view = submit_observation(session, people.focal_point_cri, PLAN, ACTIVITY, "Noted.")
    entry = list_entries(session, action="observation.submit")[0]
    assert entry.entity == "observations" and entry.entity_id == str(view.id)
    assert entry.after is not None and entry.after["country"] == "CRI"


@pytest.mark.parametrize("who", ["administrator", "anonymous"])
def test_submit_observation_refused_to_others_than_focal_points_and_secretariat(
    session: Session, people: People, who: str
) -> None:
    with pytest.raises(PermissionDenied, match="focal points and the secretariat"):
        submit_observation(session, getattr(people, who), PLAN, ACTIVITY, "Hello.")
    assert _stored(session) == 0


def test_submit_observation_refused_to_a_deactivated_focal_point(
    session: Session, people: People
) -> None:
    user = find_user(session, "arg@example.org")
    assert user is not None
    set_active(session, user, False)
    with pytest.raises(PermissionDenied, match="deactivated"):
        submit_observation(session, people.focal_point_arg, PLAN, ACTIVITY, "Hello.")


@pytest.mark.parametrize(
    ("plan", "activity", "message"),
    [("WP-1999", ACTIVITY, "no Work Plan"), (PLAN, "WP-2015.PROT.9.9", "no activity")],
)
def test_submit_observation_on_an_unknown_plan_or_activity_is_not_found(
    session: Session, people: People, plan: str, activity: str, message: str
) -> None:
    with pytest.raises(NotFound, match=message):
        submit_observation(session, people.focal_point_arg, plan, activity, "Hello.")
    assert _stored(session) == 0


@pytest.mark.parametrize(("text", "message"), [("   ", "empty"), ("x" * 5001, "at most 5000")])
def test_submit_observation_refuses_an_empty_or_long_text(
    session: Session, people: People, text: str, message: str
) -> None:
    with pytest.raises(InvalidValue, match=message):
        submit_observation(session, people.focal_point_arg, PLAN, ACTIVITY, text)
    assert _stored(session) == 0


def test_submit_observation_on_an_imported_plan(session: Session, people: People) -> None:
    text = (PLANS / "plan-regional-2030.es.txt").read_text(encoding="utf-8")
    plan = import_plan(session, people.secretariat, text, "WP-2030", 2030, 2034, "es")
    activity = plan.activities()[0][2].code
    view = submit_observation(session, people.focal_point_cri, "WP-2030", activity, "Bien.")
    assert view.activity == activity


def test_answer_observation_joins_the_thread_of_the_observation(
    session: Session, people: People
) -> None:
    question = submit_observation(session, people.focal_point_arg, PLAN, ACTIVITY, "Question?")
    first = answer_observation(session, people.secretariat, question.id, " First answer. ")
    second = answer_observation(session, people.secretariat, first.id, "Second answer.")

    assert first.parent_id == second.parent_id == question.id
    assert (first.plan, first.activity, first.text) == (PLAN, ACTIVITY, "First answer.")
    assert first.is_answer and first.country is None
    threads = observation_threads(session, PLAN, ACTIVITY)
    assert [thread.observation.id for thread in threads] == [question.id]
    assert [answer.text for answer in threads[0].answers] == ["First answer.", "Second answer."]
    assert list_entries(session, action="observation.answer")[0].entity_id == str(second.id)


@pytest.mark.parametrize("who", ["focal_point_arg", "focal_point_cri", "administrator"])
def test_answer_observation_refused_to_anybody_but_the_secretariat(
    session: Session, people: People, who: str
) -> None:
    question = submit_observation(session, people.focal_point_arg, PLAN, ACTIVITY, "Question?")
    with pytest.raises(PermissionDenied, match="only the secretariat"):
        answer_observation(session, getattr(people, who), question.id, "An answer.")
    assert _stored(session) == 1


@pytest.mark.parametrize("observation_id", [12345, 0, -1, True])
def test_answer_observation_to_an_unknown_observation_is_not_found(
    session: Session, people: People, observation_id: int
) -> None:
    with pytest.raises(NotFound, match="no observation"):
        answer_observation(session, people.secretariat, observation_id, "An answer.")


def test_observation_threads_come_oldest_first_per_activity(
    session: Session, people: People
) -> None:
    first = submit_observation(session, people.focal_point_arg, PLAN, ACTIVITY, "First.")
    submit_observation(session, people.focal_point_arg, PLAN, OTHER_ACTIVITY, "Elsewhere.")
    second = submit_observation(session, people.focal_point_cri, PLAN, ACTIVITY, "Second.")
    answer_observation(session, people.secretariat, first.id, "Answer to the first.")

    threads = observation_threads(session, PLAN, ACTIVITY)

    assert [thread.observation.id for thread in threads] == [first.id, second.id]
    assert [len(thread.answers) for thread in threads] == [1, 0]
    assert observation_threads(session, PLAN, "WP-2015.LEG.1.1") == []


def test_count_observations_counts_threads_per_activity(session: Session, people: People) -> None:
    first = submit_observation(session, people.focal_point_arg, PLAN, ACTIVITY, "First.")
    submit_observation(session, people.focal_point_cri, PLAN, ACTIVITY, "Second.")
    submit_observation(session, people.focal_point_cri, PLAN, OTHER_ACTIVITY, "Third.")
    submit_observation(session, people.focal_point_cri, "WP-2010", "WP-2010.LEG.1.1", "Other plan.")
    answer_observation(session, people.secretariat, first.id, "An answer is no thread.")

    assert count_observations(session, PLAN) == {ACTIVITY: 2, OTHER_ACTIVITY: 1}
    assert count_observations(session, "WP-2030") == {}
