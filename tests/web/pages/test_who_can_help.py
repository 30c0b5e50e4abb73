"""The who-can-help page: vigia.web.pages.who_can_help."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.pages.conftest import FOCAL_POINT, SECRETARIAT, log_in


def test_a_focal_point_describes_a_need_and_reads_the_states_with_quotes(
    browser: TestClient,
) -> None:
    log_in(browser, FOCAL_POINT)
    blank = browser.get("/who-can-help?lang=en").text
    page = browser.get(
        "/who-can-help", params={"need": "investigaciones de trata", "lang": "en"}
    ).text

    assert 'href="/who-can-help"' in blank and 'id="need-text"' in blank
    assert 'data-country="PAN"' in page  # Panama opened 12 investigations
    assert "<mark>investigations</mark>" in page
    assert 'data-country="CRI"' not in page  # the focal point's own state is the one in need


def test_the_public_gets_no_form_and_an_unknown_request_is_not_found(
    browser: TestClient,
) -> None:
    public = browser.get("/who-can-help?lang=en").text
    log_in(browser, SECRETARIAT)
    missing = browser.get("/who-can-help", params={"request": 999999})
    assert 'id="need-text"' not in public and 'id="requests-heading"' in public
    assert missing.status_code == 404
