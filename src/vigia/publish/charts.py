"""A report's charts: Vega-Lite specifications made with altair, drawn offline by vl-convert.

Each :class:`Chart` has its rows (what a "download data" link gives as CSV) and its specification;
:func:`chart_svg` draws it as SVG for the HTML and PDF reports and the site, :func:`chart_png` as
PNG for DOCX, where Word shows no SVG. Nothing is fetched: vl-convert carries Vega itself.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

import altair as alt
import vl_convert

from vigia.domain import Rating
from vigia.languages import country_name, indicator_name, translations
from vigia.publish.model import Cell, Figure, Report
from vigia.publish.vocabulary import vocabulary

#: Colours of the ratings, strongest first, then of a rating not yet confirmed.
RATING_COLOURS = ("#1e6b34", "#7fae3e", "#e0a526", "#b8bec4", "#eceff2")
WIDTH = 640
#: Drawn charts kept in memory: a report's in the four languages, twice over (about 10 MB).
CHARTS_REMEMBERED = 128
#: How each language writes numbers on the axes (d3-format locales that vl-convert carries).
NumberLocale = Literal["es-ES", "en-US", "fr-FR", "pt-BR"]
NUMBER_LOCALES: dict[str, NumberLocale] = {
    "es": "es-ES",
    "en": "en-US",
    "fr": "fr-FR",
    "pt": "pt-BR",
}


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    rows: list[dict[str, Any]]
    spec: dict[str, Any]
    #: The language of the chart's words, which also sets how its numbers are written.
    language: str = "en"


def report_charts(report: Report, language: str) -> list[Chart]:
    """The charts of ``report`` in ``language``: the matrix as a heat map, the ratings of each
    area across states, and the figures each state reported."""
    charts = [_matrix(report, language), _ratings_by_area(report, language)]
    if report.figures:
        charts.append(_figures_by_state(report, language))
    over_rounds = _figures_over_rounds(report, language)
    if over_rounds.rows:
        charts.append(over_rounds)
    if report.core_indicators and report.profiles:
        charts.append(_core_indicators(report, language))
    return charts


def chart_svg(chart: Chart) -> str:
    """The chart drawn as SVG. A chart drawn already (the same specification in the same
    language) is not drawn again: publishing writes each chart in HTML and PDF."""
    return str(_drawn("svg", NUMBER_LOCALES.get(chart.language, "en-US"), _text(chart.spec)))


def chart_png(chart: Chart) -> bytes:
    """The chart drawn as PNG at twice its size (for Word), remembered as :func:`chart_svg`."""
    png = _drawn("png", NUMBER_LOCALES.get(chart.language, "en-US"), _text(chart.spec))
    assert isinstance(png, bytes)
    return png


def _text(spec: dict[str, Any]) -> str:
    return json.dumps(spec, sort_keys=True, ensure_ascii=False, default=str)


@lru_cache(maxsize=CHARTS_REMEMBERED)
def _drawn(kind: str, locale: NumberLocale, spec: str) -> str | bytes:
    if kind == "svg":
        return str(vl_convert.vegalite_to_svg(spec, format_locale=locale, allowed_base_urls=[]))
    png = vl_convert.vegalite_to_png(spec, scale=2, format_locale=locale, allowed_base_urls=[])
    return bytes(png)


def number_locale(language: str) -> dict[str, Any]:
    """How ``language`` writes numbers, as a d3-format locale (for the interactive charts)."""
    return dict(vl_convert.get_format_locale(NUMBER_LOCALES.get(language, "en-US")))


@cache
def vega_bundle() -> bytes:
    """Vega, Vega-Lite and Vega-Embed in one script, as vl-convert carries them (about 0.9 MB),
    for the site to draw its charts interactively without fetching anything elsewhere."""
    return str(vl_convert.javascript_bundle("window.vegaEmbed = vegaEmbed;")).encode("utf-8")


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


def rating_scale(language: str) -> alt.Scale:
    words = vocabulary(language)
    gettext = translations(language).gettext
    domain = [words.rating(rating) for rating in Rating] + [gettext("Not yet confirmed")]
    return alt.Scale(domain=domain, range=list(RATING_COLOURS))


def rating_word(cell: Cell, language: str) -> str:
    """The rating of ``cell`` in ``language``, or "Not yet confirmed" when withheld."""
    if cell.withheld:
        return translations(language).gettext("Not yet confirmed")
    return vocabulary(language).rating(cell.rating)


def _cells(report: Report, language: str) -> list[dict[str, Any]]:
    words = vocabulary(language)
    return [
        {
            "state": country_name(profile.country, language),
            "area": words.area(cell.area),
            "rating": rating_word(cell, language),
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
            color=alt.Color("rating:N", scale=rating_scale(language), title=None),
            tooltip=_tips(
                gettext, ("state:N", "State"), ("area:N", "Area"), ("rating:N", "Rating")
            ),
        )
    )
    return Chart("matrix", title, rows, chart.to_dict(validate=False), language)


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
            color=alt.Color("rating:N", scale=rating_scale(language), title=None),
            tooltip=_tips(
                gettext, ("area:N", "Area"), ("rating:N", "Rating"), ("count():Q", "States")
            ),
        )
    )
    return Chart("ratings-by-area", title, rows, chart.to_dict(validate=False), language)


def _figures_by_state(report: Report, language: str) -> Chart:
    gettext = translations(language).gettext
    rows = [_figure_row(figure, language) for figure in report.figures]
    title = gettext("Figures reported by each state")
    chart = (
        alt.Chart(inline_data(rows), title=title, width=WIDTH)
        .mark_bar()
        .encode(
            y=alt.Y("state:N", title=None),
            x=alt.X("count():Q", title=gettext("Figures")),
            color=alt.Color("indicator:N", title=None),
            tooltip=_tips(
                gettext,
                ("state:N", "State"),
                ("indicator:N", "Indicator"),
                ("count():Q", "Figures"),
            ),
        )
    )
    return Chart("figures-by-state", title, rows, chart.to_dict(validate=False), language)


def _figures_over_rounds(report: Report, language: str) -> Chart:
    """Small multiples, a panel per state: each core indicator of the Work Plan (every indicator
    if the plan names none) it reported in two rounds or more, a point per round (the latest of
    the round's figures). The profiles' tables give every figure."""
    gettext = translations(language).gettext
    wanted = set(report.core_indicators)
    rows = [
        {**_figure_row(latest, language), "meeting": latest.meeting}
        for profile in report.profiles
        for row in profile.rounds(report.meetings).rows
        if not wanted or row.indicator in wanted
        for cell in row.cells
        if cell
        for latest in [latest_figure(cell)]
    ]
    title = gettext("Figures over the rounds")
    panel = (
        alt.Chart(inline_data(rows), width=WIDTH // 4, height=110)
        .mark_line(point=True)
        .encode(
            x=alt.X("meeting:O", sort=report.meetings, title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title=None),
            color=alt.Color("indicator:N", title=None, legend=alt.Legend(orient="bottom")),
            tooltip=_tips(
                gettext,
                ("state:N", "State"),
                ("indicator:N", "Indicator"),
                ("meeting:N", "Meeting"),
                ("year:O", "Year"),
                ("value:Q", "Value"),
            ),
        )
    )
    chart = panel.facet(
        facet=alt.Facet("state:N", title=None), columns=3, title=title
    ).resolve_scale(y="independent")
    return Chart("figures-over-rounds", title, rows, chart.to_dict(validate=False), language)


def _core_indicators(report: Report, language: str) -> Chart:
    """Each state × each core indicator of the Work Plan: reported in the report, or missing."""
    gettext = translations(language).gettext
    reported, missing = gettext("Reported"), gettext("Missing")
    rows = [
        {
            "state": country_name(profile.country, language),
            "indicator": indicator_name(name, language),
            "status": missing if name in profile.indicators_missing else reported,
        }
        for profile in report.profiles
        for name in report.core_indicators
    ]
    title = gettext("Core indicators reported and missing")
    chart = (
        alt.Chart(inline_data(rows), title=title, width=WIDTH)
        .mark_rect(stroke="white")
        .encode(
            x=alt.X("indicator:N", title=None, axis=alt.Axis(labelAngle=-30)),
            y=alt.Y("state:N", title=None),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(domain=[reported, missing], range=["#1e6b34", "#eceff2"]),
                title=None,
            ),
            tooltip=_tips(
                gettext, ("state:N", "State"), ("indicator:N", "Indicator"), ("status:N", "Status")
            ),
        )
    )
    return Chart("core-indicators", title, rows, chart.to_dict(validate=False), language)


def latest_figure(figures: list[Figure]) -> Figure:
    """The figure of the latest year among ``figures`` (the largest of that year's)."""
    return max(figures, key=lambda figure: (figure.year or 0, figure.value))


def _figure_row(figure: Figure, language: str) -> dict[str, Any]:
    """A figure as a chart's row: its state, indicator, year and value."""
    return {
        "state": country_name(figure.country, language),
        "indicator": indicator_name(figure.indicator, language),
        "year": figure.year,
        "value": figure.value,
    }


def _tips(gettext: Callable[[str], str], *fields: tuple[str, str]) -> list[alt.Tooltip]:
    """A tooltip of ``fields``, each a field and its title, the titles translated (they are the
    report's table headings, so in every catalogue)."""
    return [alt.Tooltip(field, title=gettext(title)) for field, title in fields]
