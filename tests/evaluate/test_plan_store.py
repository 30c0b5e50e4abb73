"""The Work Plans known to Vigía: reference plans, imported plans, the plan of a meeting."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.evaluate.conftest import SPANISH_RTP4, People, StoreReport
from vigia.errors import InvalidValue, NotFound, PermissionDenied
from vigia.evaluate.plan_store import (
    UnknownPlan,
    all_plans,
    find_plan,
    import_plan,
    plan_for_meeting,
)
from vigia.plans import plan_to_data, work_plans
from vigia.services.accounts import find_user, set_active
from vigia.store.audit import list_entries
from vigia.store.models import WorkPlanRow

PLANS = Path(__file__).resolve().parents[1] / "data" / "plans"
SPANISH_PLAN = (PLANS / "plan-regional-2030.es.txt").read_text(encoding="utf-8")
FRENCH_PLAN = (PLANS / "plan-hemispherique-2030.fr.txt").read_text(encoding="utf-8")


def _stored_plans(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(WorkPlanRow)) or 0


def test_all_plans_lists_the_reference_plans_oldest_first(session: Session) -> None:
    plans = all_plans(session)
    assert list(plans) == ["WP-2010", "WP-2015"]
    assert plans == work_plans()


def test_import_plan_stores_a_plan_that_is_then_known(session: Session, people: People) -> None:
    plan = import_plan(session, people.secretariat, SPANISH_PLAN, "WP-2030", 2030, 2034, "es")

    assert plan.source == "imported" and plan.titles["es"]
    assert len(plan.activities()) > 0
    assert list(all_plans(session)) == ["WP-2010", "WP-2015", "WP-2030"]
    assert find_plan(session, "WP-2030") == plan
    stored = session.scalars(select(WorkPlanRow)).one()
    assert stored.structure == plan_to_data(plan)
    assert stored.imported_by == people.secretariat.user_id


def test_import_plan_is_audited(session: Session, people: People) -> None:
    import_plan(session, people.secretariat, FRENCH_PLAN, "WP-2030", 2030, 2033, "fr")
    entry = list_entries(session, action="plan.import")[0]
    assert entry.entity == "work_plans" and entry.before is None
    assert entry.after is not None and entry.after["code"] == "WP-2030"
    assert entry.actor_label == "secretariat@example.org"


def test_import_plan_keeps_the_document_it_came_from(
    session: Session, people: People, store_report: StoreReport
) -> None:
    document = store_report(SPANISH_RTP4)
    import_plan(session, people.secretariat, SPANISH_PLAN, "WP-2030", 2030, 2034, "es", document.id)
    assert session.scalars(select(WorkPlanRow.document_id)).one() == document.id


def test_import_plan_refuses_the_code_of_a_reference_plan(session: Session, people: People) -> None:
    with pytest.raises(InvalidValue, match=r"WP-2015.*already exists"):
        import_plan(session, people.secretariat, SPANISH_PLAN, "WP-2015", 2030, 2034, "es")
    assert _stored_plans(session) == 0


def test_import_plan_refuses_the_code_of_an_imported_plan(session: Session, people: People) -> None:
    import_plan(session, people.secretariat, SPANISH_PLAN, "WP-2030", 2030, 2034, "es")
    with pytest.raises(InvalidValue, match="already exists"):
        import_plan(session, people.secretariat, FRENCH_PLAN, " WP-2030 ", 2030, 2033, "fr")
    assert _stored_plans(session) == 1


@pytest.mark.parametrize("who", ["focal_point_arg", "administrator", "anonymous"])
def test_import_plan_refused_to_anybody_but_the_secretariat(
    session: Session, people: People, who: str
) -> None:
    with pytest.raises(PermissionDenied, match="only the secretariat"):
        import_plan(session, getattr(people, who), SPANISH_PLAN, "WP-2030", 2030, 2034, "es")
    assert _stored_plans(session) == 0


def test_import_plan_refused_to_a_deactivated_secretariat_user(
    session: Session, people: People
) -> None:
    user = find_user(session, "secretariat@example.org")
    assert user is not None
    set_active(session, user, False)
    with pytest.raises(PermissionDenied, match="deactivated"):
        import_plan(session, people.secretariat, SPANISH_PLAN, "WP-2030", 2030, 2034, "es")


@pytest.mark.parametrize(
    ("text", "code", "starts", "ends", "language", "message"),
    [
        ("Nothing but a paragraph of prose.", "WP-2030", 2030, 2034, "es", "no objectives"),
        (SPANISH_PLAN, "", 2030, 2034, "es", "needs a code"),
        (SPANISH_PLAN, "W" * 65, 2030, 2034, "es", "at most 64"),
        (SPANISH_PLAN, "WP-2030", 2034, 2030, "es", "cannot start"),
        (SPANISH_PLAN, "WP-2030", 30, 2034, "es", "first year 30"),
        (SPANISH_PLAN, "WP-2030", 2030, 2034, "de", "unknown language"),
        ("   ", "WP-2030", 2030, 2034, "es", "empty"),
    ],
)
def test_import_plan_refuses_what_is_not_a_sound_plan(
    session: Session,
    people: People,
    text: str,
    code: str,
    starts: int,
    ends: int,
    language: str,
    message: str,
) -> None:
    with pytest.raises(InvalidValue, match=message):
        import_plan(session, people.secretariat, text, code, starts, ends, language)
    assert _stored_plans(session) == 0


def test_import_plan_refuses_an_unknown_document(session: Session, people: People) -> None:
    with pytest.raises(NotFound, match="no stored document"):
        import_plan(session, people.secretariat, SPANISH_PLAN, "WP-2030", 2030, 2034, "es", 999)
    assert _stored_plans(session) == 0


def test_find_plan_of_an_unknown_code_is_not_found(session: Session) -> None:
    with pytest.raises(UnknownPlan, match="WP-1999"):
        find_plan(session, "WP-1999")
    assert issubclass(UnknownPlan, NotFound)


def test_all_plans_never_lets_an_imported_row_replace_a_reference_plan(session: Session) -> None:
    reference = work_plans()["WP-2015"]
    changed = {**plan_to_data(reference), "starts": 2001, "areas": []}
    session.add(WorkPlanRow(code="WP-2015", structure=changed))
    session.commit()
    assert all_plans(session)["WP-2015"] == reference


@pytest.mark.parametrize(
    ("year", "code"),
    [(2011, "WP-2010"), (2014, "WP-2010"), (2016, "WP-2015"), (1999, "WP-2015"), (None, "WP-2015")],
)
def test_plan_for_meeting_is_the_plan_in_force_else_the_latest(
    session: Session, year: int | None, code: str
) -> None:
    assert plan_for_meeting(session, year).code == code


def test_plan_for_meeting_takes_an_imported_plan_in_force(session: Session, people: People) -> None:
    import_plan(session, people.secretariat, SPANISH_PLAN, "WP-2030", 2030, 2034, "es")
    assert plan_for_meeting(session, 2031).code == "WP-2030"
    assert plan_for_meeting(session, 2040).code == "WP-2015"
