"""Exchange in a real browser: a visitor opens the network from the menu and sees the map drawn
and its links listed, then asks who can help with a request read in the report."""

from __future__ import annotations

from typing import Any

from tests.web.pages.test_reports import store_and_publish


def test_a_visitor_reads_the_network_and_who_can_help(
    chromium: Any, live_server: str, ready_database_url: str
) -> None:
    store_and_publish(ready_database_url)
    page = chromium.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(f"{live_server}/?lang=en")
    page.click("nav.site-menu a[href='/network']")
    page.wait_for_load_state("networkidle")
    drawn = page.evaluate(
        "Array.from(document.querySelectorAll('figure.map img')).map(i => i.naturalWidth)"
    )
    assert drawn and all(width > 0 for width in drawn)
    assert page.locator("#network-links tbody tr").count() >= 1
    from axe_playwright_python.sync_playwright import Axe

    on_network = Axe().run(page)
    assert on_network.violations_count == 0, on_network.generate_report()

    page.click("nav.site-menu a[href='/who-can-help']")
    page.wait_for_load_state()
    page.locator("#requests a[href^='/who-can-help?request=']").first.click()
    page.wait_for_load_state()
    helpers = page.locator(".helper")
    assert helpers.count() >= 1
    assert helpers.first.locator(".quotes mark").count() >= 1
    assert page.locator(".contacts").count() == 0  # no address for the public

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert errors == []
    page.close()
