"""``vigia demo --no-serve`` prepares the database and prints the demo accounts."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from vigia.cli import main

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
