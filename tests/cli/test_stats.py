"""``vigia stats``: keys for sealed identities, and importing a case register."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from click.testing import CliRunner, Result
from sqlalchemy import func, select

from vigia.cli import main
from vigia.services.accounts import create_user
from vigia.store.database import open_database, session_factory
from vigia.store.models import CaseRow
from vigia.store.sealing import Sealer

PASSWORD = "correct horse battery staple"
RECORDS = "year,sex,age_group,name\n2021,female,9-17,Ana Q.\n2022,male,30-38,\n"


def _stats(*arguments: str, keys: str | None = None) -> Result:
    environment = {"VIGIA_CASE_KEYS": keys or ""}
    return CliRunner().invoke(main, ["stats", *arguments], env=environment)


def _user(url: str, email: str, role: str, country: str | None = None) -> None:
    engine = open_database(url)
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    with session_factory(engine)() as session:
        create_user(session, email, PASSWORD, role, country, hasher=hasher)
    engine.dispose()


def _stored(url: str) -> int:
    engine = open_database(url)
    with session_factory(engine)() as session:
        count = session.scalar(select(func.count()).select_from(CaseRow)) or 0
    engine.dispose()
    return count


def test_new_key_prints_a_key_the_setting_takes() -> None:
    result = _stats("new-key", "2026a")

    assert result.exit_code == 0
    assert Sealer.from_text(result.stdout.strip()).current == "2026a"
    assert _stats("new-key", "bad key!").exit_code == 2


def test_a_case_manager_imports_with_a_key_and_is_told_what_was_stored(
    ready_sqlite_url: str, tmp_path: Path
) -> None:
    _user(ready_sqlite_url, "cases@example.org", "case_manager", "GTM")
    records = tmp_path / "cases.csv"
    records.write_text(RECORDS)
    keys = _stats("new-key", "k1").stdout.strip()
    arguments = ("import", str(records), "--register", "GTM", "--as", "cases@example.org")

    without_key = _stats(*arguments, "--db", ready_sqlite_url)
    imported = _stats(*arguments, "--db", ready_sqlite_url, keys=keys)
    again = _stats(*arguments, "--db", ready_sqlite_url, keys=keys)

    assert without_key.exit_code == 2 and "VIGIA_CASE_KEYS" in without_key.output
    assert imported.exit_code == 0, imported.output
    assert imported.stdout == "imported 2 records into GTM (template layout)\n"
    assert "already imported" in again.stdout and _stored(ready_sqlite_url) == 2


@pytest.mark.parametrize(
    ("email", "register", "said"),
    [
        ("nobody@example.org", "GTM", "no user has the email"),
        ("secretariat@example.org", "GTM", "may not import"),
        ("secretariat@example.org", "XYZ", "neither an OAS member state"),
    ],
)
def test_refusals_are_one_clear_line_and_store_nothing(
    ready_sqlite_url: str, tmp_path: Path, email: str, register: str, said: str
) -> None:
    _user(ready_sqlite_url, "secretariat@example.org", "secretariat")
    records = tmp_path / "cases.csv"
    records.write_text("year,sex\n2021,female\n")

    result = _stats(
        "import", str(records), "--register", register, "--as", email, "--db", ready_sqlite_url
    )

    assert result.exit_code == 2 and said in result.output
    assert _stored(ready_sqlite_url) == 0


def test_bad_rows_are_listed_with_their_lines(ready_sqlite_url: str, tmp_path: Path) -> None:
    _user(ready_sqlite_url, "secretariat@example.org", "secretariat")
    records = tmp_path / "ctdc.csv"
    records.write_text("yearOfRegistration,gender\n2015,Female\n2015,Woman\n1800,Male\n")

    result = _stats(
        "import",
        str(records),
        "--register",
        "CTDC",
        "--as",
        "secretariat@example.org",
        "--db",
        ready_sqlite_url,
    )

    assert result.exit_code == 2
    assert "2 row(s)" in result.output and "line 3:" in result.output and "line 4:" in result.output
    assert _stored(ready_sqlite_url) == 0


def test_release_prints_the_table_and_ledger_shows_what_it_spent(
    ready_sqlite_url: str, tmp_path: Path
) -> None:
    _user(ready_sqlite_url, "secretariat@example.org", "secretariat")
    records = tmp_path / "ctdc.csv"
    records.write_text(
        "yearOfRegistration,gender,isSexualExploit\n"
        + "2015,Female,1\n" * 20
        + "2016,Male,0\n" * 12
    )
    who = ("--as", "secretariat@example.org", "--db", ready_sqlite_url)
    assert _stats("import", str(records), "--register", "CTDC", *who).exit_code == 0
    release = ("release", "--register", "CTDC", "--by", "year,sex", "--mechanism", "laplace")

    first = _stats(*release, "--epsilon", "2", *who)
    again = _stats(*release, "--epsilon", "2", *who)
    over = _stats(*release, "--epsilon", "2", "--by", "year,age_group", *who)
    spent = _stats("ledger", "--register", "CTDC", "--db", ready_sqlite_url)

    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[:2] == ["release 1 released: CTDC, ε = 2", "year\tsex\tcount"]
    assert "already released (nothing spent)" in again.stdout
    assert over.exit_code == 2 and "nothing was released" in over.output
    assert spent.stdout.splitlines() == [
        "year\tspent\tbudget\tleft",
        "2015\t2\t3\t1",
        "2016\t2\t3\t1",
    ]
