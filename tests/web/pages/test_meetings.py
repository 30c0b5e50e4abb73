"""``/meetings`` and ``/meetings/{code}``: vigia.web.pages.meetings; the menu."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.pages.conftest import FOCAL_POINT, SECRETARIAT, Site, log_in


def test_meeting_page_shows_officers_documents_and_decisions(
    site: Site, browser: TestClient
) -> None:
    log_in(browser, SECRETARIAT)
    page = browser.get("/meetings/TEST-9?lang=en")

    assert page.status_code == 200
    assert "<h1>Meeting TEST-9</h1>" in page.text
    assert "<td>Chair</td><td>A. Person</td>" in page.text
    assert f'<a href="/documents/{site.meeting_report}">Report meeting</a>' in page.text
    assert "<li>TEST-9/doc.7</li>" in page.text
    assert "hold the next meeting in Examplia" in page.text


def test_meeting_page_of_an_unknown_meeting_is_not_found(browser: TestClient) -> None:
    page = browser.get("/meetings/RTP-XX?lang=fr")

    assert page.status_code == 404
    assert "Aucune réunion n’a ce code." in page.text


def test_meeting_page_hides_documents_the_visitor_may_not_read(
    site: Site, browser: TestClient
) -> None:
    page = browser.get("/meetings/TEST-9?lang=en")

    assert page.status_code == 200
    assert f'href="/documents/{site.meeting_report}"' not in page.text
    assert "Report meeting" not in page.text
    assert "A. Person" not in page.text
    assert "TEST-9/doc.7" not in page.text
    assert "hold the next meeting in Examplia" not in page.text


def test_meetings_page_lists_each_meeting_with_its_record_evaluation_and_report(
    site: Site, browser: TestClient
) -> None:
    home = browser.get("/?lang=en")
    assert '<a href="/meetings">Meetings</a>' in home.text  # in the menu, for everybody
    page = browser.get("/meetings?lang=en")
    assert page.status_code == 200 and "<h1>Meetings</h1>" in page.text
    assert '<a href="/meetings/TEST-9">TEST-9</a>' in page.text
    assert (
        '<a href="/evaluations/TEST-9">' in page.text and '<a href="/reports/TEST-9">' in page.text
    )


def test_menu_offers_upload_review_and_consistency_to_reviewers_only(
    site: Site, browser: TestClient
) -> None:
    public = browser.get("/?lang=en").text
    assert 'href="/upload"' not in public and 'href="/consistency"' not in public
    log_in(browser, FOCAL_POINT)
    reviewer = browser.get("/?lang=en").text
    for path in ("/upload", "/review", "/consistency"):
        assert f'<a href="{path}">' in reviewer
        assert browser.get(f"{path}?lang=en").status_code == 200  # and the page opens
