"""``vigia demo --no-serve`` prepares the database and prints the demo accounts."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from click.testing import CliRunner

from vigia.cli import main
from vigia.services.accounts import create_user, list_users
from vigia.store.database import open_database, session_factory

HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)

REPORTS = sorted((Path(__file__).resolve().parents[1] / "data" / "reports").glob("*.txt"))


def test_demo_prints_accounts_and_counts(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'demo.db'}"
    arguments = ["demo", *map(str, REPORTS[:2]), "--db", database, "--no-serve"]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert "secretariat@demo.vigia.example / demo-secretariat-2026 / secretariat" in result.output
    assert "Demo database: 2 reports" in result.output


def test_demo_missing_report_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["demo", str(tmp_path / "nope.txt"), "--no-serve"])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_demo_uses_the_default_database_and_prints_what_to_run_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["demo", str(REPORTS[0]), "--no-serve"])
    facts = CliRunner().invoke(main, ["facts", "--limit", "1"])

    assert result.exit_code == 0, result.output
    assert (tmp_path / "vigia.db").is_file()
    assert "Try next (same database):\n  vigia facts --limit 5\n" in result.output
    assert facts.exit_code == 0 and len(facts.stdout.splitlines()) == 3


def test_demo_refuses_a_database_with_other_accounts(ready_database_url: str) -> None:
    engine = open_database(ready_database_url)
    with session_factory(engine)() as session:
        create_user(
            session, "real@example.org", "a real long password", "secretariat", hasher=HASHER
        )
    engine.dispose()

    result = CliRunner().invoke(main, ["demo", "--db", ready_database_url, "--no-serve"])

    assert result.exit_code == 2
    assert "1 account(s) that are not demo accounts" in result.output
    engine = open_database(ready_database_url)
    with session_factory(engine)() as session:
        assert [user.email for user in list_users(session)] == ["real@example.org"]
    engine.dispose()


def test_demo_refuses_a_database_with_reports_stored_without_it(ready_sqlite_url: str) -> None:
    CliRunner().invoke(main, ["ingest", str(REPORTS[0]), "--db", ready_sqlite_url])

    result = CliRunner().invoke(main, ["demo", "--db", ready_sqlite_url, "--no-serve"])

    assert result.exit_code == 2
    assert "1 document(s) stored without the demo" in result.output


def test_demo_runs_again_on_its_own_database(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'demo.db'}"
    first = CliRunner().invoke(main, ["demo", str(REPORTS[0]), "--db", database, "--no-serve"])
    again = CliRunner().invoke(main, ["demo", str(REPORTS[1]), "--db", database, "--no-serve"])

    assert first.exit_code == 0 and again.exit_code == 0, again.output
    assert f"vigia facts --db {database} --limit 5" in again.output
