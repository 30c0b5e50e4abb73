"""Importing a Work Plan from a file: read it and tell its language, then parse, check and store it.

``vigia plans import`` and ``POST /api/v1/plans/import`` both call :func:`read_plan_file` (before
anything touches the database, so that an unreadable file is said first) and then
:func:`import_plan_text`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from vigia.evaluate.plan_store import import_plan
from vigia.extract.language import detect_language
from vigia.ingest import read_document
from vigia.permissions import Principal
from vigia.plans.model import WorkPlan

#: The language assumed when the file's own cannot be told.
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class PlanText:
    """The text of a plan's document, and its language."""

    text: str
    language: str


def read_plan_file(path: Path, language: str | None = None) -> PlanText:
    """The text of the file at ``path``, in ``language`` (None: the one it is written in).

    Raises :class:`~vigia.ingest.UnreadableFileError` for a file that cannot be read.
    """
    text = read_document(path).text
    return PlanText(text, language or detect_language(text) or FALLBACK_LANGUAGE)


def import_plan_text(
    session: Session, principal: Principal, plan: PlanText, code: str, starts: int, ends: int
) -> WorkPlan:
    """Parse, check and store the plan (:func:`vigia.evaluate.plan_store.import_plan`)."""
    return import_plan(session, principal, plan.text, code, starts, ends, plan.language)
