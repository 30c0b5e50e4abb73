"""No page or asset of the application references another host: nothing is fetched from outside.

Every page a visitor can reach by links from the routes without parameters (``/docs`` among
them) is fetched anonymously and as each kind of account; every ``src``, ``href``, ``action`` and
``srcset`` of those pages, every style sheet and script they load, and every ``url(…)`` and
``@import`` of the style sheets must stay on this server. Vigía's own scripts must name no other
host either. (What Swagger UI's bundle requests at run time is checked in a real browser:
tests/browser/test_outside_hosts.py.)
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from tests.web.pages.conftest import ADMINISTRATOR, FOCAL_POINT, SECRETARIAT, log_in

OWN_HOSTS = {"testserver", "localhost", "127.0.0.1", ""}
ATTRIBUTES = ("src", "href", "action", "srcset", "poster", "data")
CSS_REFERENCE = re.compile(
    r"""url\(\s*['"]?(?P<url>[^'")]+)['"]?\s*\)|@import\s+['"](?P<imported>[^'"]+)['"]"""
)
ABSOLUTE_URL = re.compile(r"""(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s'"`)]*""")
#: Enough to reach every kind of page of the test site, few enough to stay quick.
MOST_PAGES = 120
OWN_SCRIPTS = (
    "/static/vigia.js",
    "/static/job-progress.js",
    "/static/api-docs.js",
    "/static/charts.js",
)


def outside(url: str) -> bool:
    """Whether ``url`` points at a host other than this server (``data:`` URLs stay here)."""
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "mailto", "tel", "javascript", "about"):
        return parts.scheme == "javascript"
    return (parts.hostname or "") not in OWN_HOSTS


def html_references(html: str) -> Iterator[tuple[str, str]]:
    """Each (tag, URL) that the page's markup references."""
    page = BeautifulSoup(html, "html.parser")
    for element in page.find_all(True):
        for attribute in ATTRIBUTES:
            value = element.get(attribute)
            if not isinstance(value, str) or not value.strip():
                continue
            if attribute == "srcset":
                for candidate in value.split(","):
                    yield element.name, candidate.split()[0]
            else:
                yield element.name, value
    for style in page.find_all("style"):
        yield from (("style", url) for url in css_references(style.get_text()))


def css_references(css: str) -> Iterator[str]:
    for match in CSS_REFERENCE.finditer(css):
        yield match["url"] or match["imported"]


def _start_paths(app: FastAPI) -> list[str]:
    paths = []
    for route in iter_route_contexts(app.routes):
        if "GET" in (route.methods or ()) and "{" not in route.path:
            paths.append(route.path)
    return sorted(set(paths))


def crawl(client: TestClient, start: list[str]) -> dict[str, list[str]]:
    """Every page and asset reached from ``start``: for each, the outside URLs it references."""
    found: dict[str, list[str]] = {}
    waiting = deque(start)
    seen_paths: set[str] = set()
    while waiting and len(found) < MOST_PAGES:
        address = waiting.popleft()
        path = urlsplit(address).path
        if path in seen_paths or path in ("/logout",):
            continue
        seen_paths.add(path)
        response = client.get(address)
        kind = response.headers.get("content-type", "")
        if kind.startswith("text/html"):
            references = [url for _tag, url in html_references(response.text)]
        elif kind.startswith("text/css"):
            references = list(css_references(response.text))
        else:
            continue
        found[address] = [url for url in references if outside(url)]
        waiting.extend(
            urljoin(address, url).split("#")[0]
            for url in references
            if not outside(url) and not url.startswith(("data:", "mailto:", "#"))
        )
    return found


@pytest.mark.parametrize("account", [None, FOCAL_POINT, SECRETARIAT, ADMINISTRATOR])
def test_pages_reference_no_outside_host(browser: TestClient, account: str | None) -> None:
    if account is not None:
        assert log_in(browser, account).status_code == 303

    visited = crawl(browser, [*_start_paths(browser.app), "/docs"])  # type: ignore[arg-type]

    offending = {address: urls for address, urls in visited.items() if urls}
    assert not offending, f"pages or assets referencing another host: {offending}"
    assert {"/", "/docs", "/static/vigia.css", "/static/swagger-ui/swagger-ui.css"} <= set(visited)
    assert len(visited) >= 15


def test_own_scripts_name_no_outside_host(browser: TestClient) -> None:
    named = {path: ABSOLUTE_URL.findall(browser.get(path).text) for path in OWN_SCRIPTS}

    assert all(browser.get(path).status_code == 200 for path in OWN_SCRIPTS)
    assert named == {path: [] for path in OWN_SCRIPTS}


def test_outside_tells_this_server_from_other_hosts() -> None:
    assert not outside("/static/vigia.css")
    assert not outside("http://testserver/docs")
    assert not outside("data:image/svg+xml;base64,AAAA")
    assert not outside("?lang=fr")
    assert outside("https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css")
    assert outside("//fonts.googleapis.com/css")
    assert outside("javascript:alert(1)")


def test_html_references_reads_attributes_srcset_and_styles() -> None:
    html = (
        '<img src="/a.png" srcset="/b.png 2x, https://x.example/c.png 3x">'
        '<form action="/login"></form><style>@import "https://fonts.example/f.css";'
        " body { background: url('/d.png') }</style>"
    )

    assert list(html_references(html)) == [
        ("img", "/a.png"),
        ("img", "/b.png"),
        ("img", "https://x.example/c.png"),
        ("form", "/login"),
        ("style", "https://fonts.example/f.css"),
        ("style", "/d.png"),
    ]
