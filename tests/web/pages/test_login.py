"""``/login`` and ``/logout``: vigia.web.pages.login (sessions, CSRF, failed attempts)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.pages.conftest import FOCAL_POINT, PASSWORD, SECRETARIAT, Site, csrf_token, log_in
from vigia.services.accounts import find_user, set_active
from vigia.settings import Settings
from vigia.store.database import open_database, session_factory
from vigia.web.app import create_app
from vigia.web.sessions import SESSION_COOKIE


def test_login_form_has_labelled_fields_and_a_csrf_token(browser: TestClient) -> None:
    page = browser.get("/login?lang=en")

    assert page.status_code == 200
    assert '<label for="email">Email</label>' in page.text
    assert '<label for="password">Password</label>' in page.text
    assert len(csrf_token(browser)) >= 32


def test_log_in_goes_back_to_the_page_asked_for(browser: TestClient) -> None:
    asked = browser.get("/review", follow_redirects=False)
    assert asked.status_code == 303
    assert asked.headers["location"] == "/login?next=%2Freview"

    form = {"email": FOCAL_POINT, "password": PASSWORD, "next": "/review"}
    answer = browser.post(
        "/login", data={**form, "csrf_token": csrf_token(browser)}, follow_redirects=False
    )

    assert answer.status_code == 303
    assert answer.headers["location"] == "/review"
    assert FOCAL_POINT in browser.get("/review").text


def test_log_in_never_goes_to_another_site(browser: TestClient) -> None:
    form = {"email": FOCAL_POINT, "password": PASSWORD, "next": "//evil.example/phish"}
    answer = browser.post(
        "/login", data={**form, "csrf_token": csrf_token(browser)}, follow_redirects=False
    )

    assert answer.headers["location"] == "/"


def test_log_in_sets_an_http_only_same_site_cookie(browser: TestClient) -> None:
    answer = log_in(browser, FOCAL_POINT)

    cookie = answer.headers["set-cookie"].lower()
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "secure" not in cookie


def test_log_in_over_https_sets_a_secure_cookie(site: Site) -> None:
    app = create_app(Settings(database_url=site.url, secret_key="another secret for the tests"))
    with TestClient(app, base_url="https://testserver") as client:
        answer = log_in(client, FOCAL_POINT)
    app.state.engine.dispose()

    assert answer.status_code == 303
    assert "secure" in answer.headers["set-cookie"].lower()


def test_log_in_with_a_wrong_password_is_refused(browser: TestClient) -> None:
    answer = log_in(browser, FOCAL_POINT, "not the password at all")

    assert answer.status_code == 401
    assert 'role="alert"' in answer.text
    assert FOCAL_POINT not in browser.get("/?lang=en").text.split("<main")[0]


def test_log_in_is_refused_after_five_failures_for_an_account_at_an_address(
    browser: TestClient,
) -> None:
    statuses = [log_in(browser, FOCAL_POINT, f"wrong password {n}").status_code for n in range(5)]
    blocked = log_in(browser, FOCAL_POINT)

    assert statuses == [401] * 5
    assert blocked.status_code == 429
    assert 0 < int(blocked.headers["retry-after"]) <= 60
    assert "Vuelva a intentarlo dentro de 1 min." in blocked.text
    assert browser.get("/review", follow_redirects=False).status_code == 303


def test_log_in_failures_for_other_accounts_do_not_lock_the_secretariat_out(
    browser: TestClient,
) -> None:
    for number in range(5):
        assert log_in(browser, f"nobody{number}@example.org", "wrong").status_code == 401

    assert log_in(browser, SECRETARIAT).status_code == 303


def test_log_in_failures_are_shared_between_workers(site: Site, browser: TestClient) -> None:
    for number in range(5):
        assert log_in(browser, FOCAL_POINT, f"wrong {number}").status_code == 401
    app = create_app(Settings(database_url=site.url, secret_key="a secret key for the tests only"))
    with TestClient(app) as other_worker:
        assert log_in(other_worker, FOCAL_POINT).status_code == 429
    app.state.engine.dispose()


def test_log_in_without_csrf_token_is_forbidden(browser: TestClient) -> None:
    form = {"email": FOCAL_POINT, "password": PASSWORD}
    answer = browser.post("/login", data=form, follow_redirects=False)

    assert answer.status_code == 403
    assert "<h1>Prohibido</h1>" in answer.text
    assert browser.get("/review", follow_redirects=False).status_code == 303


def test_log_in_with_another_sessions_token_is_forbidden(site: Site, browser: TestClient) -> None:
    app = create_app(Settings(database_url=site.url, secret_key="a secret key for the tests only"))
    with TestClient(app) as other:
        foreign_token = csrf_token(other)
    app.state.engine.dispose()
    form = {"email": FOCAL_POINT, "password": PASSWORD, "csrf_token": foreign_token}
    csrf_token(browser)

    assert browser.post("/login", data=form, follow_redirects=False).status_code == 403


def test_log_out_ends_the_session(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    assert browser.get("/review", follow_redirects=False).status_code == 200

    answer = browser.post(
        "/logout", data={"csrf_token": csrf_token(browser)}, follow_redirects=False
    )

    assert answer.status_code == 303
    assert browser.get("/review", follow_redirects=False).status_code == 303


def test_log_out_ends_the_session_on_the_server_for_an_old_cookie(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    old_cookie = browser.cookies[SESSION_COOKIE]
    browser.post("/logout", data={"csrf_token": csrf_token(browser)}, follow_redirects=False)

    browser.cookies.set(SESSION_COOKIE, old_cookie)

    assert browser.get("/review", follow_redirects=False).status_code == 303


def test_deactivation_ends_open_sessions(site: Site, browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    cookie = browser.cookies[SESSION_COOKIE]
    engine = open_database(site.url)
    with session_factory(engine)() as session:
        user = find_user(session, FOCAL_POINT)
        assert user is not None
        set_active(session, user, False)
        set_active(session, user, True)
    engine.dispose()

    browser.cookies.set(SESSION_COOKIE, cookie)

    assert browser.get("/review", follow_redirects=False).status_code == 303


def test_log_out_without_csrf_token_is_forbidden(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)

    answer = browser.post("/logout", data={}, follow_redirects=False)

    assert answer.status_code == 403
    assert browser.get("/review", follow_redirects=False).status_code == 200


def test_a_forged_session_cookie_is_anonymous(browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    value = browser.cookies[SESSION_COOKIE]
    body, signature = value.split(".")
    browser.cookies.set(SESSION_COOKIE, f"{body}.{signature[::-1]}")

    assert browser.get("/review", follow_redirects=False).status_code == 303


def test_a_deactivated_users_session_ends(site: Site, browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    engine = open_database(site.url)
    with session_factory(engine)() as session:
        user = find_user(session, FOCAL_POINT)
        assert user is not None
        set_active(session, user, False)
    engine.dispose()

    assert browser.get("/review", follow_redirects=False).status_code == 303
    assert log_in(browser, FOCAL_POINT).status_code == 401
