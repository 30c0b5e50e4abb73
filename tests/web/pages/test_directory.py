"""The directory page: vigia.web.pages.directory."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.pages.conftest import FOCAL_POINT, SECRETARIAT, csrf_token, log_in


def test_the_secretariat_adds_an_entry_the_public_sees_the_institution_only(
    browser: TestClient,
) -> None:
    log_in(browser, SECRETARIAT)
    added = browser.post(
        "/directory",
        data={
            "csrf_token": csrf_token(browser, "/directory"),
            "country": "PAN",
            "kind": "national_authority",
            "institution": "Comisión Nacional contra la Trata de Personas",
            "email": "cntp@example.org",
        },
        follow_redirects=False,
    )
    secretariat = browser.get("/directory?country=PAN&lang=en").text
    browser.cookies.clear()
    public = browser.get("/directory?country=PAN&lang=en").text
    log_in(browser, FOCAL_POINT)
    focal = browser.get("/directory?country=PAN&lang=en").text

    assert added.status_code == 303
    assert "cntp@example.org" in secretariat and "cntp@example.org" in focal
    assert "Comisión Nacional contra la Trata de Personas" in public
    assert "cntp@example.org" not in public
    assert 'id="add-entry-heading"' not in focal  # only the secretariat keeps it
