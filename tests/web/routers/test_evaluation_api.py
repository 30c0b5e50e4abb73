"""The Work Plan follow-up in the JSON API under /api/v1: vigia.web.routers.evaluation.

Beside the two made-up documents of ``tests/web/conftest.py``, the invented reports of
``tests/data/reports`` are read, extracted and stored as the pipeline does: the Spanish and
English RTP-IV reports and the Portuguese RTP-V one (and the French RTP-III report of the shared
corpus, for the tests that need it).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.evaluate.conftest import Figure, figures_report
from tests.web.conftest import Stored, bearer
from vigia.domain import Document, Rating
from vigia.evaluate.changes import compare_rounds
from vigia.evaluate.follow_up import AREA_PROGRESS
from vigia.evaluate.gaps import AREA_WITHOUT_EVIDENCE
from vigia.evaluate.mappings import list_mappings
from vigia.evaluate.scorecard import evaluate_meeting, evaluation_to_data, state_to_data
from vigia.extract import extract
from vigia.ingest import read_document
from vigia.plans import AREAS, work_plans
from vigia.settings import Settings
from vigia.store.database import open_database, session_factory
from vigia.store.repository import store_document
from vigia.web.app import create_app

DATA = Path(__file__).resolve().parents[2] / "data"
REPORTS = DATA / "reports"
PLANS = DATA / "plans"
MEETING_REPORTS = (
    "rtp4-informe-relatoria.es.txt",
    "rtp4-rapporteur-report.en.txt",
    "relatorio-rtp5.pt.txt",
)
FRENCH_REPORT = Path("/work/shared/corpus/rtp3-rapporteur-report.fr.txt")
SPANISH_PLAN = PLANS / "plan-regional-2030.es.txt"
FRENCH_PLAN = PLANS / "plan-hemispherique-2030.fr.txt"
NO_INFORMATION = "no_information"
CRI_47 = Figure("victims_identified", 47, "The team identified 47 victims in 2013.", 2013)
CRI_52 = Figure("victims_identified", 52, "Officials identified 52 victims in 2013.", 2013)
ARG_30 = Figure("victims_identified", 30, "The office identified 30 victims in 2013.", 2013)
ARG_35 = Figure("victims_identified", 35, "Officers identified 35 victims in 2013.", 2013)


@cache
def extracted(path: Path) -> Document:
    """A report through the whole pipeline (once per test run)."""
    return extract(read_document(path))


@pytest.fixture
def session(stored: Stored) -> Iterator[Session]:
    """A session of its own on the application's database."""
    engine = open_database(stored.url)
    try:
        with session_factory(engine)() as session:
            yield session
    finally:
        engine.dispose()


@pytest.fixture
def reports(session: Session) -> list[int]:
    """The invented meeting reports, stored; their document ids."""
    return [store_document(session, extracted(REPORTS / name)).id for name in MEETING_REPORTS]


@pytest.fixture
def french_report(session: Session) -> int:
    if not FRENCH_REPORT.is_file():
        pytest.skip(f"the French RTP-III report is not at {FRENCH_REPORT} (shared corpus absent)")
    return store_document(session, extracted(FRENCH_REPORT)).id


def _ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def _error(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["status"] == status
    message: str = body["error"]["message"]
    return message


def _assert_evaluation_shape(data: dict[str, Any]) -> None:
    """One entry per area, in order; evidence empty only when nothing was found."""
    assert data["states"]
    for state in data["states"]:
        assert [area["area"] for area in state["areas"]] == list(AREAS)
        for area in state["areas"]:
            if not area["evidence"]:
                assert area["rating"] == NO_INFORMATION, (state["country"], area["area"])
            for item in area["evidence"]:
                assert item["document"] and item["text"]


# --- Plans, areas, rubric -----------------------------------------------------------------------


def test_plans_lists_the_reference_plans(client: TestClient) -> None:
    body = _ok(client.get("/api/v1/plans"))

    assert [item["code"] for item in body["items"]] == list(work_plans())
    first = body["items"][0]
    assert set(first["titles"]) == {"es", "en", "fr", "pt"}
    assert first["source"] == "reference" and first["starts"] <= first["ends"]


def test_plan_is_a_tree_of_areas_objectives_activities(client: TestClient) -> None:
    body = _ok(client.get("/api/v1/plans/WP-2015"))

    activity = body["areas"][0]["objectives"][0]["activities"][0]
    assert set(activity) == {"code", "titles", "responsible", "indicators"}
    assert {area["area"] for area in body["areas"]} <= set(AREAS)
    assert "WP-1900" in _error(client.get("/api/v1/plans/WP-1900"), 404)


def test_areas_lists_the_eight_areas_in_four_languages(client: TestClient) -> None:
    body = _ok(client.get("/api/v1/areas"))

    assert [item["id"] for item in body["items"]] == list(AREAS)
    assert all(set(item["labels"]) == {"es", "en", "fr", "pt"} for item in body["items"])
    assert all(set(item["descriptions"]) == {"es", "en", "fr", "pt"} for item in body["items"])


def test_rubric_gives_every_rating_strongest_first(client: TestClient) -> None:
    body = _ok(client.get("/api/v1/rubric"))

    ratings = [level["rating"] for level in body["ratings"]]
    assert ratings == ["substantial_evidence", "some_evidence", "mentioned_only", NO_INFORMATION]
    assert [level["strength"] for level in body["ratings"]] == [3, 2, 1, 0]
    assert body["ratings"][0]["labels"]["fr"]


# --- Evaluations --------------------------------------------------------------------------------


def test_evaluations_lists_meetings_oldest_first(client: TestClient, reports: list[int]) -> None:
    body = _ok(client.get("/api/v1/evaluations"))

    assert body == {"items": ["RTP-IV", "RTP-V", "TEST-9"], "total": 3}


def test_evaluations_puts_rtp_iii_first(client: TestClient, french_report: int) -> None:
    body = _ok(client.get("/api/v1/evaluations"))

    assert body["items"] == ["RTP-III", "TEST-9"]


def test_evaluation_is_the_json_of_evaluation_to_data(
    client: TestClient, stored: Stored, session: Session, reports: list[int]
) -> None:
    body = _ok(client.get("/api/v1/evaluations/RTP-IV", headers=bearer(stored.secretariat)))

    assert body == evaluation_to_data(evaluate_meeting(session, "RTP-IV"))
    assert body["meeting"] == "RTP-IV" and body["plan"]
    assert len(body["states"]) == 25
    _assert_evaluation_shape(body)
    assert any(area["rating"] != NO_INFORMATION for s in body["states"] for area in s["areas"])


def test_evaluation_of_the_french_report_has_every_state_and_area(
    client: TestClient, stored: Stored, french_report: int
) -> None:
    body = _ok(client.get("/api/v1/evaluations/RTP-III", headers=bearer(stored.secretariat)))

    assert len(body["states"]) == 21
    _assert_evaluation_shape(body)


def test_evaluation_shows_evidence_only_to_who_may_read_it(
    client: TestClient, stored: Stored, reports: list[int]
) -> None:
    full = _ok(client.get("/api/v1/evaluations/RTP-IV", headers=bearer(stored.secretariat)))
    anonymous = _ok(client.get("/api/v1/evaluations/RTP-IV"))
    focal = _ok(client.get("/api/v1/evaluations/RTP-IV", headers=bearer(stored.focal_point)))

    def ratings(body: dict[str, Any]) -> list[list[str]]:
        return [[area["rating"] for area in state["areas"]] for state in body["states"]]

    assert all(rating is None for row in ratings(anonymous) for rating in row)
    for state, shown in zip(full["states"], ratings(focal), strict=True):
        drafts = [area["rating"] for area in state["areas"]]
        assert shown == (drafts if state["country"] == "CRI" else [None] * len(drafts))
    assert all(not area["evidence"] for s in anonymous["states"] for area in s["areas"])
    for state in focal["states"]:
        shown = any(area["evidence"] for area in state["areas"])
        assert shown == (state["country"] == "CRI"), state["country"]


def test_state_evaluation_is_the_state_of_the_meeting(
    client: TestClient, stored: Stored, session: Session, reports: list[int]
) -> None:
    body = _ok(client.get("/api/v1/evaluations/RTP-IV/cri", headers=bearer(stored.focal_point)))

    expected = evaluate_meeting(session, "RTP-IV").state("CRI")
    assert expected is not None
    assert body == state_to_data(expected)
    assert [area["area"] for area in body["areas"]] == list(AREAS)


def test_state_evaluation_unknown_meeting_or_state_is_404(
    client: TestClient, reports: list[int]
) -> None:
    assert "RTP-XX" in _error(client.get("/api/v1/evaluations/RTP-XX"), 404)
    assert "HTI" in _error(client.get("/api/v1/evaluations/RTP-V/HTI"), 404)
    assert "country" in _error(client.get("/api/v1/evaluations/RTP-V/HAITI"), 422)


def test_changes_compare_two_rounds(
    client: TestClient, stored: Stored, session: Session, reports: list[int]
) -> None:
    url = "/api/v1/evaluations/RTP-V/ARG/changes"
    body = _ok(client.get(url, params={"since": "RTP-IV"}, headers=bearer(stored.secretariat)))
    public = _ok(client.get(url, params={"since": "RTP-IV"}))

    expected = compare_rounds(session, "ARG", "RTP-IV", "RTP-V")
    assert [item["area"] for item in body["items"]] == list(AREAS)
    assert [(item["before"], item["after"], item["direction"]) for item in body["items"]] == [
        (change.before, change.after, change.direction) for change in expected
    ]
    assert (body["since"], body["meeting"], body["country"]) == ("RTP-IV", "RTP-V", "ARG")
    assert {(item["before"], item["after"]) for item in public["items"]} == {(None, None)}
    assert "since" in _error(client.get(url), 422)


def _area_with_evidence(client: TestClient, token: str, country: str) -> str:
    state = _ok(client.get(f"/api/v1/evaluations/RTP-IV/{country}", headers=bearer(token)))
    area: str = next(item["area"] for item in state["areas"] if item["evidence"])
    return area


def test_confirm_refused_to_the_focal_point_of_the_state(
    client: TestClient, stored: Stored, reports: list[int]
) -> None:
    area = _area_with_evidence(client, stored.secretariat, "CRI")
    url = f"/api/v1/evaluations/RTP-IV/CRI/{area}/confirm"

    message = _error(client.post(url, json={}, headers=bearer(stored.focal_point)), 403)

    assert "CRI" in message
    assert _error(client.post(url, json={}), 401)
    state = _ok(client.get("/api/v1/evaluations/RTP-IV/CRI", headers=bearer(stored.secretariat)))
    assert not any(item["confirmed"] for item in state["areas"])


def test_confirm_by_the_secretariat_shows_the_rating_confirmed(
    client: TestClient, stored: Stored, reports: list[int]
) -> None:
    area = _area_with_evidence(client, stored.secretariat, "CRI")
    url = f"/api/v1/evaluations/RTP-IV/CRI/{area}/confirm"
    body = {"rating": "mentioned_only", "note": "One sentence only."}

    confirmed = _ok(client.post(url, json=body, headers=bearer(stored.secretariat)))

    assert confirmed["rating"] == "mentioned_only" and confirmed["confirmed"] is True
    assert confirmed["confirmed_by"] == "secretariat@example.org"
    state = _ok(client.get("/api/v1/evaluations/RTP-IV/CRI"))
    shown = next(item for item in state["areas"] if item["area"] == area)
    assert (shown["rating"], shown["confirmed"]) == ("mentioned_only", True)


def test_confirm_without_evidence_or_unknown_rating_is_422(
    client: TestClient, stored: Stored, reports: list[int]
) -> None:
    state = _ok(client.get("/api/v1/evaluations/RTP-IV/CRI", headers=bearer(stored.secretariat)))
    empty = next(area["area"] for area in state["areas"] if not area["evidence"])
    headers = bearer(stored.secretariat)
    url = f"/api/v1/evaluations/RTP-IV/CRI/{empty}/confirm"

    assert "no evidence" in _error(
        client.post(url, json={"rating": "some_evidence"}, headers=headers), 422
    )
    assert "rating" in _error(client.post(url, json={"rating": "great"}, headers=headers), 422)
    assert _ok(client.post(url, json={}, headers=headers))["confirmed"] is True


# --- Mappings -----------------------------------------------------------------------------------


def test_mappings_are_listed_for_the_states_one_may_read(
    client: TestClient, stored: Stored, reports: list[int]
) -> None:
    params = {"meeting": "RTP-IV"}
    everything = _ok(
        client.get("/api/v1/mappings", params=params, headers=bearer(stored.secretariat))
    )
    focal = _ok(client.get("/api/v1/mappings", params=params, headers=bearer(stored.focal_point)))

    assert {item["country"] for item in everything["items"]} > {"CRI"}
    assert {item["country"] for item in focal["items"]} == {"CRI"}
    assert _error(client.get("/api/v1/mappings"), 401)
    administrator = bearer(stored.administrator)
    assert _ok(client.get("/api/v1/mappings", params=params, headers=administrator))["total"] == 0


def test_mapping_move_changes_its_area_and_the_evaluation(
    client: TestClient, stored: Stored, session: Session, reports: list[int]
) -> None:
    mapping = list_mappings(session, "RTP-IV", "CRI")[0]
    target = next(area for area in AREAS if area != mapping.area)

    moved = _ok(
        client.post(
            f"/api/v1/mappings/{mapping.id}",
            json={"action": "move", "area": target},
            headers=bearer(stored.focal_point),
        )
    )

    assert (moved["area"], moved["original_area"], moved["status"]) == (
        target,
        mapping.area,
        "moved",
    )
    state = _ok(client.get("/api/v1/evaluations/RTP-IV/CRI", headers=bearer(stored.secretariat)))
    texts = {
        item["area"]: [evidence["text"] for evidence in item["evidence"]] for item in state["areas"]
    }
    assert mapping.text in texts[target]


def test_mapping_review_refusals(
    client: TestClient, stored: Stored, session: Session, reports: list[int]
) -> None:
    other = list_mappings(session, "RTP-IV", "ARG")[0]
    url = f"/api/v1/mappings/{other.id}"
    focal = bearer(stored.focal_point)

    assert "ARG" in _error(client.post(url, json={"action": "accept"}, headers=focal), 403)
    assert _error(client.post(url, json={"action": "accept"}), 401)
    secretariat = bearer(stored.secretariat)
    body = {"action": "move", "area": "nowhere"}
    assert "nowhere" in _error(client.post(url, json=body, headers=secretariat), 422)
    assert _error(client.post(url, json={"action": "burn"}, headers=secretariat), 422)
    missing = "/api/v1/mappings/999999"
    assert _error(client.post(missing, json={"action": "dismiss"}, headers=secretariat), 404)


# --- Recommendations ----------------------------------------------------------------------------


def _draft(client: TestClient, token: str, meeting: str = "RTP-IV") -> list[dict[str, Any]]:
    body = {"meeting": meeting, "language": "es"}
    items: list[dict[str, Any]] = _ok(
        client.post("/api/v1/recommendations/draft", json=body, headers=bearer(token))
    )["items"]
    return items


def test_recommendations_draft_then_adopt(
    client: TestClient, stored: Stored, reports: list[int]
) -> None:
    drafts = _draft(client, stored.secretariat)
    chosen = next(item for item in drafts if item["country"] == "ARG")
    secretariat = bearer(stored.secretariat)

    assert drafts and {item["status"] for item in drafts} == {"draft"}
    assert chosen["text"].startswith("Argentina")
    assert _draft(client, stored.secretariat) == []
    assert _ok(client.get("/api/v1/recommendations"))["total"] == 0
    adopted = _ok(client.post(f"/api/v1/recommendations/{chosen['id']}/adopt", headers=secretariat))
    assert adopted["status"] == "adopted" and adopted["adopted_by"] is not None
    public = _ok(client.get("/api/v1/recommendations", params={"country": "arg"}))
    assert [item["id"] for item in public["items"]] == [chosen["id"]]
    listed = _ok(
        client.get("/api/v1/recommendations", params={"status": "draft"}, headers=secretariat)
    )
    assert listed["total"] == len(drafts) - 1


def test_recommendations_edit_and_withdraw(
    client: TestClient, stored: Stored, reports: list[int]
) -> None:
    first, second = _draft(client, stored.secretariat)[:2]
    secretariat = bearer(stored.secretariat)
    url = f"/api/v1/recommendations/{first['id']}"

    edited = _ok(client.patch(url, json={"text": "  Un texto nuevo. "}, headers=secretariat))
    withdrawn = _ok(
        client.post(
            f"/api/v1/recommendations/{second['id']}/withdraw",
            json={"note": "Duplicated."},
            headers=secretariat,
        )
    )

    assert edited["text"] == "Un texto nuevo."
    assert withdrawn["status"] == "withdrawn"
    assert "empty" in _error(client.patch(url, json={"text": " "}, headers=secretariat), 422)
    assert _error(client.post(f"{url}/adopt", headers=bearer(stored.focal_point)), 403)
    assert _error(client.post("/api/v1/recommendations/999999/adopt", headers=secretariat), 404)


def test_recommendations_drafted_for_one_state_then_adopted_in_bulk(
    client: TestClient, stored: Stored, reports: list[int]
) -> None:
    secretariat = bearer(stored.secretariat)
    body = {"meeting": "RTP-IV", "language": "en", "country": "ARG"}
    drafts = _ok(client.post("/api/v1/recommendations/draft", json=body, headers=secretariat))
    ids = [item["id"] for item in drafts["items"]]
    assert ids and {item["country"] for item in drafts["items"]} == {"ARG"}

    bulk = {"action": "adopt", "ids": ids}
    adopted = _ok(client.post("/api/v1/recommendations/bulk", json=bulk, headers=secretariat))

    assert adopted["total"] == len(ids) and {item["status"] for item in adopted["items"]} == {
        "adopted"
    }
    again = client.post("/api/v1/recommendations/bulk", json=bulk, headers=secretariat)
    assert "already adopted" in _error(again, 422)
    focal = bearer(stored.focal_point)
    assert _error(client.post("/api/v1/recommendations/bulk", json=bulk, headers=focal), 403)
    empty = {"action": "withdraw", "ids": []}
    assert _error(client.post("/api/v1/recommendations/bulk", json=empty, headers=secretariat), 422)
    nowhere = {**body, "area": "sports"}
    refused = client.post("/api/v1/recommendations/draft", json=nowhere, headers=secretariat)
    assert "unknown area" in _error(refused, 422)


def test_recommendations_draft_refused_to_a_focal_point(
    client: TestClient, stored: Stored, reports: list[int]
) -> None:
    body = {"meeting": "RTP-IV", "language": "en"}
    url = "/api/v1/recommendations/draft"

    assert "secretariat" in _error(
        client.post(url, json=body, headers=bearer(stored.focal_point)), 403
    )
    assert _error(client.post(url, json=body), 401)
    unknown = {"meeting": "RTP-XX", "language": "en"}
    assert _error(client.post(url, json=unknown, headers=bearer(stored.secretariat)), 404)


def test_follow_up_computed_then_set(
    client: TestClient, stored: Stored, reports: list[int]
) -> None:
    secretariat = bearer(stored.secretariat)
    chosen = next(item for item in _draft(client, stored.secretariat) if item["country"] == "ARG")
    client.post(f"/api/v1/recommendations/{chosen['id']}/adopt", headers=secretariat)

    follow_up_url = "/api/v1/recommendations/follow-up"
    computed = _ok(client.get(follow_up_url, params={"meeting": "RTP-V"}, headers=secretariat))
    public = _ok(client.get(follow_up_url, params={"meeting": "RTP-V"}))
    url = f"/api/v1/recommendations/{chosen['id']}/follow-ups/RTP-V"
    body = {"status": "implemented", "note": "The law was adopted."}
    set_status = _ok(client.put(url, json=body, headers=secretariat))

    [item] = computed["items"]
    assert item["recommendation"]["id"] == chosen["id"] and item["computed"] is True
    later = _ok(client.get("/api/v1/evaluations/RTP-V/ARG", headers=secretariat))
    rating = next(area["rating"] for area in later["areas"] if area["area"] == chosen["area"])
    assert chosen["finding"] == AREA_WITHOUT_EVIDENCE
    assert item["status"] == item["computed_status"] == AREA_PROGRESS[Rating(rating)]
    assert (set_status["status"], set_status["computed"]) == ("implemented", False)
    assert set_status["note"] == "The law was adopted."
    assert public["items"] == []
    again = _ok(client.get(follow_up_url, params={"meeting": "RTP-V"}))
    assert again["items"][0]["status"] == "implemented"
    earlier = f"/api/v1/recommendations/{chosen['id']}/follow-ups/RTP-IV"
    assert "later" in _error(client.put(earlier, json=body, headers=secretariat), 422)
    assert _error(client.put(url, json=body, headers=bearer(stored.focal_point)), 403)


# --- Consistency --------------------------------------------------------------------------------


def test_consistency_flags_for_the_states_one_may_read(
    client: TestClient, stored: Stored, session: Session
) -> None:
    for label, country, figure in (
        ("cri-a", "CRI", CRI_47),
        ("cri-b", "CRI", CRI_52),
        ("arg-a", "ARG", ARG_30),
        ("arg-b", "ARG", ARG_35),
    ):
        store_document(session, figures_report(label, country, [figure], "RTP-IV"))

    everything = _ok(client.get("/api/v1/consistency", headers=bearer(stored.secretariat)))
    focal = _ok(
        client.get(
            "/api/v1/consistency", params={"language": "es"}, headers=bearer(stored.focal_point)
        )
    )

    assert {(item["code"], item["country"]) for item in everything["items"]} == {
        ("figure_disagreement", "ARG"),
        ("figure_disagreement", "CRI"),
    }
    [flag] = focal["items"]
    assert (flag["country"], flag["indicator"], flag["year"]) == ("CRI", "victims_identified", 2013)
    assert flag["evidence"] == [CRI_47.sentence, CRI_52.sentence]
    assert flag["values"] == "47, 52" and flag["meetings"] == ["RTP-IV"]
    english = next(item for item in everything["items"] if item["country"] == "CRI")
    assert flag["message"].startswith("Costa Rica") and flag["message"] != english["message"]
    assert _error(client.get("/api/v1/consistency"), 401)
    only = client.get(
        "/api/v1/consistency", params={"country": "ARG"}, headers=bearer(stored.secretariat)
    )
    assert [item["country"] for item in _ok(only)["items"]] == ["ARG"]


# --- Observations -------------------------------------------------------------------------------


def _first_activity(client: TestClient) -> str:
    plan = _ok(client.get("/api/v1/plans/WP-2015"))
    code: str = plan["areas"][0]["objectives"][0]["activities"][0]["code"]
    return code


def test_observations_submitted_by_a_focal_point_answered_by_the_secretariat(
    client: TestClient, stored: Stored
) -> None:
    url = f"/api/v1/plans/WP-2015/activities/{_first_activity(client)}/observations"
    observation = _ok(
        client.post(
            url, json={"text": "Nuestro país ya lo cumple."}, headers=bearer(stored.focal_point)
        ),
        201,
    )
    answers = f"/api/v1/observations/{observation['id']}/answers"

    answer = _ok(
        client.post(
            answers, json={"text": "Gracias, lo anotamos."}, headers=bearer(stored.secretariat)
        ),
        201,
    )

    assert observation["country"] == "CRI" and observation["parent_id"] is None
    assert answer["parent_id"] == observation["id"]
    [thread] = _ok(client.get(url, headers=bearer(stored.focal_point)))["items"]
    assert thread["observation"]["text"] == "Nuestro país ya lo cumple."
    assert [item["text"] for item in thread["answers"]] == ["Gracias, lo anotamos."]


def test_observation_refusals(client: TestClient, stored: Stored) -> None:
    url = f"/api/v1/plans/WP-2015/activities/{_first_activity(client)}/observations"
    observation = _ok(
        client.post(url, json={"text": "Una duda."}, headers=bearer(stored.secretariat)), 201
    )
    answers = f"/api/v1/observations/{observation['id']}/answers"

    message = _error(
        client.post(answers, json={"text": "Yo respondo."}, headers=bearer(stored.focal_point)), 403
    )

    assert "secretariat" in message
    assert _error(client.get(url), 401)
    assert _error(client.post(url, json={"text": "Hola"}), 401)
    administrator = bearer(stored.administrator)
    assert _error(client.post(url, json={"text": "Hola"}, headers=administrator), 403)
    unknown = "/api/v1/plans/WP-2015/activities/NOPE.9/observations"
    assert "NOPE.9" in _error(
        client.post(unknown, json={"text": "Hola"}, headers=bearer(stored.secretariat)), 404
    )
    assert "empty" in _error(
        client.post(url, json={"text": "  "}, headers=bearer(stored.secretariat)), 422
    )


# --- Plan import --------------------------------------------------------------------------------


def _import(client: TestClient, path: Path, token: str | None, **fields: str) -> Any:
    headers = bearer(token) if token else {}
    files = {"file": (path.name, path.read_bytes(), "text/plain")}
    return client.post("/api/v1/plans/import", files=files, data=fields, headers=headers)


def test_plan_import_by_the_secretariat_stores_the_plan(client: TestClient, stored: Stored) -> None:
    response = _import(
        client,
        SPANISH_PLAN,
        stored.secretariat,
        code="WP-2030",
        starts="2030",
        ends="2034",
        language="es",
    )

    plan = _ok(response, 201)
    assert response.headers["Location"] == "/api/v1/plans/WP-2030"
    assert plan["code"] == "WP-2030" and plan["source"] == "imported"
    assert plan["titles"]["es"] and plan["areas"][0]["objectives"][0]["activities"]
    assert _ok(client.get("/api/v1/plans/WP-2030")) == plan
    codes = [item["code"] for item in _ok(client.get("/api/v1/plans"))["items"]]
    assert codes == [*work_plans(), "WP-2030"]


def test_plan_import_detects_the_language(client: TestClient, stored: Stored) -> None:
    plan = _ok(
        _import(
            client, FRENCH_PLAN, stored.secretariat, code="WP-2030", starts="2030", ends="2033"
        ),
        201,
    )

    assert set(plan["titles"]) == {"fr"}


def test_plan_import_refusals(client: TestClient, stored: Stored) -> None:
    fields = {"code": "WP-2030", "starts": "2030", "ends": "2034", "language": "es"}

    assert _error(_import(client, SPANISH_PLAN, None, **fields), 401)
    assert "secretariat" in _error(_import(client, SPANISH_PLAN, stored.focal_point, **fields), 403)
    taken = fields | {"code": "WP-2015"}
    assert "already exists" in _error(
        _import(client, SPANISH_PLAN, stored.secretariat, **taken), 422
    )
    no_year = fields | {"starts": "soon"}
    assert "starts" in _error(_import(client, SPANISH_PLAN, stored.secretariat, **no_year), 422)
    assert _ok(client.get("/api/v1/plans"))["total"] == len(work_plans())


def test_plan_import_refuses_a_plan_without_activities(
    client: TestClient, stored: Stored, tmp_path: Path
) -> None:
    objectives_only = tmp_path / "objectives.txt"
    objectives_only.write_text("OBJECTIVES\n- Strengthen the protection of victims.\n")
    fields = {"code": "WP-2030", "starts": "2030", "ends": "2034", "language": "en"}

    response = _import(client, objectives_only, stored.secretariat, **fields)

    assert "no activity found" in _error(response, 422)
    assert _ok(client.get("/api/v1/plans"))["total"] == len(work_plans())


def test_plan_import_respects_the_upload_limit(stored: Stored) -> None:
    application = create_app(Settings(database_url=stored.url, max_upload_bytes=100))
    try:
        with TestClient(application) as small:
            fields = {"code": "WP-2030", "starts": "2030", "ends": "2034"}
            response = _import(small, SPANISH_PLAN, stored.secretariat, **fields)
            assert "upload limit" in _error(response, 413)
    finally:
        application.state.engine.dispose()
