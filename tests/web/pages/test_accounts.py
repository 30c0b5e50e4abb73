"""``/accounts``: vigia.web.pages.accounts (the administrators' page of users)."""

from __future__ import annotations

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
from vigia.services.accounts import find_user
from vigia.store.database import open_database, session_factory

NEW_EMAIL = "focal.pan@example.org"
NEW_PASSWORD = "a long enough password"
NEW_ACCOUNT = {
    "email": NEW_EMAIL,
    "display_name": "Focal Panama",
    "role": "focal_point",
    "country": "PAN",
    "password": NEW_PASSWORD,
    "password_again": NEW_PASSWORD,
}
TITLES = {"es": "Cuentas", "en": "Accounts", "fr": "Comptes", "pt": "Contas"}


def _user_id(site: Site, email: str) -> int:
    engine = open_database(site.url)
    try:
        with session_factory(engine)() as session:
            user = find_user(session, email)
            assert user is not None
            return user.id
    finally:
        engine.dispose()


def test_accounts_page_lists_users_for_an_administrator(browser: TestClient) -> None:
    log_in(browser, ADMINISTRATOR)

    page = browser.get("/accounts?lang=en")

    assert page.status_code == 200
    assert FOCAL_POINT in page.text and SECRETARIAT in page.text
    assert 'href="/accounts"' in page.text
    assert 'value="CRI"' in page.text


def test_accounts_create_a_focal_point_who_can_log_in(browser: TestClient, site: Site) -> None:
    log_in(browser, ADMINISTRATOR)

    answer = post_form(browser, "/accounts", NEW_ACCOUNT)
    browser.post("/logout", data={"csrf_token": csrf_token(browser, "/")})

    assert answer.status_code == 303
    assert answer.headers["location"] == "/accounts?done=created"
    assert log_in(browser, NEW_EMAIL, NEW_PASSWORD).status_code == 303
    assert "Panam" in browser.get("/?lang=en").text


def test_accounts_create_a_case_manager_for_a_country(browser: TestClient, site: Site) -> None:
    log_in(browser, ADMINISTRATOR)
    account = NEW_ACCOUNT | {"email": "cases.pan@example.org", "role": "case_manager"}

    answer = post_form(browser, "/accounts", account)
    page = browser.get("/accounts?lang=en").text

    assert answer.status_code == 303
    assert '<option value="case_manager"' in page and "Case manager" in page
    engine = open_database(site.url)
    with session_factory(engine)() as session:
        user = find_user(session, "cases.pan@example.org")
        assert user is not None and (user.role, user.country) == ("case_manager", "PAN")
    engine.dispose()


def test_accounts_refuse_passwords_that_differ(browser: TestClient, site: Site) -> None:
    log_in(browser, ADMINISTRATOR)

    answer = post_form(
        browser, "/accounts?lang=en", {**NEW_ACCOUNT, "password_again": "another long password"}
    )

    assert answer.status_code == 400
    assert "The two passwords are not the same." in answer.text
    assert f'value="{NEW_EMAIL}"' in answer.text
    assert NEW_PASSWORD not in answer.text
    assert log_in(browser, NEW_EMAIL, NEW_PASSWORD).status_code == 401


def test_accounts_show_the_store_refusal_and_keep_the_form(browser: TestClient) -> None:
    log_in(browser, ADMINISTRATOR)

    answer = post_form(browser, "/accounts?lang=en", {**NEW_ACCOUNT, "email": FOCAL_POINT})

    assert answer.status_code == 400
    assert "The account was not created" in answer.text
    assert "already exists" in answer.text
    assert '<option value="PAN" selected>' in answer.text
    assert NEW_PASSWORD not in answer.text


def test_accounts_are_forbidden_to_the_secretariat(browser: TestClient, site: Site) -> None:
    log_in(browser, SECRETARIAT)
    focal_point = _user_id(site, FOCAL_POINT)

    assert browser.get("/accounts").status_code == 403
    assert post_form(browser, "/accounts", NEW_ACCOUNT).status_code == 403
    assert post_form(browser, f"/accounts/{focal_point}/deactivate", {}).status_code == 403
    assert 'href="/accounts"' not in browser.get("/").text
    assert log_in(browser, FOCAL_POINT).status_code == 303


def test_accounts_need_a_login(browser: TestClient) -> None:
    answer = browser.get("/accounts", follow_redirects=False)

    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/login?next=")


def test_accounts_refuse_a_form_without_csrf_token(browser: TestClient, site: Site) -> None:
    log_in(browser, ADMINISTRATOR)
    focal_point = _user_id(site, FOCAL_POINT)

    created = browser.post("/accounts", data=NEW_ACCOUNT, follow_redirects=False)
    deactivated = browser.post(f"/accounts/{focal_point}/deactivate", follow_redirects=False)

    assert created.status_code == 403
    assert deactivated.status_code == 403
    assert NEW_EMAIL not in browser.get("/accounts").text


def test_accounts_deactivate_then_reactivate_a_user(browser: TestClient, site: Site) -> None:
    log_in(browser, ADMINISTRATOR)
    focal_point = _user_id(site, FOCAL_POINT)

    deactivated = post_form(browser, f"/accounts/{focal_point}/deactivate", {})
    refused_login = log_in(TestClient(browser.app), FOCAL_POINT)
    reactivated = post_form(browser, f"/accounts/{focal_point}/activate", {})
    accepted_login = log_in(TestClient(browser.app), FOCAL_POINT)

    assert deactivated.headers["location"] == "/accounts?done=deactivate"
    assert refused_login.status_code == 401
    assert reactivated.headers["location"] == "/accounts?done=activate"
    assert accepted_login.status_code == 303


def test_accounts_refuse_to_deactivate_oneself(browser: TestClient, site: Site) -> None:
    log_in(browser, ADMINISTRATOR)

    answer = post_form(browser, f"/accounts/{_user_id(site, ADMINISTRATOR)}/deactivate", {})

    assert answer.status_code == 400
    assert browser.get("/accounts").status_code == 200


def test_accounts_answer_404_for_an_unknown_user(browser: TestClient) -> None:
    log_in(browser, ADMINISTRATOR)

    assert post_form(browser, "/accounts/999999/deactivate", {}).status_code == 404
    assert post_form(browser, "/accounts/1/delete", {}).status_code == 404


@pytest.mark.parametrize("language", ["es", "en", "fr", "pt"])
def test_accounts_page_renders_in_each_language(browser: TestClient, language: str) -> None:
    log_in(browser, ADMINISTRATOR)

    page = browser.get(f"/accounts?lang={language}")

    assert page.status_code == 200
    assert f"<h1>{TITLES[language]}</h1>" in page.text
    assert f'<html lang="{language}">' in page.text
