"""``/protected-statistics``: the tables released from the case registers, each with its method;
and, for the secretariat, the release form and the privacy budget each year has left.

Public: a release is published once made. Nothing here reads a record, only released counts.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request, status
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from vigia.cases import UNKNOWN, case_vocabulary
from vigia.errors import ReviewError
from vigia.evaluate.disclosure import DIMENSIONS, SCOPES, TOTAL
from vigia.evaluate.releases import (
    MECHANISMS,
    Release,
    find_release,
    ledger,
    policy,
    release_table,
    releases,
)
from vigia.languages import translations
from vigia.permissions import can_release_statistics
from vigia.publish.charts import chart_svg
from vigia.publish.labels import N_
from vigia.publish.release_charts import release_chart
from vigia.reference import countries
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import redirect_to, show
from vigia.web.pages.routing import PageError, PageRoute, SignedInFormVisitor
from vigia.web.pages.visitor import CurrentVisitor, Visitor

NO_RELEASE = N_("There is no such released table.")
NOT_THE_SECRETARIAT = N_("Only the secretariat releases statistics from a case register.")
DIMENSION_NAMES = {
    "year": N_("Year"),
    "sex": N_("Sex"),
    "age_group": N_("Age group"),
    "exploitation": N_("Form of exploitation"),
    "citizenship": N_("Citizenship"),
    "exploitation_country": N_("Country of exploitation"),
}
LAPLACE_NOTE = N_(
    "Counts with discrete Laplace noise of scale %(scale)s (ε = %(epsilon)s, δ = 0); negative "
    "counts set to 0; totals are the sums of the noisy counts."
)
SUPPRESSION_NOTE = N_(
    "Cells of 1 to %(largest)s records suppressed, and further cells so that none can be worked "
    "out from the totals."
)

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/protected-statistics", response_class=HTMLResponse)
def protected_statistics(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    register: Annotated[str | None, Query(max_length=32)] = None,
    done: Annotated[str | None, Query(max_length=16)] = None,
) -> HTMLResponse:
    notice = N_("The table is released.") if done == "released" else None
    return _page(request, visitor, session, register, notice=notice)


@router.get("/protected-statistics/{release_id}.svg", response_model=None)
def release_svg(
    visitor: CurrentVisitor,
    session: DatabaseSession,
    release_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
) -> Response:
    """A released table as a chart (an image, so that the page's content policy holds)."""
    found = find_release(session, release_id)
    if found is None:
        raise PageError(status.HTTP_404_NOT_FOUND, NO_RELEASE, visitor)
    language = visitor.language
    gettext = translations(language).gettext
    title = " × ".join(gettext(DIMENSION_NAMES[name]) for name in found.dimensions)
    chart = release_chart(
        found.id,
        found.dimensions,
        found.cells,
        lambda dimension, value: _category(dimension, value, visitor),
        title,
        language,
    )
    return Response(chart_svg(chart), media_type="image/svg+xml")


@router.post("/protected-statistics", response_model=None)
def release(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    register_code: Annotated[str, Form(alias="register", max_length=32)],
    dimensions: Annotated[list[str], Form()],
    mechanism: Annotated[str, Form(max_length=32)],
    scope: Annotated[str, Form(max_length=32)] = "",
    epsilon: Annotated[str, Form(max_length=16)] = "",
) -> Response:
    if not can_release_statistics(visitor.principal):
        raise PageError(status.HTTP_403_FORBIDDEN, NOT_THE_SECRETARIAT, visitor)
    try:
        made = release_table(
            session,
            visitor.principal,
            register_code,
            tuple(dimensions),
            scope=scope or None,
            mechanism=mechanism,
            epsilon=float(epsilon) if epsilon and mechanism == "laplace" else None,
        )
    except (ReviewError, ValueError) as error:
        return _page(request, visitor, session, register_code, error=str(error), status_code=400)
    target = f"/protected-statistics?register={made.register}&done=released#release-{made.id}"
    return redirect_to(request, visitor, target)


def _page(
    request: Request,
    visitor: Visitor,
    session: Session,
    register: str | None,
    *,
    notice: str | None = None,
    error: str | None = None,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    made = releases(session)
    registers = sorted({item.register for item in made})
    shown = (register or (registers[0] if registers else "")).upper()
    may_release = can_release_statistics(visitor.principal)
    values = {
        "releases": [_shown(item, visitor) for item in made],
        "may_release": may_release,
        "register": shown,
        "ledger": ledger(session, shown) if may_release and shown else [],
        "dimension_names": DIMENSION_NAMES,
        "dimensions": DIMENSIONS,
        "scopes": SCOPES,
        "mechanisms": MECHANISMS,
        "epsilons": policy().epsilon_choices,
        "notice": notice,
        "error": error,
    }
    return show(request, visitor, "protected_statistics.html", values, status_code)


def _shown(item: Release, visitor: Visitor) -> dict[str, Any]:
    gettext = translations(visitor.language).gettext
    if item.epsilon is not None:
        note = gettext(LAPLACE_NOTE) % {
            "scale": f"{1 / item.epsilon:g}",
            "epsilon": f"{item.epsilon:g}",
        }
    else:
        note = gettext(SUPPRESSION_NOTE) % {"largest": (item.k or 0) - 1}
    rows = [
        (
            [
                _category(name, value, visitor)
                for name, value in zip(item.dimensions, key, strict=True)
            ],
            value,
        )
        for key, value in item.cells.items()
    ]
    return {"release": item, "note": note, "rows": rows}


def _category(dimension: str, value: str, visitor: Visitor) -> str:
    language = visitor.language
    if value == TOTAL:
        return translations(language).gettext(N_("Total"))
    vocabulary = case_vocabulary()
    if dimension == "sex":
        return vocabulary.sexes.get(value, {}).get(language, value)
    if dimension == "exploitation":
        return vocabulary.exploitation.get(value, {}).get(language, value)
    if value == UNKNOWN:
        return vocabulary.sexes[UNKNOWN].get(language, value)
    if dimension in ("citizenship", "exploitation_country"):
        known = countries().get(value)
        return value if known is None else known.names.get(language, value)
    return value
