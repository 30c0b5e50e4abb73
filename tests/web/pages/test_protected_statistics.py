"""The protected statistics page: vigia.web.pages.protected_statistics."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.pages.conftest import FOCAL_POINT, SECRETARIAT, Site, log_in, post_form
from vigia.evaluate.case_register import import_cases
from vigia.permissions import principal_for
from vigia.services.accounts import find_user
from vigia.store.database import open_database, session_factory
from vigia.store.sealing import Sealer

PAGE = "/protected-statistics"
FIELDS: dict[str, str | list[str]] = {
    "register": "TEST",
    "dimensions": ["year", "sex"],
    "mechanism": "suppression",
    "scope": "",
    "epsilon": "1.0",
}


def _records(site: Site) -> None:
    rows = ["year,sex", *["2021,female"] * 30, *["2021,male"] * 4, *["2022,female"] * 25]
    engine = open_database(site.url)
    with session_factory(engine)() as session:
        user = find_user(session, SECRETARIAT)
        assert user is not None
        data = "\n".join(rows).encode()
        assert import_cases(session, principal_for(user), data, "TEST", Sealer.from_text("")).ok
    engine.dispose()


def test_the_secretariat_releases_and_the_public_reads_the_table_and_its_method(
    browser: TestClient, site: Site
) -> None:
    _records(site)
    empty = browser.get(f"{PAGE}?lang=en").text
    log_in(browser, SECRETARIAT)

    made = post_form(browser, PAGE, FIELDS)
    noisy = post_form(browser, PAGE, FIELDS | {"mechanism": "laplace", "epsilon": "2.0"})
    over = post_form(
        browser, PAGE, FIELDS | {"mechanism": "laplace", "epsilon": "2.0", "dimensions": ["year"]}
    )
    own = browser.get(f"{PAGE}?register=TEST&lang=en").text
    browser.cookies.clear()
    public = browser.get(f"{PAGE}?lang=es").text

    assert "No table has been released yet." in empty
    assert made.status_code == 303 and "done=released#release-1" in made.headers["location"]
    assert noisy.status_code == 303
    assert over.status_code == 400 and "two or three" in over.text
    assert 'id="ledger"' in own and "<td>2021</td>" in own
    assert "Celdas de 1 a 10 registros suprimidas" in public
    assert "ruido de Laplace discreto de escala 0.5" in public
    assert '<abbr title="Suprimida">×</abbr>' in public  # the 4 men of 2021
    assert 'name="dimensions"' not in public  # no release form for the public
    assert 'src="/protected-statistics/1.svg?lang=es"' in public
    chart = browser.get("/protected-statistics/1.svg?lang=en")
    assert chart.status_code == 200 and chart.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in chart.text and "Suppressed cells are not drawn." in chart.text
    assert browser.get("/protected-statistics/99.svg").status_code == 404


def test_a_focal_point_may_not_release(browser: TestClient, site: Site) -> None:
    _records(site)
    log_in(browser, FOCAL_POINT)

    refused = post_form(browser, PAGE, FIELDS)

    assert refused.status_code == 403
