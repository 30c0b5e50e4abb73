"""The people of the browser tests: accounts made in the test database, and logging in as one."""

from __future__ import annotations

from typing import Any

from vigia.services.accounts import create_user
from vigia.store.database import open_database, session_factory

#: An account: email, password, role, country (None but for a focal point).
Account = tuple[str, str, str, str | None]


def create_accounts(url: str, *accounts: Account) -> None:
    engine = open_database(url)
    with session_factory(engine)() as session:
        for email, password, role, country in accounts:
            create_user(session, email, password, role, country=country)
    engine.dispose()


def log_in(page: Any, base: str, email: str, password: str) -> None:
    """Log in from the login page, in English, and wait for the page it leads to."""
    page.goto(f"{base}/login?lang=en")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_load_state()
