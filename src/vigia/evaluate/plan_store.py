"""The Work Plans known to Vigía: the shipped reference plans and those the secretariat imported.

Reference plans come from :func:`vigia.plans.work_plans`; imported plans are stored in
``work_plans`` as the JSON of :func:`vigia.plans.plan_to_data`. A code names one plan only: an
import never reuses the code of a reference plan or of another imported plan.

:func:`import_plan` follows the write pattern of :mod:`vigia.services.review`: it checks that the
principal may import plans (the secretariat), reads and checks the plan, stores it, records
``plan.import`` in the audit log and commits, all in one transaction; on failure it rolls back and
raises an error whose message is fit to show a user.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from vigia.domain import LANGUAGES
from vigia.errors import InvalidValue, NotFound, PermissionDenied
from vigia.permissions import SECRETARIAT, Principal
from vigia.plans import plan_for_year, plan_from_data, plan_to_data, validate_plan, work_plans
from vigia.plans.model import WorkPlan
from vigia.plans.parser import WorkPlanParseError, parse_work_plan
from vigia.reference import closest_first
from vigia.store import audit
from vigia.store.acting import active_user
from vigia.store.models import CODE, DocumentRow, UserRow, WorkPlanRow
from vigia.store.transactions import committed

PLANS = WorkPlanRow.__tablename__
CODE_LENGTH = CODE.length or 64
#: The longest plan text read (characters): a plan is a few pages, not a library.
MAX_TEXT_LENGTH = 500_000
EARLIEST_YEAR = 1990
LATEST_YEAR = 2100


class UnknownPlan(NotFound):
    """No reference or imported plan has this code."""


def all_plans(session: Session) -> dict[str, WorkPlan]:
    """Every plan by code, reference and imported, oldest first (by first year, then code)."""
    plans = dict(work_plans())
    statement = select(WorkPlanRow).order_by(WorkPlanRow.imported_at, WorkPlanRow.id)
    for row in session.scalars(statement):
        if row.code not in plans:
            plans[row.code] = plan_from_data(row.structure)
    ordered = sorted(plans.values(), key=lambda plan: (plan.starts, plan.code))
    return {plan.code: plan for plan in ordered}


def find_plan(session: Session, code: str) -> WorkPlan:
    """The plan with this code; :class:`UnknownPlan` (a NotFound) when there is none."""
    plans = all_plans(session)
    plan = plans.get(code)
    if plan is None:
        for known, candidate in plans.items():
            if known.casefold() == code.casefold():
                return candidate
        listed = ", ".join(closest_first(code, plans)) or "none"
        raise UnknownPlan(f"there is no Work Plan with code {code!r}; plans: {listed}")
    return plan


def plan_for_meeting(session: Session, meeting_year: int | None) -> WorkPlan:
    """The plan in force in ``meeting_year`` (extensions included), else the latest reference plan.

    When several plans are in force, the one that started last wins.
    """
    if meeting_year is not None:
        in_force = plan_for_year(meeting_year, all_plans(session).values())
        if in_force is not None:
            return in_force
    return max(work_plans().values(), key=lambda plan: plan.starts)


def import_plan(
    session: Session,
    principal: Principal,
    text: str,
    code: str,
    starts: int,
    ends: int,
    language: str,
    document_id: int | None = None,
) -> WorkPlan:
    """Read a plan from ``text`` (written in ``language``), check it, store it and commit.

    Secretariat only. ``code`` must be new; ``document_id`` names the stored document the text
    came from, if any. Refused input raises :class:`~vigia.errors.InvalidValue`, an unknown
    document :class:`~vigia.errors.NotFound`. Audited as ``plan.import``.
    """
    try:
        with committed(session):
            actor = _importer(session, principal)
            plan = _read_plan(session, text, _new_code(session, code), starts, ends, language)
            row = WorkPlanRow(
                code=plan.code,
                structure=plan_to_data(plan),
                document_id=_document_id(session, document_id),
                imported_by=actor.id,
            )
            session.add(row)
            session.flush()
            details = {"language": language, "activities": len(plan.activities())}
            audit.record(
                session, actor, "plan.import", PLANS, row.id, None, _snapshot(row), details
            )
    except IntegrityError as error:
        raise InvalidValue(f"a Work Plan with code {code.strip()!r} already exists") from error
    return plan


def _importer(session: Session, principal: Principal) -> UserRow:
    """The user importing, once it is known that the principal is the secretariat."""
    if principal.is_anonymous or principal.role != SECRETARIAT:
        raise PermissionDenied("only the secretariat imports Work Plans")
    user = active_user(session, principal)
    return user


def _new_code(session: Session, code: object) -> str:
    if not isinstance(code, str) or not code.strip():
        raise InvalidValue("the plan needs a code, such as 'WP-2030'")
    stripped = code.strip()
    if len(stripped) > CODE_LENGTH:
        raise InvalidValue(f"a plan code has at most {CODE_LENGTH} characters")
    if stripped in all_plans(session):
        raise InvalidValue(
            f"a Work Plan with code {stripped!r} already exists: choose another code"
        )
    return stripped


def _read_plan(
    session: Session, text: object, code: str, starts: int, ends: int, language: str
) -> WorkPlan:
    if not isinstance(text, str) or not text.strip():
        raise InvalidValue("the plan's text is empty")
    if len(text) > MAX_TEXT_LENGTH:
        raise InvalidValue(f"the plan's text has more than {MAX_TEXT_LENGTH} characters")
    if language not in LANGUAGES:
        raise InvalidValue(f"unknown language {language!r}: one of {', '.join(LANGUAGES)}")
    for label, year in (("first", starts), ("last", ends)):
        if isinstance(year, bool) or not isinstance(year, int):
            raise InvalidValue(f"the plan's {label} year {year!r} is not a whole number")
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            raise InvalidValue(
                f"the plan's {label} year {year} is not between {EARLIEST_YEAR} and {LATEST_YEAR}"
            )
    try:
        plan = parse_work_plan(text, code, starts, ends, language)
    except WorkPlanParseError as error:
        raise InvalidValue(str(error)) from None
    if not plan.activities():
        raise InvalidValue(
            "no activity found in the text: a Work Plan's activities are numbered items under "
            "numbered headings (see docs/work-plan.md)"
        )
    problems = validate_plan(plan, languages=(language,))
    if problems:
        raise InvalidValue(f"the plan read from the text is not sound: {'; '.join(problems)}")
    return plan


def _document_id(session: Session, document_id: int | None) -> int | None:
    if document_id is None:
        return None
    if isinstance(document_id, bool) or not isinstance(document_id, int):
        raise InvalidValue(f"document id {document_id!r} is not a whole number")
    if session.get(DocumentRow, document_id) is None:
        raise NotFound(f"no stored document has id {document_id}")
    return document_id


def _snapshot(row: WorkPlanRow) -> dict[str, Any]:
    structure = row.structure
    return {
        "code": row.code,
        "titles": structure["titles"],
        "starts": structure["starts"],
        "ends": structure["ends"],
        "areas": [area["area"] for area in structure["areas"]],
        "document_id": row.document_id,
        "imported_by": row.imported_by,
    }
