"""The review workflow, commands (vigia.services.review) and reads (vigia.services.fact_views), on
SQLite and PostgreSQL."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.domain import Document
from vigia.errors import (
    InvalidTransition,
    InvalidValue,
    NotFound,
    PermissionDenied,
    ReviewError,
)
from vigia.permissions import Principal, principal_for
from vigia.services.accounts import create_user, find_user, set_active
from vigia.services.fact_views import FactValues, find_fact_view, list_fact_views, review_queue
from vigia.services.review import (
    confirm_fact,
    correct_fact,
    publish_fact,
    reject_fact,
    review_facts,
    unpublish_fact,
)
from vigia.store.audit import list_entries
from vigia.store.models import FactRow
from vigia.store.repository import store_document

MakeDocument = Callable[..., Document]
PASSWORD = "a long enough password"
HOSTILE = "x' OR 1=1 --"
ANONYMOUS = Principal.anonymous()
STATUSES = ("proposed", "confirmed", "corrected", "rejected", "published")
ACTIONS = ("confirm", "correct", "reject", "publish", "unpublish")


@dataclass(frozen=True)
class Facts:
    """The ids of the stored facts, by whom they are about."""

    cri_trained: int  # persons_trained, CRI, 6000 at least, 2011
    cri_complaints: int  # complaints, CRI, 45
    organisation: int  # other_count, UNODC (no country), 3.5
    per_investigations: int  # investigations, PER, 10 to 12, 2012

    @property
    def all(self) -> list[int]:
        return [self.cri_trained, self.cri_complaints, self.organisation, self.per_investigations]


@dataclass(frozen=True)
class People:
    secretariat: Principal
    focal_point_cri: Principal
    focal_point_per: Principal
    administrator: Principal


@pytest.fixture
def facts(session: Session, make_document: MakeDocument) -> Facts:
    """One stored document whose four facts are about CRI, CRI, UNODC and PER."""
    document = make_document("review")
    trained, complaints, other, investigations = document.facts
    trained.country = complaints.country = "CRI"
    other.country, other.actor = None, "UNODC"
    investigations.country = "PER"
    store_document(session, document)
    rows = session.execute(select(FactRow.indicator, FactRow.id)).all()
    ids = dict((indicator, fact_id) for indicator, fact_id in rows)
    return Facts(
        ids["persons_trained"], ids["complaints"], ids["other_count"], ids["investigations"]
    )


@pytest.fixture
def people(session: Session) -> People:
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)

    def principal(email: str, role: str, country: str | None = None) -> Principal:
        user = create_user(session, email, PASSWORD, role, country, hasher=hasher)
        return principal_for(user)

    return People(
        secretariat=principal("sec@example.org", "secretariat"),
        focal_point_cri=principal("cri@example.org", "focal_point", "CRI"),
        focal_point_per=principal("per@example.org", "focal_point", "PER"),
        administrator=principal("admin@example.org", "administrator"),
    )


def _fact(session: Session, fact_id: int) -> FactRow:
    session.expire_all()
    return session.get_one(FactRow, fact_id)


def _fact_entries(session: Session) -> list[Any]:
    """Audit entries about facts, oldest first."""
    return [entry for entry in reversed(list_entries(session)) if entry.entity == "facts"]


def _put_in(session: Session, fact_id: int, status: str) -> None:
    """Give a fact ``status`` directly, as if it had been reviewed so (corrected when so)."""
    fact = _fact(session, fact_id)
    fact.status = status
    fact.corrected_value = 7000.0 if status == "corrected" else None
    fact.corrected_qualifier = "exact" if status == "corrected" else None
    fact.corrected_indicator = fact.indicator if status == "corrected" else None
    session.commit()


def _act(session: Session, principal: Principal, fact_id: int, action: str) -> str:
    """Do ``action``; the fact's status after it, or "refused" on InvalidTransition."""
    calls: dict[str, Callable[[], object]] = {
        "confirm": lambda: confirm_fact(session, principal, fact_id),
        "correct": lambda: correct_fact(session, principal, fact_id, 6500),
        "reject": lambda: reject_fact(session, principal, fact_id, "not a count of persons"),
        "publish": lambda: publish_fact(session, principal, fact_id),
        "unpublish": lambda: unpublish_fact(session, principal, fact_id),
    }
    try:
        calls[action]()
    except InvalidTransition:
        return "refused"
    return _fact(session, fact_id).status


# --- Transitions --------------------------------------------------------------------------------

EXPECTED_TRANSITIONS = {
    ("proposed", "confirm"): "confirmed",
    ("proposed", "correct"): "corrected",
    ("proposed", "reject"): "rejected",
    ("proposed", "publish"): "refused",
    ("proposed", "unpublish"): "refused",
    ("confirmed", "confirm"): "refused",
    ("confirmed", "correct"): "corrected",
    ("confirmed", "reject"): "rejected",
    ("confirmed", "publish"): "published",
    ("confirmed", "unpublish"): "refused",
    ("corrected", "confirm"): "refused",
    ("corrected", "correct"): "corrected",
    ("corrected", "reject"): "rejected",
    ("corrected", "publish"): "published",
    ("corrected", "unpublish"): "refused",
    ("rejected", "confirm"): "confirmed",
    ("rejected", "correct"): "corrected",
    ("rejected", "reject"): "refused",
    ("rejected", "publish"): "refused",
    ("rejected", "unpublish"): "refused",
    ("published", "confirm"): "refused",
    ("published", "correct"): "refused",
    ("published", "reject"): "refused",
    ("published", "publish"): "refused",
    ("published", "unpublish"): "confirmed",
}


def test_review_transitions_allowed_and_refused(
    session: Session, facts: Facts, people: People
) -> None:
    outcomes = {}
    for status in STATUSES:
        for action in ACTIONS:
            _put_in(session, facts.cri_trained, status)
            outcomes[status, action] = _act(session, people.secretariat, facts.cri_trained, action)

    assert outcomes == EXPECTED_TRANSITIONS


def test_refused_transition_changes_nothing_and_says_why(
    session: Session, facts: Facts, people: People
) -> None:
    with pytest.raises(
        InvalidTransition, match="is proposed: only confirmed or corrected"
    ) as raised:
        publish_fact(session, people.secretariat, facts.cri_trained)

    assert raised.value.fact_id == facts.cri_trained
    assert _fact(session, facts.cri_trained).status == "proposed"
    assert _fact_entries(session) == []


def test_unpublish_fact_returns_a_corrected_fact_to_corrected(
    session: Session, facts: Facts, people: People
) -> None:
    correct_fact(session, people.secretariat, facts.cri_trained, 6100)
    publish_fact(session, people.secretariat, facts.cri_trained)

    view = unpublish_fact(session, people.secretariat, facts.cri_trained, note="typo in source")

    assert (view.status, view.value, view.published_at, view.published_by) == (
        "corrected",
        6100,
        None,
        None,
    )
    assert _fact_entries(session)[-1].details == {"note": "typo in source"}


def test_confirm_fact_records_who_reviewed_and_when(
    session: Session, facts: Facts, people: People
) -> None:
    before = datetime.now(UTC) - timedelta(seconds=1)

    view = confirm_fact(session, people.focal_point_cri, facts.cri_trained, note=" looks right ")

    assert (view.status, view.review_note) == ("confirmed", "looks right")
    assert view.reviewed_by == people.focal_point_cri.user_id
    assert view.reviewed_at is not None and view.reviewed_at >= before
    assert view.reviewed_at.tzinfo is not None


def test_publish_fact_records_who_published_and_when(
    session: Session, facts: Facts, people: People
) -> None:
    confirm_fact(session, people.focal_point_per, facts.per_investigations)

    view = publish_fact(session, people.secretariat, facts.per_investigations)

    assert view.status == "published"
    assert view.published_by == people.secretariat.user_id
    assert view.published_at is not None
    assert view.reviewed_by == people.focal_point_per.user_id


def test_confirm_after_rejection_clears_the_correction(
    session: Session, facts: Facts, people: People
) -> None:
    correct_fact(session, people.secretariat, facts.cri_trained, 6100)
    reject_fact(session, people.secretariat, facts.cri_trained, "a duplicate")

    view = confirm_fact(session, people.secretariat, facts.cri_trained)

    assert (view.status, view.value, view.corrected, view.review_note) == (
        "confirmed",
        6000,
        None,
        None,
    )


# --- Permissions --------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["confirm", "correct", "reject"])
def test_focal_point_cannot_review_another_countrys_fact(
    session: Session, facts: Facts, people: People, action: str
) -> None:
    with pytest.raises(PermissionDenied, match="about PER; a focal point of CRI") as raised:
        _act(session, people.focal_point_cri, facts.per_investigations, action)

    assert raised.value.fact_id == facts.per_investigations
    assert _fact(session, facts.per_investigations).status == "proposed"
    assert _fact_entries(session) == []


@pytest.mark.parametrize("action", ["confirm", "correct", "reject"])
def test_focal_point_cannot_review_an_organisations_fact(
    session: Session, facts: Facts, people: People, action: str
) -> None:
    with pytest.raises(PermissionDenied, match="about no country"):
        _act(session, people.focal_point_cri, facts.organisation, action)

    assert _fact(session, facts.organisation).status == "proposed"


def test_focal_point_reviews_its_own_countrys_facts(
    session: Session, facts: Facts, people: People
) -> None:
    assert _act(session, people.focal_point_cri, facts.cri_trained, "confirm") == "confirmed"
    assert _act(session, people.focal_point_cri, facts.cri_complaints, "reject") == "rejected"
    assert _act(session, people.focal_point_per, facts.per_investigations, "correct") == "corrected"


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_focal_point_cannot_publish_even_its_own_countrys_fact(
    session: Session, facts: Facts, people: People, action: str
) -> None:
    _put_in(session, facts.cri_trained, "confirmed" if action == "publish" else "published")

    with pytest.raises(PermissionDenied, match="only the secretariat"):
        _act(session, people.focal_point_cri, facts.cri_trained, action)

    assert _fact_entries(session) == []


def test_secretariat_reviews_every_country_and_organisations(
    session: Session, facts: Facts, people: People
) -> None:
    for fact_id in (facts.per_investigations, facts.organisation, facts.cri_trained):
        assert _act(session, people.secretariat, fact_id, "confirm") == "confirmed"
        assert _act(session, people.secretariat, fact_id, "publish") == "published"


@pytest.mark.parametrize("action", ACTIONS)
def test_administrators_and_anonymous_users_cannot_review_or_publish(
    session: Session, facts: Facts, people: People, action: str
) -> None:
    for principal in (people.administrator, ANONYMOUS):
        with pytest.raises(PermissionDenied):
            _act(session, principal, facts.cri_trained, action)

    assert _fact_entries(session) == []


def test_a_user_deactivated_since_logging_in_cannot_review(
    session: Session, facts: Facts, people: People
) -> None:
    account = find_user(session, "cri@example.org")
    assert account is not None
    set_active(session, account, False)

    with pytest.raises(PermissionDenied, match="deactivated"):
        confirm_fact(session, people.focal_point_cri, facts.cri_trained)


def test_permission_denied_is_a_review_error(session: Session, facts: Facts) -> None:
    with pytest.raises(ReviewError, match="anonymous user may not review"):
        confirm_fact(session, ANONYMOUS, facts.cri_trained)


def test_missing_fact_is_not_found(session: Session, facts: Facts, people: People) -> None:
    for fact_id in (max(facts.all) + 1, 0, -3, 2**40):
        with pytest.raises(NotFound, match="no fact"):
            confirm_fact(session, people.secretariat, fact_id)


# --- Corrections --------------------------------------------------------------------------------


def test_correct_fact_keeps_the_extracted_figure_beside_the_corrected_one(
    session: Session, facts: Facts, people: People
) -> None:
    view = correct_fact(
        session,
        people.focal_point_per,
        facts.per_investigations,
        14,
        value_min=11,
        qualifier="approximately",
        year=2013,
        note="the table on page 2 says 11 to 14",
    )
    row = _fact(session, facts.per_investigations)

    assert (view.value, view.value_min, view.qualifier, view.year) == (
        14,
        11,
        "approximately",
        2013,
    )
    assert view.extracted == FactValues("investigations", 12, 10, "exact", 2012)
    assert view.corrected == FactValues("investigations", 14, 11, "approximately", 2013)
    assert view.is_corrected
    assert (row.value, row.value_min, row.qualifier, row.year) == (12.0, 10.0, "exact", 2012)
    assert view.review_note == "the table on page 2 says 11 to 14"


def test_correct_fact_keeps_what_is_not_given_and_drops_the_range(
    session: Session, facts: Facts, people: People
) -> None:
    view = correct_fact(session, people.secretariat, facts.per_investigations, 9)

    assert view.corrected == FactValues("investigations", 9, None, "exact", 2012)


def test_correct_fact_again_starts_from_the_previous_correction(
    session: Session, facts: Facts, people: People
) -> None:
    correct_fact(session, people.secretariat, facts.cri_trained, 6100, qualifier="approximately")

    view = correct_fact(session, people.secretariat, facts.cri_trained, 6200, year=2012)

    assert view.corrected == FactValues("persons_trained", 6200, None, "approximately", 2012)
    assert view.extracted == FactValues("persons_trained", 6000, None, "at_least", 2011)


def test_correct_fact_to_another_indicator_takes_its_unit(
    session: Session, facts: Facts, people: People
) -> None:
    view = correct_fact(
        session, people.secretariat, facts.cri_trained, 6000, indicator="complaints"
    )

    assert (view.indicator, view.unit, view.extracted.indicator) == (
        "complaints",
        "count",
        "persons_trained",
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"value": math.nan}, "not a finite number"),
        ({"value": math.inf}, "not a finite number"),
        ({"value": 10**400}, "not a finite number"),
        ({"value": -1}, "zero or more"),
        ({"value": "12"}, "not a number"),
        ({"value": True}, "not a number"),
        ({"value": 5, "value_min": 6}, "more than value"),
        ({"value": 5, "value_min": -1}, "value_min"),
        ({"value": 5, "qualifier": "roughly"}, "unknown qualifier"),
        ({"value": 5, "indicator": "victims"}, "unknown indicator"),
        ({"value": 5, "indicator": HOSTILE}, "unknown indicator"),
        ({"value": 5, "year": 1066}, "between 1900 and 2100"),
        ({"value": 5, "year": "2011"}, "not a whole number"),
        ({"value": 5, "note": "x" * 4001}, "at most 4000 characters"),
    ],
)
def test_correct_fact_refuses_bad_values_and_changes_nothing(
    session: Session, facts: Facts, people: People, arguments: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidValue, match=message) as raised:
        correct_fact(session, people.secretariat, facts.cri_trained, **arguments)

    assert raised.value.fact_id == facts.cri_trained
    row = _fact(session, facts.cri_trained)
    assert (row.status, row.corrected_value, row.reviewed_by) == ("proposed", None, None)
    assert _fact_entries(session) == []


@pytest.mark.parametrize("note", ["", "   ", None])
def test_reject_fact_needs_a_note(
    session: Session, facts: Facts, people: People, note: str | None
) -> None:
    with pytest.raises(InvalidValue, match="needs a note"):
        reject_fact(session, people.secretariat, facts.cri_trained, note)  # type: ignore[arg-type]

    assert _fact(session, facts.cri_trained).status == "proposed"


# --- Bulk review --------------------------------------------------------------------------------


def test_review_facts_changes_every_fact_and_audits_each(
    session: Session, facts: Facts, people: People
) -> None:
    views = review_facts(session, people.secretariat, facts.all, "confirm")

    assert [view.id for view in views] == facts.all
    assert {view.status for view in views} == {"confirmed"}
    entries = _fact_entries(session)
    assert sorted(int(entry.entity_id) for entry in entries) == sorted(facts.all)
    assert {entry.details["bulk"] for entry in entries if entry.details} == {4}


def test_review_facts_is_all_or_nothing_on_a_permission(
    session: Session, facts: Facts, people: People
) -> None:
    ids = [facts.cri_trained, facts.per_investigations, facts.cri_complaints]

    with pytest.raises(PermissionDenied, match=f"fact {facts.per_investigations} ") as raised:
        review_facts(session, people.focal_point_cri, ids, "confirm")

    assert raised.value.fact_id == facts.per_investigations
    assert {_fact(session, fact_id).status for fact_id in ids} == {"proposed"}
    assert _fact_entries(session) == []


def test_review_facts_is_all_or_nothing_on_a_transition(
    session: Session, facts: Facts, people: People
) -> None:
    review_facts(session, people.secretariat, [facts.cri_trained, facts.organisation], "confirm")
    ids = [facts.cri_trained, facts.organisation, facts.per_investigations]

    with pytest.raises(InvalidTransition, match=f"fact {facts.per_investigations} is proposed"):
        review_facts(session, people.secretariat, ids, "publish")

    assert [_fact(session, fact_id).status for fact_id in ids] == [
        "confirmed",
        "confirmed",
        "proposed",
    ]
    assert [entry.action for entry in _fact_entries(session)] == ["fact.confirm"] * 2


def test_review_facts_is_all_or_nothing_on_a_missing_fact(
    session: Session, facts: Facts, people: People
) -> None:
    with pytest.raises(NotFound):
        review_facts(session, people.secretariat, [facts.cri_trained, 999_999], "confirm")

    assert _fact(session, facts.cri_trained).status == "proposed"


def test_review_facts_counts_repeated_ids_once(
    session: Session, facts: Facts, people: People
) -> None:
    ids = [facts.cri_trained, facts.cri_trained]

    views = review_facts(session, people.secretariat, ids, "reject", note="duplicate")

    assert [(view.id, view.status) for view in views] == [(facts.cri_trained, "rejected")]


@pytest.mark.parametrize(
    ("action", "note", "message"),
    [
        ("correct", None, "unknown bulk action 'correct'"),
        ("delete", None, "unknown bulk action"),
        ("reject", None, "needs a note"),
    ],
)
def test_review_facts_refuses_bad_requests(
    session: Session, facts: Facts, people: People, action: str, note: str | None, message: str
) -> None:
    with pytest.raises(InvalidValue, match=message):
        review_facts(session, people.secretariat, facts.all, action, note=note)

    assert _fact_entries(session) == []


def test_review_facts_refuses_too_many_facts(session: Session, people: People) -> None:
    with pytest.raises(InvalidValue, match="at most 500"):
        review_facts(session, people.secretariat, range(1, 502), "confirm")


# --- The audit log ------------------------------------------------------------------------------


def test_every_review_is_audited_with_before_and_after(
    session: Session, facts: Facts, people: People
) -> None:
    fact_id = facts.cri_trained
    confirm_fact(session, people.focal_point_cri, fact_id)
    correct_fact(session, people.focal_point_cri, fact_id, 6100)
    reject_fact(session, people.secretariat, fact_id, "counted twice")
    confirm_fact(session, people.secretariat, fact_id)
    publish_fact(session, people.secretariat, fact_id)
    unpublish_fact(session, people.secretariat, fact_id)

    entries = _fact_entries(session)

    assert [(entry.action, entry.before["status"], entry.after["status"]) for entry in entries] == [
        ("fact.confirm", "proposed", "confirmed"),
        ("fact.correct", "confirmed", "corrected"),
        ("fact.reject", "corrected", "rejected"),
        ("fact.confirm", "rejected", "confirmed"),
        ("fact.publish", "confirmed", "published"),
        ("fact.unpublish", "published", "confirmed"),
    ]
    assert {(entry.entity, entry.entity_id) for entry in entries} == {("facts", str(fact_id))}
    assert [entry.actor_label for entry in entries[:3]] == [
        "cri@example.org",
        "cri@example.org",
        "sec@example.org",
    ]
    corrected = entries[1]
    assert (corrected.before["corrected_value"], corrected.after["corrected_value"]) == (None, 6100)
    assert corrected.after["value"] == 6000
    assert entries[2].after["review_note"] == "counted twice"
    assert entries[4].after["published_by"] == people.secretariat.user_id


# --- Reading ------------------------------------------------------------------------------------


def _ids(page: tuple[list[Any], int]) -> tuple[list[int], int]:
    views, total = page
    return [view.id for view in views], total


def test_list_fact_views_shows_anonymous_users_published_facts_only(
    session: Session, facts: Facts, people: People
) -> None:
    review_facts(session, people.secretariat, facts.all, "confirm")
    publish_fact(session, people.secretariat, facts.per_investigations)

    assert _ids(list_fact_views(session, ANONYMOUS)) == ([facts.per_investigations], 1)
    assert _ids(list_fact_views(session, ANONYMOUS, status="confirmed")) == ([], 0)
    assert _ids(list_fact_views(session, ANONYMOUS, country="CRI")) == ([], 0)
    assert _ids(list_fact_views(session, people.administrator)) == ([facts.per_investigations], 1)


def test_list_fact_views_shows_a_focal_point_its_countrys_unpublished_facts(
    session: Session, facts: Facts, people: People
) -> None:
    confirm_fact(session, people.secretariat, facts.organisation)
    publish_fact(session, people.secretariat, facts.organisation)

    listed = _ids(list_fact_views(session, people.focal_point_cri))

    assert listed == ([facts.cri_trained, facts.cri_complaints, facts.organisation], 3)
    assert _ids(list_fact_views(session, people.focal_point_cri, country="PER")) == ([], 0)


def test_list_fact_views_shows_the_secretariat_everything(
    session: Session, facts: Facts, people: People
) -> None:
    assert _ids(list_fact_views(session, people.secretariat)) == (facts.all, 4)
    assert _ids(list_fact_views(session, people.secretariat, country="PER")) == (
        [facts.per_investigations],
        1,
    )


@pytest.mark.parametrize("filter_name", ["country", "indicator", "status"])
def test_list_fact_views_with_hostile_filters_returns_nothing(
    session: Session, facts: Facts, people: People, filter_name: str
) -> None:
    filters: dict[str, Any] = {filter_name: HOSTILE}
    for principal in (people.secretariat, ANONYMOUS):
        page = list_fact_views(session, principal, **filters)

        assert _ids(page) == ([], 0)
    assert len(session.scalars(select(FactRow)).all()) == 4


def test_list_fact_views_pages_with_a_total(session: Session, facts: Facts, people: People) -> None:
    pages = [
        _ids(list_fact_views(session, people.secretariat, limit=3, offset=offset))
        for offset in (0, 3, 6)
    ]

    assert pages == [(facts.all[:3], 4), (facts.all[3:], 4), ([], 4)]
    assert _ids(list_fact_views(session, people.secretariat, limit=0)) == ([], 4)


@pytest.mark.parametrize(("limit", "offset"), [(-1, 0), (501, 0), (10, -1), (True, 0)])
def test_list_fact_views_refuses_bad_pages(
    session: Session, people: People, limit: int, offset: int
) -> None:
    with pytest.raises(InvalidValue, match=r"limit|offset"):
        list_fact_views(session, people.secretariat, limit=limit, offset=offset)


def test_list_fact_views_filters_on_the_corrected_indicator_and_year(
    session: Session, facts: Facts, people: People
) -> None:
    correct_fact(
        session, people.secretariat, facts.cri_trained, 40, indicator="complaints", year=2015
    )

    complaints = _ids(list_fact_views(session, people.secretariat, indicator="complaints"))
    trained = _ids(list_fact_views(session, people.secretariat, indicator="persons_trained"))

    assert complaints == ([facts.cri_trained, facts.cri_complaints], 2)
    assert trained == ([], 0)
    assert _ids(list_fact_views(session, people.secretariat, year=2015)) == ([facts.cri_trained], 1)
    assert _ids(list_fact_views(session, people.secretariat, year=2011)) == ([], 0)


def test_fact_view_carries_the_evidence_and_the_document(
    session: Session, facts: Facts, people: People, make_document: MakeDocument
) -> None:
    sentence = make_document("review").facts[3].evidence

    [view], _total = list_fact_views(session, people.secretariat, country="PER")

    assert (view.evidence_text, view.evidence_start, view.evidence_end, view.page) == (
        sentence.text,
        sentence.start,
        sentence.end,
        2,
    )
    assert view.document_path == "review.txt"
    assert (view.country, view.actor, view.unit, view.component) == (
        "PER",
        None,
        "count",
        "test_component",
    )
    assert (view.value, view.value_min, view.corrected) == (12, 10, None)


def test_review_queue_lists_the_proposed_facts_a_principal_may_review(
    session: Session, facts: Facts, people: People
) -> None:
    confirm_fact(session, people.secretariat, facts.cri_complaints)

    assert _ids(review_queue(session, people.focal_point_cri)) == ([facts.cri_trained], 1)
    assert _ids(review_queue(session, people.focal_point_per)) == ([facts.per_investigations], 1)
    assert _ids(review_queue(session, people.secretariat, limit=2)) == (
        [facts.cri_trained, facts.organisation],
        3,
    )
    assert _ids(review_queue(session, people.administrator)) == ([], 0)
    assert _ids(review_queue(session, ANONYMOUS)) == ([], 0)


def test_review_queue_shows_the_least_sure_facts_first_and_those_without_confidence_last(
    session: Session, facts: Facts, people: People
) -> None:
    for fact_id, confidence in (
        (facts.cri_trained, 0.9),
        (facts.per_investigations, 0.4),
        (facts.organisation, 0.6),
    ):
        _fact(session, fact_id).confidence = confidence
        session.commit()

    queue, total = review_queue(session, people.secretariat)

    ids = [view.id for view in queue]
    assert ids[:3] == [facts.per_investigations, facts.organisation, facts.cri_trained]
    assert [view.confidence for view in queue[3:]] == [None] * (total - 3)
    assert queue[0].confidence == 0.4


def test_find_fact_view_hides_unpublished_facts_from_anonymous_users(
    session: Session, facts: Facts, people: People
) -> None:
    with pytest.raises(NotFound):
        find_fact_view(session, ANONYMOUS, facts.cri_trained)
    with pytest.raises(NotFound):
        find_fact_view(session, people.focal_point_per, facts.cri_trained)
    assert find_fact_view(session, people.focal_point_cri, facts.cri_trained).status == "proposed"

    confirm_fact(session, people.secretariat, facts.cri_trained)
    publish_fact(session, people.secretariat, facts.cri_trained)

    assert find_fact_view(session, ANONYMOUS, facts.cri_trained).status == "published"


def _uploaded_for(session: Session, fact_id: int, country: str) -> None:
    """Mark the document of ``fact_id`` as uploaded for ``country``."""
    _fact(session, fact_id).document.country = country
    session.commit()


def test_a_document_uploaded_for_one_state_gives_its_other_states_facts_to_the_secretariat(
    session: Session, facts: Facts, people: People
) -> None:
    _uploaded_for(session, facts.per_investigations, "CRI")

    with pytest.raises(PermissionDenied, match="uploaded for CRI"):
        confirm_fact(session, people.focal_point_per, facts.per_investigations)
    with pytest.raises(NotFound):
        find_fact_view(session, people.focal_point_per, facts.per_investigations)
    queue, total = review_queue(session, people.focal_point_per)
    assert (queue, total) == ([], 0)
    assert confirm_fact(session, people.focal_point_cri, facts.cri_trained).status == "confirmed"
    confirmed = confirm_fact(session, people.secretariat, facts.per_investigations)
    assert confirmed.status == "confirmed"
    cri_queue, _ = review_queue(session, people.focal_point_cri)
    assert [view.id for view in cri_queue] == [facts.cri_complaints]
