"""``vigia plans``: listing, showing and importing Work Plans."""

from __future__ import annotations

import json
from pathlib import Path

from argon2 import PasswordHasher
from click.testing import CliRunner, Result

from vigia.cli import main
from vigia.store.accounts import create_user
from vigia.store.database import open_database, session_factory

PLANS = Path(__file__).parents[1] / "data" / "plans"
PASSWORD = "correct horse battery staple"


def _plans(*arguments: str) -> Result:
    return CliRunner().invoke(main, ["plans", *arguments])


def _user(url: str, email: str, role: str, country: str | None = None) -> None:
    engine = open_database(url)
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    with session_factory(engine)() as session:
        create_user(session, email, PASSWORD, role, country, hasher=hasher)
    engine.dispose()


def test_plans_list_shows_both_reference_plans(sqlite_url: str) -> None:
    result = _plans("list", "--db", sqlite_url)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["WP-2010", "WP-2015"]
    assert "(extended to 2014)" in lines[0]


def test_plans_show_prints_the_tree_in_the_language_asked(sqlite_url: str) -> None:
    result = _plans("show", "WP-2010", "--language", "es", "--db", sqlite_url)
    assert result.exit_code == 0, result.output
    assert "[prevention] Prevención" in result.stdout
    assert "WP-2010.PREV.1.1" in result.stdout


def test_plans_show_json_and_unknown_plan(sqlite_url: str) -> None:
    shown = _plans("show", "WP-2015", "--json", "--db", sqlite_url)
    assert json.loads(shown.stdout)["code"] == "WP-2015"
    unknown = _plans("show", "WP-1999", "--db", sqlite_url)
    assert unknown.exit_code == 1 and "WP-1999" in unknown.output


def test_plans_import_by_the_secretariat_then_listed(database_url: str) -> None:
    _user(database_url, "secretariat@example.org", "secretariat")
    document = next(PLANS.glob("*.es.txt"))

    result = _plans(
        "import", str(document), "--code", "PLAN-2030", "--starts", "2025", "--ends", "2030",
        "--as", "secretariat@example.org", "--db", database_url,
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("imported PLAN-2030:")
    assert "PLAN-2030" in _plans("list", "--db", database_url).stdout


def test_plans_import_refused_to_a_focal_point_and_nothing_stored(sqlite_url: str) -> None:
    _user(sqlite_url, "cri@example.org", "focal_point", "CRI")
    document = next(PLANS.glob("*.fr.txt"))

    result = _plans(
        "import", str(document), "--code", "PLAN-2030", "--starts", "2025", "--ends", "2030",
        "--as", "cri@example.org", "--db", sqlite_url,
    )  # fmt: skip

    assert result.exit_code == 1
    assert "secretariat" in result.output
    assert "PLAN-2030" not in _plans("list", "--db", sqlite_url).stdout
