"""``/plan/{plan}/activities/{activity}``: vigia.web.pages.observations (threads, sending an
observation, answering it)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.pages.conftest import (
    ADMINISTRATOR,
    FOCAL_POINT,
    SECRETARIAT,
    csrf_token,
    log_in,
    post_form,
)

ACTIVITY = "/plan/WP-2010/activities/WP-2010.PREV.1.2"
OBSERVATION = "The hotline of Costa Rica now answers in Spanish and English."


def _send(browser: TestClient, text: str = OBSERVATION) -> str:
    """Send an observation as the logged-in visitor; the address the answer goes back to."""
    answer = post_form(browser, f"{ACTIVITY}/observations", {"text": text})
    assert answer.status_code == 303, answer.text[:300]
    return str(answer.headers["location"])


def _log_out(browser: TestClient) -> None:
    browser.post("/logout", data={"csrf_token": csrf_token(browser)})


def test_activity_page_shows_the_activity_in_the_language(browser: TestClient) -> None:
    page = browser.get(f"{ACTIVITY}?lang=fr")

    assert page.status_code == 200
    assert "Ouvrir des lignes d&#39;appel pour les signalements et l&#39;orientation" in page.text
    assert "<dd>Prévention</dd>" in page.text
    assert "Dénonciations reçues" in page.text


def test_activity_page_asks_an_anonymous_visitor_to_log_in(browser: TestClient) -> None:
    page = browser.get(f"{ACTIVITY}?lang=en").text

    assert "/login?next=" in page
    assert f'action="{ACTIVITY}/observations"' not in page


def test_activity_page_of_an_unknown_activity_or_plan_is_not_found(browser: TestClient) -> None:
    assert browser.get("/plan/WP-2010/activities/WP-2010.PREV.9.9").status_code == 404
    assert browser.get("/plan/WP-1999/activities/WP-1999.PREV.1.1").status_code == 404


def test_activity_focal_point_sends_an_observation(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)

    location = _send(browser)

    assert location.startswith(f"{ACTIVITY}?done=submitted#observation-")
    page = browser.get(location.split("#")[0] + "&lang=en").text
    assert "Observation sent." in page
    assert OBSERVATION in page
    assert "focal.cri@example.org wrote on" in page
    assert "(Costa Rica)" in page
    plan = browser.get("/plan?plan=WP-2010&lang=en").text
    assert f'href="{ACTIVITY}" data-observations="1">1 observation<' in plan


def test_activity_empty_observation_is_refused_and_shown_again(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)

    answer = post_form(browser, f"{ACTIVITY}/observations?lang=en", {"text": "   "})
    too_long = post_form(browser, f"{ACTIVITY}/observations?lang=en", {"text": "x" * 5001})

    assert answer.status_code == 400
    assert "Write something before sending." in answer.text
    assert too_long.status_code == 400
    assert "at most 5000 characters" in too_long.text
    assert "x" * 5001 + "</textarea>" in too_long.text


def test_activity_secretariat_answers_an_observation(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    observation_id = _send(browser).rsplit("-", 1)[1]
    _log_out(browser)
    log_in(browser, SECRETARIAT)

    answer = post_form(
        browser,
        f"{ACTIVITY}/observations/{observation_id}/answers",
        {"text": "Thank you: the next report will say so."},
    )

    assert answer.status_code == 303
    assert answer.headers["location"] == f"{ACTIVITY}?done=answered#observation-{observation_id}"
    page = browser.get(f"{ACTIVITY}?lang=en").text
    assert "The secretariat (secretariat@example.org) answered on" in page
    assert "Thank you: the next report will say so." in page


def test_activity_focal_point_may_not_answer(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    observation_id = _send(browser).rsplit("-", 1)[1]

    answer = post_form(
        browser, f"{ACTIVITY}/observations/{observation_id}/answers?lang=en", {"text": "me too"}
    )

    assert answer.status_code == 403
    assert "Only the secretariat answers observations." in answer.text
    assert "me too" not in browser.get(ACTIVITY).text


def test_activity_administrator_may_not_send_an_observation(browser: TestClient) -> None:
    log_in(browser, ADMINISTRATOR)

    answer = post_form(browser, f"{ACTIVITY}/observations?lang=en", {"text": OBSERVATION})

    assert answer.status_code == 403
    assert "Only focal points and the secretariat send observations." in answer.text


def test_activity_anonymous_post_goes_to_the_login_page(browser: TestClient) -> None:
    answer = post_form(browser, f"{ACTIVITY}/observations", {"text": OBSERVATION})

    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/login?next=")
