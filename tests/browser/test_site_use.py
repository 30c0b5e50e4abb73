"""Using the site without training, in a real browser: the focus after a wrong password and after a
review action, a confirmation before deactivating an account, and pages that fit a phone's width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.browser.people import create_accounts, log_in
from tests.web.pages.test_reports import store_and_publish
from vigia.services.accounts import find_user
from vigia.store.database import open_database, session_factory

ADMIN = ("admin@example.org", "administrator-password", "administrator", None)
FOCAL = ("focal.cri@example.org", "focal-point-password", "focal_point", "CRI")
SECRETARIAT = ("secretariat@example.org", "secretariat-password", "secretariat", None)
PHONE = {"width": 375, "height": 740}


def _active(url: str, email: str) -> bool:
    engine = open_database(url)
    with session_factory(engine)() as session:
        user = find_user(session, email)
        active = user is not None and user.is_active
    engine.dispose()
    return active


def test_a_wrong_password_puts_the_focus_on_the_error(
    chromium: Any, live_server: str, ready_database_url: str
) -> None:
    create_accounts(ready_database_url, ADMIN, FOCAL)
    page = chromium.new_page()
    log_in(page, live_server, ADMIN[0], "not the password")
    assert page.evaluate("document.activeElement.id") == "login-error"
    assert "password" in page.inner_text("#login-error").lower()
    assert page.get_attribute("#password", "aria-describedby") == "login-error"


def test_deactivating_an_account_asks_first(
    chromium: Any, live_server: str, ready_database_url: str
) -> None:
    create_accounts(ready_database_url, ADMIN, FOCAL)
    page = chromium.new_page()
    log_in(page, live_server, ADMIN[0], ADMIN[1])
    page.goto(f"{live_server}/accounts?lang=en")
    button = f"button[aria-label='Deactivate {FOCAL[0]}']"
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.click(button)
    page.wait_for_timeout(300)
    assert asked and FOCAL[0] in asked[0] and _active(ready_database_url, FOCAL[0])  # kept
    page.once("dialog", lambda dialog: dialog.accept())
    page.click(button)
    page.wait_for_load_state()
    assert not _active(ready_database_url, FOCAL[0])


def test_the_matrix_and_the_report_fit_a_phone(
    chromium: Any, live_server: str, ready_database_url: str, artifacts: Path
) -> None:
    store_and_publish(ready_database_url)
    kind = "postgresql" if ready_database_url.startswith("postgresql") else "sqlite"
    page = chromium.new_page(viewport=PHONE)
    for path in ("/evaluations/RTP-IV?lang=en", "/reports/RTP-IV?lang=en", "/compare?lang=en"):
        page.goto(f"{live_server}{path}")
        page.wait_for_load_state()
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= PHONE["width"] + 1, (path, wide)  # wide tables scroll in their own box
    page.goto(f"{live_server}/evaluations/RTP-IV?lang=en")
    page.screenshot(path=str(artifacts / f"matrix-phone-{kind}.png"))


def test_after_a_review_action_the_focus_is_on_the_next_fact(
    chromium: Any, live_server: str, ready_database_url: str
) -> None:
    store_and_publish(ready_database_url)
    create_accounts(ready_database_url, ADMIN, SECRETARIAT)
    page = chromium.new_page()
    log_in(page, live_server, SECRETARIAT[0], SECRETARIAT[1])
    page.click("nav.site-menu a[href='/review']")
    page.wait_for_load_state()
    listed = page.eval_on_selector_all("article.review-item", "items => items.map(i => i.id)")
    assert len(listed) >= 2
    page.click(f"#{listed[0]} form[action$='/confirm'] button[type=submit]")
    page.wait_for_load_state()
    assert page.evaluate("document.activeElement.id") == listed[1]  # no Tab back from the top
    assert "Confirmed." in page.inner_text("[role=status]")
