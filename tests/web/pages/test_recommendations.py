"""``/recommendations`` and ``/consistency``: vigia.web.pages.recommendations.

Beside the invented RTP-IV and RTP-V reports, a short invented report gives Costa Rica another
number of victims identified in 2013 than the Spanish RTP-IV report (47), so that the figures
disagree: a consistency flag, and a ``figure_contradiction`` gap at RTP-IV.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.pages.conftest import (
    ADMINISTRATOR,
    FOCAL_POINT,
    SECRETARIAT,
    Site,
    csrf_token,
    log_in,
    post_form,
)
from tests.web.pages.test_evaluations import MEETING_REPORTS, REPORTS, store_reports
from vigia.evaluate.recommendations import (
    RecommendationView,
    adopt_recommendation,
    draft_recommendations,
    list_recommendations,
)
from vigia.permissions import principal_for
from vigia.services.accounts import find_user
from vigia.store.database import open_database, session_factory

OTHER_REPORT = """REPORT OF THE MEETING OF NATIONAL AUTHORITIES ON TRAFFICKING IN PERSONS

Costa Rica

In 2013 the authorities of Costa Rica identified 52 victims of trafficking in persons.
"""
SPANISH_SENTENCE = "acreditó a 47 personas como víctimas de trata en 2013"
OTHER_SENTENCE = "identified 52 victims of trafficking in persons"
RECOMMENDATION_ID = re.compile(r'id="recommendation-(\d+)" data-status="(\w+)"')


@pytest.fixture
def reports(site: Site, tmp_path: Path) -> list[int]:
    other = tmp_path / "other-report.en.txt"
    other.write_text(OTHER_REPORT, encoding="utf-8")
    return store_reports(site.url, [*(REPORTS / name for name in MEETING_REPORTS), other])


def _drafted(site: Site, meeting: str, adopt_for: tuple[str, ...] = ()) -> list[RecommendationView]:
    """Draft ``meeting``'s recommendations in English as the secretariat; adopt some countries'."""
    engine = open_database(site.url)
    try:
        with session_factory(engine)() as session:
            user = find_user(session, SECRETARIAT)
            assert user is not None
            secretariat = principal_for(user)
            drafted = draft_recommendations(session, secretariat, meeting, "en")
            for item in drafted:
                if item.country in adopt_for:
                    adopt_recommendation(session, secretariat, item.id)
            return list_recommendations(session, meeting)
    finally:
        engine.dispose()


def _stored(site: Site, recommendation_id: int) -> RecommendationView:
    engine = open_database(site.url)
    try:
        with session_factory(engine)() as session:
            found = [item for item in list_recommendations(session) if item.id == recommendation_id]
            assert found, f"no recommendation {recommendation_id}"
            return found[0]
    finally:
        engine.dispose()


def _every(site: Site) -> list[RecommendationView]:
    """Every stored recommendation, by meeting, country and id."""
    engine = open_database(site.url)
    try:
        with session_factory(engine)() as session:
            return list_recommendations(session)
    finally:
        engine.dispose()


def test_recommendations_page_shows_the_public_adopted_ones_only(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    recommendations = _drafted(site, "RTP-IV", adopt_for=("CRI",))
    adopted = [item for item in recommendations if item.status == "adopted"]
    draft = next(item for item in recommendations if item.status == "draft")

    page = browser.get("/recommendations?lang=en").text

    shown = dict(RECOMMENDATION_ID.findall(page))
    assert set(shown) == {str(item.id) for item in adopted}
    assert set(shown.values()) == {"adopted"}
    assert f'id="recommendation-{draft.id}"' not in page
    assert "/adopt" not in page
    assert "Draft recommendations" not in page


def test_recommendations_secretariat_drafts_for_a_meeting_in_a_language(
    reports: list[int], browser: TestClient
) -> None:
    log_in(browser, SECRETARIAT)
    assert "Draft recommendations for RTP-IV" in (
        browser.get("/recommendations?meeting=RTP-IV&lang=en").text
    )

    answer = post_form(browser, "/recommendations/draft", {"meeting": "RTP-IV", "language": "fr"})

    assert answer.status_code == 303
    location = answer.headers["location"]
    assert location.startswith("/recommendations?meeting=RTP-IV&status=draft&done=draft&count=")
    page = browser.get(location + "&lang=en").text
    count = int(location.rsplit("=", 1)[1])
    assert count > 50
    assert f"{count} recommendations drafted." in page
    assert page.count('<article class="recommendation"') == 50  # a page of them
    assert 'rel="next"' in page
    costa_rica = browser.get(
        "/recommendations?meeting=RTP-IV&status=draft&country=CRI&lang=en"
    ).text
    assert "Costa Rica : revoir les chiffres de « Victimes identifiées » pour 2013" in costa_rica
    assert "Figures that contradict each other" in costa_rica
    assert '<h3 id="group-CRI-RTP-IV">Costa Rica · RTP-IV' in costa_rica


def test_recommendations_drafted_for_one_state_or_one_area_only(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    log_in(browser, SECRETARIAT)
    one_state = {"meeting": "RTP-IV", "language": "en", "country": "CRI"}

    answer = post_form(browser, "/recommendations/draft", one_state)

    location = answer.headers["location"]
    assert location.startswith("/recommendations?meeting=RTP-IV&country=CRI&status=draft&done=")
    drafted = _every(site)
    assert drafted and {item.country for item in drafted} == {"CRI"}
    area = {"meeting": "RTP-IV", "language": "en", "area": "prevention"}
    post_form(browser, "/recommendations/draft", area)
    new = [item for item in _every(site) if item.country != "CRI"]
    assert new and {item.area for item in new} == {"prevention"}
    unknown = post_form(browser, "/recommendations/draft?lang=en", {**area, "area": "sports"})
    assert unknown.status_code == 400
    assert "no area of the Work Plan" in unknown.text


def test_recommendations_ticked_ones_are_adopted_or_withdrawn_at_once(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    log_in(browser, SECRETARIAT)
    post_form(browser, "/recommendations/draft", {"meeting": "RTP-IV", "country": "CRI"})
    ids = [item.id for item in _every(site)]
    assert len(ids) >= 3
    back = "/recommendations?meeting=RTP-IV&country=CRI"

    adopted = post_form(
        browser,
        "/recommendations/bulk",
        {"action": "adopt", "recommendation_id": ids[:2], "back": back},
    )

    assert adopted.status_code == 303
    assert adopted.headers["location"] == f"{back}&done=adopt&count=2"
    page = browser.get(adopted.headers["location"] + "&lang=en").text
    assert "2 recommendations adopted." in page
    statuses = {item.id: item.status for item in _every(site)}
    assert [statuses[item] for item in ids[:3]] == ["adopted", "adopted", "draft"]
    again = post_form(
        browser, "/recommendations/bulk", {"action": "adopt", "recommendation_id": ids[1:3]}
    )
    assert again.status_code == 409  # the second is adopted already: nothing changes
    assert _every(site)[2].status == "draft"
    withdrawn = {"action": "withdraw", "recommendation_id": ids, "note": "Merged into one."}
    assert post_form(browser, "/recommendations/bulk", withdrawn).status_code == 303
    assert {item.status for item in _every(site)} == {"withdrawn"}
    nothing = post_form(browser, "/recommendations/bulk?lang=en", {"action": "adopt"})
    assert nothing.status_code == 400 and "Tick at least one recommendation." in nothing.text


def test_recommendations_focal_point_may_not_draft(reports: list[int], browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)

    answer = post_form(browser, "/recommendations/draft?lang=en", {"meeting": "RTP-IV"})

    assert answer.status_code == 403
    assert "Only the secretariat drafts, adopts and follows up recommendations." in answer.text
    assert "/recommendations/draft" not in browser.get("/recommendations").text


def test_recommendations_secretariat_edits_adopts_and_withdraws(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    first, second = _drafted(site, "RTP-IV")[:2]
    log_in(browser, SECRETARIAT)
    back = "/recommendations?meeting=RTP-IV"

    edited = post_form(
        browser, f"/recommendations/{first.id}/edit", {"text": "A clearer text.", "back": back}
    )
    adopted = post_form(browser, f"/recommendations/{first.id}/adopt", {"back": back})
    withdrawn = post_form(
        browser, f"/recommendations/{second.id}/withdraw", {"note": "covered", "back": back}
    )

    assert [edited.status_code, adopted.status_code, withdrawn.status_code] == [303] * 3
    assert adopted.headers["location"] == f"{back}&done=adopt#recommendation-{first.id}"
    assert (_stored(site, first.id).text, _stored(site, first.id).status) == (
        "A clearer text.",
        "adopted",
    )
    assert _stored(site, second.id).status == "withdrawn"
    page = browser.get(adopted.headers["location"].split("#")[0] + "&lang=en").text
    assert "Recommendation adopted." in page
    again = post_form(browser, f"/recommendations/{second.id}/adopt?lang=en", {"back": back})
    assert again.status_code == 409
    assert "current state" in again.text


def test_recommendations_empty_text_is_refused_and_shown_again(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    first = _drafted(site, "RTP-IV")[0]
    log_in(browser, SECRETARIAT)

    answer = post_form(
        browser,
        f"/recommendations/{first.id}/edit?lang=en",
        {"text": " ", "back": "/recommendations?meeting=RTP-IV"},
    )
    too_long = post_form(browser, f"/recommendations/{first.id}/edit?lang=en", {"text": "y" * 5001})

    assert answer.status_code == 400
    assert "Write something before sending." in answer.text
    assert too_long.status_code == 400
    assert "y" * 5001 + "</textarea>" in too_long.text
    assert _stored(site, first.id).text == first.text


def test_recommendations_show_the_follow_up_at_the_latest_meeting(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    recommendations = _drafted(site, "RTP-IV", adopt_for=("ARG",))
    argentina = next(item for item in recommendations if item.country == "ARG")
    public = browser.get("/recommendations?country=ARG&lang=en").text
    log_in(browser, SECRETARIAT)

    page = browser.get("/recommendations?country=ARG&lang=en").text

    assert f'id="recommendation-{argentina.id}"' in page
    assert "Follow-up at RTP-V:" in page
    assert "computed from the evidence of the meeting" in page
    assert f'id="recommendation-{argentina.id}"' in public
    assert "computed from the evidence of the meeting" not in public


def test_recommendations_secretariat_sets_a_follow_up_status(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    recommendations = _drafted(site, "RTP-IV", adopt_for=("ARG",))
    argentina = next(item for item in recommendations if item.country == "ARG")
    log_in(browser, SECRETARIAT)

    answer = post_form(
        browser,
        f"/recommendations/{argentina.id}/follow-up",
        {"meeting": "RTP-V", "status": "implemented", "note": "as the minister said"},
    )

    assert answer.status_code == 303
    follow_ups = _stored(site, argentina.id).follow_ups
    assert [(item.meeting, item.status.value, item.note) for item in follow_ups] == [
        ("RTP-V", "implemented", "as the minister said")
    ]
    page = browser.get("/recommendations?country=ARG&lang=es").text
    assert "Implementada" in page
    assert "as the minister said" in page
    browser.post("/logout", data={"csrf_token": csrf_token(browser)})
    public = browser.get("/recommendations?country=ARG&lang=en").text
    assert "Follow-up at RTP-V:" in public and "as the minister said" in public


def test_consistency_page_shows_the_flags_with_their_sentences(
    reports: list[int], browser: TestClient
) -> None:
    log_in(browser, SECRETARIAT)

    page = browser.get("/consistency?lang=en").text

    assert 'data-code="figure_disagreement" data-country="CRI"' in page
    assert "Figures that disagree" in page
    assert SPANISH_SENTENCE in page
    assert OTHER_SENTENCE in page


def test_consistency_page_is_in_the_visitors_language(
    reports: list[int], browser: TestClient
) -> None:
    log_in(browser, SECRETARIAT)

    page = browser.get("/consistency?country=CRI&lang=fr").text

    assert "Cohérence des chiffres" in page
    assert "les documents donnent des chiffres différents pour « Victimes identifiées »" in page


def test_consistency_focal_point_sees_its_own_country_only(
    reports: list[int], browser: TestClient
) -> None:
    log_in(browser, FOCAL_POINT)

    own = browser.get("/consistency?lang=en")
    other = browser.get("/consistency?country=PAN&lang=en")

    assert own.status_code == 200
    assert SPANISH_SENTENCE in own.text
    assert other.status_code == 403
    assert "your own country only" in other.text


def test_consistency_page_needs_a_reviewer(reports: list[int], browser: TestClient) -> None:
    anonymous = browser.get("/consistency", follow_redirects=False)
    log_in(browser, ADMINISTRATOR)
    administrator = browser.get("/consistency")

    assert anonymous.status_code == 303
    assert anonymous.headers["location"].startswith("/login?next=")
    assert administrator.status_code == 403
