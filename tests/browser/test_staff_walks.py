"""The focal point's and the secretariat's main tasks by the navigation alone, in a real browser
(no typed address but the home page): uploading a report, correcting and rejecting its facts and
sending an observation on the Work Plan; filtering the queue to one document, reviewing it by
keyboard in the compact table, publishing what was kept, adopting a state's recommendations at once
and publishing the meeting's report."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.browser.people import create_accounts
from vigia.store.database import open_database, session_factory
from vigia.store.models import FactRow

PERU = """INFORME DE LA REUNIÓN

1. Perú; en 2014 el país capacitó a más de 1.200 policías en la identificación de víctimas y
rescató a 45 víctimas en operativos. (RTP-IV/INF. 3/14)
"""
GUATEMALA = """INFORME DE LA REUNIÓN

1. Guatemala; en 2015 el país capacitó a más de 300 funcionarios en la identificación de víctimas
y rescató a 45 víctimas en operativos. (RTP-IV/INF. 5/14)

2. Guatemala; en 2015 la fiscalía abrió 12 investigaciones por trata de personas y obtuvo 7 condenas.
"""
FOCAL = ("focal.per@example.org", "focal-point-password", "focal_point", "PER")
SECRETARIAT = ("secretariat@example.org", "secretariat-password", "secretariat", None)
OBSERVATION = "Peru asks that the training indicator count prosecutors as well as police."


def _statuses(url: str, country: str) -> dict[str, str]:
    """Each stored fact of ``country``: its indicator and status."""
    engine = open_database(url)
    with session_factory(engine)() as session:
        rows = session.execute(
            select(FactRow.indicator, FactRow.status).where(FactRow.country == country)
        ).all()
    engine.dispose()
    return {indicator: status for indicator, status in rows}


def _menu(page: Any, address: str) -> None:
    page.click(f"nav.site-menu a[href='{address}']")
    page.wait_for_load_state()


def _log_in_from_home(page: Any, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/?lang=en")
    _menu(page, "/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_load_state()


def _log_out(page: Any) -> None:
    page.click("form[action='/logout'] button[type=submit]")
    page.wait_for_load_state()


def _upload(page: Any, report: Path, country: str) -> None:
    """Upload ``report`` from the menu and wait until its facts are extracted."""
    _menu(page, "/upload")
    page.set_input_files("#file", str(report))
    page.select_option("#country", country)
    page.click("form[action='/upload'] button[type=submit]")
    deadline = time.monotonic() + 60
    while not page.locator("main a[href^='/documents/']").count():
        assert time.monotonic() < deadline, f"the extraction did not finish: {page.content()[:500]}"
        time.sleep(0.5)
        page.reload()


def _publish_the_report(page: Any) -> None:
    """Publish RTP-IV's report as an edition, from the menu's meetings."""
    _menu(page, "/meetings")
    page.click("a[href='/reports/RTP-IV']")
    page.wait_for_load_state()
    page.click("text=Draft version")
    page.wait_for_load_state()
    page.click("form.publish-form button[type=submit]")
    page.wait_for_load_state()
    assert "edition 1" in page.inner_text("main")


def _card(page: Any, indicator: str) -> Any:
    """The review card of the fact whose heading names ``indicator``."""
    return page.locator("article.review-item", has=page.locator("h3", has_text=indicator))


def _focused_fact(page: Any) -> str:
    """The id of the fact that has the focus (``fact-N``), or of whatever else has it."""
    return str(page.evaluate("document.activeElement.id"))


def _key(page: Any, key: str) -> None:
    """Press ``key`` where it sends a form, and wait for the page the form leads to."""
    with page.expect_navigation():
        page.keyboard.press(key)


def test_focal_point_uploads_corrects_rejects_and_sends_an_observation(
    chromium: Any, live_server: str, ready_database_url: str, tmp_path: Path, artifacts: Path
) -> None:
    create_accounts(ready_database_url, FOCAL)
    report = tmp_path / "informe-peru.es.txt"
    report.write_text(PERU, encoding="utf-8")
    kind = "postgresql" if ready_database_url.startswith("postgresql") else "sqlite"
    page = chromium.new_page()

    _log_in_from_home(page, live_server, FOCAL[0], FOCAL[1])
    _upload(page, report, "PER")
    _menu(page, "/review")
    trained = _card(page, "Persons trained")
    trained.locator("details[data-action='correct'] summary").click()
    trained.locator("input[name='value']").fill("1250")
    trained.locator("details[data-action='correct'] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.inner_text("p.notice") == "Correction saved."
    rescued = _card(page, "Victims rescued")
    rescued.locator("details[data-action='reject'] summary").click()
    rescued.locator("details[data-action='reject'] textarea").fill(
        "These were rescued in 2013, not 2014."
    )
    rescued.locator("details[data-action='reject'] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.inner_text("p.notice") == "Rejected."
    page.screenshot(path=str(artifacts / f"focal-point-review-{kind}.png"), full_page=True)
    assert _statuses(ready_database_url, "PER") == {
        "persons_trained": "corrected",
        "victims_rescued": "rejected",
    }

    _menu(page, "/plan")
    page.locator("a[data-observations]").first.click()
    page.wait_for_load_state()
    page.fill("#observation-text", OBSERVATION)
    page.click("form[aria-labelledby='new-observation'] button[type=submit]")
    page.wait_for_load_state()
    assert OBSERVATION in page.inner_text("main")
    page.screenshot(path=str(artifacts / f"focal-point-observation-{kind}.png"), full_page=True)
    _log_out(page)
    page.close()


@pytest.mark.slow
def test_secretariat_filters_one_document_reviews_it_by_keyboard_and_publishes(
    chromium: Any, live_server: str, ready_database_url: str, tmp_path: Path, artifacts: Path
) -> None:
    create_accounts(ready_database_url, SECRETARIAT)
    peru, guatemala = tmp_path / "informe-peru.es.txt", tmp_path / "informe-guatemala.es.txt"
    peru.write_text(PERU, encoding="utf-8")
    guatemala.write_text(GUATEMALA, encoding="utf-8")
    kind = "postgresql" if ready_database_url.startswith("postgresql") else "sqlite"
    page = chromium.new_page()
    _log_in_from_home(page, live_server, SECRETARIAT[0], SECRETARIAT[1])
    _upload(page, peru, "PER")
    _upload(page, guatemala, "GTM")

    _menu(page, "/review")
    names = page.locator("#filter-document option").all_inner_texts()
    page.select_option("#filter-document", label=next(n for n in names if "guatemala" in n))
    page.click(".review-filters button[type=submit]")
    page.wait_for_load_state()
    page.click(".view-switch a:text('Compact table')")
    page.wait_for_load_state()
    rows = page.locator("table.review-table tr[data-fact]")
    assert rows.count() == 4
    assert "Peru" not in page.inner_text("table.review-table")
    order = [row.get_attribute("id") for row in rows.all()]

    page.keyboard.press("j")  # the first fact takes the focus
    assert _focused_fact(page) == order[0]
    _key(page, "c")  # confirmed; the page comes back at the next fact
    assert page.inner_text("p.notice") == "Confirmed."
    assert _focused_fact(page) == order[1]
    page.keyboard.press("e")  # its correction opens at the value
    page.keyboard.press("Control+A")
    page.keyboard.type("46")
    _key(page, "Enter")
    assert page.inner_text("p.notice") == "Correction saved."
    page.keyboard.press("r")  # the next one is rejected, with a note
    page.keyboard.type("The same operation is counted in the first sentence.")
    page.keyboard.press("Tab")
    _key(page, "Enter")
    assert page.inner_text("p.notice") == "Rejected."
    page.keyboard.press("j")
    _key(page, "c")
    assert "Nothing to review here." in page.inner_text("main")
    page.screenshot(path=str(artifacts / f"secretariat-keyboard-review-{kind}.png"), full_page=True)

    page.click("nav.tabs a:text('Confirmed')")
    page.wait_for_load_state()
    page.keyboard.press("j")
    _key(page, "p")
    assert page.inner_text("p.notice") == "Published."
    page.keyboard.press("j")
    _key(page, "p")
    page.click("nav.tabs a:text('Corrected')")
    page.wait_for_load_state()
    page.keyboard.press("j")
    page.keyboard.press("x")  # ticked, and published with the bulk action
    page.select_option("#bulk-action", "publish")
    page.click("#bulk-review button[type=submit]")
    page.wait_for_load_state()
    page.screenshot(path=str(artifacts / f"secretariat-published-{kind}.png"), full_page=True)

    statuses = _statuses(ready_database_url, "GTM")
    assert sorted(statuses.values()) == ["published", "published", "published", "rejected"]
    assert set(_statuses(ready_database_url, "PER").values()) == {"proposed"}

    _menu(page, "/recommendations")  # Guatemala's recommendations drafted, then all adopted
    page.select_option("#draft-country", "GTM")
    page.click("form[action='/recommendations/draft'] button[type=submit]")
    page.wait_for_load_state()
    drafted = page.locator("article.recommendation").count()
    assert drafted > 0
    assert (
        page.locator("section.recommendation-group h3").all_inner_texts()[0].startswith("Guatemala")
    )
    page.click("[data-tick-all='bulk-recommendations']")
    page.select_option("#bulk-action", "adopt")
    page.click("#bulk-recommendations button[type=submit]")
    page.wait_for_load_state()
    assert page.inner_text("p.notice") == f"{drafted} recommendations adopted."
    page.screenshot(path=str(artifacts / f"secretariat-recommendations-{kind}.png"), full_page=True)

    if kind == "sqlite":  # rendering an edition (20 s) reads as the report does on both databases
        _publish_the_report(page)
        page.screenshot(path=str(artifacts / "secretariat-edition.png"))
    _log_out(page)
    page.close()
