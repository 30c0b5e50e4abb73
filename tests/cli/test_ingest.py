"""``vigia ingest``: files in, facts stored, one line per file."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from vigia.cli import main
from vigia.services.fact_views import list_fact_records
from vigia.store.database import open_database, session_factory

STORED_LINE = re.compile(r"^stored (?P<path>.+): (?P<count>\d+) facts?$")


@pytest.fixture
def reports(tmp_path: Path) -> list[Path]:
    """Two small made-up reports, one in Spanish and one in English."""
    spanish = tmp_path / "informe.txt"
    spanish.write_text(
        "Informe nacional\n\nEn 2019 la fiscalía abrió 45 investigaciones por trata de personas "
        "y capacitó a más de 600 funcionarios públicos.\n",
        encoding="utf-8",
    )
    english = tmp_path / "report.txt"
    english.write_text(
        "National report\n\nIn 2020 the police rescued 120 victims of trafficking in persons.\n",
        encoding="utf-8",
    )
    return [spanish, english]


def _ingest(*arguments: str | Path) -> Result:
    return CliRunner().invoke(main, ["ingest", *map(str, arguments)])


def _stored_fact_count(url: str) -> int:
    engine = open_database(url)
    try:
        with session_factory(engine)() as session:
            return len(list_fact_records(session))
    finally:
        engine.dispose()


def test_ingest_stores_each_file_and_says_how_many_facts(
    database_url: str, reports: list[Path]
) -> None:
    result = _ingest(*reports, "--db", database_url)

    assert result.exit_code == 0, result.output
    matches = [STORED_LINE.match(line) for line in result.stdout.splitlines()]
    assert [match["path"] if match else None for match in matches] == list(map(str, reports))
    printed = sum(int(match["count"]) for match in matches if match)
    assert printed == _stored_fact_count(database_url)


def test_ingest_again_leaves_stored_files_unchanged(database_url: str, reports: list[Path]) -> None:
    _ingest(*reports, "--db", database_url)
    count = _stored_fact_count(database_url)

    again = _ingest(*reports, "--db", database_url)

    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines() == [f"unchanged {path} (already stored)" for path in reports]
    assert _stored_fact_count(database_url) == count


def test_ingest_reports_unreadable_files_and_goes_on(
    database_url: str, reports: list[Path], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")

    result = _ingest(missing, reports[0], empty, "--db", database_url)

    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert [line.split(": ")[1] for line in errors] == [str(missing), str(empty)]
    assert STORED_LINE.match(result.stdout.splitlines()[0])
    assert "Traceback" not in result.output


def test_ingest_shows_no_progress_bar_when_stderr_is_not_a_terminal(
    sqlite_url: str, reports: list[Path]
) -> None:
    several = _ingest(*reports, "--db", sqlite_url)

    assert several.exit_code == 0
    assert "ingesting" not in several.output
    assert [STORED_LINE.match(line) is not None for line in several.stdout.splitlines()] == [
        True,
        True,
    ]


def test_ingest_shows_a_progress_bar_on_a_terminal_only_for_several_files(
    sqlite_url: str, reports: list[Path]
) -> None:
    several = _stderr_on_a_terminal("ingest", *reports, "--db", sqlite_url)
    one = _stderr_on_a_terminal("ingest", reports[0], "--db", f"{sqlite_url}.other")

    assert "ingesting" in several
    assert "ingesting" not in one


def _stderr_on_a_terminal(*arguments: str | Path) -> str:
    """What ``vigia ARGUMENTS`` writes to its standard error when that is a terminal."""
    controller, terminal = pty.openpty()
    command = [sys.executable, "-m", "vigia.cli", *map(str, arguments)]
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=terminal) as process:
        os.close(terminal)
        written = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            if not chunk:
                break
            written += chunk
        process.wait(timeout=120)
    os.close(controller)
    return written.decode("utf-8", "replace")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not-a-url", "Error: not a database URL"),
        ("postgresql://someone:secret@127.0.0.1:1/vigia", "Error: cannot open database"),
    ],
)
def test_ingest_database_that_cannot_be_opened_exits_1(
    reports: list[Path], url: str, message: str
) -> None:
    result = _ingest(reports[0], "--db", url)

    assert result.exit_code == 1
    assert result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "secret" not in result.stderr


def test_ingest_uses_the_database_of_the_environment(reports: list[Path], tmp_path: Path) -> None:
    database = tmp_path / "from-environment" / "vigia.db"

    result = CliRunner(env={"VIGIA_DATABASE_URL": f"sqlite:///{database}"}).invoke(
        main, ["ingest", str(reports[0])]
    )

    assert result.exit_code == 0, result.output
    assert database.is_file()


def test_ingest_needs_at_least_one_file() -> None:
    result = _ingest()

    assert result.exit_code == 2
    assert "Missing argument 'FILES...'" in result.stderr


def test_ingest_a_real_report_twice(database_url: str, shared_corpus: Path) -> None:
    report = shared_corpus / "rtp3-rapporteur-report.fr.txt"
    if not report.is_file():
        pytest.skip(f"{report} is not in the shared corpus")

    first = _ingest(report, "--db", database_url)
    again = _ingest(report, "--db", database_url)

    assert first.exit_code == 0, first.output
    match = STORED_LINE.match(first.stdout.strip())
    assert match is not None
    assert int(match["count"]) == _stored_fact_count(database_url)
    assert again.stdout.strip() == f"unchanged {report} (already stored)"


def test_ingest_goes_on_past_hostile_files_and_names_each(
    tmp_path: Path, reports: list[Path], database_url: str
) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_text(
        "Informe\n\nLa fiscalía abrió 12345678901234567890123456789 investigaciones.\n",
        encoding="utf-8",
    )
    noise = tmp_path / "noise.html"
    noise.write_bytes(bytes((index * 97 + 13) % 256 for index in range(20_000)))
    result = _ingest(huge, noise, *reports, "--db", database_url)
    assert result.exit_code == 2, result.output
    assert f"error: {noise}: binary or garbled content, not text of a language" in result.stderr
    stored = [line for line in result.stdout.splitlines() if STORED_LINE.match(line)]
    assert len(stored) == 3
    assert "Traceback" not in result.output


def test_ingest_on_a_local_dask_cluster_stores_each_file_once(
    sqlite_url: str, reports: list[Path], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")

    first = _ingest(*reports, empty, "--workers", "2", "--db", sqlite_url)
    again = _ingest(*reports, "--workers", "2", "--db", sqlite_url)

    assert first.exit_code == 2
    stored = [STORED_LINE.match(line) for line in first.stdout.splitlines()]
    assert sorted(match["path"] for match in stored if match) == sorted(map(str, reports))
    assert first.stderr.splitlines() == [f"error: {empty}: empty file"]
    assert "Traceback" not in first.output and "Compute Failed" not in first.output
    assert again.exit_code == 0
    assert sorted(again.stdout.splitlines()) == sorted(
        f"unchanged {path} (already stored)" for path in reports
    )
