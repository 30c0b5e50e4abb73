"""Every page in Spanish, English, French and Portuguese: vigia.web.pages.rendering."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.web.pages.conftest import SECRETARIAT, Site, log_in
from vigia.languages import format_number
from vigia.web.i18n import LANGUAGE_COOKIE, translations

LANGUAGES = ("es", "en", "fr", "pt")
#: Each page, whether it needs the secretariat logged in, and a heading it shows.
PAGES = {
    "/": (False, "Trafficking in persons in the Americas: sourced facts"),
    "/countries/CRI": (False, "Figures by indicator and year"),
    "/documents/{report}": (True, "Figures in this document"),
    "/meetings/TEST-9": (False, "Meeting %(code)s"),
    "/review": (True, "Review"),
    "/audit": (True, "Audit log"),
    "/login": (False, "Log in"),
    "/countries/ZZZ": (False, "Not found"),
}


def _heading(language: str, message: str) -> str:
    return translations(language).gettext(message).replace("%(code)s", "TEST-9")


@pytest.mark.parametrize("path", list(PAGES))
def test_each_page_renders_in_four_languages(site: Site, browser: TestClient, path: str) -> None:
    needs_login, heading = PAGES[path]
    if needs_login:
        log_in(browser, SECRETARIAT)
    address = path.format(report=site.report)

    pages = {language: browser.get(f"{address}?lang={language}") for language in LANGUAGES}

    for language, page in pages.items():
        assert page.status_code in (200, 404), (language, page.status_code)
        assert f'<html lang="{language}">' in page.text
        assert re.search(f"<h[12][^>]*>{re.escape(_heading(language, heading))}", page.text), (
            language
        )
    assert len({_heading(language, heading) for language in LANGUAGES}) == 4


def test_language_switcher_links_every_language(browser: TestClient) -> None:
    page = browser.get("/countries/CRI?lang=pt&page=1").text

    assert (
        '<a href="/countries/CRI?page=1&amp;lang=fr" hreflang="fr" lang="fr">Français</a>' in page
    )
    assert 'lang="pt" aria-current="true">Português</a>' in page


def test_language_asked_for_is_remembered_in_a_cookie(browser: TestClient) -> None:
    chosen = browser.get("/?lang=fr")
    later = browser.get("/")

    assert chosen.cookies.get(LANGUAGE_COOKIE) == "fr"
    assert '<html lang="fr">' in later.text


def test_language_follows_accept_language_without_a_choice(browser: TestClient) -> None:
    page = browser.get("/", headers={"Accept-Language": "pt-BR,pt;q=0.9,en;q=0.8"})

    assert '<html lang="pt">' in page.text
    assert "Tráfico de pessoas nas Américas" in page.text


def test_language_is_spanish_by_default(browser: TestClient) -> None:
    page = browser.get("/", headers={"Accept-Language": "de-DE, ja;q=0.5"})

    assert '<html lang="es">' in page.text


def test_pages_send_security_headers(browser: TestClient) -> None:
    headers = browser.get("/").headers

    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_static_files_are_served_and_nothing_else(browser: TestClient) -> None:
    style = browser.get("/static/vigia.css")

    assert style.status_code == 200
    assert style.headers["content-type"].startswith("text/css")
    assert ":focus-visible" in style.text
    assert browser.get("/static/../settings.py").status_code == 404
    assert browser.get("/static/missing.js").status_code == 404
    charts = browser.get("/static/vega/vega.js")  # the charts' library, from vl-convert
    assert charts.headers["content-type"].startswith("text/javascript")
    assert "window.vegaEmbed" in charts.text and "max-age" in charts.headers["cache-control"]


def test_format_number_writes_numbers_as_each_language_does() -> None:
    assert [format_number(6000.0, language) for language in ("en", "pt")] == ["6,000", "6.000"]
    assert format_number(3.5, "fr") == "3,5"


def test_an_unknown_address_is_an_error_page_for_a_browser_and_json_for_the_api(
    browser: TestClient,
) -> None:
    html = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    page = browser.get("/no/such/page?lang=fr", headers=html)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert '<html lang="fr">' in page.text and 'href="/"' in page.text  # the site, with its menu
    assert browser.get("/no/such/page").json()["error"]["status"] == 404  # no HTML asked
    api = browser.get("/api/v1/no-such-thing", headers=html)
    assert api.status_code == 404 and api.json()["error"]["status"] == 404
