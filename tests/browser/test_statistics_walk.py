"""A year's statistics in a real browser, by the navigation alone: the focal point fills the form,
which saves as it is typed, sees a check fail, fixes it and submits; a lost connection loses
nothing; the secretariat approves, which locks the year."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.people import create_accounts
from tests.evaluate.conftest import Figure, figures_report
from vigia.store.database import open_database, session_factory
from vigia.store.repository import store_document

FOCAL = ("focal.per@example.org", "focal-point-password", "focal_point", "PER")
SECRETARIAT = ("secretariat@example.org", "secretariat-password", "secretariat", None)
GIRLS = "input[name='v.victims_detected.sex=female;age=child']"
BOYS = "input[name='v.victims_detected.sex=male;age=child']"
TOTAL = "input[name='v.victims_detected.']"
SUM_RULE = "[data-statistics-checks] li[data-rule='victims_by_sex_and_age_add_up']"


def _log_in(page: Any, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/?lang=en")
    page.click("nav.site-menu a[href='/login']")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_load_state()


def _open_the_form(page: Any, country: str, year: int) -> None:
    page.click("nav.site-menu a[href='/statistics']")
    page.wait_for_load_state()
    page.select_option("#statistics-year", str(year))
    page.click("form[action='/statistics'] button[type=submit]")
    page.wait_for_load_state()
    page.click(f"a[href='/statistics/{country}/{year}']")
    page.wait_for_load_state()


def _saved(page: Any) -> None:
    page.locator("[data-save-status]", has_text=re.compile(r"^Saved\.$")).wait_for(timeout=10_000)


@pytest.mark.slow
def test_a_focal_point_fills_fixes_and_submits_and_the_secretariat_approves(
    chromium: Any, live_server: str, ready_database_url: str, artifacts: Path
) -> None:
    create_accounts(ready_database_url, FOCAL, SECRETARIAT)
    kind = "postgresql" if ready_database_url.startswith("postgresql") else "sqlite"
    context = chromium.new_context()  # one browser profile for the whole walk: its storage too
    page = context.new_page()

    _log_in(page, live_server, FOCAL[0], FOCAL[1])
    _open_the_form(page, "PER", 2025)
    page.fill(GIRLS, "20")
    page.fill(BOYS, "10")
    page.fill(TOTAL, "31")
    _saved(page)
    assert page.inner_text("[data-element='victims_detected'] table >> nth=0 >> output") == "30"
    page.wait_for_selector(SUM_RULE)
    page.screenshot(path=str(artifacts / f"statistics-form-check-{kind}.png"), full_page=True)

    form_address = page.url
    context.set_offline(True)
    page.fill(TOTAL, "30")
    page.locator("[data-save-status]", has_text=re.compile(r"^Not saved")).wait_for()
    page.close()  # the connection is lost, the tab closed: the figure waits in the browser
    context.set_offline(False)
    page = context.new_page()
    page.goto(form_address)
    _saved(page)  # sent again as the form opened
    page.reload()
    assert page.input_value(TOTAL) == "30"
    assert page.locator(SUM_RULE).count() == 0

    page.click("[data-submit-statistics]")
    page.wait_for_load_state()
    assert page.get_attribute("[data-status]", "data-status") == "submitted"
    page.click("form[action='/logout'] button[type=submit]")
    page.wait_for_load_state()

    _log_in(page, live_server, SECRETARIAT[0], SECRETARIAT[1])
    _open_the_form(page, "PER", 2025)
    page.click("form[action='/statistics/PER/2025/approve'] button[type=submit]")
    page.wait_for_load_state()
    assert page.get_attribute("[data-status]", "data-status") == "approved"
    assert page.locator(TOTAL).get_attribute("readonly") is not None
    page.screenshot(path=str(artifacts / f"statistics-approved-{kind}.png"), full_page=True)
    context.close()


def test_a_figure_from_the_reports_goes_in_only_when_chosen(
    chromium: Any, live_server: str, ready_database_url: str
) -> None:
    create_accounts(ready_database_url, FOCAL)
    sentence = "In 2025 the courts of Peru convicted 52 traffickers."
    engine = open_database(ready_database_url)
    with session_factory(engine)() as session:
        figure = Figure("convictions", 52, sentence, 2025)
        store_document(session, figures_report("peru-2025", "PER", [figure]))
    engine.dispose()
    context = chromium.new_context()
    page = context.new_page()

    _log_in(page, live_server, FOCAL[0], FOCAL[1])
    _open_the_form(page, "PER", 2025)
    total = "input[name='v.persons_convicted.']"
    offers = page.locator("[data-offers='persons_convicted']")
    assert page.input_value(total) == ""
    offers.locator("summary").click()
    assert sentence in offers.inner_text()
    offers.locator("button[data-fill]").click()
    _saved(page)
    page.reload()

    assert page.input_value(total) == "52"
    context.close()
