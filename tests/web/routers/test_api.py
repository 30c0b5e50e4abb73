"""The JSON API under /api/v1: vigia.web.routers.api."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import FACTS_PER_DOCUMENT, PUBLISHED_INDICATOR, Stored, bearer
from vigia.reference import countries

HOSTILE = "x' OR '1'='1' --"


def _facts(client: TestClient, token: str | None = None, **filters: Any) -> dict[str, Any]:
    headers = bearer(token) if token else {}
    response = client.get("/api/v1/facts", params=filters, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _csv_rows(client: TestClient, token: str | None = None, **filters: Any) -> list[dict[str, str]]:
    headers = bearer(token) if token else {}
    response = client.get("/api/v1/facts.csv", params=filters, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def _error(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["status"] == status
    message: str = body["error"]["message"]
    return message


# --- Countries, indicators, meetings ------------------------------------------------------------


def test_countries_lists_oas_members_with_four_names(client: TestClient) -> None:
    body = client.get("/api/v1/countries").json()

    members = [code for code, country in countries().items() if country.oas_member]
    assert [item["iso3"] for item in body["items"]] == sorted(members)
    assert body["total"] == len(members)
    costa_rica = next(item for item in body["items"] if item["iso3"] == "CRI")
    assert set(costa_rica["names"]) == {"es", "en", "fr", "pt"}
    assert costa_rica["oas_member"] is True


def test_countries_all_includes_non_members(client: TestClient) -> None:
    body = client.get("/api/v1/countries", params={"all": "true"}).json()

    assert body["total"] == len(countries())
    assert any(not item["oas_member"] for item in body["items"])


def test_indicators_lists_the_catalogue(client: TestClient) -> None:
    names = [item["name"] for item in client.get("/api/v1/indicators").json()["items"]]

    assert PUBLISHED_INDICATOR in names
    assert "convictions" in names


def test_meetings_count_documents(client: TestClient) -> None:
    body = client.get("/api/v1/meetings").json()

    assert body == {"items": [{"code": "TEST-9", "documents": 2}], "total": 1}


# --- Facts --------------------------------------------------------------------------------------


def test_facts_anonymous_sees_only_published_facts(client: TestClient, stored: Stored) -> None:
    body = _facts(client)

    assert body["total"] == 1
    assert [item["id"] for item in body["items"]] == [stored.published_fact]
    assert {item["status"] for item in body["items"]} == {"published"}


def test_facts_item_has_the_contract_shape(client: TestClient, stored: Stored) -> None:
    item = _facts(client)["items"][0]

    assert item["country"] == "CRI"
    assert item["indicator"] == PUBLISHED_INDICATOR
    assert item["value"] == 6000 and isinstance(item["value"], int)
    assert item["qualifier"] == "at_least"
    assert item["year"] == 2011
    assert item["evidence"]["text"].startswith("In 2011 the coalition")
    assert item["evidence"]["page"] == 1
    assert item["document"]["id"] == stored.first_document
    assert item["document"]["meeting"] == "TEST-9"


def test_facts_anonymous_never_sees_unpublished_even_when_asking(client: TestClient) -> None:
    assert _facts(client, status="proposed")["total"] == 0
    assert _facts(client, country="ARG")["total"] == 0
    assert _facts(client, limit=500, offset=0)["total"] == 1


def test_facts_csv_anonymous_has_only_published_facts(client: TestClient, stored: Stored) -> None:
    rows = _csv_rows(client)

    assert [row["id"] for row in rows] == [str(stored.published_fact)]
    assert rows[0]["status"] == "published"
    assert rows[0]["document_id"] == str(stored.first_document)


def test_facts_csv_has_a_header_even_when_empty(client: TestClient) -> None:
    response = client.get("/api/v1/facts.csv", params={"country": "ARG"})

    assert response.content.startswith("\ufeffid,status,document_id,".encode())  # BOM: UTF-8
    assert response.text.count("\n") == 1


def test_facts_secretariat_sees_every_fact(client: TestClient, stored: Stored) -> None:
    body = _facts(client, stored.secretariat)

    assert body["total"] == 2 * FACTS_PER_DOCUMENT
    assert {item["status"] for item in body["items"]} == {"published", "proposed"}
    assert len(_csv_rows(client, stored.secretariat)) == 2 * FACTS_PER_DOCUMENT


def test_facts_administrator_sees_published_facts_only(client: TestClient, stored: Stored) -> None:
    assert _facts(client, stored.administrator)["total"] == 1


def test_facts_focal_point_sees_own_country_unpublished(client: TestClient, stored: Stored) -> None:
    body = _facts(client, stored.focal_point, limit=500)

    assert {item["country"] for item in body["items"]} == {"CRI"}
    assert body["total"] == 6
    assert "proposed" in {item["status"] for item in body["items"]}
    assert _facts(client, stored.focal_point, country="ARG")["total"] == 0
    assert {row["country"] for row in _csv_rows(client, stored.focal_point)} == {"CRI"}


def test_facts_filters_combine(client: TestClient, stored: Stored) -> None:
    token = stored.secretariat

    assert _facts(client, token, country="arg")["total"] == 2
    assert _facts(client, token, indicator="complaints")["total"] == 2
    assert _facts(client, token, year=2012, country="ARG")["total"] == 2
    assert _facts(client, token, year=2011, indicator="complaints")["total"] == 0
    assert _facts(client, token, status="published")["total"] == 1
    rows = _csv_rows(client, token, country="ARG", indicator="investigations")
    assert [(row["value_min"], row["value"]) for row in rows] == [("10", "12"), ("10", "12")]


def test_facts_pages_through_in_document_order(client: TestClient, stored: Stored) -> None:
    pages = [_facts(client, stored.secretariat, limit=3, offset=offset) for offset in (0, 3, 6)]

    ids = [item["id"] for page in pages for item in page["items"]]
    assert [len(page["items"]) for page in pages] == [3, 3, 2]
    assert len(set(ids)) == 2 * FACTS_PER_DOCUMENT
    assert pages[1]["limit"] == 3 and pages[1]["offset"] == 3 and pages[1]["total"] == 8
    documents = [item["document"]["id"] for page in pages for item in page["items"]]
    assert documents == sorted(documents)


def test_facts_limit_defaults_to_50(client: TestClient) -> None:
    body = _facts(client)

    assert (body["limit"], body["offset"]) == (50, 0)


@pytest.mark.parametrize("limit", ["0", "501", "-1", "many"])
def test_facts_limit_out_of_range_is_422(client: TestClient, limit: str) -> None:
    message = _error(client.get("/api/v1/facts", params={"limit": limit}), 422)

    assert "query parameter limit" in message


@pytest.mark.parametrize("country", ["CR", "COSTA", "C1I", "ÇRI", "'--"])
def test_facts_country_not_three_letters_is_422(client: TestClient, country: str) -> None:
    message = _error(client.get("/api/v1/facts", params={"country": country}), 422)

    assert message.startswith("query parameter country:")
    assert "three-letter" in message


def test_facts_unknown_indicator_is_422_saying_where_names_are(client: TestClient) -> None:
    message = _error(client.get("/api/v1/facts", params={"indicator": "victims"}), 422)

    assert "unknown indicator 'victims'" in message
    assert "/api/v1/indicators" in message


def test_facts_hostile_status_gives_an_empty_result(client: TestClient, stored: Stored) -> None:
    body = _facts(client, stored.secretariat, status=HOSTILE)

    assert (body["items"], body["total"]) == ([], 0)
    assert _csv_rows(client, stored.secretariat, status=HOSTILE) == []


def test_facts_control_characters_are_422(client: TestClient) -> None:
    message = _error(client.get("/api/v1/facts", params={"status": "published\x00"}), 422)

    assert "control characters" in message


def test_facts_year_out_of_range_is_422(client: TestClient) -> None:
    message = _error(client.get("/api/v1/facts", params={"year": "99999999999999999999"}), 422)

    assert "query parameter year" in message


# --- Authentication -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header", ["Bearer vig_not-a-real-token", "Bearer not-even-prefixed", "Bearer ", "Basic abc"]
)
def test_api_refused_token_is_401_json(client: TestClient, header: str) -> None:
    response = client.get("/api/v1/facts", headers={"Authorization": header})

    _error(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


def test_api_refused_token_is_401_on_every_route(client: TestClient) -> None:
    response = client.get("/api/v1/countries", headers=bearer("vig_wrong"))

    assert "API token" in _error(response, 401)


# --- Documents ----------------------------------------------------------------------------------


def test_documents_list_metadata_and_text_availability(client: TestClient, stored: Stored) -> None:
    body = client.get("/api/v1/documents").json()

    available = {item["id"]: item["text_available"] for item in body["items"]}
    assert available == {stored.first_document: True, stored.second_document: False}
    assert body["total"] == 2
    assert {item["meeting"] for item in body["items"]} == {"TEST-9"}


def test_documents_list_titles_only_with_readable_text(client: TestClient, stored: Stored) -> None:
    titles = {item["id"]: item["title"] for item in client.get("/api/v1/documents").json()["items"]}
    assert titles[stored.first_document] is not None
    assert titles[stored.second_document] is None
    secretariat = client.get("/api/v1/documents", headers=bearer(stored.secretariat)).json()
    assert all(item["title"] is not None for item in secretariat["items"])


def test_documents_filter_by_meeting(client: TestClient) -> None:
    assert client.get("/api/v1/documents", params={"meeting": "TEST-9"}).json()["total"] == 2
    assert client.get("/api/v1/documents", params={"meeting": HOSTILE}).json()["total"] == 0


def test_document_detail_has_sections_and_text(client: TestClient, stored: Stored) -> None:
    body = client.get(f"/api/v1/documents/{stored.first_document}").json()

    assert [section["country"] for section in body["sections"]] == ["CRI", "ARG"]
    assert body["text"].startswith("TEST-9/doc.5 (first)")
    assert body["page_starts"][0] == 0


def test_document_text_withheld_without_a_visible_fact(client: TestClient, stored: Stored) -> None:
    path = f"/api/v1/documents/{stored.second_document}"

    anonymous = client.get(path).json()
    assert (anonymous["text"], anonymous["text_available"]) == (None, False)
    assert anonymous["sections"] != []
    assert client.get(path, headers=bearer(stored.secretariat)).json()["text"] is not None
    assert client.get(path, headers=bearer(stored.focal_point)).json()["text"] is not None


@pytest.mark.parametrize("document_id", ["999999", "0", "-1", str(2**31), str(2**70)])
def test_document_unknown_is_404_json(client: TestClient, document_id: str) -> None:
    message = _error(client.get(f"/api/v1/documents/{document_id}"), 404)

    assert message == f"no document with id {document_id}"


def test_document_id_not_a_number_is_422(client: TestClient) -> None:
    message = _error(client.get("/api/v1/documents/1;DROP TABLE facts"), 422)

    assert "path parameter document_id" in message


# --- Events -------------------------------------------------------------------------------------


def test_events_only_from_documents_whose_text_is_readable(
    client: TestClient, stored: Stored
) -> None:
    anonymous = client.get("/api/v1/events").json()
    secretariat = client.get("/api/v1/events", headers=bearer(stored.secretariat)).json()

    assert [item["document"]["id"] for item in anonymous["items"]] == [stored.first_document]
    assert secretariat["total"] == 2
    assert anonymous["items"][0]["kind"] == "institution_created"


def test_events_filters(client: TestClient, stored: Stored) -> None:
    headers = bearer(stored.secretariat)

    def total(**filters: Any) -> int:
        count: int = client.get("/api/v1/events", params=filters, headers=headers).json()["total"]
        return count

    assert total(country="cri", kind="institution_created", year=2011) == 2
    assert total(country="ARG") == 0
    assert total(kind="law_adopted") == 0
    assert total(kind=HOSTILE) == 0
    _error(client.get("/api/v1/events", params={"country": "1"}), 422)


def test_documents_show_file_names_without_folders(client: TestClient) -> None:
    names = {item["file_name"] for item in client.get("/api/v1/documents").json()["items"]}

    assert names == {"first.txt", "second.txt"}


def test_api_facts_show_the_correction_beside_the_extracted_figure(database_url: str) -> None:
    from fastapi.testclient import TestClient
    from sqlalchemy import select

    from tests.conftest import build_document
    from vigia.settings import Settings
    from vigia.store.database import open_database, session_factory
    from vigia.store.models import FactRow
    from vigia.store.repository import store_document
    from vigia.web.app import create_app

    engine = open_database(database_url)
    with session_factory(engine)() as session:
        store_document(session, build_document())
        fact = session.scalars(select(FactRow).where(FactRow.country.is_not(None))).first()
        assert fact is not None
        extracted = fact.value
        fact.corrected_value, fact.corrected_qualifier = extracted + 5, "exact"
        fact.status = "published"
        session.commit()
        fact_id = fact.id
    engine.dispose()
    with TestClient(create_app(Settings(database_url=database_url))) as client:
        items = client.get("/api/v1/facts").json()["items"]
    [item] = [item for item in items if item["id"] == fact_id]
    assert item["value"] == extracted + 5
    assert item["extracted"]["value"] == extracted
