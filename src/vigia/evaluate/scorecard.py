"""Evaluating the states of one meeting (a round) against the Work Plan in force.

For each state with a section in the meeting's documents and each area of the plan, the evidence
is the sentences mapped to the area (``area_mappings``, dismissed ones left out) and the figures
reported for the area's indicators (facts not rejected); the rubric turns them into a proposed
rating, and a reviewer's confirmation (``rating_reviews``) takes precedence. An activity of the
plan carried out by member states counts as covered when a figure of one of its indicators was
reported, or a sentence of its area shares at least two significant words with its title (words
common to every report on trafficking left out). The yearly statistics a state had approved for the
meeting's year and the two before count with its reports (``vigia.evaluate.statistics_facts``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from vigia.domain import (
    LANGUAGES,
    AreaEvaluation,
    EvidenceSentence,
    FigureEvidence,
    MeetingEvaluation,
    Rating,
    StateEvaluation,
)
from vigia.evaluate.meetings import (
    UnknownMeeting,
    meeting_documents,
    meeting_year,
    resolve_meeting,
)
from vigia.evaluate.plan_store import plan_for_meeting
from vigia.evaluate.rubric import rate
from vigia.evaluate.statistics_facts import approved_form_documents
from vigia.plans import AREAS
from vigia.plans.model import MEMBER_STATES, PlanActivity, WorkPlan
from vigia.reference import indicators, lexicon
from vigia.store.models import (
    AreaMappingRow,
    DocumentRow,
    EvidenceRow,
    FactRow,
    RatingReviewRow,
    SectionRow,
    UserRow,
)
from vigia.vocabulary import REJECTED

WORD = re.compile(r"\w{5,}")
TITLE_OVERLAP = 2


def evaluate_meeting(session: Session, meeting: str) -> MeetingEvaluation:
    """Every state of ``meeting`` (any case) rated in every area; UnknownMeeting if none stored."""
    meeting = resolve_meeting(session, meeting)
    documents = meeting_documents(session, meeting)
    year = meeting_year(session, meeting, documents)
    plan = plan_for_meeting(session, year)
    forms = approved_form_documents(session, year)
    document_ids = [document.id for document in documents] + [form.document_id for form in forms]
    paths = {document.id: document.path for document in documents}
    paths.update((form.document_id, form.path) for form in forms)
    sentences = _sentences_by_state_area(session, document_ids, paths)
    figures = _figures_by_state(session, document_ids, paths)
    reviews = _reviews(session, meeting)
    areas_of = indicator_areas(plan)
    countries, documents_of = _countries_and_documents(session, documents)
    for form in forms:
        if form.country in documents_of:
            documents_of[form.country].append(form.path)
    states = [
        _state(country, plan, areas_of, sentences, figures, reviews, documents_of[country])
        for country in countries
    ]
    return MeetingEvaluation(meeting=meeting, plan=plan.code, states=states)


def evaluate_state(session: Session, meeting: str, country: str) -> StateEvaluation:
    """One state's scorecard at ``meeting``; UnknownMeeting when the state did not report."""
    state = evaluate_meeting(session, meeting).state(country)
    if state is None:
        raise UnknownMeeting(f"{country} has no section in the documents of meeting {meeting!r}")
    return state


def _countries_and_documents(
    session: Session, documents: list[DocumentRow]
) -> tuple[list[str], dict[str, list[str]]]:
    """The states with a country section, in order of appearance, and the documents naming each."""
    statement = (
        select(SectionRow.country, SectionRow.kind, SectionRow.document_id)
        .where(
            SectionRow.document_id.in_([document.id for document in documents]),
            SectionRow.country.is_not(None),
        )
        .order_by(SectionRow.document_id, SectionRow.order, SectionRow.start)
    )
    countries: dict[str, None] = {}
    present: dict[str, set[int]] = defaultdict(set)
    for country, kind, document_id in session.execute(statement):
        if country is None:
            continue
        if kind == "country":
            countries.setdefault(country, None)
        present[country].add(document_id)
    documents_of = {
        country: [document.path for document in documents if document.id in present[country]]
        for country in countries
    }
    return list(countries), documents_of


SentenceIndex = dict[tuple[str, str], list[EvidenceSentence]]
FigureIndex = dict[str, list[FigureEvidence]]


def _sentences_by_state_area(
    session: Session, document_ids: list[int], paths: dict[int, str]
) -> SentenceIndex:
    statement = (
        select(AreaMappingRow)
        .options(joinedload(AreaMappingRow.evidence))
        .where(AreaMappingRow.document_id.in_(document_ids), AreaMappingRow.status != "dismissed")
        .order_by(AreaMappingRow.document_id, AreaMappingRow.id)
    )
    index: SentenceIndex = defaultdict(list)
    for row in session.scalars(statement):
        index[(row.country, row.area)].append(
            EvidenceSentence(
                document=paths[row.document_id],
                text=row.evidence.text,
                start=row.evidence.start,
                end=row.evidence.end,
                confidence=row.confidence,
                page=row.evidence.page,
                mapping_id=row.id,
                status=row.status,
            )
        )
    for items in index.values():
        items.sort(key=lambda item: (item.document, item.start))
    return index


def _figures_by_state(
    session: Session, document_ids: list[int], paths: dict[int, str]
) -> FigureIndex:
    """The figures of the documents by state, read as plain rows (a meeting has tens of
    thousands: loading them as ORM objects took most of an evaluation's time)."""
    statement = (
        select(
            FactRow.id,
            FactRow.document_id,
            FactRow.country,
            FactRow.indicator,
            FactRow.value,
            FactRow.year,
            FactRow.corrected_indicator,
            FactRow.corrected_value,
            FactRow.corrected_year,
            EvidenceRow.text,
        )
        .join(EvidenceRow, FactRow.evidence_id == EvidenceRow.id)
        .where(
            FactRow.document_id.in_(document_ids),
            FactRow.country.is_not(None),
            FactRow.status != REJECTED,
        )
        .order_by(FactRow.document_id, FactRow.id)
    )
    index: FigureIndex = defaultdict(list)
    for (
        fact_id,
        document_id,
        country,
        indicator,
        value,
        year,
        corrected_indicator,
        corrected_value,
        corrected_year,
        text,
    ) in session.execute(statement):
        corrected = corrected_value is not None
        index[country or ""].append(
            FigureEvidence(
                document=paths[document_id],
                indicator=(corrected_indicator if corrected else None) or indicator,
                value=value if corrected_value is None else corrected_value,
                text=text,
                year=corrected_year if corrected else year,
                fact_id=fact_id,
            )
        )
    return index


def _reviews(session: Session, meeting: str) -> dict[tuple[str, str], tuple[RatingReviewRow, str]]:
    statement = (
        select(RatingReviewRow, UserRow.email)
        .outerjoin(UserRow, RatingReviewRow.reviewed_by == UserRow.id)
        .where(RatingReviewRow.meeting == meeting)
    )
    return {
        (review.country, review.area): (review, email or "?")
        for review, email in session.execute(statement)
    }


def indicator_areas(plan: WorkPlan) -> dict[str, str]:
    """The area each indicator gives evidence for: the catalogue's, else the plan's activity's."""
    areas = {name: item.area for name, item in indicators().items() if item.area}
    for area, _, activity in plan.activities():
        for name in activity.indicators:
            areas.setdefault(name, area.area)
    return areas


def _state(
    country: str,
    plan: WorkPlan,
    areas_of: dict[str, str],
    sentences: SentenceIndex,
    figures: FigureIndex,
    reviews: dict[tuple[str, str], tuple[RatingReviewRow, str]],
    documents: list[str],
) -> StateEvaluation:
    state_figures = figures.get(country, [])
    areas = []
    for area in AREAS:
        area_figures = [item for item in state_figures if areas_of.get(item.indicator) == area]
        evidence = sentences.get((country, area), [])
        proposed = rate(evidence, area_figures)
        evaluation = AreaEvaluation(
            area=area,
            rating=proposed,
            proposed_rating=proposed,
            evidence=evidence,
            figures=area_figures,
            activities=_covered_activities(plan, area, evidence, area_figures),
        )
        _apply_review(evaluation, reviews.get((country, area)))
        areas.append(evaluation)
    reported = sorted({item.indicator for item in state_figures})
    return StateEvaluation(
        country=country,
        areas=areas,
        indicators_reported=reported,
        indicators_missing=_missing_core_indicators(plan, reported),
        documents=documents,
    )


def _apply_review(evaluation: AreaEvaluation, review: tuple[RatingReviewRow, str] | None) -> None:
    if review is None:
        return
    row, reviewer = review
    if not has_evidence(evaluation) and row.rating != Rating.NO_INFORMATION:
        return  # the evidence it was confirmed on is gone: the rules' rating stands
    evaluation.rating = Rating(row.rating)
    evaluation.confirmed_by = reviewer
    evaluation.note = row.note


def has_evidence(evaluation: AreaEvaluation) -> bool:
    return bool(evaluation.evidence or evaluation.figures)


def core_indicators(plan: WorkPlan) -> list[str]:
    """The catalogue's core indicators that the plan's activities name, by name."""
    catalogue = indicators()
    return sorted(
        {
            name
            for _, _, activity in plan.activities()
            for name in activity.indicators
            if name in catalogue and catalogue[name].core
        }
    )


def _missing_core_indicators(plan: WorkPlan, reported: Iterable[str]) -> list[str]:
    return sorted(set(core_indicators(plan)) - set(reported))


def _covered_activities(
    plan: WorkPlan,
    area: str,
    evidence: list[EvidenceSentence],
    figures: list[FigureEvidence],
) -> list[str]:
    reported = {item.indicator for item in figures}
    sentence_words = [significant_words(item.text) for item in evidence]
    covered = []
    for plan_area, _, activity in plan.activities():
        if plan_area.area != area or activity.responsible != MEMBER_STATES:
            continue
        if reported & set(activity.indicators) or _title_matches(activity, sentence_words):
            covered.append(activity.code)
    return covered


def _title_matches(activity: PlanActivity, sentence_words: list[frozenset[str]]) -> bool:
    for title in activity.titles.values():
        words = significant_words(title)
        if any(len(words & sentence) >= TITLE_OVERLAP for sentence in sentence_words):
            return True
    return False


@lru_cache(maxsize=65536)
def significant_words(text: str) -> frozenset[str]:
    """Words of five letters or more, without accents, cut to their first five letters, less
    the words every report on trafficking uses (``generic_words`` of the plan areas lexicon)."""
    return frozenset(_stems(text) - _generic_stems())


def _stems(text: str) -> set[str]:
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(character for character in plain if not unicodedata.combining(character))
    return {word[:5] for word in WORD.findall(plain)}


@cache
def _generic_stems() -> frozenset[str]:
    words: dict[str, list[str]] = lexicon("plan_areas")["generic_words"]
    return frozenset(
        stem
        for language, listed in words.items()
        if language in LANGUAGES
        for word in listed
        for stem in _stems(word)
    )


def evaluation_to_data(evaluation: MeetingEvaluation) -> dict[str, Any]:
    """The evaluation as JSON: ``{"meeting", "plan", "states": [...]}`` (other tools read it)."""
    return {
        "meeting": evaluation.meeting,
        "plan": evaluation.plan,
        "states": [state_to_data(state) for state in evaluation.states],
    }


def state_to_data(state: StateEvaluation) -> dict[str, Any]:
    return {
        "country": state.country,
        "documents": state.documents,
        "indicators_reported": state.indicators_reported,
        "indicators_missing": state.indicators_missing,
        "areas": [area_to_data(area) for area in state.areas],
    }


def area_to_data(area: AreaEvaluation) -> dict[str, Any]:
    return {
        "area": area.area,
        "rating": None if area.withheld else area.rating.value,
        "proposed_rating": None if area.withheld else area.proposed_rating.value,
        "confirmed": area.confirmed,
        "confirmed_by": area.confirmed_by,
        "evidence": _evidence_data(area),
        "figures": [
            {
                "document": item.document,
                "indicator": item.indicator,
                "value": int(item.value) if float(item.value).is_integer() else item.value,
                "year": item.year,
                "text": item.text,
            }
            for item in area.figures
        ],
        "activities": area.activities,
    }


def _evidence_data(area: AreaEvaluation) -> list[dict[str, Any]]:
    """The sentences mapped to the area, then those of its figures not already listed."""
    listed: dict[tuple[str, str], dict[str, Any]] = {}
    for item in area.evidence:
        listed.setdefault(
            (item.document, item.text),
            {
                "document": item.document,
                "text": item.text,
                "start": item.start,
                "end": item.end,
                "confidence": item.confidence,
            },
        )
    for figure in area.figures:
        listed.setdefault(
            (figure.document, figure.text),
            {"document": figure.document, "text": figure.text, "figure": figure.indicator},
        )
    return list(listed.values())
