"""``/reports/{meeting}``: vigia.web.pages.reports, the regional report on the site."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from tests.web.pages.conftest import FOCAL_POINT, SECRETARIAT, Site, log_in, post_form, publish
from tests.web.pages.test_evaluations import REPORTS, store_reports
from vigia.store.database import open_database, session_factory
from vigia.store.models import FactRow


def store_and_publish(url: str) -> str:
    """The Spanish RTP-IV report stored, its first fact of Guatemala published; its quote."""
    store_reports(url, [REPORTS / "rtp4-informe-relatoria.es.txt"])
    engine = open_database(url)
    try:
        with session_factory(engine)() as session:
            fact = session.scalars(
                select(FactRow).where(FactRow.country == "GTM").order_by(FactRow.id)
            ).first()
            assert fact is not None
            session.execute(update(FactRow).where(FactRow.id == fact.id).values(status="published"))
            session.commit()
            return fact.evidence.text
    finally:
        engine.dispose()


@pytest.fixture
def published(site: Site) -> str:
    return store_and_publish(site.url)


def test_report_page_shows_the_public_report_with_its_sources(
    browser: TestClient, published: str
) -> None:
    page = browser.get("/reports/rtp-iv?lang=en")
    assert page.status_code == 200
    assert "<h1>Regional progress report on the Work Plan</h1>" in page.text
    assert '<li id="note-1">' in page.text and "Draft:" not in page.text
    assert page.text.count('<td class="number">') == 1  # the one published figure
    assert 'href="/reports/RTP-IV/report.html?lang=en"' in page.text
    assert "?draft=1" not in page.text


def test_report_draft_is_for_the_secretariat_only(browser: TestClient, published: str) -> None:
    assert browser.get("/reports/RTP-IV?draft=1").status_code == 403
    log_in(browser, FOCAL_POINT)
    assert browser.get("/reports/RTP-IV?draft=1").status_code == 403
    browser.post("/logout")
    log_in(browser, SECRETARIAT)
    draft = browser.get("/reports/RTP-IV?draft=1&lang=fr")
    assert draft.status_code == 200
    assert "Projet :" in draft.text and draft.text.count('<td class="number">') > 1


def test_report_file_is_the_whole_report_to_download(browser: TestClient, published: str) -> None:
    answer = browser.get("/reports/RTP-IV/report.html?lang=pt")
    assert answer.status_code == 200
    assert answer.headers["content-disposition"] == 'attachment; filename="RTP-IV-pt.html"'
    assert answer.text.startswith("<!doctype html>") and '<html lang="pt">' in answer.text
    assert published in answer.text.replace("&#34;", '"').replace("&#39;", "'")


def test_report_of_an_unknown_meeting_is_not_found(browser: TestClient, site: Site) -> None:
    answer = browser.get("/reports/RTP-IX?lang=en")
    assert answer.status_code == 404
    assert "No document of this meeting is stored, so it has no report." in answer.text


@pytest.mark.parametrize(
    ("suffix", "media_type", "start"),
    [
        ("pdf", "application/pdf", b"%PDF-"),
        (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            b"PK",
        ),
    ],
)
def test_report_downloads_as_pdf_and_docx(
    browser: TestClient, published: str, suffix: str, media_type: str, start: bytes
) -> None:
    answer = browser.get(f"/reports/RTP-IV/report.{suffix}?lang=es")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == media_type
    assert answer.content.startswith(start)
    assert answer.headers["content-disposition"] == f'attachment; filename="RTP-IV-es.{suffix}"'


def test_report_in_an_unknown_format_is_not_found(browser: TestClient, published: str) -> None:
    assert browser.get("/reports/RTP-IV/report.odt").status_code == 404


def test_report_page_draws_its_charts_with_their_data(browser: TestClient, published: str) -> None:
    page = browser.get("/reports/RTP-IV?lang=es")
    assert (
        page.text.count('<figure class="chart"') == 4
    )  # matrix, ratings by area, figures by state, core indicators
    assert 'href="/reports/RTP-IV/charts/matrix.csv?lang=es"' in page.text
    data = browser.get("/reports/RTP-IV/charts/figures-by-state.csv?lang=es")
    assert data.status_code == 200 and data.headers["content-type"] == "text/csv; charset=utf-8"
    assert data.content.startswith("\ufeff".encode())  # spreadsheets read it as UTF-8
    assert data.content.decode("utf-8-sig").splitlines()[0] == "state,indicator,year,value"
    assert len(data.content.decode("utf-8-sig").splitlines()) == 2  # the one published figure
    assert browser.get("/reports/RTP-IV/charts/pie.csv").status_code == 404


@pytest.mark.slow
def test_secretariat_publishes_an_edition_that_downloads_never_change(
    browser: TestClient, site: Site, published: str
) -> None:
    log_in(browser, SECRETARIAT)
    draft = browser.get("/reports/RTP-IV?draft=1&lang=en")
    assert 'action="/reports/RTP-IV/publish"' in draft.text and "as edition 1." in draft.text
    answer = post_form(browser, "/reports/RTP-IV/publish", {})
    assert answer.status_code == 303
    assert answer.headers["location"].endswith("/reports/RTP-IV?done=publish")
    browser.post("/logout")
    page = browser.get("/reports/RTP-IV?lang=en")
    assert "The files to download are edition 1, published on" in page.text
    assert "edition=1" in page.text and "SHA-256" in page.text
    kept = browser.get("/reports/RTP-IV/report.html?lang=en")
    assert kept.headers["content-disposition"] == 'attachment; filename="RTP-IV-1-en.html"'
    publish(site, *_unpublished_fact_ids(site))  # the figures change after publication…
    again = browser.get("/reports/RTP-IV/report.html?lang=en")
    assert again.content == kept.content  # …the published edition does not
    assert browser.get("/reports/RTP-IV/report.html?lang=en&edition=2").status_code == 404


def test_only_the_secretariat_publishes_the_report(browser: TestClient, published: str) -> None:
    log_in(browser, FOCAL_POINT)
    answer = post_form(browser, "/reports/RTP-IV/publish", {})
    assert answer.status_code == 403
    assert "Solo la secretaría publica el informe regional." in answer.text
    page = browser.get("/reports/RTP-IV?lang=en")
    assert "has not been published as an edition yet" in page.text
    assert "/publish" not in page.text


def _unpublished_fact_ids(site: Site) -> list[int]:
    engine = open_database(site.url)
    try:
        with session_factory(engine)() as session:
            statement = select(FactRow.id).where(FactRow.status != "published").limit(3)
            return list(session.scalars(statement))
    finally:
        engine.dispose()


def test_each_state_has_its_profile_page_with_its_own_downloads(
    browser: TestClient, published: str
) -> None:
    whole = browser.get("/reports/RTP-IV?lang=en")
    assert '<a href="/reports/RTP-IV?country=GTM">Guatemala</a>' in whole.text
    page = browser.get("/reports/rtp-iv?country=gtm&lang=en")
    assert page.status_code == 200
    assert page.text.count('<section class="profile"') == 1 and published in page.text
    assert "The profile of Guatemala in this report." in page.text
    assert 'href="/reports/RTP-IV/report.pdf?lang=en&amp;country=GTM"' in page.text
    assert "edition" not in page.text.lower()  # a profile is never an edition
    answer = browser.get("/reports/RTP-IV/report.docx?lang=en&country=GTM")
    assert answer.headers["content-disposition"] == 'attachment; filename="RTP-IV-GTM-en.docx"'
    data = browser.get("/reports/RTP-IV/charts/matrix.csv?lang=en&country=GTM")
    assert {line.split(",")[0] for line in data.content.decode("utf-8-sig").splitlines()[1:]} == {
        "Guatemala"
    }
    country = browser.get("/countries/GTM?lang=en")
    assert '<a href="/reports/RTP-IV?country=GTM">RTP-IV</a>' in country.text
    missing = browser.get("/reports/RTP-IV?country=FRA&lang=en")
    assert missing.status_code == 404
    assert "This state did not report to this meeting" in missing.text


def test_the_maps_show_the_ratings_in_the_area_chosen(browser: TestClient, published: str) -> None:
    plain = browser.get("/reports/RTP-IV?lang=en")
    assert '<select id="map-area" name="area">' in plain.text
    assert 'id="chart-map-area"' not in plain.text  # no area asked: no area map
    page = browser.get("/reports/RTP-IV?lang=en&area=prevention")
    assert page.status_code == 200
    assert '<option value="prevention" selected>' in page.text
    assert 'id="chart-map-area"' in page.text and "Ratings in the area: Prevention" in page.text
    assert "/charts/map-area.csv?lang=en&amp;area=prevention" in page.text
    data = browser.get("/reports/RTP-IV/charts/map-area.csv?lang=en&area=prevention")
    assert data.content.decode("utf-8-sig").splitlines()[0] == "iso3,state,rating"
    assert "Guatemala,Not yet confirmed" in data.content.decode("utf-8-sig")
    wrong = browser.get("/reports/RTP-IV?lang=en&area=nonsense")
    assert wrong.status_code == 400
    assert "There is no area of the Work Plan with this code." in wrong.text


def test_the_maps_show_each_states_latest_figure_of_the_indicator_chosen(
    browser: TestClient, published: str
) -> None:
    plain = browser.get("/reports/RTP-IV?lang=en")
    assert '<select id="map-indicator" name="indicator">' in plain.text
    chosen = plain.text.split('<select id="map-indicator" name="indicator">')[1]
    name = chosen.split('<option value="')[2].split('"')[0]  # the first indicator offered
    page = browser.get(f"/reports/RTP-IV?lang=en&indicator={name}")
    assert f'<option value="{name}" selected>' in page.text
    assert 'id="chart-map-indicator"' in page.text and "each state&#39;s latest figure" in page.text
    data = browser.get(f"/reports/RTP-IV/charts/map-indicator.csv?lang=en&indicator={name}")
    assert data.content.decode("utf-8-sig").splitlines()[0] == "iso3,state,value,year,figure"
    assert (
        data.content.decode("utf-8-sig").splitlines()[1].startswith("GTM,Guatemala,")
    )  # the one published figure
    wrong = browser.get("/reports/RTP-IV?lang=en&indicator=nonsense")
    assert wrong.status_code == 400 and "There is no indicator with this name." in wrong.text
