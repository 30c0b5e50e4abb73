"""The language versions page: vigia.web.pages.versions, for signed-in users."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.web.pages.conftest import FOCAL_POINT, csrf_token, log_in

VERSIONS = Path(__file__).parents[2] / "data" / "versions"


def _send(browser: TestClient, first: str, second: str, **fields: str) -> object:
    files = {
        side: (name, (VERSIONS / name).read_bytes() if name else b"", "text/plain")
        for side, name in (("first", first), ("second", second))
    }
    return browser.post(
        "/versions?lang=en",
        data={"csrf_token": csrf_token(browser, "/versions"), **fields},
        files=files,
    )


def test_the_page_shows_each_difference_with_both_passages_marked(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    page = browser.get("/versions?lang=en").text
    answer = _send(browser, "plan.es.txt", "plan.fr.altered.txt")

    assert 'href="/versions"' in page and 'name="first"' in page
    assert answer.status_code == 200
    assert "5 differences" in answer.text
    assert 'data-kind="names"' in answer.text
    assert "<mark>Costa Rica</mark>" in answer.text and "<mark>Panama</mark>" in answer.text
    assert "<mark>90</mark>" in answer.text and "<mark>60</mark>" in answer.text
    assert answer.text.count('class="absent"') == 2  # a dropped item, an added paragraph


def test_a_faithful_translation_is_said_to_agree(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    answer = _send(browser, "plan.en.txt", "plan.fr.txt", first_language="en", second_language="fr")
    assert answer.status_code == 200
    assert "The versions agree" in answer.text and "0 differences" in answer.text


def test_a_missing_or_unreadable_file_is_refused_with_the_reason(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    missing = browser.post(
        "/versions?lang=en",
        data={"csrf_token": csrf_token(browser, "/versions")},
        files={"first": ("plan.es.txt", (VERSIONS / "plan.es.txt").read_bytes(), "text/plain")},
    )
    empty = browser.post(
        "/versions?lang=en",
        data={"csrf_token": csrf_token(browser, "/versions")},
        files={
            "first": ("plan.es.txt", (VERSIONS / "plan.es.txt").read_bytes(), "text/plain"),
            "second": ("empty.txt", b"", "text/plain"),
        },
    )
    assert missing.status_code == 400 and "Choose the two versions to compare." in missing.text
    assert empty.status_code == 400 and "empty.txt: empty file" in empty.text


def test_only_signed_in_users_with_the_form_token_compare(browser: TestClient) -> None:
    anonymous = browser.get("/versions", follow_redirects=False)
    log_in(browser, FOCAL_POINT)
    forged = browser.post(
        "/versions",
        data={"csrf_token": "forged"},
        files={
            "first": ("a.txt", b"One.", "text/plain"),
            "second": ("b.txt", b"Uno.", "text/plain"),
        },
    )
    assert anonymous.status_code == 303 and "/login" in anonymous.headers["location"]
    assert forged.status_code == 403
