"""What the Work Plan follow-up part of the JSON API answers and receives: Pydantic models.

Evaluations, recommendations and follow-ups have the JSON shape the evaluate package gives them
(:func:`vigia.evaluate.scorecard.evaluation_to_data`,
:func:`vigia.evaluate.recommendations.recommendation_to_data`…), which the command line prints
too; these models describe that shape in the OpenAPI description. Evidence items keep only the
keys they have: a sentence has ``start``, ``end`` and ``confidence``, a figure's sentence has
``figure`` (routes answer them with ``response_model_exclude_unset``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from vigia.domain import FollowUpStatus, Rating

TEXT_LENGTH = 5000
NOTE_LENGTH = 2000
LABEL_LENGTH = 64

# --- Plans, areas, rubric -----------------------------------------------------------------------


class PlanSummary(BaseModel):
    code: str = Field(examples=["WP-2015"])
    titles: dict[str, str] = Field(description="The plan's title keyed by language.")
    starts: int = Field(description="First year of the plan.", examples=[2015])
    ends: int = Field(description="Last year of the plan, as adopted.", examples=[2018])
    extended_to: int | None = Field(description="Last year once a meeting extended it.")
    adopted_by: str | None = Field(description="The meeting or body that adopted it.")
    source: str = Field(description='"reference" (shipped with Vigía) or "imported".')


class PlanList(BaseModel):
    items: list[PlanSummary]
    total: int


class ActivityResource(BaseModel):
    code: str = Field(examples=["PREV.1.a"])
    titles: dict[str, str]
    responsible: str = Field(description="member_states, general_secretariat…")
    indicators: list[str] = Field(description="Indicators of the catalogue it relates to.")


class ObjectiveResource(BaseModel):
    code: str
    titles: dict[str, str]
    activities: list[ActivityResource]


class PlanAreaResource(BaseModel):
    area: str = Field(description="One of the eight evaluation areas (GET /api/v1/areas).")
    titles: dict[str, str]
    objectives: list[ObjectiveResource]


class PlanDetail(PlanSummary):
    """A plan as a tree: areas, their objectives, and the objectives' activities."""

    areas: list[PlanAreaResource]


class AreaResource(BaseModel):
    id: str = Field(examples=["prevention"])
    code: str = Field(description="The short form used in activity codes.", examples=["PREV"])
    labels: dict[str, str] = Field(description="Labels keyed by language: es, en, fr, pt.")
    descriptions: dict[str, str] = Field(description="What evidence counts, by language.")


class AreaList(BaseModel):
    items: list[AreaResource]
    total: int


class RubricLevelResource(BaseModel):
    rating: Rating
    strength: int = Field(description="3 for substantial evidence down to 0.")
    labels: dict[str, str]
    descriptions: dict[str, str]
    any_of: list[dict[str, int]] = Field(
        description="The rating applies when the evidence meets one of these minimums "
        "(sentences, strong_sentences, figures)."
    )


class RubricResource(BaseModel):
    strong_confidence: float = Field(description="A sentence is clear from this confidence on.")
    ratings: list[RubricLevelResource] = Field(description="Strongest first.")


# --- Evaluations --------------------------------------------------------------------------------


class EvaluatedMeetingList(BaseModel):
    items: list[str] = Field(description="Meeting codes, oldest first.", examples=[["RTP-III"]])
    total: int


class EvidenceItemResource(BaseModel):
    """A sentence behind a rating: mapped to the area, or the sentence of one of its figures."""

    document: str = Field(description="The path the document was stored from.")
    text: str
    start: int | None = Field(default=None, description="Mapped sentences only.")
    end: int | None = Field(default=None, description="Mapped sentences only.")
    confidence: float | None = Field(default=None, description="Mapped sentences only.")
    figure: str | None = Field(default=None, description="A figure's sentence: its indicator.")


class FigureResource(BaseModel):
    document: str
    indicator: str
    value: int | float
    year: int | None
    text: str


class AreaEvaluationResource(BaseModel):
    area: str
    rating: Rating | None = Field(
        description="The confirmed rating, else the rules' proposal; null when the rating awaits "
        "the secretariat's confirmation and you may not see drafts of this state."
    )
    proposed_rating: Rating | None
    confirmed: bool
    confirmed_by: str | None = Field(description="The reviewer who confirmed the rating.")
    evidence: list[EvidenceItemResource]
    figures: list[FigureResource]
    activities: list[str] = Field(description="Codes of the plan's activities covered.")


class StateEvaluationResource(BaseModel):
    country: str = Field(examples=["CRI"])
    documents: list[str]
    indicators_reported: list[str]
    indicators_missing: list[str] = Field(description="Core indicators of the plan not reported.")
    areas: list[AreaEvaluationResource] = Field(description="One per evaluation area.")


class MeetingEvaluationResource(BaseModel):
    meeting: str = Field(examples=["RTP-III"])
    plan: str | None = Field(description="The code of the Work Plan in force.")
    states: list[StateEvaluationResource]


class ConfirmRatingRequest(BaseModel):
    rating: Rating | None = Field(default=None, description="Another rating; none: the proposal.")
    note: str | None = Field(default=None, max_length=NOTE_LENGTH)


class AreaChangeResource(BaseModel):
    area: str
    before: Rating | None = Field(description="The rating at ``since``; null: did not report.")
    after: Rating | None = Field(description="The rating at the meeting; null: did not report.")
    direction: Literal["improved", "declined", "unchanged"]


class AreaChangeList(BaseModel):
    country: str
    since: str
    meeting: str
    items: list[AreaChangeResource]
    total: int


# --- Mappings -----------------------------------------------------------------------------------


class MappingResource(BaseModel):
    id: int
    document: str
    meeting: str | None
    country: str
    area: str = Field(description="The area it counts for (after a move).")
    original_area: str = Field(description="The area the rules gave.")
    confidence: float
    status: str = Field(description="proposed, accepted, moved or dismissed.")
    text: str
    start: int
    end: int
    cues: list[str] = Field(description="The cues that mapped the sentence.")


class MappingList(BaseModel):
    items: list[MappingResource]
    total: int


class MappingReviewRequest(BaseModel):
    action: Literal["accept", "move", "dismiss"]
    area: str | None = Field(default=None, max_length=LABEL_LENGTH, description="For move.")


# --- Recommendations ----------------------------------------------------------------------------


class FollowUpRecordResource(BaseModel):
    meeting: str
    status: FollowUpStatus
    note: str | None
    set_by: int | None
    set_at: datetime


class RecommendationResource(BaseModel):
    id: int
    meeting: str
    country: str
    finding: str = Field(
        description="The gap: area_without_evidence, core_indicator_missing, figure_contradiction."
    )
    area: str | None
    indicator: str | None
    text: str
    status: str = Field(description="draft, adopted or withdrawn.")
    created_at: datetime
    created_by: int | None
    adopted_at: datetime | None
    adopted_by: int | None
    follow_ups: list[FollowUpRecordResource]


class RecommendationList(BaseModel):
    items: list[RecommendationResource]
    total: int


class SentenceResource(BaseModel):
    document: str
    text: str


class FollowUpResource(BaseModel):
    recommendation: RecommendationResource
    meeting: str
    status: FollowUpStatus
    computed: bool = Field(description="True: the rules' status; false: set by the secretariat.")
    computed_status: FollowUpStatus
    note: str | None
    set_by: int | None
    set_at: datetime | None
    evidence: list[SentenceResource] = Field(description="The sentences behind the status.")


class FollowUpList(BaseModel):
    items: list[FollowUpResource]
    total: int


class DraftRequest(BaseModel):
    meeting: str = Field(max_length=LABEL_LENGTH, examples=["RTP-IV"])
    language: Literal["es", "en", "fr", "pt"] = "en"
    country: str | None = Field(default=None, max_length=3, examples=["GTM"])
    area: str | None = Field(default=None, max_length=LABEL_LENGTH, examples=["prevention"])


class BulkRecommendationRequest(BaseModel):
    action: Literal["adopt", "withdraw"]
    ids: list[int] = Field(min_length=1, max_length=500, examples=[[1, 2, 3]])
    note: str | None = Field(default=None, max_length=NOTE_LENGTH * 2)


class TextRequest(BaseModel):
    text: str = Field(max_length=TEXT_LENGTH * 2)


class WithdrawRequest(BaseModel):
    note: str | None = Field(default=None, max_length=NOTE_LENGTH * 2)


class FollowUpRequest(BaseModel):
    status: FollowUpStatus
    note: str | None = Field(default=None, max_length=NOTE_LENGTH * 2)


# --- Consistency --------------------------------------------------------------------------------


class FindingResource(BaseModel):
    code: str = Field(description="figure_disagreement, identified_vs_assisted, persons_vs_cases.")
    message: str = Field(description="In the language asked for.")
    country: str | None
    area: str | None
    indicator: str | None
    year: int | None
    values: str = Field(description="The figures in question, e.g. '47, 52'.")
    evidence: list[str] = Field(description="The sentences giving the figures.")
    documents: list[str]
    meetings: list[str]


class FindingList(BaseModel):
    items: list[FindingResource]
    total: int


# --- Observations -------------------------------------------------------------------------------


class ObservationResource(BaseModel):
    id: int
    plan: str
    activity: str
    parent_id: int | None = Field(description="The observation an answer answers; null if none.")
    author_id: int | None
    author_label: str
    country: str | None = Field(description="The author's country; null for the secretariat.")
    text: str
    created_at: datetime


class ObservationThreadResource(BaseModel):
    observation: ObservationResource
    answers: list[ObservationResource] = Field(description="Oldest first.")


class ObservationThreadList(BaseModel):
    items: list[ObservationThreadResource]
    total: int
