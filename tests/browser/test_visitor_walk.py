"""A public visitor's main tasks by the navigation alone, in a real browser (no typed address but
the home page): Guatemala's figures and the sentence of one, then two states compared and the
comparison downloaded as CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.web.pages.test_reports import store_and_publish


def test_visitor_finds_figures_with_their_quotes_compares_states_and_downloads_csv(
    chromium: Any, live_server: str, ready_database_url: str, artifacts: Path, tmp_path: Path
) -> None:
    quote = store_and_publish(ready_database_url)  # one figure of Guatemala published
    kind = "postgresql" if ready_database_url.startswith("postgresql") else "sqlite"
    page = chromium.new_page()
    page.goto(f"{live_server}/?lang=en")

    page.click("#published-heading ~ .table-wrap a[href='/countries/GTM']")
    page.wait_for_load_state()
    assert page.inner_text("h1") == "Guatemala"
    figure = page.locator("table.values td.number a").first
    assert figure.get_attribute("title") == quote  # the sentence, on hover
    figure.click()
    page.wait_for_load_state()
    assert quote in page.inner_text("main")  # the document, at the figure's sentence
    page.screenshot(path=str(artifacts / f"visitor-source-{kind}.png"))

    page.click("nav.site-menu a[href='/compare']")
    page.wait_for_load_state()
    assert "Choose at least two states." in page.inner_text("main")
    page.select_option("#state-1", "GTM")
    page.select_option("#state-2", "CRI")
    chosen = page.locator("#compare-indicator option").all_inner_texts()
    assert "Shelters" in chosen
    page.select_option("#compare-indicator", label="Shelters")
    page.click(".compare-form button[type=submit]")
    page.wait_for_load_state()
    table = page.inner_text("table.values")
    assert "Guatemala" in table and "Costa Rica" in table
    page.screenshot(path=str(artifacts / f"visitor-compare-{kind}.png"), full_page=True)

    with page.expect_download() as waiting:
        page.click("text=Download the comparison (CSV)")
    saved = tmp_path / "comparison.csv"
    waiting.value.save_as(saved)
    lines = saved.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("state,indicator,year,value")
    assert any(line.startswith("GTM,shelters,") and quote.split(",")[0] in line for line in lines)
