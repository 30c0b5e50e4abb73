"""The search page: vigia.web.pages.search."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.pages.conftest import SECRETARIAT, Site, log_in, publish


def test_a_spanish_query_finds_the_english_sentence_marked_with_facets(
    browser: TestClient,
) -> None:
    log_in(browser, SECRETARIAT)
    page = browser.get("/search", params={"q": "línea gratuita", "lang": "en"}).text

    assert 'href="/search"' in page  # in the menu
    assert "<mark>hotline</mark>" in page
    assert re.search(r'<h2 id="results-heading">\d+ results?</h2>', page)
    assert 'data-facet="country"' in page and "Costa Rica</a>" in page
    narrowed = browser.get("/search", params={"q": "línea gratuita", "country": "PAN"}).text
    assert "hotline" not in narrowed.split('id="results-heading"')[1]
    assert (
        "Remove this filter"
        in browser.get(
            "/search", params={"q": "línea gratuita", "country": "PAN", "lang": "en"}
        ).text
    )


def test_the_public_finds_only_what_is_published(browser: TestClient, site: Site) -> None:
    before = browser.get("/search", params={"q": "officials trained", "lang": "en"}).text
    publish(site, *site.facts.values())
    after = browser.get("/search", params={"q": "capacitación de funcionarios", "lang": "en"}).text
    assert "0 results" in before
    assert "<mark>trained</mark>" in after and "<mark>officials</mark>" in after


def test_without_a_query_the_page_shows_the_box_alone(browser: TestClient) -> None:
    page = browser.get("/search?lang=fr")
    assert page.status_code == 200
    assert 'id="search-query"' in page.text and "results-heading" not in page.text
    assert browser.get("/search", params={"q": "x" * 201}).status_code == 400
