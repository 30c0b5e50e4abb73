"""Evaluating each state against the Work Plan: ratings on the published rubric over the stored
evidence mappings, round-to-round change, gaps and recommendations, observations and consistency
flags, and what of it the public sees.

evaluation = evaluate_meeting(session, "RTP-III")   # rates every state of the meeting
data = evaluation_to_data(evaluation)               # {"meeting", "plan", "states": [...]}

Mapping documents stored before the mapper existed needs the extraction pipeline, and is
:func:`vigia.services.evaluation.evaluate`'s first step.
"""

from __future__ import annotations

from vigia.evaluate.scorecard import evaluate_meeting, evaluation_to_data

__all__ = ["evaluate_meeting", "evaluation_to_data"]
