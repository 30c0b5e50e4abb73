"""A report as HTML, from the Jinja2 templates the site's report pages include.

``report.html`` is a whole document, with its styles in it, for a file or a PDF;
``report_body.html`` is the report itself, which the site's page wraps in its own layout.
"""

from __future__ import annotations

import base64
from functools import cache, partial
from html import escape

from jinja2 import Environment, PackageLoader

from vigia.languages import template_environment, translations
from vigia.publish.charts import Chart, chart_png, chart_svg, report_charts
from vigia.publish.labels import label
from vigia.publish.maps import report_maps
from vigia.publish.model import Report
from vigia.publish.vocabulary import figure_value, vocabulary


@cache
def environment(language: str) -> Environment:
    """The reports' templates in ``language``, made once."""
    templates = template_environment(PackageLoader("vigia.publish", "templates"), language)
    templates.globals.update(
        label=partial(label, gettext=translations(language).gettext), figure_value=figure_value
    )
    return templates


def render_html(report: Report, language: str, pictures: bool = False) -> str:
    """``report`` as a whole HTML document in ``language``, its charts drawn in it: as SVG, or
    as PNG pictures when ``pictures`` (for the PDF, where WeasyPrint lays a picture out about
    ten times faster than it draws a map's SVG, and the pictures are those Word's file has)."""
    draw = chart_picture if pictures else chart_svg
    page = environment(language).get_template("report.html")
    return page.render(
        report=report, words=vocabulary(language), chart_path=None, profile_path=None, state=None,
        charts=[(chart, draw(chart)) for chart in report_charts(report, language)],
        maps=[(chart, draw(chart)) for chart in report_maps(report, language)],
        scope="", interactive=False,
    )  # fmt: skip


def chart_picture(chart: Chart) -> str:
    """The chart as an ``img`` element holding its PNG, with its title as the text alternative."""
    encoded = base64.b64encode(chart_png(chart)).decode("ascii")
    return f'<img src="data:image/png;base64,{encoded}" alt="{escape(chart.title)}">'


def drawn_charts(report: Report, language: str) -> list[tuple[Chart, str]]:
    """The report's charts with their SVG, for the templates."""
    return [(chart, chart_svg(chart)) for chart in report_charts(report, language)]


def drawn_maps(
    report: Report, language: str, area: str | None = None, indicator: str | None = None
) -> list[tuple[Chart, str]]:
    """The report's maps with their SVG, for the templates (those of ``area`` and ``indicator``
    first, if asked)."""
    return [(chart, chart_svg(chart)) for chart in report_maps(report, language, area, indicator)]
