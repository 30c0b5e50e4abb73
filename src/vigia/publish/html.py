"""A report as HTML, from the Jinja2 templates the site's report pages include.

``report.html`` is a whole document, with its styles in it, for a file or a PDF;
``report_body.html`` is the report itself, which the site's page wraps in its own layout.
"""

from __future__ import annotations

from functools import cache, partial

from jinja2 import Environment, PackageLoader

from vigia.languages import template_environment, translations
from vigia.publish.charts import Chart, chart_svg, report_charts
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


def render_html(report: Report, language: str) -> str:
    """``report`` as a whole HTML document in ``language``, its charts drawn in it."""
    page = environment(language).get_template("report.html")
    return page.render(
        report=report, words=vocabulary(language), charts=drawn_charts(report, language),
        maps=drawn_maps(report, language), chart_path=None, profile_path=None, state=None,
        scope="", interactive=False,
    )  # fmt: skip


def drawn_charts(report: Report, language: str) -> list[tuple[Chart, str]]:
    """The report's charts with their SVG, for the templates."""
    return [(chart, chart_svg(chart)) for chart in report_charts(report, language)]


def drawn_maps(
    report: Report, language: str, area: str | None = None, indicator: str | None = None
) -> list[tuple[Chart, str]]:
    """The report's maps with their SVG, for the templates (those of ``area`` and ``indicator``
    first, if asked)."""
    return [(chart, chart_svg(chart)) for chart in report_maps(report, language, area, indicator)]
