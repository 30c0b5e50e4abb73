"""``vigia serve``: vigia.cli.serve (the server itself is tested in tests/web/test_app.py)."""

from __future__ import annotations

import socket
from pathlib import Path

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


def test_serve_busy_port_fails_before_printing_a_url(ready_sqlite_url: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])

        result = CliRunner().invoke(main, ["serve", "--db", ready_sqlite_url, "--port", port])

    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}: the port is already in use" in result.output
    assert "http://" not in result.output


def test_serve_missing_database_says_how_to_create_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'vigia.db'}"

    result = CliRunner().invoke(main, ["serve", "--db", url, "--port", "0"])

    assert result.exit_code == 1
    assert "vigia db upgrade" in result.output
    assert "http://" not in result.output
    assert list(tmp_path.iterdir()) == []
