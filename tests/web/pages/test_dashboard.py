"""``/``: vigia.web.pages.dashboard."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.pages.conftest import FOCAL_POINT, Site, log_in, publish


def test_dashboard_counts_published_facts_per_country_and_indicator(
    site: Site, browser: TestClient
) -> None:
    publish(site, site.facts[("CRI", "persons_trained")], site.facts[("PAN", "investigations")])

    page = browser.get("/?lang=en").text

    assert '<th scope="row"><a href="/countries/CRI">Costa Rica</a></th>' in page
    assert ">Persons trained</a>: 1</li>" in page
    assert ">Investigations opened</a>: 1</li>" in page
    assert "Complaints and reports received" not in page


def test_dashboard_tells_a_reviewer_what_waits_in_their_queue(
    site: Site, browser: TestClient
) -> None:
    anonymous = browser.get("/?lang=en").text
    log_in(browser, FOCAL_POINT)

    page = browser.get("/?lang=en").text

    assert "waiting for your review" not in anonymous
    assert "2 facts are waiting for your review." in page


def test_dashboard_links_every_member_state(browser: TestClient) -> None:
    page = browser.get("/?lang=en").text

    assert '<a href="/countries/PAN">Panama</a>' in page
    assert '<a href="/countries/CAN">Canada</a>' in page
