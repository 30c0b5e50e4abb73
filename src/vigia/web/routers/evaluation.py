"""``/api/v1``: the Work Plan follow-up — plans, areas, the rubric, evaluations of a meeting and of
a state, rating confirmation, area mappings, recommendations and their follow-up, consistency
flags, observations, and plan import.

Each route checks its parameters, calls one function of :mod:`vigia.evaluate` and answers its
result in the shape of :mod:`vigia.web.evaluation_schemas`. The evaluate package checks who may
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

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, status
from pydantic import AfterValidator
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from vigia.domain import LANGUAGES, WorkPlan
from vigia.evaluate.changes import compare_rounds
from vigia.evaluate.consistency import Inconsistency, finding_message, list_inconsistencies
from vigia.evaluate.follow_up import follow_up, follow_up_to_data, set_follow_up
from vigia.evaluate.mappings import list_mappings, review_mapping
from vigia.evaluate.meetings import meeting_codes
from vigia.evaluate.observations import (
    ObservationThread,
    answer_observation,
    observation_threads,
    submit_observation,
)
from vigia.evaluate.plan_store import all_plans, find_plan
from vigia.evaluate.ratings import confirm_rating
from vigia.evaluate.recommendations import (
    ADOPTED,
    adopt_recommendation,
    draft_recommendations,
    edit_recommendation,
    list_recommendations,
    recommendation_to_data,
    withdraw_recommendation,
)
from vigia.evaluate.rubric import rubric
from vigia.evaluate.scorecard import (
    area_to_data,
    evaluate_meeting,
    evaluate_state,
    evaluation_to_data,
    state_to_data,
)
from vigia.evaluate.visibility import (
    as_seen_by,
    drafts_readable_by,
    follow_ups_as_seen_by,
    state_as_seen_by,
)
from vigia.ingest import UnreadableFileError
from vigia.plans import area_codes, area_descriptions, area_labels, plan_to_data
from vigia.services.plans import import_plan_text, read_plan_file
from vigia.store.models import UserRow
from vigia.store.permissions import (
    Principal,
    can_manage_recommendations,
    can_read_unpublished,
    principal_for,
)
from vigia.web.dependencies import CurrentCaller, DatabaseSession, current_caller
from vigia.web.evaluation_schemas import (
    AreaChangeList,
    AreaChangeResource,
    AreaEvaluationResource,
    AreaList,
    AreaResource,
    ConfirmRatingRequest,
    DraftRequest,
    EvaluatedMeetingList,
    FindingList,
    FindingResource,
    FollowUpList,
    FollowUpRequest,
    FollowUpResource,
    MappingList,
    MappingResource,
    MappingReviewRequest,
    MeetingEvaluationResource,
    ObservationResource,
    ObservationThreadList,
    ObservationThreadResource,
    PlanDetail,
    PlanList,
    PlanSummary,
    RecommendationList,
    RecommendationResource,
    RubricLevelResource,
    RubricResource,
    StateEvaluationResource,
    TextRequest,
    WithdrawRequest,
)
from vigia.web.parameters import (
    LONGEST_LABEL,
    CountryParameter,
    MeetingParameter,
    country_code,
    label,
)
from vigia.web.routers.api import ERRORS
from vigia.web.routers.uploads import UPLOAD_ERRORS, max_upload_bytes
from vigia.web.schemas import ErrorResponse
from vigia.web.upload_requests import FILE_FIELD, ReceivedFile, UploadRefusedError, receive_upload

LARGEST_ID = 2**31 - 1
CODE_FIELD = "code"
STARTS_FIELD = "starts"
ENDS_FIELD = "ends"
LANGUAGE_FIELD = "language"
REFUSED: dict[int | str, dict[str, Any]] = {
    status.HTTP_403_FORBIDDEN: {"model": ErrorResponse, "description": "You may not do this."},
    status.HTTP_404_NOT_FOUND: {"model": ErrorResponse, "description": "No such thing."},
}
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

router = APIRouter(
    prefix="/api/v1",
    tags=["evaluation"],
    responses={**ERRORS, **REFUSED},
    dependencies=[Depends(current_caller)],
)

MeetingCode = Annotated[
    str, AfterValidator(label), Path(max_length=LONGEST_LABEL, description="A meeting code.")
]
CountryCode = Annotated[
    str,
    AfterValidator(country_code),
    Path(description="An ISO 3166-1 alpha-3 code such as CRI (any case)."),
]
AreaIdentifier = Annotated[str, Path(max_length=LONGEST_LABEL, description="An area's id.")]
PlanCode = Annotated[str, Path(max_length=LONGEST_LABEL, description="A plan's code.")]
ActivityCode = Annotated[str, Path(max_length=LONGEST_LABEL, description="An activity's code.")]
Identifier = Annotated[int, Path(ge=1, le=LARGEST_ID)]
RequiredMeeting = Annotated[
    str,
    AfterValidator(label),
    Query(max_length=LONGEST_LABEL, description="A meeting code.", examples=["RTP-III"]),
]
RecommendationStatus = Annotated[
    Annotated[str, AfterValidator(label)] | None,
    Query(alias="status", max_length=LONGEST_LABEL, description="draft, adopted or withdrawn."),
]
LanguageParameter = Annotated[
    str, Query(pattern=f"^({'|'.join(LANGUAGES)})$", description="Language of the messages.")
]


# --- Callers and refusals -----------------------------------------------------------------------


def caller_principal(caller: CurrentCaller) -> Principal:
    """Who asks: the token's user, or the anonymous principal."""
    return principal_for(caller)


def signed_in_principal(caller: CurrentCaller) -> Principal:
    """The token's user; 401 without a token."""
    return principal_for(_signed_in(caller))


CallerPrincipal = Annotated[Principal, Depends(caller_principal)]
SignedInPrincipal = Annotated[Principal, Depends(signed_in_principal)]


def _signed_in(caller: UserRow | None) -> UserRow:
    if caller is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "this needs an API token: Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return caller


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


# --- Evaluations --------------------------------------------------------------------------------


@router.get("/evaluations", response_model=EvaluatedMeetingList, summary="Evaluated meetings")
def list_evaluations(session: DatabaseSession) -> EvaluatedMeetingList:
    """The meetings with country sections in their documents, oldest first."""
    codes = meeting_codes(session)
    return EvaluatedMeetingList(items=codes, total=len(codes))


@router.get(
    "/evaluations/{meeting}",
    response_model=MeetingEvaluationResource,
    response_model_exclude_unset=True,
    summary="A meeting's evaluation",
)
def get_evaluation(
    session: DatabaseSession, principal: CallerPrincipal, meeting: MeetingCode
) -> MeetingEvaluationResource:
    """Every state of the meeting rated in every area, with the evidence you may read."""
    evaluation = as_seen_by(evaluate_meeting(session, meeting), drafts_readable_by(principal))
    return MeetingEvaluationResource.model_validate(evaluation_to_data(evaluation))


@router.get(
    "/evaluations/{meeting}/{country}",
    response_model=StateEvaluationResource,
    response_model_exclude_unset=True,
    summary="A state's evaluation",
)
def get_state_evaluation(
    session: DatabaseSession,
    principal: CallerPrincipal,
    meeting: MeetingCode,
    country: CountryCode,
) -> StateEvaluationResource:
    """One state's scorecard at the meeting; 404 when it has no section in its documents."""
    state = state_as_seen_by(
        evaluate_state(session, meeting, country), drafts_readable_by(principal)
    )
    return StateEvaluationResource.model_validate(state_to_data(state))


@router.get(
    "/evaluations/{meeting}/{country}/changes",
    response_model=AreaChangeList,
    summary="Changes since an earlier meeting",
)
def get_changes(
    session: DatabaseSession,
    principal: CallerPrincipal,
    meeting: MeetingCode,
    country: CountryCode,
    since: RequiredMeeting,
) -> AreaChangeList:
    """Each area's rating at ``since`` and at the meeting, and whether it improved; a rating
    that awaits confirmation is null unless you may see the state's drafts."""
    changes = compare_rounds(session, country, since, meeting, drafts_readable_by(principal))
    items = [AreaChangeResource.model_validate(change, from_attributes=True) for change in changes]
    return AreaChangeList(
        country=country, since=since, meeting=meeting, items=items, total=len(items)
    )


@router.post(
    "/evaluations/{meeting}/{country}/{area}/confirm",
    response_model=AreaEvaluationResource,
    response_model_exclude_unset=True,
    summary="Confirm a rating",
)
def confirm_area_rating(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    meeting: MeetingCode,
    country: CountryCode,
    area: AreaIdentifier,
    body: ConfirmRatingRequest,
) -> AreaEvaluationResource:
    """Confirm the proposed rating, or set another (``rating``), with an optional note.

    The secretariat only, never for its own state; a rating above no_information needs evidence.
    """
    evaluation = confirm_rating(session, principal, meeting, country, area, body.rating, body.note)
    return AreaEvaluationResource.model_validate(area_to_data(evaluation))


# --- Mappings -----------------------------------------------------------------------------------


@router.get("/mappings", response_model=MappingList, summary="Area mappings")
def get_mappings(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    meeting: MeetingParameter = None,
    country: CountryParameter = None,
    document_id: Annotated[int | None, Query(ge=1, le=LARGEST_ID)] = None,
) -> MappingList:
    """Sentences mapped to areas, of the states whose unpublished facts you may read."""
    views = list_mappings(session, meeting, country, document_id)
    items = [
        MappingResource.model_validate(view, from_attributes=True)
        for view in views
        if can_read_unpublished(principal, view.country)
    ]
    return MappingList(items=items, total=len(items))


@router.post("/mappings/{mapping_id}", response_model=MappingResource, summary="Review a mapping")
def post_mapping_review(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    mapping_id: Identifier,
    body: MappingReviewRequest,
) -> MappingResource:
    """Accept a mapping, move it to another ``area``, or dismiss it (the state's reviewers)."""
    view = review_mapping(session, principal, mapping_id, body.action, body.area)
    return MappingResource.model_validate(view, from_attributes=True)


# --- Recommendations ----------------------------------------------------------------------------


def _recommendation(data: dict[str, Any]) -> RecommendationResource:
    return RecommendationResource.model_validate(data)


@router.get("/recommendations", response_model=RecommendationList, summary="Recommendations")
def get_recommendations(
    session: DatabaseSession,
    principal: CallerPrincipal,
    meeting: MeetingParameter = None,
    country: CountryParameter = None,
    status_wanted: RecommendationStatus = None,
) -> RecommendationList:
    """Adopted recommendations; the secretariat also sees drafts and withdrawn ones."""
    views = list_recommendations(session, meeting, country, status_wanted)
    manages = can_manage_recommendations(principal)
    items = [
        _recommendation(recommendation_to_data(view))
        for view in views
        if manages or view.status == ADOPTED
    ]
    return RecommendationList(items=items, total=len(items))


@router.post(
    "/recommendations/draft", response_model=RecommendationList, summary="Draft recommendations"
)
def post_draft(
    session: DatabaseSession, principal: SignedInPrincipal, body: DraftRequest
) -> RecommendationList:
    """Draft one recommendation per gap of the meeting not drafted yet; answers the new ones."""
    views = draft_recommendations(session, principal, body.meeting, body.language)
    items = [_recommendation(recommendation_to_data(view)) for view in views]
    return RecommendationList(items=items, total=len(items))


@router.get(
    "/recommendations/follow-up", response_model=FollowUpList, summary="Follow-up at a meeting"
)
def get_follow_up(
    session: DatabaseSession, principal: CallerPrincipal, meeting: RequiredMeeting
) -> FollowUpList:
    """Every recommendation adopted before ``meeting``, with its status there and the evidence;
    a status the rules computed (a draft) only for who may see the state's drafts."""
    views = follow_ups_as_seen_by(follow_up(session, meeting), drafts_readable_by(principal))
    items = [FollowUpResource.model_validate(follow_up_to_data(view)) for view in views]
    return FollowUpList(items=items, total=len(items))


@router.patch(
    "/recommendations/{recommendation_id}",
    response_model=RecommendationResource,
    summary="Edit a recommendation",
)
def patch_recommendation(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    recommendation_id: Identifier,
    body: TextRequest,
) -> RecommendationResource:
    """Replace the text of a draft or adopted recommendation (the secretariat)."""
    view = edit_recommendation(session, principal, recommendation_id, body.text)
    return _recommendation(recommendation_to_data(view))


@router.post(
    "/recommendations/{recommendation_id}/adopt",
    response_model=RecommendationResource,
    summary="Adopt a recommendation",
)
def post_adoption(
    session: DatabaseSession, principal: SignedInPrincipal, recommendation_id: Identifier
) -> RecommendationResource:
    """Adopt a draft: from then on it is followed up at later meetings (the secretariat)."""
    view = adopt_recommendation(session, principal, recommendation_id)
    return _recommendation(recommendation_to_data(view))


@router.post(
    "/recommendations/{recommendation_id}/withdraw",
    response_model=RecommendationResource,
    summary="Withdraw a recommendation",
)
def post_withdrawal(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    recommendation_id: Identifier,
    body: WithdrawRequest | None = None,
) -> RecommendationResource:
    """Withdraw a recommendation for good; an optional ``note`` goes to the audit log."""
    note = None if body is None else body.note
    view = withdraw_recommendation(session, principal, recommendation_id, note)
    return _recommendation(recommendation_to_data(view))


@router.put(
    "/recommendations/{recommendation_id}/follow-ups/{meeting}",
    response_model=FollowUpResource,
    summary="Set a follow-up status",
)
def put_follow_up(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    recommendation_id: Identifier,
    meeting: MeetingCode,
    body: FollowUpRequest,
) -> FollowUpResource:
    """Set an adopted recommendation's status at a later meeting, with an optional note."""
    view = set_follow_up(session, principal, recommendation_id, meeting, body.status, body.note)
    return FollowUpResource.model_validate(follow_up_to_data(view))


# --- Consistency --------------------------------------------------------------------------------


@router.get("/consistency", response_model=FindingList, summary="Consistency flags")
def get_consistency(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    country: CountryParameter = None,
    language: LanguageParameter = "en",
) -> FindingList:
    """Figures that do not fit together, of the states whose unpublished facts you may read."""
    flags = list_inconsistencies(session, country)
    items = [
        _finding(flag, language) for flag in flags if can_read_unpublished(principal, flag.country)
    ]
    return FindingList(items=items, total=len(items))


def _finding(flag: Inconsistency, language: str) -> FindingResource:
    return FindingResource(
        code=flag.code,
        message=finding_message(flag, language),
        country=flag.country,
        area=flag.area,
        indicator=flag.indicator,
        year=flag.year,
        values=flag.values,
        evidence=list(flag.evidence),
        documents=list(flag.documents),
        meetings=list(flag.meetings),
    )


# --- Observations -------------------------------------------------------------------------------


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
    principal = principal_for(_signed_in(caller))
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
