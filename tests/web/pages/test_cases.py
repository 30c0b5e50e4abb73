"""A state's case register page: vigia.web.pages.cases, for its case managers only."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.pages.conftest import (
    ADMINISTRATOR,
    FOCAL_POINT,
    SECRETARIAT,
    Site,
    csrf_token,
    log_in,
)
from vigia.services.accounts import create_user
from vigia.store.database import open_database, session_factory

MANAGER = "cases.cri@example.org"
PASSWORD = "a long enough password"
GOOD = "year,sex,age_group\n2021,female,9-17\n2021,male,30-38\n2022,female,18-20\n"
BAD = "year,sex\n2021,female\n2021,woman\n1800,male\n"


@pytest.fixture
def manager(site: Site) -> str:
    engine = open_database(site.url)
    with session_factory(engine)() as session:
        create_user(session, MANAGER, PASSWORD, "case_manager", "CRI")
    engine.dispose()
    return MANAGER


def _send(browser: TestClient, text: str) -> object:
    return browser.post(
        "/cases/upload",
        data={"csrf_token": csrf_token(browser, "/cases")},
        files={"file": ("cases.csv", text.encode(), "text/csv")},
        follow_redirects=False,
    )


def test_a_case_manager_imports_sees_the_counts_and_exports(
    browser: TestClient, manager: str
) -> None:
    log_in(browser, manager, PASSWORD)

    refused = _send(browser, BAD)
    imported = _send(browser, GOOD)
    page = browser.get("/cases?lang=en").text
    exported = browser.post("/cases/export", data={"csrf_token": csrf_token(browser, "/cases")})

    assert refused.status_code == 400 and 'id="refused-rows"' in refused.text
    assert "'woman'" in refused.text.replace("&#39;", "'") and "1800" in refused.text
    assert imported.status_code == 303
    assert '<td>2021</td><td class="number">2</td>' in page
    assert 'href="/cases"' in page  # in the menu
    assert exported.status_code == 200 and exported.headers["cache-control"] == "no-store"
    assert exported.content.decode("utf-8-sig").splitlines()[0].startswith("year,sex,age_group")


@pytest.mark.parametrize("who", [FOCAL_POINT, SECRETARIAT, ADMINISTRATOR])
def test_nobody_else_reaches_the_register(browser: TestClient, who: str) -> None:
    log_in(browser, who)

    assert browser.get("/cases").status_code == 403
    assert 'href="/cases"' not in browser.get("/").text
