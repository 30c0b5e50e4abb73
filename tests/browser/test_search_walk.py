"""Search in a real browser: a visitor asks in English and reads the Spanish report's sentences,
the words that matched marked, then narrows the results to the first state the facets offer."""

from __future__ import annotations

from typing import Any

from tests.web.pages.test_reports import store_and_publish


def test_a_visitor_searches_in_english_and_reads_spanish_sentences(
    chromium: Any, live_server: str, ready_database_url: str
) -> None:
    store_and_publish(ready_database_url)
    page = chromium.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(f"{live_server}/?lang=en")
    page.click("nav.site-menu a[href='/search']")
    page.wait_for_load_state()
    page.fill("#search-query", "shelters")
    page.press("#search-query", "Enter")
    page.wait_for_load_state()

    marked = {text.casefold() for text in page.locator(".hit mark").all_inner_texts()}
    assert {"albergues", "abrigo"} <= marked
    assert page.locator(".hit p[lang='es']").count() >= 1
    kinds = page.locator(".facet[data-facet='kind'] a").all_inner_texts()
    assert "Sentence" in kinds
    first_state = page.locator(".facet[data-facet='country'] a").first
    state = first_state.inner_text()
    first_state.click()
    page.wait_for_load_state()
    sources = page.locator(".hit-source").all_inner_texts()
    assert sources and all(state in source for source in sources)
    assert "country=" in page.url

    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert errors == []
    page.close()
