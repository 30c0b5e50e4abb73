"""``/review``: vigia.web.pages.review (the queue, confirm, correct, reject, bulk, publish)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.pages.conftest import (
    FOCAL_POINT,
    SECRETARIAT,
    Site,
    csrf_token,
    log_in,
    post_form,
    stored_fact,
)

TRAINED = ("CRI", "persons_trained")
COMPLAINTS = ("CRI", "complaints")
INVESTIGATIONS = ("PAN", "investigations")
PANAMA_SENTENCE = "Panama opened 12 investigations"


def test_review_page_needs_a_login(browser: TestClient) -> None:
    answer = browser.get("/review", follow_redirects=False)

    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/login?next=")


def test_review_anonymous_post_goes_to_the_login_page(site: Site, browser: TestClient) -> None:
    answer = post_form(browser, f"/review/{site.facts[TRAINED]}/confirm", {})

    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/login?next=")
    assert stored_fact(site, site.facts[TRAINED]).status == "proposed"


def test_review_focal_point_sees_only_its_countrys_facts(site: Site, browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)

    page = browser.get("/review?lang=en")

    assert "more than 6000 officials" in page.text
    assert f'value="{site.facts[COMPLAINTS]}" form="bulk-review"' in page.text
    assert PANAMA_SENTENCE not in page.text
    assert f"/review/{site.facts[INVESTIGATIONS]}/" not in page.text


def test_review_focal_point_confirms_its_countrys_fact(site: Site, browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)

    answer = post_form(browser, f"/review/{site.facts[TRAINED]}/confirm", {"back": "/review"})

    assert answer.status_code == 303
    assert answer.headers["location"] == "/review?done=confirm&count=1"
    assert stored_fact(site, site.facts[TRAINED]).status == "confirmed"
    assert 'role="status"' in browser.get(answer.headers["location"]).text


def test_review_focal_point_corrects_its_countrys_fact(site: Site, browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    correction = {
        "value": "50",
        "value_min": "",
        "qualifier": "approximately",
        "year": "2013",
        "indicator": "complaints",
        "note": "the annex gives 50",
    }

    answer = post_form(browser, f"/review/{site.facts[COMPLAINTS]}/correct", correction)

    fact = stored_fact(site, site.facts[COMPLAINTS])
    assert answer.status_code == 303
    assert (fact.status, fact.corrected_value, fact.corrected_qualifier) == (
        "corrected",
        50.0,
        "approximately",
    )
    assert (fact.corrected_year, fact.value, fact.review_note) == (2013, 45.0, "the annex gives 50")
    corrected = browser.get("/review?status=corrected&lang=en").text
    assert "about 50" in corrected
    assert "extracted: 45" in corrected


def test_review_correction_with_a_bad_value_is_refused(site: Site, browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)

    answer = post_form(browser, f"/review/{site.facts[COMPLAINTS]}/correct", {"value": "many"})

    assert answer.status_code == 400
    assert stored_fact(site, site.facts[COMPLAINTS]).status == "proposed"


def test_review_focal_point_is_forbidden_another_countrys_fact(
    site: Site, browser: TestClient
) -> None:
    log_in(browser, FOCAL_POINT)
    panama = site.facts[INVESTIGATIONS]

    confirmed = post_form(browser, f"/review/{panama}/confirm", {})
    corrected = post_form(browser, f"/review/{panama}/correct", {"value": "13"})
    rejected = post_form(browser, f"/review/{panama}/reject", {"note": "wrong"})
    bulk = post_form(
        browser,
        "/review/bulk",
        {"action": "confirm", "fact_id": [str(site.facts[TRAINED]), str(panama)]},
    )

    assert [answer.status_code for answer in (confirmed, corrected, rejected, bulk)] == [403] * 4
    assert stored_fact(site, panama).status == "proposed"
    assert stored_fact(site, site.facts[TRAINED]).status == "proposed"


def test_review_post_without_csrf_token_is_forbidden(site: Site, browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)

    answer = browser.post(
        f"/review/{site.facts[TRAINED]}/confirm", data={"back": "/review"}, follow_redirects=False
    )

    assert answer.status_code == 403
    assert stored_fact(site, site.facts[TRAINED]).status == "proposed"


def test_review_rejection_needs_a_note(site: Site, browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)

    without = post_form(browser, f"/review/{site.facts[TRAINED]}/reject", {"note": " "})
    with_note = post_form(browser, f"/review/{site.facts[TRAINED]}/reject", {"note": "a target"})

    assert without.status_code == 400
    assert with_note.status_code == 303
    assert stored_fact(site, site.facts[TRAINED]).review_note == "a target"


def test_review_bulk_confirms_the_ticked_facts(site: Site, browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    ticked = [str(site.facts[TRAINED]), str(site.facts[COMPLAINTS])]

    answer = post_form(browser, "/review/bulk", {"action": "confirm", "fact_id": ticked})

    assert answer.status_code == 303
    assert answer.headers["location"].endswith("done=confirm&count=2")
    assert {stored_fact(site, int(fact_id)).status for fact_id in ticked} == {"confirmed"}


def test_review_bulk_without_a_ticked_fact_is_refused(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)

    assert post_form(browser, "/review/bulk", {"action": "confirm"}).status_code == 400


def test_review_focal_point_may_not_publish(site: Site, browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    post_form(browser, f"/review/{site.facts[TRAINED]}/confirm", {})

    answer = post_form(browser, f"/review/{site.facts[TRAINED]}/publish", {})

    assert answer.status_code == 403
    assert "/publish" not in browser.get("/review?status=confirmed").text
    assert stored_fact(site, site.facts[TRAINED]).status == "confirmed"


def test_review_secretariat_publishes_a_confirmed_fact(site: Site, browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    post_form(browser, f"/review/{site.facts[TRAINED]}/confirm", {})
    browser.post("/logout", data={"csrf_token": csrf_token(browser)})
    log_in(browser, SECRETARIAT)
    assert f"/review/{site.facts[TRAINED]}/publish" in browser.get("/review?status=confirmed").text

    answer = post_form(browser, f"/review/{site.facts[TRAINED]}/publish", {})

    assert answer.status_code == 303
    fact = stored_fact(site, site.facts[TRAINED])
    assert (fact.status, fact.published_at is not None) == ("published", True)


def test_review_page_is_forbidden_to_an_administrator(browser: TestClient) -> None:
    log_in(browser, "admin@example.org")

    assert browser.get("/review", follow_redirects=False).status_code == 403


def test_review_shows_how_sure_the_extractor_is_and_why(site: Site, browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)

    english = browser.get("/review?lang=en").text
    french = browser.get("/review?lang=fr").text

    assert "<dt>Extractor's confidence</dt>" in english
    assert "owner from the country&#39;s section" in english
    assert "%</span>" in english
    assert "Confiance de l’extracteur" in french
    assert "titulaire d’après la section du pays" in french


def test_review_comes_back_at_the_next_fact_after_an_action(
    site: Site, browser: TestClient
) -> None:
    log_in(browser, FOCAL_POINT)
    trained, complaints = site.facts[TRAINED], site.facts[COMPLAINTS]
    page = browser.get("/review?lang=en").text
    assert f'<article class="review-item" id="fact-{trained}" tabindex="-1"' in page
    assert f'name="back" value="/review?lang=en#fact-{complaints}"' in page  # the next fact

    back = {"back": f"/review?lang=en#fact-{complaints}"}
    answer = post_form(browser, f"/review/{trained}/confirm", back)
    assert answer.headers["location"] == f"/review?lang=en&done=confirm&count=1#fact-{complaints}"
    other = post_form(browser, f"/review/{complaints}/confirm", {"back": "/review#elsewhere"})
    assert other.headers["location"] == "/review?done=confirm&count=1"  # only a fact's anchor


def test_review_compact_table_shows_each_fact_on_one_row_with_its_actions(
    site: Site, browser: TestClient
) -> None:
    log_in(browser, FOCAL_POINT)
    trained = site.facts[TRAINED]

    page = browser.get("/review?lang=en&view=table").text

    assert '<table class="review-table" data-review-keys' in page
    assert f'<tr id="fact-{trained}" tabindex="-1" data-fact' in page
    assert "more than 6000 officials" in page
    assert f'action="/review/{trained}/confirm" class="inline" data-action="confirm"' in page
    assert 'name="view" value="table"' in page  # the filters keep the view
    assert 'href="/review?lang=en&amp;view=cards"' in page
    assert "<kbd>J</kbd> next" in page


def test_review_view_that_does_not_exist_is_refused(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)

    answer = browser.get("/review?lang=en&view=poster")

    assert answer.status_code == 400
    assert "cards or as a compact table" in answer.text
