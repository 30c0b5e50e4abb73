"""The yearly statistics in the regional report: completeness, in HTML and Word; approved figures."""

from __future__ import annotations

import io

import docx
from argon2 import PasswordHasher
from sqlalchemy.orm import Session

from tests.evaluate.reports import RTP4_ENGLISH, RTP4_SPANISH, StoreReports
from vigia.evaluate.meetings import meeting_documents, meeting_year
from vigia.evaluate.statistics_forms import approve_form, save_values, submit_form
from vigia.permissions import Principal, principal_for
from vigia.publish.html import render_html
from vigia.publish.model import Figure
from vigia.publish.report import build_report, figure_to_add
from vigia.publish.word import render_docx
from vigia.services.accounts import create_user
from vigia.statistics import Cell

PASSWORD = "a long enough password"


def _people(session: Session) -> tuple[Principal, Principal, Principal]:
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)

    def principal(email: str, role: str, country: str | None = None) -> Principal:
        return principal_for(create_user(session, email, PASSWORD, role, country, hasher=hasher))

    return (
        principal("gtm@example.org", "focal_point", "GTM"),
        principal("ury@example.org", "focal_point", "URY"),
        principal("secretariat@example.org", "secretariat"),
    )


def test_the_report_shows_the_counted_years_forms_of_its_states(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    session = evaluation_session
    store_reports(RTP4_SPANISH, RTP4_ENGLISH)
    year = meeting_year(session, "RTP-IV", meeting_documents(session, "RTP-IV"))
    assert year is not None
    guatemala, uruguay, secretariat = _people(session)
    save_values(session, guatemala, "GTM", year - 1, {Cell("persons_convicted"): 12})
    submit_form(session, guatemala, "GTM", year - 1)
    approve_form(session, secretariat, "GTM", year - 1)
    save_values(session, uruguay, "URY", year, {Cell("persons_convicted"): 3})
    save_values(session, guatemala, "GTM", year - 5, {Cell("persons_convicted"): 1})

    report = build_report(session, "RTP-IV")
    html = render_html(report, "es")
    word = docx.Document(io.BytesIO(render_docx(report, "en")))

    shown = {(row.country, row.year): row.status for row in report.statistics}
    assert shown[("GTM", year - 1)] == "approved"
    assert shown[("URY", year)] == "draft"  # not in the report, but it started a form
    assert ("GTM", year - 5) not in shown  # a year the meeting does not count
    reported = {profile.country for profile in report.profiles}
    assert {country for country, _ in shown} == reported | {"URY"}
    assert "Estadísticas anuales: grado de respuesta" in html
    assert f'data-statistics="GTM-{year - 1}"' in html
    headings = [paragraph.text for paragraph in word.paragraphs]
    assert "Yearly statistics: completeness" in headings
    profile = report.profile("GTM")
    assert profile is not None
    official = [figure for figure in profile.figures if figure.official]
    assert [(f.indicator, f.value, f.year) for f in official] == [("convictions", 12, year - 1)]
    assert report.footnote(official[0].footnote).quote == f"Persons convicted in {year - 1}: 12."


def test_no_form_for_the_counted_years_means_no_table(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH, RTP4_ENGLISH)

    report = build_report(evaluation_session, "RTP-IV")

    assert report.statistics == []
    assert 'id="statistics"' not in render_html(report, "en")


def test_totals_take_a_states_approved_figure_over_its_reports_figures() -> None:
    def figure(value: float, official: bool = False, country: str = "GTM") -> Figure:
        return Figure(
            country, "convictions", value, None, "exact", 2011, "count", 1, False, "X", official
        )

    chosen = figure_to_add([figure(10), figure(12, official=True)])
    undecided = figure_to_add([figure(10), figure(11)])

    assert chosen is not None and chosen.value == 12
    assert undecided is None
