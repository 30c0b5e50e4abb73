"""``/statistics``: a state's yearly statistics, entered, checked, submitted and approved.

``/statistics?year=`` lists how far each form of the year is (the secretariat sees every member
state, a focal point its own). ``/statistics/{country}/{year}`` is the form: each question with its
definition, its total and a grid per breakdown, the sums computed as one types, the rules the
saved values break. The page saves as one types (vigia.js posts the form in the background and
keeps what could not be sent in the browser, to send it again); without JavaScript the Save button
does the same. Submitting, approving and unlocking are buttons of the same page.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request, status
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from vigia.errors import ReviewError
from vigia.evaluate.statistics_csv import import_statistics_file
from vigia.evaluate.statistics_forms import (
    StatisticsForm,
    approve_form,
    options_text,
    save_values,
    statistics_form,
    submit_form,
    unlock_form,
)
from vigia.evaluate.statistics_notes import comparability_notes, save_notes
from vigia.evaluate.statistics_prefill import Offer, report_figures
from vigia.evaluate.statistics_reports import due_date, form_checks, regional_completeness
from vigia.languages import translations
from vigia.permissions import Principal, can_approve_statistics, can_enter_statistics
from vigia.publish.labels import N_
from vigia.statistics import Cell, StatisticsCatalogue, statistics_catalogue
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.accounts import member_states
from vigia.web.pages.responses import redirect_to, show
from vigia.web.pages.routing import PageError, PageRoute, SignedInFormVisitor, SignedInVisitor
from vigia.web.pages.visitor import Visitor
from vigia.web.parameters import country_code
from vigia.web.statistics_schemas import CSV_BYTES

NOT_FOR_YOU = N_("The statistics forms are for the focal points and the secretariat.")
OTHER_STATE = N_("You may see and fill the statistics of your own state only.")
NOT_A_NUMBER = N_("“%(value)s” is not a number.")
NOTICES = {
    "saved": N_("Saved."),
    "submitted": N_("Submitted to the secretariat."),
    "approved": N_("Approved: the year is locked."),
    "unlocked": N_("Unlocked: the form can be changed again."),
    "imported": N_("The file was imported."),
}
NO_FILE = N_("Choose an XLSX or CSV file to send.")
TOO_LARGE = N_("The file is larger than 5 MB: split it.")
FIELD_PREFIX = "v."
#: The comparability note of a question (``note.victims_detected``; ``note.``: the whole form).
NOTE_PREFIX = "note."

router = APIRouter(route_class=PageRoute, include_in_schema=False)
Year = Annotated[int, Path(ge=1990, le=2100)]
CountryPath = Annotated[str, Path(min_length=3, max_length=3)]


@router.get("/statistics", response_class=HTMLResponse)
def statistics_page(
    request: Request,
    visitor: SignedInVisitor,
    session: DatabaseSession,
    year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
    done: Annotated[str | None, Query(max_length=16)] = None,
) -> HTMLResponse:
    return _listing(request, visitor, session, year or date.today().year - 1, done=done)


@router.post("/statistics/upload", response_model=None)
async def upload_csv(
    request: Request, visitor: SignedInFormVisitor, session: DatabaseSession
) -> Response:
    """A filled template, CSV or XLSX: stored whole, or refused with each bad row's line and
    reason."""
    fields = await request.form()
    upload = fields.get("file")
    year = date.today().year - 1
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _listing(request, visitor, session, year, error=NO_FILE, status_code=400)
    data = await upload.read(CSV_BYTES + 1)
    if len(data) > CSV_BYTES:
        return _listing(request, visitor, session, year, error=TOO_LARGE, status_code=400)
    report = await run_in_threadpool(import_statistics_file, session, visitor.principal, data)
    if not report.ok:
        return await run_in_threadpool(
            lambda: _listing(
                request, visitor, session, year, refused=report.errors, status_code=400
            )
        )
    shown = report.forms[0][1] if report.forms else year
    return redirect_to(request, visitor, f"/statistics?year={shown}&done=imported")


def _listing(
    request: Request,
    visitor: Visitor,
    session: Session,
    year: int,
    *,
    done: str | None = None,
    error: str | None = None,
    refused: list[tuple[int, str]] | None = None,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    secretariat = can_approve_statistics(visitor.principal)
    own = visitor.principal.country
    if not secretariat and own is None:
        raise PageError(status.HTTP_403_FORBIDDEN, NOT_FOR_YOU, visitor)
    rows = [
        row for row in regional_completeness(session, year) if secretariat or row.country == own
    ]
    values = {
        "year": year,
        "due": due_date(year),
        "rows": rows,
        "checks": form_checks(session, year, [row.country for row in rows if row.status]),
        "years": list(range(date.today().year, 1999, -1)),
        "member_states": member_states(visitor.language),
        "template_country": own or "",
        "notice": NOTICES.get(done or ""),
        "error": error,
        "refused": refused or [],
    }
    return show(request, visitor, "statistics.html", values, status_code)


@router.get("/statistics/{country}/{year}", response_class=HTMLResponse)
def form_page(
    request: Request,
    visitor: SignedInVisitor,
    session: DatabaseSession,
    country: CountryPath,
    year: Year,
    done: Annotated[str | None, Query(max_length=16)] = None,
) -> HTMLResponse:
    country = _may_see(visitor, country)
    form = statistics_form(session, country, year)
    offers = report_figures(session, country, year)
    return _form(request, visitor, session, form, notice=NOTICES.get(done or ""), offers=offers)


@router.post("/statistics/{country}/{year}", response_model=None)
async def save(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    country: CountryPath,
    year: Year,
) -> Response:
    country = _may_see(visitor, country)
    fields = await request.form()
    wants_json = "application/json" in request.headers.get("accept", "")
    typed = {
        str(key): str(value) for key, value in fields.items() if str(key).startswith(FIELD_PREFIX)
    }
    notes = {
        str(key).removeprefix(NOTE_PREFIX): str(value)
        for key, value in fields.items()
        if str(key).startswith(NOTE_PREFIX)
    }
    try:
        values = _values(typed)
        form = await run_in_threadpool(
            _save, session, visitor.principal, country, year, values, notes
        )
    except (ReviewError, _NotANumber) as error:
        message = _message(error, visitor)
        if wants_json:
            return JSONResponse({"saved": False, "error": message}, status_code=400)
        form = await run_in_threadpool(statistics_form, session, country, year)
        kept = typed | {NOTE_PREFIX + key: text for key, text in notes.items()}
        return _form(request, visitor, session, form, error=message, typed=kept, status_code=400)
    if wants_json:
        return JSONResponse(
            {"saved": True, "status": form.status, "violations": _said(form, visitor)}
        )
    return redirect_to(request, visitor, f"/statistics/{country}/{year}?done=saved")


@router.post("/statistics/{country}/{year}/{action}", response_model=None)
def act(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    country: CountryPath,
    year: Year,
    action: Annotated[str, Path(pattern="^(submit|approve|unlock)$")],
    reason: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    country = _may_see(visitor, country)
    try:
        if action == "submit":
            submit_form(session, visitor.principal, country, year)
        elif action == "approve":
            approve_form(session, visitor.principal, country, year)
        else:
            unlock_form(session, visitor.principal, country, year, reason)
    except ReviewError as error:
        form = statistics_form(session, country, year)
        return _form(request, visitor, session, form, error=str(error), status_code=400)
    done = {"submit": "submitted", "approve": "approved", "unlock": "unlocked"}[action]
    return redirect_to(request, visitor, f"/statistics/{country}/{year}?done={done}")


def _save(
    session: Session,
    principal: Principal,
    country: str,
    year: int,
    values: dict[Cell, float | None],
    notes: dict[str, str],
) -> StatisticsForm:
    """The figures, then the comparability notes sent with them (which hold for every year)."""
    form = save_values(session, principal, country, year, values)
    if notes:
        save_notes(session, principal, country, notes)
    return form


class _NotANumber(ValueError):
    pass


def _values(typed: dict[str, str]) -> dict[Cell, float | None]:
    values: dict[Cell, float | None] = {}
    catalogue = statistics_catalogue()
    for key, text in typed.items():
        element, _, options = key.removeprefix(FIELD_PREFIX).partition(".")
        chosen = dict(part.split("=", 1) for part in options.split(";") if "=" in part)
        cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
        if not cleaned:
            number = None
        else:
            try:
                number = float(cleaned)
            except ValueError:
                raise _NotANumber(text.strip()) from None
        values[catalogue.cell(element, chosen)] = number
    return values


def _message(error: Exception, visitor: Visitor) -> str:
    if isinstance(error, _NotANumber):
        wording = translations(visitor.language).gettext(NOT_A_NUMBER)
        return wording % {"value": str(error)[:40]}
    return str(error)


def _said(form: StatisticsForm, visitor: Visitor) -> list[dict[str, Any]]:
    return [
        {
            "rule": item.rule.name,
            "importance": item.rule.importance,
            "message": (item.rule.labels or {}).get(visitor.language, item.rule.name),
            "left": item.outcome.left,
            "right": item.outcome.right,
        }
        for item in form.violations
    ]


def _may_see(visitor: Visitor, country: str) -> str:
    try:
        code = country_code(country)
    except ValueError as error:
        raise PageError(status.HTTP_404_NOT_FOUND, OTHER_STATE, visitor) from error
    principal = visitor.principal
    if not (can_enter_statistics(principal, code) or can_approve_statistics(principal)):
        raise PageError(status.HTTP_403_FORBIDDEN, OTHER_STATE, visitor)
    return code


def _form(
    request: Request,
    visitor: Visitor,
    session: Session,
    form: StatisticsForm,
    *,
    notice: str | None = None,
    error: str | None = None,
    typed: dict[str, str] | None = None,
    status_code: int = status.HTTP_200_OK,
    offers: dict[str, list[Offer]] | None = None,
) -> HTMLResponse:
    catalogue = statistics_catalogue()
    shown = {
        FIELD_PREFIX + cell.element + "." + options_text(cell.options): f"{value:g}"
        for cell, value in form.values.items()
    } | (typed or {})
    notes = {note.element: note.text for note in comparability_notes(session, form.country)}
    notes |= {
        key.removeprefix(NOTE_PREFIX): text
        for key, text in (typed or {}).items()
        if key.startswith(NOTE_PREFIX)
    }
    elements = _elements(catalogue, form, visitor.language, shown)
    for element in elements:
        element["note"] = notes.get(element["name"], "")
    values = {
        "form": form,
        "elements": elements,
        "general_note": notes.get("", ""),
        "violations": _said(form, visitor),
        "editable": form.status != "approved"
        and can_enter_statistics(visitor.principal, form.country),
        "may_approve": can_approve_statistics(visitor.principal),
        "notice": notice,
        "error": error,
        "offers": offers or {},
    }
    return show(request, visitor, "statistics_form.html", values, status_code)


def _elements(
    catalogue: StatisticsCatalogue, form: StatisticsForm, language: str, shown: dict[str, str]
) -> list[dict[str, Any]]:
    """Each question of the form, its total and its breakdowns as grids of fields."""

    def field(cell: Cell) -> dict[str, str]:
        name = FIELD_PREFIX + cell.element + "." + options_text(cell.options)
        return {"name": name, "value": shown.get(name, "")}

    def option(category: str, name: str) -> str:
        return catalogue.categories[category].option_labels[name].get(language, name)

    elements = []
    for name in catalogue.data_set(form.data_set, form.version).elements:
        element = catalogue.elements[name]
        grids = []
        for breakdown in element.breakdowns:
            rows_category, columns = breakdown[0], breakdown[1:]
            column_options = [catalogue.categories[c].options for c in columns] or [()]
            headings = [option(columns[0], o) for o in column_options[0]] if columns else []
            rows = []
            for row_option in catalogue.categories[rows_category].options:
                cells = (
                    [
                        dict(field(Cell(name, ((rows_category, row_option), (columns[0], o)))))
                        | {"label": f"{option(rows_category, row_option)}, {option(columns[0], o)}"}
                        for o in column_options[0]
                    ]
                    if columns
                    else [
                        field(Cell(name, ((rows_category, row_option),)))
                        | {"label": option(rows_category, row_option)}
                    ]
                )
                rows.append({"label": option(rows_category, row_option), "cells": cells})
            title = " × ".join(catalogue.categories[c].labels.get(language, c) for c in breakdown)
            grids.append({"title": title, "headings": headings, "rows": rows})
        elements.append(
            {
                "name": name,
                "label": element.labels.get(language, name),
                "definition": element.definitions.get(language, ""),
                "total": field(Cell(name)),
                "grids": grids,
            }
        )
    return elements
