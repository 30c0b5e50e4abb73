"""Maps of the Americas in a report: vigia.publish.maps, over the outlines of americas.json."""

from __future__ import annotations

from sqlalchemy.orm import Session

from tests.evaluate.reports import RTP4_SPANISH, StoreReports
from vigia.languages import country_name
from vigia.publish.charts import chart_svg, rating_word
from vigia.publish.maps import ROLE_OFFSETS, latest_figures, outlines, report_maps
from vigia.publish.report import build_report
from vigia.reference import countries


def _points(geometry: dict) -> list[list[float]]:  # type: ignore[type-arg]
    return [point for polygon in geometry["coordinates"] for ring in polygon for point in ring]


def test_outlines_are_the_member_states_in_the_western_hemisphere() -> None:
    shapes = {shape["properties"]["iso3"]: shape for shape in outlines()}
    assert set(shapes) == {code for code, country in countries().items() if country.oas_member}
    for shape in shapes.values():
        longitude, latitude = shape["properties"]["centre"]
        assert -180 < longitude < -30 and -60 < latitude < 85
        assert all(x < 0 for x, _ in _points(shape["geometry"]))


def test_evidence_map_counts_the_areas_with_evidence_of_each_state(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH)
    draft = build_report(evaluation_session, "RTP-IV", draft=True)
    evidence = next(chart for chart in report_maps(draft, "es") if chart.name == "map-evidence")
    counts = {row["iso3"]: row["areas"] for row in evidence.rows}
    for profile in draft.profiles:
        wanted = sum(c.rating in ("substantial_evidence", "some_evidence") for c in profile.cells)
        assert counts[profile.country] == wanted
    assert any(counts.values())
    public = build_report(evaluation_session, "RTP-IV")
    assert {row["areas"] for row in report_maps(public, "es")[0].rows} == {0}  # none confirmed
    assert "Áreas del Plan de Trabajo con evidencia, por Estado" in chart_svg(evidence)


def test_roles_map_puts_each_role_beside_the_states_centre(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH)
    report = build_report(evaluation_session, "RTP-IV", draft=True)
    roles = next(chart for chart in report_maps(report, "en") if chart.name == "map-roles")
    centres = {s["properties"]["iso3"]: s["properties"]["centre"] for s in outlines()}
    shown = sum(len(profile.roles) for profile in report.profiles)
    assert len(roles.rows) == shown > 0
    guatemala = [row for row in roles.rows if row["state"] == "Guatemala"]
    offsets = {round(row["longitude"] - centres["GTM"][0], 1) for row in guatemala}
    assert offsets <= set(ROLE_OFFSETS.values())
    assert {row["role"] for row in roles.rows} <= {
        "Country of origin",
        "Country of transit",
        "Country of destination",
    }


def test_cooperation_map_draws_a_line_from_the_state_that_gives_to_the_one_that_receives(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH)
    report = build_report(evaluation_session, "RTP-IV")
    links = next(chart for chart in report_maps(report, "en") if chart.name == "map-cooperation")
    centres = {s["properties"]["iso3"]: s["properties"]["centre"] for s in outlines()}
    given = {
        (profile.country, link.partner, link.kind)
        for profile in report.profiles
        for link in profile.cooperation
        if link.direction == "to"
    }
    assert given and len(links.rows) >= len(given)
    for giver, receiver, _kind in given:
        row = next(
            row
            for row in links.rows
            if (row["from"], row["to"]) == (country_name(giver, "en"), country_name(receiver, "en"))
        )
        assert [row["longitude"], row["latitude"]] == centres[giver]
        assert [row["longitude2"], row["latitude2"]] == centres[receiver]
    svg = chart_svg(links)
    assert "Cooperation between the states" in svg and "mark-rule" in svg


def test_area_map_colours_each_state_by_its_rating_in_the_area_asked(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH)
    report = build_report(evaluation_session, "RTP-IV", draft=True)
    assert "map-area" not in {chart.name for chart in report_maps(report, "fr")}
    assert "map-area" not in {chart.name for chart in report_maps(report, "fr", "nonsense")}
    shown = report_maps(report, "fr", "prevention")[0]
    assert shown.name == "map-area" and shown.title == "Notes dans le domaine : Prévention"
    ratings = {row["iso3"]: row["rating"] for row in shown.rows}
    for profile in report.profiles:
        cell = next(cell for cell in profile.cells if cell.area == "prevention")
        assert ratings[profile.country] == rating_word(cell, "fr")
    public = build_report(evaluation_session, "RTP-IV")
    withheld = report_maps(public, "en", "prevention")[0]
    assert {row["rating"] for row in withheld.rows} == {"Not yet confirmed"}


def test_indicator_map_fills_each_state_with_its_latest_figure(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH)
    report = build_report(evaluation_session, "RTP-IV", draft=True)
    indicator = max(
        {figure.indicator for figure in report.figures},
        key=lambda name: sum(figure.indicator == name for figure in report.figures),
    )
    shown = report_maps(report, "en", indicator=indicator)[0]
    assert shown.name == "map-indicator"
    states = {figure.country for figure in report.figures if figure.indicator == indicator}
    assert {row["iso3"] for row in shown.rows} == states
    for row in shown.rows:
        theirs = [
            f for f in report.figures if f.country == row["iso3"] and f.indicator == indicator
        ]
        assert (row["year"] or 0) == max(figure.year or 0 for figure in theirs)
    assert latest_figures(report, "no_such_indicator") == []
    svg = chart_svg(shown)
    assert svg.count('class="mark-shape') == 2  # the blank states, then those with a figure
