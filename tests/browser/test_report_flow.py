"""The regional report in a real browser: from a meeting's matrix to its report, with its charts
drawn and a figure's footnote leading to the sentence it was taken from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.web.pages.test_reports import store_and_publish


def test_browser_reads_the_regional_report_with_charts_and_sources(
    chromium: Any, live_server: str, ready_database_url: str, artifacts: Path
) -> None:
    quote = store_and_publish(ready_database_url)
    kind = "postgresql" if ready_database_url.startswith("postgresql") else "sqlite"
    page = chromium.new_page()
    refused: list[str] = []  # errors and refusals of the page's security policy
    page.on("console", lambda message: message.type == "error" and refused.append(message.text))
    page.on("pageerror", lambda error: refused.append(str(error)))
    page.goto(f"{live_server}/evaluations/RTP-IV?lang=en")
    page.click("a[href='/reports/RTP-IV']")
    page.wait_for_load_state()
    assert page.inner_text("h1") == "Regional progress report on the Work Plan"
    page.wait_for_selector("#charts figure.chart[data-interactive='true'] >> nth=3")
    assert page.locator("#charts figure.chart svg").count() == 4  # redrawn, not added
    assert page.locator("#charts .vega-chart svg").count() == 4
    page.locator("#chart-matrix .vega-chart path[role='graphics-symbol']").first.hover()
    tooltip = page.locator("#vg-tooltip-element.visible")
    tooltip.wait_for()
    assert "State" in tooltip.inner_text() and "Not yet confirmed" in tooltip.inner_text()
    assert refused == []
    assert page.locator("#maps figure.map svg").count() >= 1
    assert page.locator("#maps figure.map svg").first.bounding_box()["width"] > 200
    page.screenshot(path=str(artifacts / f"report-{kind}.png"), full_page=True)

    page.click("#state-GTM td.number sup a")
    assert page.evaluate("location.hash").startswith("#note-")
    note = page.locator(page.evaluate("location.hash"))
    assert quote in note.inner_text()
