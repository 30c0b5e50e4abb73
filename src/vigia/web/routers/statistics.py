"""``/api/v1/statistics`` and ``/api/v1/data-values``: a state's yearly statistics form.

Every route needs an API token. A focal point reads and writes its own state's form, the secretariat
any state's, and only the secretariat approves and unlocks (:mod:`vigia.evaluate.statistics_forms`
checks; its refusals are 403, 409 and 422 with the reason). ``POST /api/v1/data-values`` stores a
batch all or none, and sending the same batch again changes nothing.
"""

from __future__ import annotations

import csv
import io
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.responses import JSONResponse
from pydantic import AfterValidator
from starlette.concurrency import run_in_threadpool

from vigia.domain import LANGUAGES
from vigia.errors import PermissionDenied
from vigia.evaluate.statistics_csv import (
    ImportReport,
    import_statistics_file,
    statistics_template,
    statistics_template_xlsx,
)
from vigia.evaluate.statistics_forms import (
    approve_form,
    save_values,
    statistics_form,
    submit_form,
    unlock_form,
)
from vigia.evaluate.statistics_notes import comparability_notes, save_notes
from vigia.evaluate.statistics_reports import (
    ApprovedValue,
    approved_values,
    due_date,
    regional_completeness,
)
from vigia.permissions import can_approve_statistics, can_enter_statistics
from vigia.statistics import statistics_catalogue
from vigia.web.dependencies import DatabaseSession, current_caller
from vigia.web.parameters import country_code
from vigia.web.routers.api import ERRORS
from vigia.web.routers.evaluation.common import REFUSED, CountryCode, SignedInPrincipal
from vigia.web.statistics_schemas import (
    CSV_BYTES,
    ApprovedValueList,
    ApprovedValueResource,
    CompletenessList,
    CompletenessResource,
    DataValuesRequest,
    FormKey,
    ImportResource,
    NoteList,
    NoteResource,
    NotesRequest,
    StatisticsFormResource,
    UnlockRequest,
    form_resource,
)


def _optional_country(value: str | None) -> str | None:
    return None if value is None else country_code(value)


CountryQuery = Annotated[
    str, AfterValidator(country_code), Query(description="An ISO 3166-1 alpha-3 code.")
]

router = APIRouter(
    prefix="/api/v1",
    tags=["statistics"],
    responses={**ERRORS, **REFUSED},
    dependencies=[Depends(current_caller)],
)


@router.post("/data-values", response_model=StatisticsFormResource, summary="Enter values")
def post_data_values(
    session: DatabaseSession, principal: SignedInPrincipal, body: DataValuesRequest
) -> StatisticsFormResource:
    """Store a batch of values of one state's form for one year (all or none), and answer the
    form with the rules its values break. ``value`` null removes a value."""
    catalogue = statistics_catalogue()
    values = {catalogue.cell(item.element, item.options): item.value for item in body.values}
    form = save_values(session, principal, body.country, body.year, values, source="api")
    return form_resource(form)


@router.get("/statistics/{country}/{year}", response_model=StatisticsFormResource, summary="A form")
def get_form(
    session: DatabaseSession, principal: SignedInPrincipal, country: CountryCode, year: int
) -> StatisticsFormResource:
    """A state's form for a year: its status, values and the rules they break."""
    if not (can_enter_statistics(principal, country) or can_approve_statistics(principal)):
        raise PermissionDenied(f"you may not read the statistics of {country} before approval")
    return form_resource(statistics_form(session, country, year))


@router.post(
    "/statistics/{country}/{year}/submit", response_model=StatisticsFormResource, summary="Submit"
)
def post_submit(
    session: DatabaseSession, principal: SignedInPrincipal, country: CountryCode, year: int
) -> StatisticsFormResource:
    """Send the form to the secretariat; 422 while a rule of importance error is broken."""
    return form_resource(submit_form(session, principal, country, year))


@router.post(
    "/statistics/{country}/{year}/approve", response_model=StatisticsFormResource, summary="Approve"
)
def post_approve(
    session: DatabaseSession, principal: SignedInPrincipal, country: CountryCode, year: int
) -> StatisticsFormResource:
    """Approve a submitted form (the secretariat); it is locked until unlocked."""
    return form_resource(approve_form(session, principal, country, year))


@router.post(
    "/statistics/{country}/{year}/unlock", response_model=StatisticsFormResource, summary="Unlock"
)
def post_unlock(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    country: CountryCode,
    year: int,
    body: UnlockRequest,
) -> StatisticsFormResource:
    """Reopen an approved form (the secretariat), saying why."""
    return form_resource(unlock_form(session, principal, country, year, body.reason))


@router.get(
    "/statistics/template.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
    summary="A CSV template",
)
def get_template(
    country: CountryQuery,
    year: Annotated[int, Query(ge=1990, le=2100)],
    language: Annotated[str, Query(pattern=f"^({'|'.join(LANGUAGES)})$")] = "en",
) -> Response:
    """One row for each value the form asks for, with what it asks in words, to fill and send to
    ``POST /api/v1/data-values.csv``."""
    return Response(
        statistics_template(country, year, language).encode("utf-8-sig"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="statistics-{country}-{year}.csv"'},
    )


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get(
    "/statistics/template.xlsx",
    response_class=Response,
    responses={200: {"content": {XLSX: {}}}},
    summary="An XLSX template",
)
def get_template_xlsx(
    country: CountryQuery,
    year: Annotated[int, Query(ge=1990, le=2100)],
    language: Annotated[str, Query(pattern=f"^({'|'.join(LANGUAGES)})$")] = "en",
) -> Response:
    """The CSV template as a workbook, to fill in a spreadsheet program and send to
    ``POST /api/v1/data-values.xlsx``."""
    return Response(
        statistics_template_xlsx(country, year, language),
        media_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="statistics-{country}-{year}.xlsx"'},
    )


@router.post(
    "/data-values.csv",
    response_model=ImportResource,
    openapi_extra={"requestBody": {"content": {"text/csv": {}}, "required": True}},
    summary="Import a CSV",
)
async def post_data_values_csv(
    request: Request, session: DatabaseSession, principal: SignedInPrincipal
) -> Response:
    """Store the values of a CSV in the template's layout: all of them, or (422) none, with each
    bad row's line and reason."""
    return await _import(request, session, principal)


@router.post(
    "/data-values.xlsx",
    response_model=ImportResource,
    openapi_extra={"requestBody": {"content": {XLSX: {}}, "required": True}},
    summary="Import an XLSX workbook",
)
async def post_data_values_xlsx(
    request: Request, session: DatabaseSession, principal: SignedInPrincipal
) -> Response:
    """Store the values of the first sheet of a workbook in the template's layout: all of them,
    or (422) none, with each bad row's number and reason."""
    return await _import(request, session, principal)


async def _import(
    request: Request, session: DatabaseSession, principal: SignedInPrincipal
) -> Response:
    """Either file, told apart by its first bytes (an XLSX file is a ZIP archive)."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > CSV_BYTES:
            return _refused(f"the file is larger than {CSV_BYTES // 1_000_000} MB: split it", [])
    report = await run_in_threadpool(import_statistics_file, session, principal, bytes(body))
    if not report.ok:
        count = len(report.errors)
        rows = "1 row" if count == 1 else f"{count} rows"
        return _refused(f"{rows} refused; nothing was stored", report.errors)
    return JSONResponse(_imported(report).model_dump())


def _imported(report: ImportReport) -> ImportResource:
    return ImportResource(
        rows=report.rows,
        changed=report.changed,
        forms=[FormKey(country=country, year=year) for country, year in report.forms],
    )


def _refused(message: str, errors: list[tuple[int, str]]) -> JSONResponse:
    return JSONResponse(
        {
            "error": {"status": 422, "message": message},
            "rows": [{"line": line, "message": reason} for line, reason in errors],
        },
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
    )


@router.get(
    "/statistics/completeness", response_model=CompletenessList, summary="Completeness of a year"
)
def get_completeness(
    session: DatabaseSession, year: Annotated[int, Query(ge=1990, le=2100)]
) -> CompletenessList:
    """Each member state's form for ``year``: its status, how much of it is answered, and whether
    it was submitted on time. Public: it says how far each state is, not what it reported."""
    items = [
        CompletenessResource.model_validate(row, from_attributes=True)
        for row in regional_completeness(session, year)
    ]
    return CompletenessList(year=year, due=due_date(year), items=items)


def _approved_rows(
    session: DatabaseSession,
    country: Annotated[str | None, AfterValidator(_optional_country), Query()] = None,
    year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
    element: Annotated[str | None, Query(max_length=64)] = None,
) -> list[ApprovedValue]:
    """The approved values the query asks for: ``?country=&year=&element=``, each optional."""
    return approved_values(session, country, year, element)


ApprovedRows = Annotated[list[ApprovedValue], Depends(_approved_rows)]


@router.get("/data-values", response_model=ApprovedValueList, summary="Approved values")
def get_data_values(rows: ApprovedRows) -> ApprovedValueList:
    """The values of the forms the secretariat approved (public), by state, year and element."""
    items = [_approved(row) for row in rows]
    return ApprovedValueList(items=items, total=len(items))


@router.get(
    "/data-values.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
    summary="Approved values as CSV",
)
def get_data_values_csv(rows: ApprovedRows) -> Response:
    """The same values in the template's columns, ready for a spreadsheet."""
    names = list(statistics_catalogue().categories)
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(["country", "year", "element", *names, "value", "source"])
    for row in rows:
        chosen = dict(row.options)
        cells = [chosen.get(name, "") for name in names]
        writer.writerow([row.country, row.year, row.element, *cells, f"{row.value:g}", row.source])
    return Response(
        output.getvalue().encode("utf-8-sig"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="statistics.csv"'},
    )


def _approved(row: ApprovedValue) -> ApprovedValueResource:
    return ApprovedValueResource(
        country=row.country,
        year=row.year,
        element=row.element,
        options=dict(row.options),
        value=row.value,
        source=row.source,
    )


@router.get("/statistics/notes", response_model=NoteList, summary="Comparability notes")
def get_notes(
    session: DatabaseSession,
    country: Annotated[str | None, Query(max_length=3), AfterValidator(_optional_country)] = None,
) -> NoteList:
    """How each state's figures differ from the catalogue's definitions, by question. Public:
    they go with the approved values."""
    items = [
        NoteResource.model_validate(note, from_attributes=True)
        for note in comparability_notes(session, country)
    ]
    return NoteList(items=items)


@router.post("/statistics/notes", response_model=NoteList, summary="Set comparability notes")
def post_notes(
    session: DatabaseSession, principal: SignedInPrincipal, body: NotesRequest
) -> NoteList:
    """Set a state's notes by question (its focal points, the secretariat); an empty text removes
    one, the others stay. Answers the state's notes."""
    notes = save_notes(session, principal, body.country, body.notes)
    return NoteList(items=[NoteResource.model_validate(n, from_attributes=True) for n in notes])
