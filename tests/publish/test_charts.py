"""A report's charts: vigia.publish.charts (Vega-Lite by altair, drawn offline by vl-convert)."""

from __future__ import annotations

import csv
import io
import json
import re

from sqlalchemy.orm import Session

from tests.evaluate.reports import RTP4_ENGLISH, RTP4_SPANISH, RTP5_PORTUGUESE, StoreReports
from vigia.languages import country_name, indicator_name
from vigia.publish.charts import chart_csv, chart_png, chart_svg, report_charts
from vigia.publish.report import build_report


def test_charts_of_a_public_report_show_unconfirmed_ratings_as_such(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH)
    report = build_report(evaluation_session, "RTP-IV")
    charts = {chart.name: chart for chart in report_charts(report, "en")}
    assert set(charts) == {"matrix", "ratings-by-area", "core-indicators"}  # no figure published
    matrix = charts["matrix"]
    assert len(matrix.rows) == len(report.profiles) * len(report.areas)
    assert {row["rating"] for row in matrix.rows} == {"Not yet confirmed"}
    assert "url" not in json.dumps(matrix.spec["data"])  # the rows are in the specification


def test_chart_drawn_as_svg_and_png_in_the_language_asked(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH)
    report = build_report(evaluation_session, "RTP-IV", draft=True)
    charts = {chart.name: chart for chart in report_charts(report, "fr")}
    assert set(charts) == {"matrix", "ratings-by-area", "figures-by-state", "core-indicators"}
    svg = chart_svg(charts["matrix"])
    assert svg.startswith("<svg") and "Notes par État et domaine" in svg and "Guatemala" in svg
    assert chart_png(charts["ratings-by-area"]).startswith(b"\x89PNG")


def test_chart_data_as_csv(evaluation_session: Session, store_reports: StoreReports) -> None:
    store_reports(RTP4_SPANISH)
    report = build_report(evaluation_session, "RTP-IV", draft=True)
    chart = next(c for c in report_charts(report, "es") if c.name == "figures-by-state")
    rows = list(csv.DictReader(io.StringIO(chart_csv(chart))))
    assert len(rows) == len(report.figures)
    assert list(rows[0]) == ["state", "indicator", "year", "value"]


def test_figures_over_the_rounds_one_panel_per_state_numbers_in_the_language(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH, RTP4_ENGLISH, RTP5_PORTUGUESE)
    report = build_report(evaluation_session, "RTP-V", draft=True)
    charts = {chart.name: chart for chart in report_charts(report, "fr")}
    chart = charts["figures-over-rounds"]
    compared = [
        (profile.country, row.indicator)
        for profile in report.profiles
        for row in profile.rounds(report.meetings).rows
        if row.indicator in report.core_indicators  # the chart keeps the Plan's core indicators
    ]
    assert len({(row["state"], row["indicator"]) for row in chart.rows}) == len(compared) > 0
    points = [(row["state"], row["indicator"], row["meeting"]) for row in chart.rows]
    assert len(points) == len(set(points))  # one point per round: its latest figure
    assert {row["meeting"] for row in chart.rows} == {"RTP-IV", "RTP-V"}
    assert chart.spec["facet"]["field"] == "state"
    svg = chart_svg(chart)
    assert "Chiffres au fil des réunions" in svg
    assert re.search(r">\d{1,3}\u00a0\d{3}<", svg)  # axis ticks as "8 000"…
    assert not re.search(r">\d{1,3},\d{3}<", svg)  # …never "8,000"
    rtp4 = build_report(evaluation_session, "RTP-IV", draft=True)
    assert "figures-over-rounds" not in {chart.name for chart in report_charts(rtp4, "fr")}


def test_core_indicators_chart_tells_reported_from_missing_as_the_report_shows_figures(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH)
    draft = build_report(evaluation_session, "RTP-IV", draft=True)
    assert draft.core_indicators  # the Work Plan names core indicators
    chart = next(c for c in report_charts(draft, "en") if c.name == "core-indicators")
    assert len(chart.rows) == len(draft.profiles) * len(draft.core_indicators)
    reported = {
        (row["state"], row["indicator"]) for row in chart.rows if row["status"] == "Reported"
    }
    shown = {
        (country_name(figure.country, "en"), indicator_name(figure.indicator, "en"))
        for figure in draft.figures
        if figure.indicator in draft.core_indicators
    }
    assert reported == shown and reported
    public = build_report(evaluation_session, "RTP-IV")  # nothing published: all missing
    rows = next(c for c in report_charts(public, "en") if c.name == "core-indicators").rows
    assert {row["status"] for row in rows} == {"Missing"}
