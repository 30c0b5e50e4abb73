"""axe-core (the copy ``axe-playwright-python`` ships) over every kind of page, in Chromium.

The pages are found as a person finds them: from the home page, following the site's own links, once
as a visitor, once as the secretariat and once as the administrator; a page of each kind (its path
with numbers and codes as they come, its query's names) is checked once. The API docs page and the
"Not found" page are added, since no link leads to them. Any violation fails, with axe's report.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.browser.people import create_accounts, log_in
from tests.web.pages.test_reports import store_and_publish

SECRETARIAT = ("secretariat@example.org", "secretariat-password", "secretariat", None)
ADMIN = ("admin@example.org", "administrator-password", "administrator", None)
#: Pages of each role checked at most: enough for every kind of page the site has.
MOST_PAGES = 45
#: Links that are not pages to check: files, the API, logging out, other languages of a page.
NOT_PAGES = re.compile(r"^/(static|api)/|^/logout|\.(csv|pdf|docx|json|js|svg)$|/report\.html$")


def _kind(address: str) -> str:
    """What makes a page a kind of its own: its path, with any code or number as one (``*``), and
    its query's names."""
    parts = urlsplit(address)
    path = re.sub(r"/[^/]*[A-Z0-9][^/]*", "/*", parts.path)
    names = sorted({name for name, _ in parse_qsl(parts.query)} - {"lang", "page"})
    return f"{path}?{'&'.join(names)}"


def _links(page: Any, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
    found = []
    for href in hrefs:
        parts = urlsplit(href)
        if not href.startswith(base) or NOT_PAGES.search(parts.path):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def _check_pages(page: Any, base: str, start: list[str], seen: set[str]) -> dict[str, str]:
    """axe's report of each page of a new kind reached from ``start`` that has violations."""
    from axe_playwright_python.sync_playwright import Axe

    axe, failures, waiting, checked = Axe(), {}, list(start), 0
    while waiting and checked < MOST_PAGES:
        address = waiting.pop(0)
        if _kind(address) in seen:
            continue
        seen.add(_kind(address))
        answer = page.goto(f"{base}{address}")
        if answer is None or "text/html" not in answer.headers.get("content-type", ""):
            continue
        checked += 1
        results = axe.run(page)
        if results.violations_count:
            failures[address] = results.generate_report()
        waiting += _links(page, base)
    return failures


def _axe_sees_a_violation(page: Any, base: str) -> None:
    """The check itself works: an image without a text alternative is a violation."""
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{base}/login?lang=en")
    page.evaluate("document.querySelector('main').append(document.createElement('img'))")
    assert "image-alt" in Axe().run(page).generate_snapshot()


@pytest.mark.slow
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_axe_finds_no_violation_on_any_page(
    chromium: Any, live_server: str, ready_database_url: str, artifacts: Path
) -> None:
    store_and_publish(ready_database_url)
    create_accounts(ready_database_url, SECRETARIAT, ADMIN)
    page = chromium.new_page()
    seen: set[str] = set()

    _axe_sees_a_violation(page, live_server)
    chosen_maps = [
        "/reports/RTP-IV?area=prevention",
        "/reports/RTP-IV?indicator=victims_identified",
    ]
    failures = _check_pages(
        page, live_server, ["/?lang=en", "/docs", "/no-such-page", *chosen_maps], seen
    )
    public = len(seen)
    log_in(page, live_server, SECRETARIAT[0], SECRETARIAT[1])
    failures |= _check_pages(page, live_server, ["/", "/review?view=table"], seen)
    page.click("form[action='/logout'] button[type=submit]")
    log_in(page, live_server, ADMIN[0], ADMIN[1])
    failures |= _check_pages(page, live_server, ["/accounts"], seen)

    (artifacts / "axe-pages.txt").write_text("\n".join(sorted(seen)) + "\n", encoding="utf-8")
    assert public >= 12 and len(seen) >= 20, sorted(seen)  # the crawl did reach the site
    assert not failures, "\n\n".join(f"{where}:\n{report}" for where, report in failures.items())
