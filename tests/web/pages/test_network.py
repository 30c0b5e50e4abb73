"""The network page: vigia.web.pages.network."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.pages.conftest import SECRETARIAT, Site, log_in
from vigia.evaluate.case_register import import_cases
from vigia.evaluate.releases import release_table
from vigia.permissions import principal_for
from vigia.services.accounts import find_user
from vigia.store.database import open_database, session_factory
from vigia.store.sealing import Sealer


def test_the_network_page_draws_the_links_and_lists_them_with_their_sentences(
    browser: TestClient,
) -> None:
    log_in(browser, SECRETARIAT)
    page = browser.get("/network?lang=en").text
    drawn = browser.get("/network/cooperation.svg?lang=en")
    roles = browser.get("/network/roles.svg")

    assert 'href="/network"' in page  # in the menu
    assert "<title>Cooperation network · Vigía</title>" in page
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


def test_a_released_flows_table_is_drawn_as_a_map(browser: TestClient, site: Site) -> None:
    rows = ["year,sex,citizenship,exploitation_country", *["2021,female,GTM,MEX"] * 30]
    engine = open_database(site.url)
    with session_factory(engine)() as session:
        user = find_user(session, SECRETARIAT)
        assert user is not None
        secretariat = principal_for(user)
        data = "\n".join(rows).encode()
        assert import_cases(session, secretariat, data, "CTDC", Sealer.from_text("")).ok
        release_table(session, secretariat, "CTDC", ("citizenship", "exploitation_country"))
    engine.dispose()

    page = browser.get("/network?lang=en").text
    drawn = browser.get("/network/flows.svg?lang=en")
    assert 'id="network-flows"' in page and "<td>Guatemala</td><td>Mexico</td>" in page
    assert drawn.status_code == 200 and drawn.text.lstrip().startswith("<svg")
