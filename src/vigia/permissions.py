"""Who may do what: pure rules over a :class:`Principal`, without a database.

- A **focal point** reviews, uploads and reads unpublished facts for its own country only: never
  another country's, and never facts without a country (an organisation's or a region's figures
  are the secretariat's to review); nor its country's facts from a document uploaded for another
  country (the secretariat reviews what one state reports about others).
- The **secretariat** does all of that for every country and for facts without one, and is the
  only role that publishes and unpublishes.
- An **administrator** manages accounts, and only that: reviewing is a separate duty, so an
  administrator who also reviews needs a second, secretariat account. Otherwise an administrator
  reads like anybody else.
- **Anybody** (the anonymous principal included) reads published facts.
- Work Plan follow-up: only the secretariat confirms ratings (never those of a state it belongs
  to), drafts, adopts and follows up recommendations, imports plans and answers observations;
  focal points and the secretariat submit observations; reviewers map evidence as they review
  facts (:func:`can_review`).

A deactivated user is anonymous. :func:`review_scope` and :func:`unpublished_scope` give the
same rules as a set of countries, so that queries can apply them in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

#: What a user may be: a country's focal point, the OAS secretariat, an administrator, or a
#: country's case manager (who keeps its victim case register, identities included).
FOCAL_POINT = "focal_point"
SECRETARIAT = "secretariat"
ADMINISTRATOR = "administrator"
CASE_MANAGER = "case_manager"
ROLES = (FOCAL_POINT, SECRETARIAT, ADMINISTRATOR, CASE_MANAGER)
#: The roles that belong to one country.
COUNTRY_ROLES = (FOCAL_POINT, CASE_MANAGER)


class Account(Protocol):
    """What the rules read of a user account (a ``UserRow``, or anything shaped like one)."""

    @property
    def id(self) -> int: ...
    @property
    def role(self) -> str: ...
    @property
    def country(self) -> str | None: ...
    @property
    def is_active(self) -> bool: ...


@dataclass(frozen=True)
class Principal:
    """Who is asking: a user's id, role and (for focal points) country, or nobody."""

    user_id: int | None
    role: str | None
    country: str | None

    @classmethod
    def anonymous(cls) -> Principal:
        return cls(None, None, None)

    @property
    def is_anonymous(self) -> bool:
        return self.user_id is None or self.role is None


def principal_for(user: Account | None) -> Principal:
    """The principal acting as ``user``; anonymous for no user or a deactivated one."""
    if user is None or not user.is_active:
        return Principal.anonymous()
    return Principal(user.id, user.role, user.country)


@dataclass(frozen=True)
class CountryScope:
    """A set of countries; ``every_country`` also covers facts without a country."""

    every_country: bool = False
    countries: frozenset[str] = frozenset()

    def covers(self, country: str | None) -> bool:
        if self.every_country:
            return True
        return country is not None and country in self.countries

    @property
    def is_empty(self) -> bool:
        return not self.every_country and not self.countries


NO_COUNTRY = CountryScope()
EVERY_COUNTRY = CountryScope(every_country=True)


def review_scope(principal: Principal) -> CountryScope:
    """The countries whose facts ``principal`` may confirm, correct or reject."""
    if principal.is_anonymous:
        return NO_COUNTRY
    if principal.role == SECRETARIAT:
        return EVERY_COUNTRY
    if principal.role == FOCAL_POINT and principal.country:
        return CountryScope(countries=frozenset({principal.country}))
    return NO_COUNTRY


def unpublished_scope(principal: Principal) -> CountryScope:
    """The countries whose unpublished facts ``principal`` may read: those it may review."""
    return review_scope(principal)


def can_review(principal: Principal, fact_country: str | None) -> bool:
    """May ``principal`` confirm, correct or reject a fact about ``fact_country``?"""
    return review_scope(principal).covers(fact_country)


def can_review_fact(
    principal: Principal, fact_country: str | None, uploaded_for: str | None
) -> bool:
    """:func:`can_review`, for a fact of a document uploaded for ``uploaded_for`` (None: for no
    country): a focal point never reviews the facts of a document uploaded for another country,
    which are the secretariat's (:mod:`vigia.store.fact_scope`)."""
    scope = review_scope(principal)
    if not scope.covers(fact_country):
        return False
    return scope.every_country or uploaded_for is None or scope.covers(uploaded_for)


def can_publish(principal: Principal) -> bool:
    """May ``principal`` publish and unpublish facts? The secretariat only."""
    return not principal.is_anonymous and principal.role == SECRETARIAT


def can_upload_for(principal: Principal, country: str | None) -> bool:
    """May ``principal`` upload a document about ``country`` (None: regional, organisation)?"""
    return review_scope(principal).covers(country)


def can_manage_accounts(principal: Principal) -> bool:
    """May ``principal`` create, deactivate and give tokens to users? Administrators only."""
    return not principal.is_anonymous and principal.role == ADMINISTRATOR


def can_read_unpublished(principal: Principal, country: str | None) -> bool:
    """May ``principal`` see facts about ``country`` that are not published?"""
    return unpublished_scope(principal).covers(country)


def can_confirm_rating(principal: Principal, country: str) -> bool:
    """May ``principal`` confirm a state's rating? The secretariat, and never for its own state.

    A focal point never confirms ratings: a state is not rated by its own authority, and a focal
    point edits nothing of another state's.
    """
    if principal.is_anonymous or principal.role != SECRETARIAT:
        return False
    return principal.country != country


def can_manage_recommendations(principal: Principal) -> bool:
    """May ``principal`` draft, edit, adopt recommendations and set their follow-up?"""
    return not principal.is_anonymous and principal.role == SECRETARIAT


def can_submit_observation(principal: Principal) -> bool:
    """May ``principal`` send an observation on the plan? Focal points and the secretariat."""
    return not principal.is_anonymous and principal.role in (FOCAL_POINT, SECRETARIAT)


def can_answer_observation(principal: Principal) -> bool:
    """May ``principal`` answer an observation? The secretariat only."""
    return not principal.is_anonymous and principal.role == SECRETARIAT


def can_read_audit_log(principal: Principal) -> bool:
    """May ``principal`` read the audit log? The secretariat, and the administrators, who
    manage accounts."""
    return not principal.is_anonymous and principal.role in (SECRETARIAT, ADMINISTRATOR)


def can_enter_statistics(principal: Principal, country: str) -> bool:
    """May ``principal`` enter ``country``'s yearly statistics? Its focal points, and the
    secretariat (which enters what a state sends it by other means)."""
    if principal.is_anonymous:
        return False
    if principal.role == FOCAL_POINT:
        return principal.country == country
    return principal.role == SECRETARIAT


def can_describe_practice(principal: Principal, country: str) -> bool:
    """May ``principal`` add or describe ``country``'s good practices (and attach a contact)?
    Its focal points, and the secretariat."""
    return can_enter_statistics(principal, country)


def can_curate_practices(principal: Principal) -> bool:
    """May ``principal`` make a good practice public, or hide it? The secretariat only."""
    return not principal.is_anonymous and principal.role == SECRETARIAT


def can_keep_directory(principal: Principal) -> bool:
    """May ``principal`` change the directory of national authorities and focal points? The
    secretariat only."""
    return not principal.is_anonymous and principal.role == SECRETARIAT


def can_approve_statistics(principal: Principal) -> bool:
    """May ``principal`` approve (and so lock) a state's yearly statistics, or unlock them?"""
    return not principal.is_anonymous and principal.role == SECRETARIAT


def can_manage_cases(principal: Principal, register: str) -> bool:
    """May ``principal`` import, export and read the identities of the case register
    ``register``? Only its own state's case managers: nobody else, the secretariat and
    administrators included, ever reads a victim's identifying fields."""
    return (
        not principal.is_anonymous
        and principal.role == CASE_MANAGER
        and principal.country == register
    )


def can_import_register(principal: Principal, register: str) -> bool:
    """May ``principal`` import records into ``register``? Its state's case managers; the
    secretariat for a regional register (such as CTDC's public, already anonymised data)."""
    if can_manage_cases(principal, register):
        return True
    return principal.role == SECRETARIAT and len(register) != 3


def can_release_statistics(principal: Principal) -> bool:
    """May ``principal`` release tables from a case register (and spend its privacy budget)?
    The secretariat only."""
    return not principal.is_anonymous and principal.role == SECRETARIAT
