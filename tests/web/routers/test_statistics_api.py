"""The statistics API: vigia.web.routers.statistics."""

from __future__ import annotations

import io
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from tests.web.conftest import Stored, bearer


def _batch(country: str = "CRI", **values: Any) -> dict[str, Any]:
    return {
        "country": country,
        "year": 2024,
        "values": [{"element": name, "value": value} for name, value in values.items()],
    }


def test_a_batch_is_stored_once_and_answered_with_the_form(
    client: TestClient, stored: Stored
) -> None:
    token = bearer(stored.focal_point)
    batch = _batch(persons_convicted=52, persons_prosecuted=43)
    batch["values"].append(
        {"element": "victims_detected", "options": {"age": "child", "sex": "male"}, "value": 4}
    )

    first = client.post("/api/v1/data-values", json=batch, headers=token)
    again = client.post("/api/v1/data-values", json=batch, headers=token)
    read = client.get("/api/v1/statistics/cri/2024", headers=token)

    assert first.status_code == again.status_code == read.status_code == 200, first.text
    assert first.json() == again.json() == read.json()
    body = read.json()
    assert (body["status"], body["version"], len(body["values"])) == ("draft", 1, 3)
    assert {
        "element": "victims_detected",
        "options": {"sex": "male", "age": "child"},
        "value": 4,
    } in body["values"]
    assert [item["rule"] for item in body["violations"]] == ["convicted_not_above_prosecuted"]
    assert body["violations"][0]["importance"] == "warning"


def test_a_bad_value_stores_nothing_and_says_which(client: TestClient, stored: Stored) -> None:
    token = bearer(stored.focal_point)
    batch = _batch(persons_convicted=5, persons_prosecuted=-3)

    refused = client.post("/api/v1/data-values", json=batch, headers=token)
    form = client.get("/api/v1/statistics/CRI/2024", headers=token).json()

    assert refused.status_code == 422
    assert "persons_prosecuted: -3 is not a whole number" in refused.json()["error"]["message"]
    assert form["values"] == []


def test_who_may_do_what(client: TestClient, stored: Stored) -> None:
    focal, secretariat = bearer(stored.focal_point), bearer(stored.secretariat)

    other_state = client.post(
        "/api/v1/data-values", json=_batch("ARG", persons_convicted=1), headers=focal
    )
    anonymous = client.post("/api/v1/data-values", json=_batch(persons_convicted=1))
    read_other = client.get("/api/v1/statistics/ARG/2024", headers=focal)
    administrator = client.get("/api/v1/statistics/CRI/2024", headers=bearer(stored.administrator))

    assert (other_state.status_code, anonymous.status_code) == (403, 401)
    assert (read_other.status_code, administrator.status_code) == (403, 403)
    client.post("/api/v1/data-values", json=_batch(persons_convicted=4), headers=focal)
    assert (
        client.post("/api/v1/statistics/CRI/2024/approve", headers=secretariat).status_code == 409
    )
    assert (
        client.post("/api/v1/statistics/CRI/2024/submit", headers=focal).json()["status"]
        == "submitted"
    )
    assert client.post("/api/v1/statistics/CRI/2024/approve", headers=focal).status_code == 403
    assert (
        client.post("/api/v1/statistics/CRI/2024/approve", headers=secretariat).json()["status"]
        == "approved"
    )
    locked = client.post("/api/v1/data-values", json=_batch(persons_convicted=5), headers=focal)
    assert locked.status_code == 409 and "locked" in locked.json()["error"]["message"]
    unlocked = client.post(
        "/api/v1/statistics/CRI/2024/unlock", json={"reason": "revised"}, headers=secretariat
    )
    assert unlocked.json()["status"] == "draft"


def test_the_template_downloads_and_a_filled_one_imports(
    client: TestClient, stored: Stored
) -> None:
    template = client.get("/api/v1/statistics/template.csv?country=cri&year=2023&language=fr")
    lines = template.content.decode("utf-8-sig").splitlines()
    filled = [lines[0]] + [
        line.replace(",,,,,,,", ",,,,,,12,", 1)
        if line.startswith("CRI,2023,persons_convicted,,")
        else line
        for line in lines[1:]
    ]

    imported = client.post(
        "/api/v1/data-values.csv",
        content="\n".join(filled).encode(),
        headers={**bearer(stored.focal_point), "Content-Type": "text/csv"},
    )

    assert template.status_code == 200 and template.headers["content-type"].startswith("text/csv")
    assert "Personnes condamnées" in template.text
    assert imported.status_code == 200, imported.text
    assert imported.json() == {
        "rows": len(lines) - 1,
        "changed": 1,
        "forms": [{"country": "CRI", "year": 2023}],
    }


def test_the_xlsx_template_downloads_and_a_filled_one_imports(
    client: TestClient, stored: Stored
) -> None:
    template = client.get("/api/v1/statistics/template.xlsx?country=CRI&year=2023&language=pt")
    workbook = load_workbook(io.BytesIO(template.content))
    sheet = workbook["values"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("element")].value == "persons_convicted" and not row[3].value:
            row[header.index("value")].value = 12  # type: ignore[index]
    filled = io.BytesIO()
    workbook.save(filled)
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    imported = client.post(
        "/api/v1/data-values.xlsx",
        content=filled.getvalue(),
        headers={**bearer(stored.focal_point), "Content-Type": xlsx},
    )
    broken = client.post(
        "/api/v1/data-values.xlsx", content=b"PK\x03\x04", headers=bearer(stored.focal_point)
    )

    assert template.status_code == 200 and template.headers["content-type"] == xlsx
    assert "statistics-CRI-2023.xlsx" in template.headers["content-disposition"]
    assert imported.status_code == 200, imported.text
    assert imported.json()["changed"] == 1 and imported.json()["forms"] == [
        {"country": "CRI", "year": 2023}
    ]
    assert broken.status_code == 422 and "not an XLSX workbook" in broken.text


def test_a_csv_with_bad_rows_answers_each_and_stores_nothing(
    client: TestClient, stored: Stored
) -> None:
    text = "country,year,element,value\nCRI,2024,persons_convicted,4\nCRI,2024,persons_jailed,1\n"
    token = bearer(stored.focal_point)

    refused = client.post("/api/v1/data-values.csv", content=text.encode("cp1252"), headers=token)
    form = client.get("/api/v1/statistics/CRI/2024", headers=token).json()

    assert refused.status_code == 422
    assert refused.json()["rows"] == [{"line": 3, "message": "unknown element 'persons_jailed'"}]
    assert refused.json()["error"]["message"] == "1 row refused; nothing was stored"
    assert form["values"] == []
    assert client.post("/api/v1/data-values.csv", content=text.encode()).status_code == 401


def _approve(client: TestClient, stored: Stored, year: int, **values: Any) -> None:
    focal, secretariat = bearer(stored.focal_point), bearer(stored.secretariat)
    batch = {**_batch(**values), "year": year}
    assert client.post("/api/v1/data-values", json=batch, headers=focal).status_code == 200
    assert client.post(f"/api/v1/statistics/CRI/{year}/submit", headers=focal).status_code == 200
    assert (
        client.post(f"/api/v1/statistics/CRI/{year}/approve", headers=secretariat).status_code
        == 200
    )


def test_only_approved_values_are_public(client: TestClient, stored: Stored) -> None:
    _approve(client, stored, 2023, persons_convicted=43, persons_prosecuted=50)
    client.post(
        "/api/v1/data-values", json=_batch(persons_convicted=7), headers=bearer(stored.focal_point)
    )

    everything = client.get("/api/v1/data-values").json()
    convicted = client.get("/api/v1/data-values?country=cri&element=persons_convicted").json()
    table = client.get("/api/v1/data-values.csv?year=2023").content.decode("utf-8-sig").splitlines()

    assert everything["total"] == 2 and {item["year"] for item in everything["items"]} == {2023}
    assert [item["value"] for item in convicted["items"]] == [43]
    assert (
        table[0] == "country,year,element,sex,age,age_group,exploitation,citizenship,value,source"
    )
    assert "CRI,2023,persons_convicted,,,,,,43,api" in table


def test_completeness_covers_every_member_state(client: TestClient, stored: Stored) -> None:
    _approve(client, stored, 2023, persons_convicted=43, persons_prosecuted=50)

    body = client.get("/api/v1/statistics/completeness?year=2023").json()

    costa_rica = next(item for item in body["items"] if item["country"] == "CRI")
    argentina = next(item for item in body["items"] if item["country"] == "ARG")
    assert body["due"] == "2024-03-31" and len(body["items"]) == 35
    assert (costa_rica["status"], costa_rica["questions_answered"], costa_rica["questions"]) == (
        "approved",
        2,
        5,
    )
    assert costa_rica["values_answered"] == 2 and costa_rica["values"] == 59
    assert costa_rica["on_time"] is False  # submitted in 2026 for 2023
    assert (argentina["status"], argentina["questions_answered"], argentina["on_time"]) == (
        None,
        0,
        None,
    )


def test_notes_are_set_by_the_states_focal_point_and_read_by_anyone(
    client: TestClient, stored: Stored
) -> None:
    body = {"country": "CRI", "notes": {"persons_convicted": "First-instance sentences only."}}

    saved = client.post("/api/v1/statistics/notes", json=body, headers=bearer(stored.focal_point))
    anonymous = client.post("/api/v1/statistics/notes", json=body)
    unknown = client.post(
        "/api/v1/statistics/notes",
        json={"country": "CRI", "notes": {"persons_jailed": "x"}},
        headers=bearer(stored.focal_point),
    )
    read = client.get("/api/v1/statistics/notes?country=cri")

    assert saved.status_code == 200 and saved.json()["items"][0]["element"] == "persons_convicted"
    assert anonymous.status_code == 401
    assert unknown.status_code == 422 and "persons_jailed" in unknown.text
    assert [item["text"] for item in read.json()["items"]] == ["First-instance sentences only."]
