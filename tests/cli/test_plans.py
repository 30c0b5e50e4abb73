"""``vigia plans``: listing, showing and importing Work Plans."""

from __future__ import annotations

import json
from pathlib import Path

from argon2 import PasswordHasher
from click.testing import CliRunner, Result

from vigia.cli import main
from vigia.services.accounts import create_user
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


def test_plans_list_shows_both_reference_plans(ready_sqlite_url: str) -> None:
    result = _plans("list", "--db", ready_sqlite_url)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["WP-2010", "WP-2015"]
    assert "(extended to 2014)" in lines[0]


def test_plans_show_prints_the_tree_in_the_language_asked(ready_sqlite_url: str) -> None:
    result = _plans("show", "WP-2010", "--language", "es", "--db", ready_sqlite_url)
    assert result.exit_code == 0, result.output
    assert "[prevention] Prevención" in result.stdout
    assert "WP-2010.PREV.1.1" in result.stdout


def test_plans_show_json_and_unknown_plan(ready_sqlite_url: str) -> None:
    shown = _plans("show", "WP-2015", "--json", "--db", ready_sqlite_url)
    assert json.loads(shown.stdout)["code"] == "WP-2015"
    unknown = _plans("show", "WP-1999", "--db", ready_sqlite_url)
    assert unknown.exit_code == 2
    assert "no Work Plan with code 'WP-1999'; plans: WP-2015, WP-2010" in unknown.output


def test_plans_show_code_ignores_case(ready_sqlite_url: str) -> None:
    shown = _plans("show", "wp-2015", "--json", "--db", ready_sqlite_url)
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["code"] == "WP-2015"


def test_plans_import_by_the_secretariat_then_listed(ready_database_url: str) -> None:
    _user(ready_database_url, "secretariat@example.org", "secretariat")
    document = next(PLANS.glob("*.es.txt"))

    result = _plans(
        "import", str(document), "--code", "PLAN-2030", "--starts", "2025", "--ends", "2030",
        "--as", "secretariat@example.org", "--db", ready_database_url,
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("imported PLAN-2030:")
    assert "PLAN-2030" in _plans("list", "--db", ready_database_url).stdout


def test_plans_import_refused_to_a_focal_point_and_nothing_stored(ready_sqlite_url: str) -> None:
    _user(ready_sqlite_url, "cri@example.org", "focal_point", "CRI")
    document = next(PLANS.glob("*.fr.txt"))

    result = _plans(
        "import", str(document), "--code", "PLAN-2030", "--starts", "2025", "--ends", "2030",
        "--as", "cri@example.org", "--db", ready_sqlite_url,
    )  # fmt: skip

    assert result.exit_code == 2
    assert "secretariat" in result.output
    assert "PLAN-2030" not in _plans("list", "--db", ready_sqlite_url).stdout


def test_plans_import_refuses_a_text_without_activities(
    ready_sqlite_url: str, tmp_path: Path
) -> None:
    _user(ready_sqlite_url, "secretariat@example.org", "secretariat")
    document = tmp_path / "notes.txt"
    document.write_text("OBJECTIVES\n- Strengthen the protection of victims.\n", encoding="utf-8")

    result = _plans(
        "import", str(document), "--code", "PLAN-2030", "--starts", "2025", "--ends", "2030",
        "--as", "secretariat@example.org", "--db", ready_sqlite_url,
    )  # fmt: skip

    assert result.exit_code == 2
    assert "no activity found in the text" in result.output
    assert "PLAN-2030" not in _plans("list", "--db", ready_sqlite_url).stdout


def test_plans_import_unknown_user_and_unreadable_file_are_input_errors(
    ready_sqlite_url: str, tmp_path: Path
) -> None:
    common = ["--code", "PLAN-2030", "--starts", "2025", "--ends", "2030", "--db", ready_sqlite_url]
    document = str(next(PLANS.glob("*.es.txt")))

    nobody = _plans("import", document, *common, "--as", "nobody@example.org")
    missing = _plans("import", str(tmp_path / "none.txt"), *common, "--as", "x@example.org")

    assert nobody.exit_code == 2 and "no user has the email nobody@example.org" in nobody.output
    assert missing.exit_code == 2 and "none.txt" in missing.output
