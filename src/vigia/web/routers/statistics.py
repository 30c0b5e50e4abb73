"""``/api/v1/statistics`` and ``/api/v1/data-values``: a state's yearly statistics form.

Every route needs an API token. A focal point reads and writes its own state's form, the secretariat
any state's, and only the secretariat approves and unlocks (:mod:`vigia.evaluate.statistics_forms`
checks; its refusals are 403, 409 and 422 with the reason). ``POST /api/v1/data-values`` stores a
batch all or none, and sending the same batch again changes nothing.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends

from vigia.errors import PermissionDenied
from vigia.evaluate.statistics_forms import (
    approve_form,
    save_values,
    statistics_form,
    submit_form,
    unlock_form,
)
from vigia.permissions import can_approve_statistics, can_enter_statistics
from vigia.statistics import statistics_catalogue
from vigia.web.dependencies import DatabaseSession, current_caller
from vigia.web.routers.api import ERRORS
from vigia.web.routers.evaluation.common import REFUSED, CountryCode, SignedInPrincipal
from vigia.web.statistics_schemas import (
    DataValuesRequest,
    StatisticsFormResource,
    UnlockRequest,
    form_resource,
)

router = APIRouter(
    prefix="/api/v1",
    tags=["statistics"],
    responses={**ERRORS, **REFUSED},
    dependencies=[Depends(current_caller)],
)


@router.post("/data-values", response_model=StatisticsFormResource, summary="Enter values")
def post_data_values(
    session: DatabaseSession, principal: SignedInPrincipal, body: DataValuesRequest
) -> StatisticsFormResource:
    """Store a batch of values of one state's form for one year (all or none), and answer the
    form with the rules its values break. ``value`` null removes a value."""
    catalogue = statistics_catalogue()
    values = {catalogue.cell(item.element, item.options): item.value for item in body.values}
    form = save_values(session, principal, body.country, body.year, values, source="api")
    return form_resource(form)


@router.get("/statistics/{country}/{year}", response_model=StatisticsFormResource, summary="A form")
def get_form(
    session: DatabaseSession, principal: SignedInPrincipal, country: CountryCode, year: int
) -> StatisticsFormResource:
    """A state's form for a year: its status, values and the rules they break."""
    if not (can_enter_statistics(principal, country) or can_approve_statistics(principal)):
        raise PermissionDenied(f"you may not read the statistics of {country} before approval")
    return form_resource(statistics_form(session, country, year))


@router.post(
    "/statistics/{country}/{year}/submit", response_model=StatisticsFormResource, summary="Submit"
)
def post_submit(
    session: DatabaseSession, principal: SignedInPrincipal, country: CountryCode, year: int
) -> StatisticsFormResource:
    """Send the form to the secretariat; 422 while a rule of importance error is broken."""
    return form_resource(submit_form(session, principal, country, year))


@router.post(
    "/statistics/{country}/{year}/approve", response_model=StatisticsFormResource, summary="Approve"
)
def post_approve(
    session: DatabaseSession, principal: SignedInPrincipal, country: CountryCode, year: int
) -> StatisticsFormResource:
    """Approve a submitted form (the secretariat); it is locked until unlocked."""
    return form_resource(approve_form(session, principal, country, year))


@router.post(
    "/statistics/{country}/{year}/unlock", response_model=StatisticsFormResource, summary="Unlock"
)
def post_unlock(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    country: CountryCode,
    year: int,
    body: UnlockRequest,
) -> StatisticsFormResource:
    """Reopen an approved form (the secretariat), saying why."""
    return form_resource(unlock_form(session, principal, country, year, body.reason))
