"""``GET /healthz``: whether the database answers, for proxies and monitoring."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, status
from fastapi.responses import JSONResponse
from sqlalchemy.engine import Engine

from vigia.publish.resources import ErrorDetail, Health
from vigia.services.databases import DatabaseError, database_revision
from vigia.web.dependencies import database_engine
from vigia.web.errors import UNAVAILABLE_MESSAGE

logger = logging.getLogger(__name__)
router = APIRouter(tags=["health"])

UNAVAILABLE_EXAMPLE: dict[str, Any] = {
    "status": "unavailable",
    "database": "unreachable",
    "schema": None,
    "error": {"status": 503, "message": UNAVAILABLE_MESSAGE},
}


@router.get(
    "/healthz",
    response_model=Health,
    summary="Whether the service and its database answer",
    responses={
        503: {
            "description": "The database does not answer.",
            "content": {"application/json": {"example": UNAVAILABLE_EXAMPLE}},
        }
    },
)
def health(engine: Annotated[Engine, Depends(database_engine)]) -> Health | JSONResponse:
    """``ok`` with the schema revision, or 503 when the database cannot be reached."""
    try:
        revision = database_revision(engine)
    except DatabaseError as error:
        logger.error("health check: %s", error)
        return _unavailable()
    return Health(status="ok", database="ok", schema_revision=revision)


def _unavailable() -> JSONResponse:
    detail = ErrorDetail(status=status.HTTP_503_SERVICE_UNAVAILABLE, message=UNAVAILABLE_MESSAGE)
    body = {**UNAVAILABLE_EXAMPLE, "error": detail.model_dump()}
    return JSONResponse(body, status_code=status.HTTP_503_SERVICE_UNAVAILABLE)
