"""Maps of the Americas for a report, drawn like its charts (Vega-Lite, offline).

The member states' outlines are ``vigia/data/americas.json`` (Natural Earth 1:50m, built from the
npm package world-atlas by ``scripts/build_map.py``): no tile and no network. Three maps: how many
areas of the Work Plan each state shows evidence in (a choropleth; states that did not report are
left blank); the roles the reports give states (countries of origin, transit, destination),
one marker per role at the state's centre; and the cooperation between states, a line from the
state that gives (trains, funds, shares a practice) to the one that receives. The site also draws,
on request, each state's rating in one area, or its latest figure of one indicator.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

import altair as alt

from vigia.domain import Rating
from vigia.languages import country_name, indicator_name, translations
from vigia.publish.charts import Chart, inline_data, latest_figure, rating_scale, rating_word
from vigia.publish.labels import label
from vigia.publish.model import Figure, Report
from vigia.publish.vocabulary import figure_value, vocabulary
from vigia.reference import load_data_file

#: The name of the outlines' dataset in a map's specification.
OUTLINES = "outlines"
WIDTH = 420
HEIGHT = 520
#: What counts as evidence in an area.
WITH_EVIDENCE = (Rating.SUBSTANTIAL_EVIDENCE.value, Rating.SOME_EVIDENCE.value)
#: Where each role's marker goes beside the state's centre, in degrees of longitude.
ROLE_OFFSETS = {"origin": -1.5, "transit": 0.0, "destination": 1.5}


@cache
def outlines() -> tuple[dict[str, Any], ...]:
    """The member states' outlines, as GeoJSON features with ``iso3`` and ``centre``."""
    return tuple(load_data_file("americas.json")["features"])


def report_maps(
    report: Report, language: str, area: str | None = None, indicator: str | None = None
) -> list[Chart]:
    """The maps of ``report`` in ``language``: areas with evidence, roles and cooperation if
    any; first, when asked, each state's rating in ``area`` (one of the report's) and each
    state's latest figure of ``indicator``."""
    maps = [_area_map(report, language, area)] if area in report.areas else []
    if indicator:
        maps.append(_indicator_map(report, language, indicator))
    maps.append(_evidence_map(report, language))
    if any(profile.roles for profile in report.profiles):
        maps.append(_roles_map(report, language))
    links = _cooperation_map(report, language)
    if links.rows:
        maps.append(links)
    return maps


def _base() -> alt.Chart:
    """Every member state, blank: the map's background, hidden from screen readers (the states
    that carry data are layers of their own, each read out with its values). Its data is the
    named dataset ``outlines``, which :func:`_specification` adds (altair copies 300 kB slowly)."""
    base: alt.Chart = (
        alt.Chart(alt.NamedData(name=OUTLINES))
        .mark_geoshape(fill="#f4f5f6", stroke="#8a9199", strokeWidth=0.4, aria=False)
        .project(type="equalEarth")
    )
    return base


def _choropleth(
    rows: list[dict[str, Any]], field: str, colour: alt.Color, tooltip: list[str]
) -> alt.Chart:
    """The states of ``rows`` (by ``iso3``) filled by ``field``; the others are left out. Each
    state is read out by screen readers with its values; a layer without a state is hidden from
    them, as an empty group of shapes says nothing."""
    fields = [
        name for name in (rows[0] if rows else {"state": None, field: None}) if name != "iso3"
    ]
    states: alt.Chart = (
        _base()
        .transform_lookup(
            lookup="properties.iso3",
            from_=alt.LookupData(data=inline_data(rows), key="iso3", fields=fields),
        )
        .transform_filter(f"isValid(datum.{field})")
        .mark_geoshape(stroke="#ffffff", strokeWidth=0.4, aria=bool(rows))
        .encode(color=colour, tooltip=tooltip)
    )
    return states


def _specification(layered: alt.LayerChart | alt.FacetChart) -> dict[str, Any]:
    """The layered map's Vega-Lite specification, with the outlines as its dataset."""
    specification: dict[str, Any] = layered.to_dict(validate=False)
    specification.setdefault("datasets", {})[OUTLINES] = list(outlines())
    return specification


def _evidence_map(report: Report, language: str) -> Chart:
    gettext = translations(language).gettext
    rows = [
        {
            "iso3": profile.country,
            "state": country_name(profile.country, language),
            "areas": sum(
                cell.rating in WITH_EVIDENCE and not cell.withheld for cell in profile.cells
            ),
        }
        for profile in report.profiles
    ]
    title = gettext("Areas of the Work Plan with evidence, by state")
    colour = alt.Color(
        "areas:Q",
        scale=alt.Scale(domain=[0, len(report.areas)], scheme="greens"),
        title=gettext("Areas"),
    )
    states = _choropleth(rows, "areas", colour, ["state:N", "areas:Q"])
    layered = alt.layer(_base(), states, title=title).properties(width=WIDTH, height=HEIGHT)
    return Chart("map-evidence", title, rows, _specification(layered), language)


def _roles_map(report: Report, language: str) -> Chart:
    roles = [(profile.country, role) for profile in report.profiles for role in profile.roles]
    return roles_map(roles, language)


def roles_map(roles: Iterable[tuple[str, str]], language: str) -> Chart:
    """A marker for each (state, role): origin, transit or destination, beside its centre."""
    gettext = translations(language).gettext
    centres = {shape["properties"]["iso3"]: shape["properties"]["centre"] for shape in outlines()}
    rows = [
        {
            "state": country_name(country, language),
            "role": label("role", role, gettext),
            "longitude": centres[country][0] + ROLE_OFFSETS.get(role, 0.0),
            "latitude": centres[country][1],
        }
        for country, role in dict.fromkeys(roles)
        if country in centres
    ]
    title = gettext("Roles of the states in trafficking")
    markers = (
        alt.Chart(inline_data(rows))
        .mark_point(filled=True, size=45, opacity=0.9)
        .encode(
            longitude="longitude:Q",
            latitude="latitude:Q",
            color=alt.Color("role:N", title=None),
            shape=alt.Shape("role:N", title=None),
            tooltip=["state:N", "role:N"],
        )
        .project(type="equalEarth")
    )
    layered = alt.layer(_base(), markers, title=title).properties(width=WIDTH, height=HEIGHT)
    return Chart("map-roles", title, rows, _specification(layered), language)


def _cooperation_map(report: Report, language: str) -> Chart:
    pairs = [
        (*link.ends(profile.country), link.kind)
        for profile in report.profiles
        for link in profile.cooperation
    ]
    return cooperation_map(pairs, language)


def cooperation_map(pairs: Iterable[tuple[str, str, str]], language: str) -> Chart:
    """A line from the state that gives to the one that receives, for each (giver, receiver,
    kind) between member states."""
    gettext = translations(language).gettext
    centres = {shape["properties"]["iso3"]: shape["properties"]["centre"] for shape in outlines()}
    pairs = [pair for pair in dict.fromkeys(pairs) if pair[0] in centres and pair[1] in centres]
    rows = [
        {
            "from": country_name(giver, language),
            "to": country_name(receiver, language),
            "kind": label("cooperation", kind, gettext),
            "longitude": centres[giver][0],
            "latitude": centres[giver][1],
            "longitude2": centres[receiver][0],
            "latitude2": centres[receiver][1],
        }
        for giver, receiver, kind in pairs
    ]
    title = gettext("Cooperation between the states")
    lines = (
        alt.Chart(inline_data(rows))
        .mark_rule(strokeWidth=1.6, opacity=0.75)
        .encode(
            longitude="longitude:Q",
            latitude="latitude:Q",
            longitude2="longitude2:Q",
            latitude2="latitude2:Q",
            color=alt.Color("kind:N", title=None),
            tooltip=["from:N", "to:N", "kind:N"],
        )
        .project(type="equalEarth")
    )
    receivers = (
        alt.Chart(inline_data(rows))
        .mark_point(filled=True, size=30, color="#333333")
        .encode(longitude="longitude2:Q", latitude="latitude2:Q", tooltip=["to:N"])
        .project(type="equalEarth")
    )
    layered = alt.layer(_base(), lines, receivers, title=title).properties(
        width=WIDTH, height=HEIGHT
    )
    return Chart("map-cooperation", title, rows, _specification(layered), language)


def flows_map(flows: Iterable[tuple[str, str, int]], language: str) -> Chart:
    """A line from each (origin, destination, count) between member states, as wide as the
    count is large: victims from their country to where they were exploited."""
    gettext = translations(language).gettext
    centres = {shape["properties"]["iso3"]: shape["properties"]["centre"] for shape in outlines()}
    rows = [
        {
            "from": country_name(origin, language),
            "to": country_name(destination, language),
            "victims": count,
            "longitude": centres[origin][0],
            "latitude": centres[origin][1],
            "longitude2": centres[destination][0],
            "latitude2": centres[destination][1],
        }
        for origin, destination, count in flows
        if origin in centres and destination in centres
    ]
    title = gettext("Victims from their country to where they were exploited")
    lines = (
        alt.Chart(inline_data(rows))
        .mark_rule(opacity=0.6, color="#b3261e")
        .encode(
            longitude="longitude:Q",
            latitude="latitude:Q",
            longitude2="longitude2:Q",
            latitude2="latitude2:Q",
            strokeWidth=alt.StrokeWidth(
                "victims:Q", title=gettext("Victims"), scale=alt.Scale(range=[1, 8])
            ),
            tooltip=["from:N", "to:N", "victims:Q"],
        )
        .project(type="equalEarth")
    )
    destinations = (
        alt.Chart(inline_data(rows))
        .mark_point(filled=True, size=30, color="#333333")
        .encode(longitude="longitude2:Q", latitude="latitude2:Q", tooltip=["to:N"])
        .project(type="equalEarth")
    )
    layered = alt.layer(_base(), lines, destinations, title=title).properties(
        width=WIDTH, height=HEIGHT
    )
    return Chart("map-flows", title, rows, _specification(layered), language)


def _area_map(report: Report, language: str, area: str | None) -> Chart:
    """Each state coloured by its rating in ``area`` (as the matrix shows it)."""
    gettext = translations(language).gettext
    rows = [
        {
            "iso3": profile.country,
            "state": country_name(profile.country, language),
            "rating": rating_word(cell, language),
        }
        for profile in report.profiles
        for cell in profile.cells
        if cell.area == area
    ]
    title = gettext("Ratings in the area: %(area)s") % {
        "area": vocabulary(language).area(area or "")
    }
    colour = alt.Color("rating:N", scale=rating_scale(language), title=None)
    states = _choropleth(rows, "rating", colour, ["state:N", "rating:N"])
    layered = alt.layer(_base(), states, title=title).properties(width=WIDTH, height=HEIGHT)
    return Chart("map-area", title, rows, _specification(layered), language)


def latest_figures(report: Report, indicator: str) -> list[Figure]:
    """Each state's latest figure of ``indicator`` in the report (the largest of a year's)."""
    latest = []
    for profile in report.profiles:
        figures = [figure for figure in profile.figures if figure.indicator == indicator]
        if figures:
            latest.append(latest_figure(figures))
    return latest


def _indicator_map(report: Report, language: str, indicator: str) -> Chart:
    """Each state filled by its latest figure of ``indicator``; states without one are blank."""
    gettext = translations(language).gettext
    rows = [
        {
            "iso3": figure.country,
            "state": country_name(figure.country, language),
            "value": figure.value,
            "year": figure.year,
            "figure": figure_value(figure, language),
        }
        for figure in latest_figures(report, indicator)
    ]
    name = indicator_name(indicator, language)
    title = gettext("%(indicator)s: each state's latest figure") % {"indicator": name}
    colour = alt.Color("value:Q", scale=alt.Scale(scheme="blues"), title=name)
    states = _choropleth(rows, "value", colour, ["state:N", "figure:N", "year:O"])
    layered = alt.layer(_base(), states, title=title).properties(width=WIDTH, height=HEIGHT)
    return Chart("map-indicator", title, rows, _specification(layered), language)
