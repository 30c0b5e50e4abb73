"""``/api/v1``: the Work Plan follow-up — plans, areas, the rubric, evaluations of a meeting and of
a state, rating confirmation, area mappings, recommendations and their follow-up, consistency
flags, observations, and plan import.

One module per resource; ``router`` gathers them. Each route checks its parameters, calls one
function of :mod:`vigia.evaluate` and answers its result in the shape of
:mod:`vigia.web.evaluation_schemas`. The evaluate package checks who may
do what; its refusals become errors by the handler :mod:`vigia.web.errors` registers once:
``PermissionDenied`` 403, ``NotFound`` (an unknown meeting, plan, recommendation…) 404,
``InvalidTransition`` 409, ``InvalidValue`` 422, each with the refusal's message.

Who sees what follows the pages: confirmed ratings, plans and adopted recommendations are public;
the ratings the rules proposed and nobody confirmed yet (null for others), the sentences and
figures behind a state's ratings, and its area mappings and consistency flags, are shown to those
who may read the state's unpublished facts (its focal point, the secretariat):
:mod:`vigia.evaluate.visibility`.
Every write, and reading mappings, consistency flags and observations, needs an API token (401
without one).
"""

from __future__ import annotations

from fastapi import APIRouter

from vigia.web.routers.evaluation import (
    consistency,
    evaluations,
    mappings,
    observations,
    plans,
    recommendations,
)

RESOURCES = (plans, evaluations, mappings, recommendations, consistency, observations)

router = APIRouter()
for resource in RESOURCES:
    router.include_router(resource.router)
