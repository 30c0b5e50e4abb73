"""``vigia serve``: vigia.cli.serve (the server itself is tested in tests/web/test_app.py)."""

from __future__ import annotations

from click.testing import CliRunner

from vigia.cli import main


def test_serve_help_documents_its_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])

    assert result.exit_code == 0
    for option in ("--db URL", "--host ADDRESS", "--port", "VIGIA_PORT or 8000"):
        assert option in result.output


def test_serve_unreachable_database_is_one_line_and_status_1() -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"

    result = CliRunner().invoke(main, ["serve", "--db", url])

    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot open database")
    assert result.output.count("\n") == 1


def test_serve_refuses_a_port_out_of_range() -> None:
    result = CliRunner().invoke(main, ["serve", "--port", "70000"])

    assert result.exit_code == 2
    assert "--port" in result.output


def test_serve_bad_vigia_port_is_one_line_and_status_1() -> None:
    result = CliRunner().invoke(main, ["serve", "--db", "sqlite://"], env={"VIGIA_PORT": "http"})

    assert result.exit_code == 1
    assert "VIGIA_PORT='http' is not a port number" in result.output
