"""The good-practice compendium page: vigia.web.pages.practices."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.pages.conftest import FOCAL_POINT, SECRETARIAT, csrf_token, log_in


def test_the_secretariat_publishes_a_proposed_practice_and_the_public_reads_it(
    browser: TestClient,
) -> None:
    assert "No practice to show." in browser.get("/practices?lang=en").text
    log_in(browser, SECRETARIAT)
    page = browser.get("/practices?lang=en").text
    assert 'data-kind="law"' in page and "Costa Rica adopted a new law" in page
    practice_id = re.findall(r'id="practice-(\d+)" data-status="proposed" data-kind="law"', page)[0]
    published = browser.post(
        f"/practices/{practice_id}/curation",
        data={"csrf_token": csrf_token(browser, "/practices"), "action": "publish"},
        follow_redirects=False,
    )
    assert published.status_code == 303
    browser.cookies.clear()
    public = browser.get("/practices?lang=en").text
    assert f'id="practice-{practice_id}" data-status="public"' in public
    assert "Make public" not in public


def test_a_focal_point_adds_a_practice_of_its_state_only(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    token = csrf_token(browser, "/practices")
    added = browser.post(
        "/practices",
        data={
            "csrf_token": token,
            "country": "CRI",
            "kind": "hotline",
            "title": "Línea 911 para denuncias de trata",
            "contact": "Coalición Nacional",
        },
        follow_redirects=False,
    )
    refused = browser.post(
        "/practices",
        data={"csrf_token": token, "country": "PAN", "kind": "law", "title": "Ley"},
    )
    page = browser.get("/practices?country=CRI&lang=en").text
    assert added.status_code == 303 and "done=added" in added.headers["location"]
    assert "Línea 911 para denuncias de trata" in page and "Contact: Coalición Nacional" in page
    assert refused.status_code == 400 and "may not change the practices of PAN" in refused.text
