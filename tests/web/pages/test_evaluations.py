"""``/evaluations``: vigia.web.pages.evaluations (meetings, the regional matrix, scorecards, the
confirm and mapping review forms).

The invented reports of ``tests/data/reports`` are extracted and stored beside the pages' site:
the Spanish and English RTP-IV reports and the Portuguese RTP-V one. :func:`store_reports` and
:func:`meeting_evaluation` are shared with the other tests of the Work Plan pages.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.conftest import extracted
from tests.web.pages.conftest import (
    FOCAL_POINT,
    SECRETARIAT,
    Site,
    csrf_token,
    log_in,
    post_form,
)
from vigia.cli import main
from vigia.domain import MeetingEvaluation, Rating
from vigia.evaluate.mappings import list_mappings
from vigia.evaluate.scorecard import evaluate_meeting
from vigia.store.database import open_database, session_factory
from vigia.store.models import RatingReviewRow
from vigia.store.repository import store_document

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"
#: The invented meeting reports: two of RTP-IV (Spanish, English), one of RTP-V (Portuguese).
MEETING_REPORTS = (
    "rtp4-informe-relatoria.es.txt",
    "rtp4-rapporteur-report.en.txt",
    "relatorio-rtp5.pt.txt",
)
FRENCH_REPORT = "rtp3-rapporteur-report.fr.txt"
ROW = re.compile(r'<tr data-country="([A-Z]{3})">(.*?)</tr>', re.DOTALL)
CELL = re.compile(r'data-area="(\w+)" data-rating="(\w+)"( data-confirmed="true")?')


def store_reports(url: str, paths: list[Path]) -> list[int]:
    """Extract and store reports as an upload would; their document ids."""
    engine = open_database(url)
    try:
        with session_factory(engine)() as session:
            return [store_document(session, extracted(path)).id for path in paths]
    finally:
        engine.dispose()


def meeting_evaluation(url: str, meeting: str) -> MeetingEvaluation:
    """What :func:`evaluate_meeting` says of ``meeting`` now."""
    engine = open_database(url)
    try:
        with session_factory(engine)() as session:
            return evaluate_meeting(session, meeting)
    finally:
        engine.dispose()


def matrix_ratings(page: str) -> dict[str, dict[str, tuple[str, bool]]]:
    """The matrix of a page: rating and whether confirmed, by state then area."""
    return {
        country: {area: (rating, bool(confirmed)) for area, rating, confirmed in CELL.findall(row)}
        for country, row in ROW.findall(page)
    }


@pytest.fixture
def reports(site: Site) -> list[int]:
    return store_reports(site.url, [REPORTS / name for name in MEETING_REPORTS])


def _area_with(evaluation: MeetingEvaluation, country: str, evidence: bool) -> str:
    """An area where ``country`` has evidence (sentences), or one where it has none at all."""
    state = evaluation.state(country)
    assert state is not None
    if evidence:
        return next(area.area for area in state.areas if area.evidence)
    return next(area.area for area in state.areas if not area.evidence and not area.figures)


def _reviews(site: Site) -> list[tuple[str, str, str, str]]:
    engine = open_database(site.url)
    try:
        with session_factory(engine)() as session:
            rows = session.scalars(select(RatingReviewRow))
            return [(row.meeting, row.country, row.area, row.rating) for row in rows]
    finally:
        engine.dispose()


def test_evaluations_page_lists_the_meetings(reports: list[int], browser: TestClient) -> None:
    page = browser.get("/evaluations?lang=en")

    assert page.status_code == 200
    assert 'href="/evaluations/RTP-IV"' in page.text
    assert 'href="/evaluations/RTP-V"' in page.text


def test_matrix_page_has_the_ratings_of_evaluate_meeting(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    expected = meeting_evaluation(site.url, "RTP-IV")
    log_in(browser, SECRETARIAT)  # the secretariat sees the rules' proposals too

    page = browser.get("/evaluations/RTP-IV?lang=en")

    assert page.status_code == 200
    assert "data-withheld-note" not in page.text
    shown = matrix_ratings(page.text)
    assert set(shown) == {state.country for state in expected.states}
    assert len(shown) == 25
    for state in expected.states:
        assert shown[state.country] == {
            area.area: (area.rating.value, area.confirmed) for area in state.areas
        }
    assert any(rating != "no_information" for row in shown.values() for rating, _ in row.values())


def test_matrix_page_agrees_with_vigia_evaluate_json(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    command = ["evaluate", "--meeting", "RTP-V", "--db", site.url, "--format", "json"]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    log_in(browser, SECRETARIAT)

    shown = matrix_ratings(browser.get("/evaluations/RTP-V?lang=en").text)

    assert shown == {
        state["country"]: {
            area["area"]: (area["rating"], area["confirmed"]) for area in state["areas"]
        }
        for state in json.loads(result.output)["states"]
    }


def test_matrix_page_names_states_areas_and_ratings_in_the_language(
    reports: list[int], browser: TestClient
) -> None:
    french = browser.get("/evaluations/RTP-IV?lang=fr").text
    spanish = browser.get("/evaluations/RTP-IV?lang=es").text

    assert "Législation" in french
    assert "Aucune information" in french
    assert ">Trinité-et-Tobago</a>" in french
    assert "Legislación" in spanish
    assert "Sin información" in spanish
    assert ">Trinidad y Tobago</a>" in spanish
    assert 'href="/evaluations/RTP-IV?lang=fr" hreflang="fr"' in spanish


def test_matrix_page_has_a_legend_with_the_rubric(reports: list[int], browser: TestClient) -> None:
    page = browser.get("/evaluations/RTP-IV?lang=pt").text

    assert "Evidência substancial" in page
    assert "Três ou mais frases claras sobre a área" in page


def test_matrix_page_of_an_unknown_meeting_is_not_found(
    reports: list[int], browser: TestClient
) -> None:
    assert browser.get("/evaluations/RTP-XX?lang=en").status_code == 404


def test_matrix_page_of_the_french_rtp3_report(
    site: Site, shared_corpus: Path, browser: TestClient
) -> None:
    report = shared_corpus / FRENCH_REPORT
    if not report.is_file():
        pytest.skip(f"the French RTP-III report is not in {shared_corpus}")
    store_reports(site.url, [report])
    expected = meeting_evaluation(site.url, "RTP-III")
    log_in(browser, SECRETARIAT)

    shown = matrix_ratings(browser.get("/evaluations/RTP-III?lang=fr").text)

    assert len(shown) == len(expected.states) >= 15
    for state in expected.states:
        assert {area: rating for area, (rating, _) in shown[state.country].items()} == {
            area.area: area.rating.value for area in state.areas
        }


def test_scorecard_page_shows_the_evidence_to_the_secretariat(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    state = meeting_evaluation(site.url, "RTP-IV").state("CRI")
    assert state is not None
    with_evidence = next(area for area in state.areas if area.evidence)
    log_in(browser, SECRETARIAT)

    page = browser.get("/evaluations/RTP-IV/CRI?lang=en")

    assert page.status_code == 200
    assert "<h1>Costa Rica at RTP-IV</h1>" in page.text
    assert html.escape(with_evidence.evidence[0].text, quote=False) in page.text
    assert f"Source: {with_evidence.evidence[0].document}" in page.text
    assert f'action="/evaluations/RTP-IV/CRI/{with_evidence.area}/confirm"' in page.text
    assert f'action="/evaluations/RTP-IV/CRI/mappings/{with_evidence.evidence[0].mapping_id}"' in (
        page.text
    )


def test_scorecard_page_shows_the_figures_and_indicators(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    state = meeting_evaluation(site.url, "RTP-IV").state("CRI")
    assert state is not None
    figure = next(item for area in state.areas for item in area.figures)
    log_in(browser, SECRETARIAT)

    page = browser.get("/evaluations/RTP-IV/CRI?lang=en").text

    assert html.escape(figure.text, quote=False) in page
    assert "Reported at this meeting" in page
    assert state.indicators_reported


def test_scorecard_page_shows_the_public_ratings_without_sentences(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    state = meeting_evaluation(site.url, "RTP-IV").state("CRI")
    assert state is not None
    sentence = next(area for area in state.areas if area.evidence).evidence[0].text

    page = browser.get("/evaluations/RTP-IV/CRI?lang=en").text

    assert html.escape(sentence, quote=False) not in page
    assert "/confirm" not in page
    assert 'data-rating="withheld"' in page
    assert "Awaiting confirmation" in page


def test_matrix_page_shows_the_public_only_confirmed_ratings(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    state = meeting_evaluation(site.url, "RTP-IV").state("CRI")
    assert state is not None
    area = next(item for item in state.areas if item.evidence)
    page = browser.get("/evaluations/RTP-IV?lang=en").text
    public = matrix_ratings(page)
    assert {rating for row in public.values() for rating, _ in row.values()} == {"withheld"}
    assert "data-withheld-note" in page

    log_in(browser, SECRETARIAT)
    post_form(
        browser,
        f"/evaluations/RTP-IV/CRI/{area.area}/confirm",
        {"rating": area.proposed_rating.value, "note": ""},
    )
    browser.post("/logout", data={"csrf_token": csrf_token(browser)})

    public = matrix_ratings(browser.get("/evaluations/RTP-IV?lang=en").text)
    assert public["CRI"][area.area] == (area.proposed_rating.value, True)
    withheld = [rating for row in public.values() for rating, _ in row.values()]
    assert withheld.count("withheld") == len(withheld) - 1
    scorecard = browser.get("/evaluations/RTP-IV/CRI?lang=en").text
    assert f'data-rating="{area.proposed_rating.value}"' in scorecard
    assert "Core indicators of the plan never reported" not in scorecard


def test_scorecard_focal_point_sees_no_confirm_form_for_its_own_state(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    log_in(browser, FOCAL_POINT)

    page = browser.get("/evaluations/RTP-IV/CRI?lang=en").text

    assert "/confirm" not in page
    assert "Confirm the rating" not in page
    assert "/mappings/" in page


def test_scorecard_forged_confirmation_by_the_focal_point_is_refused(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    area = _area_with(meeting_evaluation(site.url, "RTP-IV"), "CRI", evidence=True)
    log_in(browser, FOCAL_POINT)

    answer = post_form(
        browser, f"/evaluations/RTP-IV/CRI/{area}/confirm?lang=en", {"rating": "some_evidence"}
    )

    assert answer.status_code == 403
    assert "never confirmed by its own people" in answer.text
    assert _reviews(site) == []


def test_scorecard_secretariat_confirms_and_the_matrix_shows_it(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    state = meeting_evaluation(site.url, "RTP-IV").state("CRI")
    assert state is not None
    area = next(item for item in state.areas if item.evidence)
    log_in(browser, SECRETARIAT)

    answer = post_form(
        browser,
        f"/evaluations/RTP-IV/CRI/{area.area}/confirm",
        {"rating": area.proposed_rating.value, "note": "checked against the report"},
    )

    assert answer.status_code == 303
    assert answer.headers["location"] == f"/evaluations/RTP-IV/CRI?done=confirm#area-{area.area}"
    assert _reviews(site) == [("RTP-IV", "CRI", area.area, area.proposed_rating.value)]
    scorecard = browser.get(answer.headers["location"].split("#")[0] + "&lang=en").text
    assert "Rating confirmed." in scorecard
    assert "checked against the report" in scorecard
    matrix = browser.get("/evaluations/RTP-IV?lang=en").text
    assert matrix_ratings(matrix)["CRI"][area.area] == (area.proposed_rating.value, True)
    assert "✓" in matrix


def test_scorecard_rating_without_evidence_is_refused_and_the_note_kept(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    area = _area_with(meeting_evaluation(site.url, "RTP-IV"), "CRI", evidence=False)
    log_in(browser, SECRETARIAT)

    answer = post_form(
        browser,
        f"/evaluations/RTP-IV/CRI/{area}/confirm?lang=en",
        {"rating": Rating.SUBSTANTIAL_EVIDENCE.value, "note": "a note worth keeping"},
    )

    assert answer.status_code == 400
    assert "needs evidence" in answer.text
    assert "a note worth keeping</textarea>" in answer.text
    assert _reviews(site) == []


def test_scorecard_shows_what_changed_since_the_previous_meeting(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    page = browser.get("/evaluations/RTP-V/ARG?lang=en").text
    first = browser.get("/evaluations/RTP-IV/ARG?lang=en").text

    assert "What changed since RTP-IV" in page
    assert "What changed since" not in first


def test_scorecard_reviewer_dismisses_a_sentence(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    state = meeting_evaluation(site.url, "RTP-IV").state("CRI")
    assert state is not None
    sentence = next(area for area in state.areas if area.evidence).evidence[0]
    log_in(browser, FOCAL_POINT)

    answer = post_form(
        browser,
        f"/evaluations/RTP-IV/CRI/mappings/{sentence.mapping_id}",
        {"action": "dismiss"},
    )

    assert answer.status_code == 303
    assert "done=dismiss" in answer.headers["location"]
    engine = open_database(site.url)
    try:
        with session_factory(engine)() as session:
            mappings = list_mappings(session, meeting="RTP-IV", country="CRI")
    finally:
        engine.dispose()
    assert {item.status for item in mappings if item.id == sentence.mapping_id} == {"dismissed"}


def test_scorecard_secretariat_moves_a_sentence_to_another_area(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    state = meeting_evaluation(site.url, "RTP-IV").state("CRI")
    assert state is not None
    area = next(item for item in state.areas if item.evidence and item.area != "training")
    sentence = area.evidence[0]
    log_in(browser, SECRETARIAT)

    answer = post_form(
        browser,
        f"/evaluations/RTP-IV/CRI/mappings/{sentence.mapping_id}",
        {"action": "move", "area": "training"},
    )

    assert answer.status_code == 303
    assert answer.headers["location"] == "/evaluations/RTP-IV/CRI?done=move#area-training"
    moved = meeting_evaluation(site.url, "RTP-IV").state("CRI")
    assert moved is not None
    training = moved.area("training")
    assert training is not None
    assert sentence.mapping_id in {item.mapping_id for item in training.evidence}
    page = browser.get("/evaluations/RTP-IV/CRI?done=move&lang=en").text
    assert "Sentence moved to another area." in page
    assert "moved here by a reviewer" in page


def test_scorecard_focal_point_may_not_review_another_states_sentences(
    site: Site, reports: list[int], browser: TestClient
) -> None:
    state = meeting_evaluation(site.url, "RTP-IV").state("PAN")
    assert state is not None
    sentence = next(area for area in state.areas if area.evidence).evidence[0]
    log_in(browser, FOCAL_POINT)

    answer = post_form(
        browser,
        f"/evaluations/RTP-IV/PAN/mappings/{sentence.mapping_id}?lang=en",
        {"action": "move", "area": "training"},
    )

    assert answer.status_code == 403
    assert "/mappings/" not in browser.get("/evaluations/RTP-IV/PAN").text


def test_scorecard_of_a_state_that_did_not_report_is_not_found(
    reports: list[int], browser: TestClient
) -> None:
    assert browser.get("/evaluations/RTP-V/CRI?lang=en").status_code == 404
