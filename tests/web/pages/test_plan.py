"""``/plan``: vigia.web.pages.plan (the plan tree, the states covering each activity)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.web.pages.conftest import Site
from tests.web.pages.test_evaluations import (
    MEETING_REPORTS,
    REPORTS,
    meeting_evaluation,
    store_reports,
)
from vigia.domain import MeetingEvaluation
from vigia.plans import work_plans
from vigia.web.pages.plan import coverage

COVERAGE = re.compile(
    r'<tr id="activity-([^"]+)" data-activity="[^"]+">.*?data-states="([^"]*)"', re.DOTALL
)


@pytest.fixture
def reports(site: Site) -> list[int]:
    return store_reports(site.url, [REPORTS / name for name in MEETING_REPORTS])


def test_plan_page_shows_the_latest_plan_as_a_tree(browser: TestClient) -> None:
    plan = work_plans()["WP-2015"]
    first_area, first_objective, first_activity = plan.activities()[0]

    page = browser.get("/plan?lang=en")

    assert page.status_code == 200
    assert f"<h1>{plan.titles['en']}</h1>" in page.text
    assert f'<h2 id="plan-area-{first_area.area}">Legislation</h2>' in page.text
    assert first_objective.titles["en"] in page.text
    assert f'<span class="code">{first_activity.code}</span> {first_activity.titles["en"]}' in (
        page.text
    )
    assert page.text.count("data-activity=") == len(plan.activities())


def test_plan_page_shows_responsible_parties_and_indicators_in_the_language(
    browser: TestClient,
) -> None:
    page = browser.get("/plan?plan=WP-2010&lang=es").text

    assert "Plan de Trabajo contra la Trata de Personas en el Hemisferio Occidental" in page
    assert "<td>Estados miembros</td>" in page
    assert "<li>Personas capacitadas</li>" in page
    assert '<h2 id="plan-area-legislation">Legislación</h2>' in page


def test_plan_page_links_each_activity_to_its_observations(browser: TestClient) -> None:
    page = browser.get("/plan?plan=WP-2010&lang=en").text

    assert 'href="/plan/WP-2010/activities/WP-2010.PREV.1.2" data-observations="0"' in page
    assert "0 observations" in page


def test_plan_page_shows_the_states_covering_each_activity(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    evaluation = meeting_evaluation(site.url, "RTP-IV")
    expected = coverage(evaluation, work_plans()[evaluation.plan or ""])

    page = browser.get("/plan?meeting=RTP-IV&lang=en").text

    shown = {code: states.split() for code, states in COVERAGE.findall(page)}
    assert f'<option value="{evaluation.plan}" selected>' in page
    assert {code: states for code, states in shown.items() if states} == expected
    assert any(len(states) > 1 for states in expected.values())


def test_plan_page_of_another_plan_than_the_meetings_says_so(
    reports: list[int], browser: TestClient
) -> None:
    page = browser.get("/plan?meeting=RTP-V&plan=WP-2010&lang=en").text

    assert "RTP-V was evaluated against the plan WP-2015" in page
    assert "data-states=" not in page


def test_plan_page_of_an_unknown_plan_or_meeting_is_not_found(browser: TestClient) -> None:
    assert browser.get("/plan?plan=WP-1999").status_code == 404
    assert browser.get("/plan?meeting=RTP-XX").status_code == 404


def test_coverage_lists_the_states_of_each_activity() -> None:
    evaluation = MeetingEvaluation(meeting="RTP-IV", plan="WP-2010", states=[])

    assert coverage(evaluation, work_plans()["WP-2010"]) == {}
    assert coverage(None, work_plans()["WP-2010"]) == {}
