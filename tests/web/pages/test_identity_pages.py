"""Victims' identifying fields never reach a signed-in page of anyone but the register's case
managers: the secretariat's, the administrator's and a focal point's pages are searched for them."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.pages.conftest import (
    ADMINISTRATOR,
    FOCAL_POINT,
    SECRETARIAT,
    Site,
    log_in,
    post_form,
)
from vigia.evaluate.case_register import import_cases
from vigia.permissions import principal_for
from vigia.services.accounts import create_user
from vigia.services.sealing import Sealer, new_key_text
from vigia.store.database import open_database, session_factory

SECRETS = ("Zoraida Quintanilla", "CR-88-771", "+506 8888 1234")
RECORDS = (
    "year,sex,age_group,name,document_number,contact\n"
    f"2021,female,9-17,{SECRETS[0]},{SECRETS[1]},{SECRETS[2]}\n" + "2021,male,30-38,,,\n" * 12
)
PAGES = [
    "/",
    "/audit",
    "/audit.csv",
    "/protected-statistics",
    "/review",
    "/accounts",
    "/statistics",
]


def test_signed_in_pages_of_other_roles_never_show_an_identity(
    browser: TestClient, site: Site
) -> None:
    engine = open_database(site.url)
    with session_factory(engine)() as session:
        manager = create_user(
            session, "cases.cri@example.org", "a long enough password", "case_manager", "CRI"
        )
        sealer = Sealer.from_text(new_key_text("k"))
        assert import_cases(session, principal_for(manager), RECORDS.encode(), "CRI", sealer).ok
    engine.dispose()
    answers = []
    for who in (SECRETARIAT, ADMINISTRATOR, FOCAL_POINT):
        browser.cookies.clear()
        log_in(browser, who)
        if who == SECRETARIAT:
            fields: dict[str, str | list[str]] = {
                "register": "CRI",
                "dimensions": ["year", "sex"],
                "mechanism": "suppression",
            }
            answers.append(post_form(browser, "/protected-statistics", fields))
        answers += [browser.get(page) for page in PAGES]

    assert sum(answer.status_code == 200 for answer in answers) >= 12
    for answer in answers:
        for secret in SECRETS:
            assert secret not in answer.text, f"{secret!r} in {answer.request.url}"
