"""Evaluating each state against the Work Plan: evidence mapping, ratings on the published rubric,
round-to-round change, gaps and recommendations, observations and consistency flags.

evaluation = evaluate(session, "RTP-III")   # maps unmapped documents, then rates every state
data = evaluation_to_data(evaluation)       # {"meeting", "plan", "states": [...]}
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from vigia.domain import MeetingEvaluation
from vigia.evaluate.mappings import refresh_mappings
from vigia.evaluate.scorecard import evaluate_meeting, evaluation_to_data


def evaluate(session: Session, meeting: str) -> MeetingEvaluation:
    """Map the documents stored before the evidence mapper existed, then evaluate ``meeting``."""
    refresh_mappings(session)
    return evaluate_meeting(session, meeting)


__all__ = ["evaluate", "evaluate_meeting", "evaluation_to_data", "refresh_mappings"]
