"""The statistics pages: vigia.web.pages.statistics."""

from __future__ import annotations

import io

from fastapi.testclient import TestClient
from openpyxl import Workbook

from tests.web.pages.conftest import ADMINISTRATOR, FOCAL_POINT, SECRETARIAT, log_in, post_form

FORM = "/statistics/CRI/2024"
VICTIMS = "v.victims_detected."
GIRLS = "v.victims_detected.sex=female;age=child"
BOYS = "v.victims_detected.sex=male;age=child"


def test_a_focal_point_fills_saves_sees_a_check_fixes_and_submits(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)

    listing = browser.get("/statistics?year=2024")
    saved = post_form(browser, FORM, {VICTIMS: "31", GIRLS: "20", BOYS: "10"})
    page = browser.get(saved.headers["location"])
    refused = post_form(browser, f"{FORM}/submit", {})
    fixed = post_form(browser, FORM, {VICTIMS: "30", GIRLS: "20", BOYS: "10"})
    submitted = post_form(browser, f"{FORM}/submit", {})

    assert listing.status_code == 200 and 'data-country="CRI"' in listing.text
    title = listing.text.split("<title>")[1].split("</title>")[0]
    assert title.startswith("Estadísticas anuales") and "<" not in title
    assert listing.text.count('id="csv-heading"') == 1
    assert 'data-country="ARG"' not in listing.text  # a focal point sees its own state
    assert saved.status_code == 303 and saved.headers["location"] == f"{FORM}?done=saved"
    assert 'data-rule="victims_by_sex_and_age_add_up"' in page.text and 'value="31"' in page.text
    assert refused.status_code == 400 and "do not add up" in refused.text
    assert fixed.status_code == 303 and submitted.status_code == 303
    assert 'data-status="submitted"' in browser.get(FORM).text
    broken = browser.get("/statistics?year=2024&lang=en").text
    assert '<td data-checks="CRI">—</td>' not in broken
    assert "Pass" in broken.split('data-checks="CRI">')[1].split("</td>")[0]
    post_form(browser, FORM, {VICTIMS: "31", GIRLS: "20", BOYS: "10"})  # breaks a rule again
    listing = browser.get("/statistics?year=2024&lang=en").text
    assert listing.split('data-checks="CRI">')[1].startswith("1 error")


def test_saving_in_the_background_answers_the_checks(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    token_page = browser.get(FORM).text
    token = token_page.split('name="csrf_token" value="')[1].split('"')[0]

    answer = browser.post(
        FORM,
        data={"csrf_token": token, VICTIMS: "3", GIRLS: "1", BOYS: "1"},
        headers={"Accept": "application/json"},
    )
    bad = browser.post(
        FORM, data={"csrf_token": token, VICTIMS: "three"}, headers={"Accept": "application/json"}
    )

    assert answer.status_code == 200 and answer.json()["saved"] is True
    assert [item["rule"] for item in answer.json()["violations"]] == [
        "victims_by_sex_and_age_add_up"
    ]
    assert bad.status_code == 400 and bad.json() == {
        "saved": False,
        "error": "«three» no es un número.",
    }


def test_another_state_and_an_administrator_are_refused(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    assert browser.get("/statistics/ARG/2024").status_code == 403
    assert post_form(browser, "/statistics/ARG/2024", {VICTIMS: "1"}).status_code == 403
    browser.cookies.clear()
    log_in(browser, ADMINISTRATOR)
    assert browser.get("/statistics").status_code == 403


def test_the_secretariat_approves_and_the_year_is_locked(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    post_form(browser, FORM, {"v.persons_convicted.": "43"})
    post_form(browser, f"{FORM}/submit", {})
    browser.cookies.clear()
    log_in(browser, SECRETARIAT)

    listing = browser.get("/statistics?year=2024")
    approved = post_form(browser, f"{FORM}/approve", {})
    page = browser.get(FORM)

    assert 'data-country="ARG"' in listing.text and 'data-country="CRI"' in listing.text
    assert approved.status_code == 303
    assert 'data-status="approved"' in page.text and "readonly" in page.text
    assert 'name="reason"' in page.text
    browser.cookies.clear()
    profile = browser.get("/countries/CRI?lang=en").text  # public, once approved
    assert 'data-element="persons_convicted"' in profile and '<td class="number">43</td>' in profile
    facts = browser.get("/api/v1/facts?country=CRI").json()["items"]
    (fact,) = [item for item in facts if item["document"]["file_name"] == "CRI-2024-tip-annual-v1"]
    assert (fact["indicator"], fact["value"], fact["status"]) == ("convictions", 43, "published")
    assert fact["evidence"]["text"] == "Persons convicted in 2024: 43."
    source = browser.get(f"/documents/{fact['document']['id']}?lang=en")
    assert source.status_code == 200 and "Persons convicted in 2024: 43." in source.text


def test_a_csv_sent_from_the_page_imports_or_lists_its_bad_rows(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    token = browser.get("/statistics").text.split('name="csrf_token" value="')[1].split('"')[0]
    good = "country,year,element,value\nCRI,2022,persons_convicted,12\n"
    bad = "country,year,element,value\nCRI,2022,persons_convicted,12\nCRI,2022,persons_jailed,1\n"

    refused = browser.post(
        "/statistics/upload",
        data={"csrf_token": token},
        files={"file": ("stats.csv", bad.encode(), "text/csv")},
        follow_redirects=False,
    )
    imported = browser.post(
        "/statistics/upload",
        data={"csrf_token": token},
        files={"file": ("stats.csv", good.encode(), "text/csv")},
        follow_redirects=False,
    )
    nothing = browser.post("/statistics/upload", data={"csrf_token": token}, follow_redirects=False)

    assert (
        refused.status_code == 400
        and "persons_jailed" in refused.text
        and 'id="refused-rows"' in refused.text
    )
    assert (
        imported.status_code == 303
        and imported.headers["location"] == "/statistics?year=2022&done=imported"
    )
    assert "<td>1 / 5</td>" in browser.get("/statistics?year=2022").text
    assert nothing.status_code == 400


def test_the_reports_figures_are_offered_never_entered(browser: TestClient) -> None:
    log_in(browser, SECRETARIAT)

    page = browser.get("/statistics/PAN/2011?lang=en").text

    assert 'data-offers="offences_recorded"' in page
    assert (
        "opened 12 investigations" in page
        and 'data-fill="v.offences_recorded." data-value="12"' in page
    )
    assert 'name="v.offences_recorded." value=""' in page


def test_a_workbook_sent_from_the_page_imports(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    page = browser.get("/statistics?year=2022").text
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["country", "year", "element", "value"])
    sheet.append(["CRI", 2022, "persons_convicted", 12])
    data = io.BytesIO()
    workbook.save(data)

    imported = browser.post(
        "/statistics/upload",
        data={"csrf_token": token},
        files={"file": ("stats.xlsx", data.getvalue(), "application/octet-stream")},
        follow_redirects=False,
    )

    assert "/api/v1/statistics/template.xlsx?country=CRI&amp;year=2022" in page
    assert imported.status_code == 303, imported.text
    assert "<td>1 / 5</td>" in browser.get("/statistics?year=2022").text


def test_comparability_notes_save_with_the_figures_and_show_on_the_profile(
    browser: TestClient,
) -> None:
    log_in(browser, FOCAL_POINT)
    note = "Victims are counted when referred to assistance."
    saved = post_form(browser, FORM, {"v.persons_convicted.": "43", "note.victims_detected": note})
    page = browser.get(FORM).text
    too_long = post_form(browser, FORM, {"note.": "x" * 2001})
    post_form(browser, f"{FORM}/submit", {})
    browser.cookies.clear()
    log_in(browser, SECRETARIAT)
    post_form(browser, f"{FORM}/approve", {})
    browser.cookies.clear()

    profile = browser.get("/countries/CRI?lang=en").text
    api = browser.get("/api/v1/statistics/notes?country=CRI").json()

    assert saved.status_code == 303
    assert f">{note}</textarea>" in page
    assert too_long.status_code == 400 and "longer than 2000" in too_long.text
    assert "Comparability notes" in profile and f"<dd>{note}</dd>" in profile
    assert [(item["element"], item["text"]) for item in api["items"]] == [
        ("victims_detected", note)
    ]
