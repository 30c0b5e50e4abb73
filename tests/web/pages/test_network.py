"""The network page: vigia.web.pages.network."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.pages.conftest import SECRETARIAT, log_in


def test_the_network_page_draws_the_links_and_lists_them_with_their_sentences(
    browser: TestClient,
) -> None:
    log_in(browser, SECRETARIAT)
    page = browser.get("/network?lang=en").text
    drawn = browser.get("/network/cooperation.svg?lang=en")
    roles = browser.get("/network/roles.svg")

    assert 'href="/network"' in page  # in the menu
    assert '<img src="/network/cooperation.svg"' in page
    assert 'id="network-links"' in page and "Costa Rica shared good practices with Panama." in page
    assert drawn.status_code == 200 and drawn.headers["content-type"] == "image/svg+xml"
    assert drawn.text.lstrip().startswith("<svg")
    assert roles.status_code == 200
    assert 'href="/api/v1/network.graphml"' in page


def test_the_public_sees_no_link_of_unpublished_reports(browser: TestClient) -> None:
    page = browser.get("/network?lang=en").text
    assert "No cooperation between states has been read" in page
    assert browser.get("/network/people.svg").status_code == 404
