"""Round-to-round change: how a state's rating in each area moved from one meeting to another."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from vigia.domain import AreaEvaluation, MeetingEvaluation, Rating
from vigia.evaluate.scorecard import evaluate_meeting
from vigia.evaluate.visibility import as_seen_by
from vigia.plans import AREAS

IMPROVED = "improved"
DECLINED = "declined"
UNCHANGED = "unchanged"


@dataclass(frozen=True)
class AreaChange:
    """An area's rating at an earlier and a later meeting (None: the state did not report, or the
    rating awaits confirmation and is withheld from this caller)."""

    area: str
    before: Rating | None
    after: Rating | None

    @property
    def direction(self) -> str:
        before = self.before.strength if self.before else 0
        after = self.after.strength if self.after else 0
        if after > before:
            return IMPROVED
        if after < before:
            return DECLINED
        return UNCHANGED


def compare_evaluations(
    earlier: MeetingEvaluation, later: MeetingEvaluation, country: str
) -> list[AreaChange]:
    """One change per area of the plan for ``country`` between two evaluated meetings."""
    before, after = earlier.state(country), later.state(country)
    changes = []
    for area in AREAS:
        old = before.area(area) if before else None
        new = after.area(area) if after else None
        changes.append(AreaChange(area, _shown(old), _shown(new)))
    return changes


def _shown(area: AreaEvaluation | None) -> Rating | None:
    return None if area is None or area.withheld else area.rating


def compare_rounds(
    session: Session,
    country: str,
    earlier: str,
    later: str,
    sees_drafts: Callable[[str], bool] = lambda _country: True,
) -> list[AreaChange]:
    """What changed for ``country`` since meeting ``earlier``, as of meeting ``later``; ratings
    awaiting confirmation count as unknown unless ``sees_drafts`` of the country."""
    return compare_evaluations(
        as_seen_by(evaluate_meeting(session, earlier), sees_drafts),
        as_seen_by(evaluate_meeting(session, later), sees_drafts),
        country,
    )
