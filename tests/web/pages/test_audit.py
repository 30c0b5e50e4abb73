"""``/audit``: vigia.web.pages.audit (the log and its CSV, for the secretariat)."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from tests.web.pages.conftest import FOCAL_POINT, SECRETARIAT, log_in


def test_audit_page_lists_the_latest_entries_for_the_secretariat(browser: TestClient) -> None:
    log_in(browser, SECRETARIAT)

    page = browser.get("/audit?lang=en")

    assert page.status_code == 200
    assert "<code>user.login</code>" in page.text
    assert "<code>user.create</code>" in page.text


def test_audit_page_filters_by_action(browser: TestClient) -> None:
    log_in(browser, SECRETARIAT)

    page = browser.get("/audit?action=user.login").text

    assert "<code>user.login</code>" in page
    assert "<code>user.create</code>" not in page


def test_audit_csv_export_has_every_entry(browser: TestClient) -> None:
    log_in(browser, SECRETARIAT)

    answer = browser.get("/audit.csv")

    assert answer.content.startswith("\ufeff".encode())  # spreadsheets read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    assert {row["action"] for row in rows} >= {"user.create", "user.login"}


def test_audit_is_forbidden_to_a_focal_point(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)

    assert browser.get("/audit").status_code == 403
    assert browser.get("/audit.csv").status_code == 403
    assert 'href="/audit"' not in browser.get("/").text


def test_audit_needs_a_login(browser: TestClient) -> None:
    assert browser.get("/audit.csv", follow_redirects=False).status_code == 303
