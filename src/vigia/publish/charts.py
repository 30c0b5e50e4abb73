"""A report's charts: Vega-Lite specifications made with altair, drawn offline by vl-convert.

Each :class:`Chart` has its rows (what a "download data" link gives as CSV) and its specification;
:func:`chart_svg` draws it as SVG for the HTML and PDF reports and the site, :func:`chart_png` as
PNG for DOCX, where Word shows no SVG. Nothing is fetched: vl-convert carries Vega itself.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

import altair as alt
import vl_convert

from vigia.domain import Rating
from vigia.languages import country_name, indicator_name, translations
from vigia.publish.report import Report
from vigia.publish.vocabulary import vocabulary

#: Colours of the ratings, strongest first, then of a rating not yet confirmed.
RATING_COLOURS = ("#1e6b34", "#7fae3e", "#e0a526", "#b8bec4", "#eceff2")
WIDTH = 640


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    rows: list[dict[str, Any]]
    spec: dict[str, Any]


def report_charts(report: Report, language: str) -> list[Chart]:
    """The charts of ``report`` in ``language``: the matrix as a heat map, the ratings of each
    area across states, and the figures each state reported."""
    charts = [_matrix(report, language), _ratings_by_area(report, language)]
    if report.figures:
        charts.append(_figures_by_state(report, language))
    return charts


def chart_svg(chart: Chart) -> str:
    return str(vl_convert.vegalite_to_svg(chart.spec))


def chart_png(chart: Chart) -> bytes:
    return bytes(vl_convert.vegalite_to_png(chart.spec, scale=2))


def chart_csv(chart: Chart) -> str:
    """The chart's rows as CSV, the columns in the order of the first row."""
    output = io.StringIO()
    if chart.rows:
        writer = csv.DictWriter(output, fieldnames=list(chart.rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(chart.rows)
    return output.getvalue()


def inline_data(rows: list[dict[str, Any]]) -> alt.Data:
    """The rows inline in the specification (altair's ``Data`` has no type hints)."""
    data: alt.Data = alt.Data(values=rows)  # type: ignore[no-untyped-call]
    return data


def _rating_scale(language: str) -> alt.Scale:
    words = vocabulary(language)
    gettext = translations(language).gettext
    domain = [words.rating(rating) for rating in Rating] + [gettext("Not yet confirmed")]
    return alt.Scale(domain=domain, range=list(RATING_COLOURS))


def _cells(report: Report, language: str) -> list[dict[str, Any]]:
    words = vocabulary(language)
    gettext = translations(language).gettext
    return [
        {
            "state": country_name(profile.country, language),
            "area": words.area(cell.area),
            "rating": gettext("Not yet confirmed") if cell.withheld else words.rating(cell.rating),
        }
        for profile in report.profiles
        for cell in profile.cells
    ]


def _matrix(report: Report, language: str) -> Chart:
    gettext = translations(language).gettext
    words = vocabulary(language)
    rows = _cells(report, language)
    title = gettext("Ratings by state and area")
    areas = [words.area(area) for area in report.areas]
    chart = (
        alt.Chart(inline_data(rows), title=title, width=WIDTH)
        .mark_rect(stroke="white")
        .encode(
            x=alt.X("area:N", sort=areas, title=None, axis=alt.Axis(labelAngle=-30)),
            y=alt.Y("state:N", title=None),
            color=alt.Color("rating:N", scale=_rating_scale(language), title=None),
            tooltip=["state:N", "area:N", "rating:N"],
        )
    )
    return Chart("matrix", title, rows, chart.to_dict())


def _ratings_by_area(report: Report, language: str) -> Chart:
    gettext = translations(language).gettext
    words = vocabulary(language)
    rows = _cells(report, language)
    title = gettext("States by rating in each area")
    chart = (
        alt.Chart(inline_data(rows), title=title, width=WIDTH)
        .mark_bar()
        .encode(
            x=alt.X("area:N", sort=[words.area(area) for area in report.areas], title=None),
            y=alt.Y("count():Q", title=gettext("States")),
            color=alt.Color("rating:N", scale=_rating_scale(language), title=None),
            tooltip=["area:N", "rating:N", "count():Q"],
        )
    )
    return Chart("ratings-by-area", title, rows, chart.to_dict())


def _figures_by_state(report: Report, language: str) -> Chart:
    gettext = translations(language).gettext
    rows = [
        {
            "state": country_name(figure.country, language),
            "indicator": indicator_name(figure.indicator, language),
            "year": figure.year,
            "value": figure.value,
        }
        for figure in report.figures
    ]
    title = gettext("Figures reported by each state")
    chart = (
        alt.Chart(inline_data(rows), title=title, width=WIDTH)
        .mark_bar()
        .encode(
            y=alt.Y("state:N", title=None),
            x=alt.X("count():Q", title=gettext("Figures")),
            color=alt.Color("indicator:N", title=None),
            tooltip=["state:N", "indicator:N", "count():Q"],
        )
    )
    return Chart("figures-by-state", title, rows, chart.to_dict())
