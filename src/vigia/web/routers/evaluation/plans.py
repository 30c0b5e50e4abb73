"""``/api/v1/plans``, ``/areas``, ``/rubric``: the Work Plans, the evaluation areas and the rubric;
importing a plan."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from fastapi import HTTPException, Request, Response, status
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from vigia.domain import LANGUAGES
from vigia.evaluate.plan_store import all_plans, find_plan
from vigia.evaluate.rubric import rubric
from vigia.ingest import UnreadableFileError
from vigia.permissions import Principal, principal_for
from vigia.plans import area_codes, area_descriptions, area_labels, plan_to_data
from vigia.plans.model import WorkPlan
from vigia.services.plans import import_plan_text, read_plan_file
from vigia.web.dependencies import CurrentCaller, DatabaseSession
from vigia.web.evaluation_schemas import (
    AreaList,
    AreaResource,
    PlanDetail,
    PlanList,
    PlanSummary,
    RubricLevelResource,
    RubricResource,
)
from vigia.web.routers.evaluation.common import PlanCode, evaluation_router, signed_in
from vigia.web.routers.uploads import UPLOAD_ERRORS, max_upload_bytes
from vigia.web.upload_requests import FILE_FIELD, ReceivedFile, UploadRefusedError, receive_upload

router = evaluation_router()


CODE_FIELD = "code"
STARTS_FIELD = "starts"
ENDS_FIELD = "ends"
LANGUAGE_FIELD = "language"
IMPORT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": [FILE_FIELD, CODE_FIELD, STARTS_FIELD, ENDS_FIELD],
                    "properties": {
                        FILE_FIELD: {
                            "type": "string",
                            "format": "binary",
                            "description": "The plan: .pdf, .docx, .html or .txt.",
                        },
                        CODE_FIELD: {"type": "string", "description": "A new code, e.g. WP-2030."},
                        STARTS_FIELD: {"type": "integer", "description": "First year."},
                        ENDS_FIELD: {"type": "integer", "description": "Last year."},
                        LANGUAGE_FIELD: {
                            "type": "string",
                            "enum": list(LANGUAGES),
                            "description": "The document's language; detected when not given.",
                        },
                    },
                }
            }
        },
    }
}

# --- Plans, areas, rubric -----------------------------------------------------------------------


@router.get("/plans", response_model=PlanList, summary="Work Plans")
def list_plans(session: DatabaseSession) -> PlanList:
    """The reference plans and those imported, oldest first."""
    items = [PlanSummary.model_validate(plan_to_data(plan)) for plan in all_plans(session).values()]
    return PlanList(items=items, total=len(items))


@router.get("/plans/{code}", response_model=PlanDetail, summary="One Work Plan")
def get_plan(session: DatabaseSession, code: PlanCode) -> PlanDetail:
    """A plan as a tree: areas, objectives, activities (code, titles, responsible, indicators)."""
    plan = find_plan(session, code)
    return _plan_detail(plan)


def _plan_detail(plan: WorkPlan) -> PlanDetail:
    return PlanDetail.model_validate(plan_to_data(plan))


@router.get("/areas", response_model=AreaList, summary="Evaluation areas")
def list_areas() -> AreaList:
    """The eight evaluation areas, with their labels and descriptions in es, en, fr and pt."""
    labels, descriptions = area_labels(), area_descriptions()
    items = [
        AreaResource(id=area, code=code, labels=labels[area], descriptions=descriptions[area])
        for area, code in area_codes().items()
    ]
    return AreaList(items=items, total=len(items))


@router.get("/rubric", response_model=RubricResource, summary="The rubric")
def get_rubric() -> RubricResource:
    """The ratings, strongest first, with their labels, descriptions and thresholds."""
    published = rubric()
    levels = [
        RubricLevelResource(
            rating=level.rating,
            strength=level.rating.strength,
            labels=level.labels,
            descriptions=level.descriptions,
            any_of=list(level.any_of),
        )
        for level in published.levels
    ]
    return RubricResource(strong_confidence=published.strong_confidence, ratings=levels)


# --- Plan import --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanImport:
    """What the import form asks for, besides the file."""

    code: str
    starts: int
    ends: int
    language: str | None


@router.post(
    "/plans/import",
    status_code=status.HTTP_201_CREATED,
    response_model=PlanDetail,
    summary="Import a Work Plan",
    responses=UPLOAD_ERRORS,
    openapi_extra=IMPORT_BODY,
)
async def post_plan_import(
    request: Request, response: Response, session: DatabaseSession, caller: CurrentCaller
) -> PlanDetail:
    """Read a plan from a document (multipart: ``file``, ``code``, ``starts``, ``ends`` and an
    optional ``language``) and store it; the secretariat only. Answers the plan read."""
    principal = principal_for(signed_in(caller))
    try:
        received = await receive_upload(request, max_upload_bytes(request))
    except UploadRefusedError as refusal:
        raise HTTPException(refusal.status_code, refusal.message) from refusal
    try:
        plan = await run_in_threadpool(_import, session, principal, received)
    finally:
        received.discard()
    response.headers["Location"] = f"/api/v1/plans/{quote(plan.code, safe='')}"
    return _plan_detail(plan)


def _import(session: Session, principal: Principal, received: ReceivedFile) -> WorkPlan:
    form = _plan_import_form(received.fields)
    try:
        text = read_plan_file(received.path, form.language)
    except UnreadableFileError as error:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, f"{received.name}: {error.reason}"
        ) from error
    return import_plan_text(session, principal, text, form.code, form.starts, form.ends)


def _plan_import_form(fields: Mapping[str, str]) -> PlanImport:
    return PlanImport(
        code=fields.get(CODE_FIELD, ""),
        starts=_year(fields, STARTS_FIELD),
        ends=_year(fields, ENDS_FIELD),
        language=fields.get(LANGUAGE_FIELD, "").strip() or None,
    )


def _year(fields: Mapping[str, str], name: str) -> int:
    value = fields.get(name, "").strip()
    if not value.isascii() or not value.isdigit():
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"form field {name}: {value!r} is not a year such as 2030",
        )
    return int(value)
