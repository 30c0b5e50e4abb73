"""Two language versions compared in a real browser: a focal point finds the page in the menu,
sends the Spanish plan and an altered English version, and reads each difference side by side."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.browser.people import create_accounts, log_in

FOCAL = ("focal.usa@example.org", "focal-point-password", "focal_point", "USA")
VERSIONS = Path(__file__).parents[1] / "data" / "versions"


def test_a_focal_point_compares_two_versions_from_the_menu(
    chromium: Any, live_server: str, ready_database_url: str
) -> None:
    create_accounts(ready_database_url, FOCAL)
    page = chromium.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )

    log_in(page, live_server, FOCAL[0], FOCAL[1])
    page.click("nav.site-menu a[href='/versions']")
    page.wait_for_load_state()
    page.set_input_files("#first-file", str(VERSIONS / "plan.es.txt"))
    page.set_input_files("#second-file", str(VERSIONS / "plan.en.altered.txt"))
    page.select_option("#second-language", "en")
    page.click("form[action='/versions'] button[type=submit]")
    page.wait_for_load_state()

    assert page.locator("#differences-heading").inner_text() == "8 differences"
    figures = page.locator("article[data-kind='figures']")
    assert figures.locator("mark").all_inner_texts() == ["500", "300"]
    assert figures.locator(".passage[lang='es']").inner_text().startswith("¶11")
    moved = page.locator("article[data-kind='moved'] .passage[lang='en']").inner_text()
    assert "4. Guarantee victims access" in moved
    columns = page.evaluate(
        "getComputedStyle(document.querySelector('.side-by-side')).gridTemplateColumns"
    )
    assert len(columns.split()) == 2  # side by side on a desktop screen
    assert errors == []
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.close()
