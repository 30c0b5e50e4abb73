"""Evaluating a meeting as ``vigia evaluate`` does: map what was never mapped, then rate."""

from __future__ import annotations

from sqlalchemy.orm import Session

from vigia.domain import MeetingEvaluation
from vigia.evaluate.scorecard import evaluate_meeting
from vigia.services.mappings import remap_documents


def evaluate(session: Session, meeting: str) -> MeetingEvaluation:
    """Map the documents stored before the evidence mapper existed, then evaluate ``meeting``."""
    remap_documents(session)
    return evaluate_meeting(session, meeting)
