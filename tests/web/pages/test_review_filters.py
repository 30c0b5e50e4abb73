"""The review queue's filters and order: vigia.web.pages.review_filters, on ``/review``."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import update

from tests.web.pages.conftest import FOCAL_POINT, SECRETARIAT, Site, log_in
from vigia.store.database import open_database, session_factory
from vigia.store.models import DocumentRow, FactRow

TRAINED = ("CRI", "persons_trained")
COMPLAINTS = ("CRI", "complaints")
INVESTIGATIONS = ("PAN", "investigations")


def _shown(page: str) -> list[int]:
    """The ids of the facts the page lists, in order."""
    return [int(found) for found in re.findall(r'id="fact-(\d+)-title"', page)]


def _set_confidence(site: Site, confidence: dict[tuple[str, str], float]) -> None:
    engine = open_database(site.url)
    with session_factory(engine)() as session:
        for key, value in confidence.items():
            statement = update(FactRow).where(FactRow.id == site.facts[key])
            session.execute(statement.values(confidence=value))
        session.commit()
    engine.dispose()


def test_secretariat_narrows_the_queue_to_a_country_an_indicator_or_a_document(
    site: Site, browser: TestClient
) -> None:
    log_in(browser, SECRETARIAT)
    every = set(_shown(browser.get("/review?lang=en").text))
    in_report = set(site.facts.values())
    assert in_report < every  # the meeting's document has facts too
    assert set(_shown(browser.get(f"/review?lang=en&document={site.report}").text)) == in_report
    meeting = set(_shown(browser.get(f"/review?lang=en&document={site.meeting_report}").text))
    assert meeting == every - in_report
    assert set(_shown(browser.get("/review?lang=en&meeting=TEST-9").text)) == meeting
    assert _shown(browser.get("/review?lang=en&country=pan").text) == [site.facts[INVESTIGATIONS]]
    both = f"/review?lang=en&indicator=complaints&document={site.report}"
    assert _shown(browser.get(both).text) == [site.facts[COMPLAINTS]]
    page = browser.get("/review?lang=en&country=&document=&indicator=&meeting=&order=").text
    assert set(_shown(page)) == every  # "any" everywhere filters nothing
    assert f'<option value="{site.report}">' in page and 'id="filter-country"' in page


def test_queue_keeps_the_facts_the_extractor_was_less_sure_of_and_orders_them(
    site: Site, browser: TestClient
) -> None:
    _set_confidence(site, {TRAINED: 0.3, COMPLAINTS: 0.6, INVESTIGATIONS: 0.95})
    log_in(browser, SECRETARIAT)
    unsure = browser.get("/review?lang=en&less_sure_than=0.7").text
    assert _shown(unsure) == [site.facts[TRAINED], site.facts[COMPLAINTS]]  # least sure first
    assert '<option value="0.7" selected>' in unsure and "Show every fact" in unsure
    by_indicator = _shown(
        browser.get(f"/review?lang=en&order=indicator&document={site.report}").text
    )
    assert by_indicator == [site.facts[key] for key in (COMPLAINTS, INVESTIGATIONS, TRAINED)]


def test_a_focal_point_filters_within_its_own_country_only(site: Site, browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    page = browser.get("/review?lang=en&country=PAN").text
    assert site.facts[INVESTIGATIONS] not in _shown(page)  # the filter never widens the scope
    assert 'id="filter-country"' not in page  # it reviews one country: nothing to choose


def test_a_filter_the_form_does_not_offer_is_refused(site: Site, browser: TestClient) -> None:
    log_in(browser, SECRETARIAT)
    for query in ("country=XXX", "indicator=nonsense", "order=random", "less_sure_than=0.33",
                  "document=abc"):  # fmt: skip
        answer = browser.get(f"/review?lang=en&{query}")
        assert answer.status_code == 400, query
        assert "not one the form offers" in answer.text


def test_documents_of_the_same_title_are_told_apart_in_the_filter(
    site: Site, browser: TestClient
) -> None:
    engine = open_database(site.url)
    with session_factory(engine)() as session:
        for document in (site.report, site.meeting_report):
            session.execute(
                update(DocumentRow).where(DocumentRow.id == document).values(title="Informe")
            )
        session.commit()
    engine.dispose()
    log_in(browser, SECRETARIAT)

    page = browser.get("/review?lang=en").text

    names = re.findall(r'<option value="\d+">(Informe[^<]*)</option>', page)
    assert len(names) == 2 and len(set(names)) == 2, names
    assert all(name.startswith("Informe (") for name in names)
