"""``/api/v1/.../observations``: observations on the Plan's activities and their answers."""

from __future__ import annotations

from fastapi import status

from vigia.evaluate.observations import (
    ObservationThread,
    answer_observation,
    observation_threads,
    submit_observation,
)
from vigia.web.dependencies import DatabaseSession
from vigia.web.evaluation_schemas import (
    ObservationResource,
    ObservationThreadList,
    ObservationThreadResource,
    TextRequest,
)
from vigia.web.routers.evaluation.common import (
    ActivityCode,
    Identifier,
    PlanCode,
    SignedInPrincipal,
    evaluation_router,
)

router = evaluation_router()


@router.get(
    "/plans/{plan}/activities/{activity}/observations",
    response_model=ObservationThreadList,
    summary="Observations on an activity",
)
def get_observations(
    session: DatabaseSession,
    _principal: SignedInPrincipal,
    plan: PlanCode,
    activity: ActivityCode,
) -> ObservationThreadList:
    """The observations on an activity, each with the secretariat's answers, oldest first."""
    items = [_thread(thread) for thread in observation_threads(session, plan, activity)]
    return ObservationThreadList(items=items, total=len(items))


def _thread(thread: ObservationThread) -> ObservationThreadResource:
    return ObservationThreadResource(
        observation=ObservationResource.model_validate(thread.observation, from_attributes=True),
        answers=[
            ObservationResource.model_validate(answer, from_attributes=True)
            for answer in thread.answers
        ],
    )


@router.post(
    "/plans/{plan}/activities/{activity}/observations",
    status_code=status.HTTP_201_CREATED,
    response_model=ObservationResource,
    summary="Send an observation",
)
def post_observation(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    plan: PlanCode,
    activity: ActivityCode,
    body: TextRequest,
) -> ObservationResource:
    """Send an observation on an activity (focal points and the secretariat)."""
    view = submit_observation(session, principal, plan, activity, body.text)
    return ObservationResource.model_validate(view, from_attributes=True)


@router.post(
    "/observations/{observation_id}/answers",
    status_code=status.HTTP_201_CREATED,
    response_model=ObservationResource,
    summary="Answer an observation",
)
def post_answer(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    observation_id: Identifier,
    body: TextRequest,
) -> ObservationResource:
    """Answer an observation (the secretariat); the answer joins the observation's thread."""
    view = answer_observation(session, principal, observation_id, body.text)
    return ObservationResource.model_validate(view, from_attributes=True)
