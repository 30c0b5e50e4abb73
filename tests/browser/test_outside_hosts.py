"""In a real browser, Vigía's pages and its API docs fetch nothing from another host.

Every request the pages make (style sheets, scripts, images, fonts, Swagger UI's own requests
for the OpenAPI description) is recorded and must go to the server that served the page; the
Content-Security-Policy must not have to refuse anything either, and Swagger UI must show the API.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from tests.browser.conftest import ARTIFACTS

PAGES = ("/", "/plan", "/evaluations", "/login", "/docs")


def _record(page: Any, requests: list[str], problems: list[str]) -> None:
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))


def test_browser_pages_and_api_docs_fetch_only_from_this_server(
    chromium: Any, live_server: str, artifacts: Any
) -> None:
    page = chromium.new_page()
    requests: list[str] = []
    problems: list[str] = []
    _record(page, requests, problems)
    own = urlsplit(live_server).netloc

    for path in PAGES:
        page.goto(live_server + path)
    page.wait_for_selector(".opblock-summary-path[data-path='/api/v1/facts']", timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "api-docs.png"), full_page=False)
    operations = page.locator(".opblock-summary-path").count()
    page.close()

    elsewhere = [
        url
        for url in requests
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own
    ]
    assert elsewhere == []
    assert f"{live_server}/static/swagger-ui/swagger-ui-bundle.js" in requests
    assert f"{live_server}/openapi.json" in requests
    assert problems == []
    assert operations >= 30
